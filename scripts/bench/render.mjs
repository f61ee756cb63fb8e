/**
 * Target 3: the first render of a feed document against a hand-written single pass over the same
 * 50 articles (about 5 KB of HTML each), in the same process. The baseline below is the least a
 * correct writer must do: escape text, wrap HTML in CDATA with `]]>` split, one string built once.
 * Ours (`renderFeed`, what the app calls on a memo miss) also writes the browser prolog, history
 * links, every optional element and makes URLs in the HTML absolute.
 */

import { published } from '../../src/feeds/select.ts'
import { siteFeedView } from '../../src/feeds/view.ts'
import { renderFeed } from '../../src/formats/render.ts'

const SITE_URL = 'https://news.example.com'
const esc = (s) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
const cdata = (s) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

export function baselineRss(site, articles) {
  let out = `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${esc(site.title)}</title><link>${SITE_URL}/</link><description>${esc(site.description)}</description>`
  for (const a of articles) {
    const url = `${SITE_URL}/articles/${a.slug}`
    out += `<item><title>${esc(a.title)}</title><link>${url}</link><guid>${url}</guid><pubDate>${new Date(a.date).toUTCString()}</pubDate><description>${cdata(a.summary)}</description><content:encoded>${cdata(a.html)}</content:encoded>`
    for (const t of a.tags) out += `<category>${esc(t)}</category>`
    for (const p of a.authors) out += `<dc:creator>${esc(p.name)}</dc:creator>`
    out += '</item>'
  }
  return `${out}</channel></rss>`
}

export function baselineAtom(site, articles) {
  let out = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${SITE_URL}/atom.xml</id><title>${esc(site.title)}</title><updated>${articles[0].updated}</updated><link rel="self" href="${SITE_URL}/atom.xml"/>`
  for (const a of articles) {
    const url = `${SITE_URL}/articles/${a.slug}`
    out += `<entry><id>${url}</id><title>${esc(a.title)}</title><link href="${url}"/><published>${a.date}</published><updated>${a.updated}</updated><summary>${esc(a.summary)}</summary><content type="html">${cdata(a.html)}</content>`
    for (const t of a.tags) out += `<category term="${esc(t)}"/>`
    for (const p of a.authors) out += `<author><name>${esc(p.name)}</name></author>`
    out += '</entry>'
  }
  return `${out}</feed>`
}

/** 50 articles of about 5 KB of HTML: paragraphs, links (relative and absolute), lists, entities. */
export function benchArticles(n = 50) {
  const words =
    'council ferry harbour library market bridge school river festival budget garden station'.split(' ')
  const para = (i, j) =>
    `<p>The ${words[(i + j) % 12]} &amp; the ${words[(i * 7 + j) % 12]} met on <a href="/articles/x-${j}">Monday</a> to discuss the <em>${words[j % 12]}</em> plan, see <a href="https://example.org/${i}">the report</a>. Residents asked “what next?” and the answer was &lt;soon&gt;.</p>`
  return Array.from({ length: n }, (_, i) => {
    const date = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString()
    let html = ''
    for (let j = 0; html.length < 5000; j++)
      html += j % 9 === 8 ? `<ul><li>${words[j % 12]}</li><li>${words[(j + 3) % 12]}</li></ul>` : para(i, j)
    return {
      source: `a-${i}.md`,
      slug: `article-${i}`,
      id: null,
      title: `The ${words[i % 12]} and the ${words[(i + 5) % 12]}: a story in ${i} parts`,
      date,
      updated: date,
      authors: [{ name: `Reporter ${i % 7}` }],
      tags: [words[i % 12], words[(i + 1) % 12]],
      summary: `A summary of article ${i}, with an & and a <tag>.`,
      html,
    }
  })
}

// Both sides end as bytes, as a rendered document does (src/http/documents.ts encodes it once):
// a string built with += is a rope until something reads it, so timing the string alone would
// flatter whichever side leaves more of its work to the reader.
const encoder = new TextEncoder()

function perRender(f, iterations) {
  const started = performance.now()
  for (let i = 0; i < iterations; i++) encoder.encode(f())
  return (performance.now() - started) / iterations
}

export function renderTargets({ rounds = 15, iterations = 40 } = {}) {
  const articles = benchArticles()
  const site = {
    title: 'Bench Gazette',
    description: 'Rendering benchmark',
    language: 'en',
    author: { name: 'Desk' },
    timezone: 'UTC',
    items: 50,
  }
  // As the loader hands it over: its HTML already stripped of what XML cannot carry (htmlClean).
  const corpus = { site, articles: [...articles].reverse(), hash: 'bench', htmlClean: true }
  const view = siteFeedView(corpus, SITE_URL, published(corpus, Date.UTC(2100, 0, 1)).articles)
  const cases = {
    rss: () => renderFeed('rss', view),
    atom: () => renderFeed('atom', view),
    json: () => renderFeed('json', view),
    baselineRss: () => baselineRss(site, view.articles),
    baselineAtom: () => baselineAtom(site, view.articles),
    baselineJson: () =>
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: site.title,
        items: view.articles.map((a) => ({
          id: a.slug,
          url: `${SITE_URL}/articles/${a.slug}`,
          title: a.title,
          content_html: a.html,
          date_published: a.date,
          tags: a.tags,
        })),
      }),
  }
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]))
  for (const f of Object.values(cases)) perRender(f, iterations) // warm-up
  for (let r = 0; r < rounds; r++)
    for (const [k, f] of Object.entries(cases)) times[k].push(perRender(f, iterations))
  // The fastest round of each: noise (other processes, a collection at a bad moment) only ever
  // adds time, so the minimum is the steadiest estimate on a shared machine.
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.min(...v)]))
  const kb = Math.round(cases.rss().length / 1024)
  return [
    {
      name: `render RSS, 50 items (${kb} KB) vs single pass`,
      value: m.rss,
      baseline: m.baselineRss,
      goal: '<= 1.5',
      unit: 'ms',
    },
    {
      name: 'render Atom, 50 items vs single pass',
      value: m.atom,
      baseline: m.baselineAtom,
      goal: '<= 1.5',
      unit: 'ms',
    },
    {
      name: 'render JSON Feed, 50 items vs JSON.stringify',
      value: m.json,
      baseline: m.baselineJson,
      goal: 'info',
      unit: 'ms',
    },
  ]
}
