/** Hand-made corpora and XML helpers for the feed tests: plain data, no loader. */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { expect } from 'vitest'
import type { Article, Corpus, Enclosure, Site } from '../../src/core/corpus.ts'
import { published } from '../../src/feeds/select.ts'
import { type FeedView, siteFeedView } from '../../src/feeds/view.ts'
import { article, corpusOf as baseCorpusOf } from '../support/corpus.ts'

export const SITE_URL = 'https://example.com'

export const SITE: Site = {
  title: 'Dateline Daily',
  description: 'News from the test desk',
  language: 'en-GB',
  author: { name: 'The Desk', email: 'desk@example.com', url: 'https://example.com/desk' },
  timezone: 'UTC',
  items: 20,
}

export { article }

/** Enclosures of every kind: a local image, a remote audio file without a length, a remote PDF. */
export const MEDIA = {
  image: { url: '/media/ferry.svg', type: 'image/svg+xml', length: 1602, role: 'image' },
  remoteImage: { url: 'https://cdn.example.net/p.png', type: 'image/png', role: 'image' },
  audio: { url: 'https://cdn.example.net/ep1.mp3?a=1&b=2', type: 'audio/mpeg', role: 'enclosure' },
  pdf: {
    url: 'https://cdn.example.net/report.pdf',
    type: 'application/pdf',
    length: 52000,
    role: 'enclosure',
  },
  video: { url: '/media/clip.mp4', type: 'video/mp4', length: 987654, role: 'enclosure' },
} satisfies Record<string, Enclosure>

/** A corpus with this file's site, in the order the loader guarantees. */
export function corpusOf(articles: Article[], site: Partial<Site> = {}): Corpus {
  return baseCorpusOf(articles, { ...SITE, ...site })
}

/** The main feed's view as the app builds it: published at `now`, then the newest `site.items`. */
export function viewOf(
  corpus: Corpus,
  siteUrl = SITE_URL,
  now = Date.parse('2100-01-01T00:00:00Z'),
): FeedView {
  return siteFeedView(corpus, siteUrl, published(corpus, now).articles)
}

/** One view with a single article, for tests about how one field comes out. */
export function viewWith(extra: Partial<Article>, site: Partial<Site> = {}, siteUrl = SITE_URL): FeedView {
  return viewOf(corpusOf([article('only', '2024-05-01T09:30:00.000Z', extra)], site), siteUrl)
}

// Elements that may repeat are always arrays, so a test never depends on how many there are.
const REPEATED = new Set([
  'item',
  'entry',
  'category',
  'author',
  'dc:creator',
  'link',
  'atom:link',
  'contributor',
  'enclosure',
  'media:content',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => REPEATED.has(name),
})

// XML 1.0 §2.2 Char, as src/core/escape.ts: anything outside it makes the document not well-formed.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

/**
 * Asserts that `xml` is well-formed, including what fast-xml-parser's validator does not check:
 * characters XML forbids, a `]]>` outside a CDATA section (XML 1.0 §2.4), and namespace prefixes
 * that the root element does not declare.
 */
export function expectWellFormed(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true)
  expect(NOT_XML_CHAR.exec(xml)?.[0]).toBeUndefined()
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
  expect(outsideCdata).not.toContain(']]>')
  const root = /<(?![?!])[^>]*>/.exec(outsideCdata)?.[0] ?? ''
  const declared = new Set([...root.matchAll(/ xmlns:([\w.-]+)=/g)].map((m) => m[1]))
  const tags = outsideCdata.match(/<[^!?/][^>]*>/g) ?? []
  for (const tag of tags) {
    const names = [
      /^<([^\s/>]+)/.exec(tag)?.[1] ?? '',
      ...[...tag.matchAll(/\s([^\s=]+)="[^"]*"/g)].map((m) => m[1]),
    ]
    for (const name of names) {
      const prefix = name.includes(':') ? name.split(':')[0] : null
      if (prefix && prefix !== 'xmlns' && prefix !== 'xml')
        expect(declared, `prefix of ${name}`).toContain(prefix)
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: parsed XML is untyped by nature
export type Xml = any

/** Parses a document after checking that it is well-formed. */
export function parseXml(xml: string): Xml {
  expectWellFormed(xml)
  return parser.parse(xml)
}

/** The text of a parsed element, whether or not it carried attributes. */
export function text(node: Xml): string {
  return typeof node === 'string' ? node : (node?.['#text'] ?? '')
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }

/** Undoes `escapeHtml`, as a reader does with `type="html"` text. */
export function unescapeHtml(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => HTML_ENTITIES[e])
}

export function rssItems(xml: string): Xml[] {
  return parseXml(xml).rss.channel.item ?? []
}

export function atomEntries(xml: string): Xml[] {
  return parseXml(xml).feed.entry ?? []
}
