import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Article, type Corpus, compareArticles } from '../../src/core/corpus.ts'
import type { FeedFormat, FeedView } from '../../src/feeds/view.ts'
import { FEED_CONTENT_TYPES, renderFeed } from '../../src/formats/render.ts'
import {
  article,
  atomEntries,
  corpusOf,
  parseXml,
  rssItems,
  text,
  unescapeHtml,
  viewOf,
  viewWith,
  type Xml,
} from '../feeds/fixtures.ts'

const FORMATS: FeedFormat[] = ['rss', 'atom', 'json']

type Shown = { id: string; title: string; published: number; modified?: number }

/** What a reader takes from each format: ids, plain titles and dates as instants, in order. */
function itemsOf(format: FeedFormat, view: FeedView): Shown[] {
  const doc = renderFeed(format, view)
  if (format === 'rss') {
    return rssItems(doc).map((i: Xml) => ({
      id: text(i.guid),
      title: text(i.title),
      published: Date.parse(i.pubDate),
    }))
  }
  if (format === 'atom') {
    return atomEntries(doc).map((e: Xml) => ({
      id: e.id,
      title: unescapeHtml(text(e.title)),
      published: Date.parse(e.published),
      modified: Date.parse(e.updated),
    }))
  }
  return JSON.parse(doc).items.map((i: Xml) => ({
    id: i.id,
    title: i.title,
    published: Date.parse(i.date_published),
    modified: Date.parse(i.date_modified),
  }))
}

/** Items that differ in every way a format could confuse them. */
function mixedArticles(): Article[] {
  return [
    article('alpha', '2024-03-01T12:00:00.000Z', { title: 'Tom & Jerry <3 "quotes"' }),
    article('beta', '2024-03-01T12:00:00.000Z', {
      id: 'tag:example.com,2024:beta',
      updated: '2024-04-10T08:15:30.000Z',
      title: 'a ]]> b ]]> c',
    }),
    article('gamma delta', '2024-02-29T23:59:59.000Z', { title: 'Fish &amp; Chips' }),
    article('epsilon', '2024-01-15T06:00:00.000Z', { title: 'Épée — naïve' }),
    article('zeta', '2023-12-31T23:00:00.000Z'),
  ]
}

