/**
 * Properties of every rendered feed (each scope's subscription feed and archive pages, in RSS,
 * Atom and JSON Feed), for any article text: well-formed, read back exactly, deterministic, and
 * with ids that depend on nothing but the slug or the explicit id.
 *
 * The oracle strips with the rule of src/core/escape.ts `stripXmlInvalid` (XML 1.0 §2.2 `Char`: C0
 * controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF; written out again in arbitraries.ts),
 * which all three formats apply, and nothing else: CR, tabs and line feeds in attributes, `]]>`, references, C1 controls and quotes
 * all come back as they went in. XML is read as a conforming processor reads it (xml-reader.ts:
 * line ends normalised, attribute values normalised, only predefined entities), so a raw CR or a
 * literal tab in an attribute fails. Optional elements left out read as empty text; RSS dates are
 * RFC 822, to the second.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Article, Corpus, Enclosure, Site } from '../../src/core/corpus.ts'
import { compareArticles } from '../../src/core/corpus.ts'
import { inScope, scopesOf } from '../../src/feeds/catalog.ts'
import { published } from '../../src/feeds/select.ts'
import { archiveView, type FeedFormat, type FeedView, subscriptionView } from '../../src/feeds/view.ts'
import { rssMedia } from '../../src/formats/enclosures.ts'
import { renderFeed } from '../../src/formats/render.ts'
import { createApp } from '../../src/http/app.ts'
import {
  type FeedRecord,
  type ItemRecord,
  type MediaRecord,
  readAtom,
  readJson,
  readRss,
} from '../formats/feed-readers.ts'
import { anyCorpus, anyDates, anyHtml, anySiteUrl, anyText, nonBlankText, xmlChars } from './arbitraries.ts'

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json']
const READERS = { rss: readRss, atom: readAtom, json: readJson }
/** Later than any generated date, so every article is published. */
const NOW = Date.UTC(10000, 0, 1)

/** Every document of the corpus: each scope's subscription feed and all its archive pages. */
function viewsOf(corpus: Corpus, siteUrl: string): FeedView[] {
  const { articles } = published(corpus, NOW)
  const views: FeedView[] = []
  for (const scope of scopesOf(articles)) {
    const mine = articles.filter((a) => inScope(scope, a))
    views.push(subscriptionView(corpus.site, siteUrl, scope, mine))
    for (let page = 1, v = archiveView(corpus.site, siteUrl, scope, mine, page); v; ) {
      views.push(v)
      v = archiveView(corpus.site, siteUrl, scope, mine, ++page)
    }
  }
  return views
}

const SITE: Site = {
  title: 'Site & <Co>',
  description: ']]>',
  language: 'en',
  author: { name: 'Desk' },
  timezone: 'UTC',
  items: 20,
}

const s = xmlChars

