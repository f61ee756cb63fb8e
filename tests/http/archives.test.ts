import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/core/corpus.ts'
import { scopePaths, scopesOf } from '../../src/feeds/catalog.ts'
import { createApp } from '../../src/http/app.ts'
import { article, corpusOf } from '../support/corpus.ts'

const SITE_URL = 'https://news.example.com'
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'entry', 'link', 'atom:link'].includes(name),
})

/** 47 articles a day apart, over three tags and two authors, 5 to a feed. */
function history(count = 47): Article[] {
  return Array.from({ length: count }, (_, i) =>
    article(`a${String(i).padStart(2, '0')}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), {
      tags: [['Politics', 'Sport', 'Cənubi Qafqaz'][i % 3]],
      authors: [{ name: i % 2 ? 'Ann Author' : 'Бакы Reporter' }],
    }),
  )
}

const NOW = () => Date.parse('2026-12-31T00:00:00Z')

type Page = { ids: string[]; prev?: string }

async function read(
  app: ReturnType<typeof createApp>,
  url: string,
  format: 'rss' | 'atom' | 'json',
): Promise<Page> {
  const res = await app.request(url.slice(SITE_URL.length))
  expect(res.status, url).toBe(200)
  const text = await res.text()
  if (format === 'json') {
    const doc = JSON.parse(text)
    return { ids: doc.items.map((i: { id: string }) => i.id), prev: doc.next_url }
  }
  if (format === 'rss') {
    const channel = xml.parse(text).rss.channel
    const prev = channel['atom:link'].find((l: Record<string, string>) => l['@_rel'] === 'prev-archive')
    return {
      ids: (channel.item ?? []).map((i: { guid: { '#text': string } }) => i.guid['#text']),
      prev: prev?.['@_href'],
    }
  }
  const feed = xml.parse(text).feed
  const prev = feed.link.find((l: Record<string, string>) => l['@_rel'] === 'prev-archive')
  return { ids: (feed.entry ?? []).map((e: { id: string }) => e.id), prev: prev?.['@_href'] }
}

describe('RFC 5005 archives', () => {
  const corpus = corpusOf(history(), { items: 5 })
  const app = createApp({ corpus, siteUrl: SITE_URL, clock: NOW })

  it('lead from every subscription feed back to the first article, every article once', async () => {
    const scopes = scopesOf(corpus.articles)
    expect(scopes).toHaveLength(1 + 3 + 2)
    for (const scope of scopes) {
      const expected = corpus.articles
        .filter(
          (a) =>
            scope.kind === 'site' ||
            (scope.kind === 'tag' ? a.tags[0] === scope.name : a.authors[0].name === scope.name),
        )
        .map((a) => `${SITE_URL}/articles/${a.slug}`)
      for (const format of ['rss', 'atom', 'json'] as const) {
        const subscription = await read(app, SITE_URL + scopePaths(scope)[format], format)
        expect(subscription.ids).toHaveLength(5)
        const seen = [...subscription.ids]
        const archived: string[] = []
        let next = subscription.prev
        for (let hops = 0; next && hops < 50; hops++) {
          const page = await read(app, next, format)
          archived.push(...page.ids)
          next = page.prev
        }
        // Every article is in the archive exactly once; the subscription document overlaps the
        // newest archive page by design.
        expect(new Set(archived).size, `${scope.kind} ${format}`).toBe(archived.length)
        expect([...archived].sort(), `${scope.kind} ${format}`).toEqual([...expected].sort())
        expect(seen.every((id) => archived.includes(id))).toBe(true)
      }
    }
  })

  it('marks archive pages fh:archive with current, prev-archive and next-archive links', async () => {
    const text = await (await app.request('/archive/2/atom.xml')).text()
    const feed = xml.parse(text).feed
    expect(feed['@_xmlns:fh']).toBe('http://purl.org/syndication/history/1.0')
    expect(feed['fh:archive']).toBe('')
    const rel = (r: string) => feed.link.find((l: Record<string, string>) => l['@_rel'] === r)?.['@_href']
    expect(rel('current')).toBe(`${SITE_URL}/atom.xml`)
    expect(rel('prev-archive')).toBe(`${SITE_URL}/archive/1/atom.xml`)
    expect(rel('next-archive')).toBe(`${SITE_URL}/archive/3/atom.xml`)
    expect(rel('self')).toBe(`${SITE_URL}/archive/2/atom.xml`)
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(
      ['a09', 'a08', 'a07', 'a06', 'a05'].map((s) => `${SITE_URL}/articles/${s}`),
    )
  })

  it('serves full pages as immutable and the page being filled as a feed', async () => {
    // 47 articles, 5 a page: pages 1–9 are full, page 10 holds the last two.
    const full = await app.request('/archive/9/rss.xml')
    expect(full.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    const filling = await app.request('/archive/10/rss.xml')
    expect(filling.headers.get('Cache-Control')).toMatch(/^public, max-age=600,/)
    expect((await app.request('/archive/11/rss.xml')).status).toBe(404)
  })

  it('never changes a full page as articles are added', async () => {
    const before = await app.request('/archive/9/atom.xml')
    const grown = createApp({ corpus: corpusOf(history(63), { items: 5 }), siteUrl: SITE_URL, clock: NOW })
    const after = await grown.request('/archive/9/atom.xml')
    expect(await after.text()).toBe(await before.text())
    expect(after.headers.get('ETag')).toBe(before.headers.get('ETag'))
  })

  it('changes only the page of an edited article', async () => {
    const edited = history().map((a) =>
      a.slug === 'a12' ? { ...a, title: 'Corrected', updated: '2026-06-01T00:00:00.000Z' } : a,
    )
    const other = createApp({ corpus: corpusOf(edited, { items: 5 }), siteUrl: SITE_URL, clock: NOW })
    for (let page = 1; page <= 9; page++) {
      const a = (await app.request(`/archive/${page}/rss.xml`)).headers.get('ETag')
      const b = (await other.request(`/archive/${page}/rss.xml`)).headers.get('ETag')
      if (page === 3) expect(b).not.toBe(a)
      else expect(b, `page ${page}`).toBe(a)
    }
  })

  it('makes a feed that holds everything a complete feed, with no archive links', async () => {
    const small = createApp({ corpus: corpusOf(history(3), { items: 5 }), siteUrl: SITE_URL, clock: NOW })
    const feed = xml.parse(await (await small.request('/atom.xml')).text()).feed
    expect(feed['fh:complete']).toBe('')
    expect(feed.link.some((l: Record<string, string>) => l['@_rel'] === 'prev-archive')).toBe(false)
    expect((await (await small.request('/feed.json')).json()).next_url).toBeUndefined()
  })

  it('answers 404 to page numbers that are not numbers, zero, padded or too large', async () => {
    for (const page of ['0', '01', 'abc', '-1', '1e3', '99999999', '3.0']) {
      expect((await app.request(`/archive/${page}/rss.xml`)).status, page).toBe(404)
    }
  })
})

describe('complete feeds', () => {
  it('have no archive pages', async () => {
    const small = createApp({ corpus: corpusOf(history(5), { items: 5 }), siteUrl: SITE_URL, clock: NOW })
    expect((await small.request('/archive/1/rss.xml')).status).toBe(404)
    const grown = createApp({ corpus: corpusOf(history(6), { items: 5 }), siteUrl: SITE_URL, clock: NOW })
    expect((await grown.request('/archive/1/rss.xml')).status).toBe(200)
    expect((await grown.request('/archive/2/rss.xml')).status).toBe(200)
  })
})