describe('renderFeed', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('dispatches to the renderer of each format', () => {
    const view = viewWith({})
    expect(parseXml(renderFeed('rss', view)).rss['@_version']).toBe('2.0')
    expect(parseXml(renderFeed('atom', view)).feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(JSON.parse(renderFeed('json', view)).version).toBe('https://jsonfeed.org/version/1.1')
  })

  it('names a UTF-8 media type for each format', () => {
    expect(FEED_CONTENT_TYPES).toEqual({
      rss: 'application/rss+xml; charset=utf-8',
      atom: 'application/atom+xml; charset=utf-8',
      json: 'application/feed+json; charset=utf-8',
    })
  })

  it('shows the same items with the same ids, titles and dates, in the same order, in every format', () => {
    const view = viewOf(corpusOf(mixedArticles()))
    const expected: Shown[] = view.articles.map((a) => ({
      id: a.id ?? `https://example.com/articles/${encodeURIComponent(a.slug)}`,
      title: a.title,
      published: Date.parse(a.date),
      modified: Date.parse(a.updated),
    }))
    // Ties on date are broken by slug: alpha before beta.
    expect(expected.map((e) => e.id)).toEqual([
      'https://example.com/articles/alpha',
      'tag:example.com,2024:beta',
      'https://example.com/articles/gamma%20delta',
      'https://example.com/articles/epsilon',
      'https://example.com/articles/zeta',
    ])
    expect(itemsOf('atom', view)).toEqual(expected)
    expect(itemsOf('json', view)).toEqual(expected)
    // RSS has no modification date per item.
    expect(itemsOf('rss', view)).toEqual(expected.map(({ modified: _, ...rest }) => rest))
  })

  it('shows only the newest `site.items` published articles in every format', () => {
    const corpus = corpusOf([...mixedArticles(), article('scheduled', '2030-01-01T00:00:00.000Z')], {
      items: 3,
    })
    const view = viewOf(corpus, 'https://example.com', Date.parse('2025-01-01T00:00:00Z'))
    const ids = [
      'https://example.com/articles/alpha',
      'tag:example.com,2024:beta',
      'https://example.com/articles/gamma%20delta',
    ]
    for (const format of FORMATS) {
      expect(itemsOf(format, view).map((i) => i.id)).toEqual(ids)
    }
  })

  it('dates the feed by its newest item `updated` in every format', () => {
    const view = viewOf(corpusOf(mixedArticles()))
    expect(parseXml(renderFeed('rss', view)).rss.channel.lastBuildDate).toBe('Wed, 10 Apr 2024 08:15:30 GMT')
    expect(parseXml(renderFeed('atom', view)).feed.updated).toBe('2024-04-10T08:15:30.000Z')
  })

  describe('links in content', () => {
    const html =
      '<p><a href="/articles/x">x</a> <img src="/media/y.svg" alt="y"> <a href="https://other.example/z">z</a>' +
      ' code: a href="/not-a-link"</p>'

    function contentOf(format: FeedFormat, siteUrl: string): string {
      const doc = renderFeed(format, viewWith({ html }, {}, siteUrl))
      if (format === 'rss') return text(rssItems(doc)[0]['content:encoded'])
      if (format === 'atom') return text(atomEntries(doc)[0].content)
      return JSON.parse(doc).items[0].content_html
    }

    for (const siteUrl of ['https://example.com', 'https://example.com/news']) {
      it(`are made absolute against ${siteUrl} in every format`, () => {
        const expected =
          `<p><a href="${siteUrl}/articles/x">x</a> <img src="${siteUrl}/media/y.svg" alt="y">` +
          ' <a href="https://other.example/z">z</a> code: a href="/not-a-link"</p>'
        for (const format of FORMATS) expect(contentOf(format, siteUrl)).toBe(expected)
      })
    }
  })

  describe('determinism', () => {
    it('renders the same view to the same bytes twice, at different times', () => {
      const view = viewOf(corpusOf(mixedArticles()))
      for (const format of FORMATS) {
        vi.useFakeTimers()
        vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
        const first = renderFeed(format, view)
        vi.setSystemTime(new Date('2040-06-15T12:34:56Z'))
        const second = renderFeed(format, view)
        vi.useRealTimers()
        expect(second).toBe(first)
      }
    })

    it('renders the same bytes whatever order the articles arrived in, once sorted', () => {
      const articles = mixedArticles()
      const reference = viewOf(corpusOf(articles))
      const orders = [[...articles].reverse(), [2, 0, 4, 1, 3].map((i) => articles[i])]
      for (const order of orders) {
        const corpus: Corpus = { ...corpusOf([]), articles: [...order].sort(compareArticles) }
        for (const format of FORMATS) {
          expect(renderFeed(format, viewOf(corpus))).toBe(renderFeed(format, reference))
        }
      }
    })

    it('writes an empty feed that is still valid and dated at the fixed epoch', () => {
      vi.useFakeTimers()
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
      const view = viewOf(corpusOf([]))
      const channel = parseXml(renderFeed('rss', view)).rss.channel
      expect(channel.title).toBe('Dateline Daily')
      expect(channel.item).toBeUndefined()
      expect(channel.lastBuildDate).toBe('Sat, 01 Jan 2000 00:00:00 GMT')
      const feed = parseXml(renderFeed('atom', view)).feed
      expect(feed.id).toBe('https://example.com/atom.xml')
      expect(feed.updated).toBe('2000-01-01T00:00:00.000Z')
      expect(feed.entry).toBeUndefined()
      const json = JSON.parse(renderFeed('json', view))
      expect(json.items).toEqual([])
      expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    })
  })
})