// The URL rules of src/feeds/urls.ts as the model: a root-relative URL (`/x`, not `//x`) gets the
// site URL in front, in links and in the `href`, `src` and `cite` of every tag of the HTML.
const absolute = (siteUrl: string, url: string) => (/^\/(?!\/)/.test(url) ? siteUrl + url : url)
const absoluteHtml = (siteUrl: string, html: string) =>
  html.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/ (href|src|cite)="\/(?!\/)/g, ` $1="${siteUrl}/`))
const second = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000

/** What a reader must get for each article in `format`: the oracle. */
function expectedItem(format: FeedFormat, siteUrl: string, a: Article): ItemRecord {
  const url = `${siteUrl}/articles/${encodeURIComponent(a.slug)}`
  const abs = (u: string) => s(absolute(siteUrl, u))
  const media = (e: Enclosure, length: number | undefined): MediaRecord => ({
    url: abs(e.url),
    type: e.type,
    ...(length === undefined ? {} : { length }),
  })
  const all = a.enclosures ?? []
  const { enclosure, content } = rssMedia(a)
  const byFormat: Record<FeedFormat, MediaRecord[]> = {
    // RSS requires `length` on <enclosure> (0 when unknown); Media RSS `fileSize` must be positive.
    rss: [
      ...(enclosure ? [media(enclosure, enclosure.length ?? 0)] : []),
      ...content.map((e) => media(e, e.length || undefined)),
    ],
    atom: all.map((e) => media(e, e.length)),
    json: all.filter((e) => e.role === 'enclosure').map((e) => media(e, e.length)),
  }
  return {
    title: s(a.title),
    url: s(url),
    id: s(a.id ?? url),
    // RFC 822 has no fractions of a second.
    published: format === 'rss' ? second(a.date) : Date.parse(a.date),
    ...(format === 'rss' ? {} : { updated: Date.parse(a.updated) }),
    summary: s(a.summary),
    html: s(absoluteHtml(siteUrl, a.html)),
    tags: a.tags.map(s),
    authors: a.authors.map((p) => s(p.name)),
    media: byFormat[format],
    ...(format === 'json' && a.image ? { image: abs(a.image) } : {}),
  }
}

function expected(format: FeedFormat, view: FeedView): FeedRecord {
  return {
    title: s(view.title),
    description: s(view.description),
    ...(format === 'json'
      ? {}
      : { updated: format === 'rss' ? second(view.updated) : Date.parse(view.updated) }),
    ...(format === 'json' ? {} : { copyright: s(view.site.copyright ?? '') }),
    ...(format === 'rss' ? {} : { author: s(view.site.author.name) }),
    items: view.articles.map((a) => expectedItem(format, view.siteUrl, a)),
  }
}

const wide = (corpus: Corpus): Corpus => ({ ...corpus, site: { ...corpus.site, items: 1000 } })

/** The (url, id) of every item of the site feed in every format. */
function idsOf(corpus: Corpus, siteUrl: string): string[][] {
  const [view] = viewsOf(wide(corpus), siteUrl)
  return FORMATS.map((f) =>
    READERS[f](renderFeed(f, view))
      .items.map((i) => `${i.url} ${i.id}`)
      .sort(),
  )
}

describe('feed properties', () => {
  it('renders every scope and page well-formed, and each reads back as its articles', () => {
    fc.assert(
      fc.property(anyCorpus, anySiteUrl, (corpus, siteUrl) => {
        for (const view of viewsOf(corpus, siteUrl)) {
          for (const format of FORMATS) {
            const doc = renderFeed(format, view)
            expect(READERS[format](doc), `${format} ${view.paths[format]}`).toEqual(expected(format, view))
          }
        }
      }),
      { numRuns: 100 },
    )
  })

  it('renders the same bytes for the same view, and for a copy of the corpus read back from JSON', () => {
    fc.assert(
      fc.property(anyCorpus, anySiteUrl, (corpus, siteUrl) => {
        const copy: Corpus = JSON.parse(JSON.stringify(corpus))
        const views = viewsOf(corpus, siteUrl)
        const copies = viewsOf(copy, siteUrl)
        expect(copies.length).toBe(views.length)
        views.forEach((view, i) => {
          for (const format of FORMATS) {
            const first = renderFeed(format, view)
            expect(renderFeed(format, view)).toBe(first)
            expect(renderFeed(format, copies[i])).toBe(first)
          }
        })
      }),
      { numRuns: 60 },
    )
  })

  it('keeps every id and URL when the title, dates, body, summary or tags change', () => {
    const change = fc.record(
      {
        title: nonBlankText(12),
        dates: anyDates,
        html: anyHtml,
        summary: anyText(12),
        tags: fc.array(nonBlankText(6), { maxLength: 4 }),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(anyCorpus, anySiteUrl, fc.nat(), change, (corpus, siteUrl, pick, c) => {
        fc.pre(corpus.articles.length > 0)
        const i = pick % corpus.articles.length
        const { dates, ...fields } = c
        const before = corpus.articles[i]
        const after: Article = {
          ...before,
          ...fields,
          ...dates,
        }
        const changed = corpus.articles.map((a) => (a === before ? after : a)).sort(compareArticles)
        const ids = idsOf(corpus, siteUrl)
        expect(idsOf({ ...corpus, articles: changed }, siteUrl)).toEqual(ids)
        // And each is the permalink, or the explicit id, and nothing else.
        const permalink = (a: Article) => `${siteUrl}/articles/${encodeURIComponent(a.slug)}`
        const own = corpus.articles.map((a) => `${permalink(a)} ${a.id ?? permalink(a)}`).sort()
        for (const list of ids) expect(list).toEqual(own)
      }),
      { numRuns: 80 },
    )
  })

  it('serves every feed of every scope as the renderer writes it, with the same ETag from any app', async () => {
    await fc.assert(
      fc.asyncProperty(anyCorpus, anySiteUrl, async (corpus, siteUrl) => {
        const app = createApp({ corpus, siteUrl, clock: () => NOW })
        const copy = createApp({ corpus: JSON.parse(JSON.stringify(corpus)), siteUrl, clock: () => NOW })
        for (const view of viewsOf(corpus, siteUrl)) {
          for (const format of FORMATS) {
            const path = view.paths[format]
            const [res, again] = [await app.request(path), await copy.request(path)]
            expect(res.status, path).toBe(200)
            expect(await res.text(), path).toBe(renderFeed(format, view))
            expect(again.headers.get('ETag'), path).toBe(res.headers.get('ETag'))
          }
        }
      }),
      { numRuns: 30 },
    )
  })

  it('reads back articles with every kind of text in every field', () => {
    // Fixed examples next to the random ones, so that a failure names the fields at stake.
    const plain: Article = {
      source: 'x.md',
      slug: "it's-<x>&",
      id: null,
      title: 'a]]>b & <c> "q" \u0001\u0085\ud800 😀 \r\n\t',
      date: '1900-01-01T00:00:00.001Z',
      updated: '9999-12-31T23:59:59.999Z',
      authors: [{ name: 'A & <B>', email: "o'k&x@example.com" }],
      tags: ['t&1', '<![CDATA[', ']]>', 'tab\there\r'],
      summary: 's & < ]]> &amp; \r',
      html: '<p><a href="/articles/y">x]]>y</a> &amp; \ufffe\r</p>',
    }
    const explicit: Article = {
      ...plain,
      source: 'y.md',
      slug: 'y',
      id: 'tag:example.com,2024:a&b<c>',
      date: '2024-05-01T09:30:00.000Z',
      authors: [{ name: 'One' }, { name: 'Two "2"' }],
      image: '/media/a&b.png',
      enclosures: [
        { url: '/media/a&b.png', type: 'image/png', role: 'image' },
        { url: 'https://cdn.example.net/e.mp3?a=1&b=2', type: 'audio/mpeg', length: 5, role: 'enclosure' },
      ],
    }
    const corpus = { site: SITE, articles: [explicit, plain], hash: 'x' }
    for (const view of viewsOf(corpus, 'https://example.com/a&b')) {
      for (const format of FORMATS)
        expect(READERS[format](renderFeed(format, view))).toEqual(expected(format, view))
    }
  })
})
