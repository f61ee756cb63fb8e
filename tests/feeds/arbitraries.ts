/**
 * fast-check arbitraries for the feed properties: articles, sites and corpora whose text fields
 * hold anything a string can (astral characters, lone surrogates, C0 and C1 controls, CR and
 * tabs, `]]>`, `<![CDATA[`, references, quotes), built as plain data, not through the loader.
 * Slugs and ids keep the shape the loader guarantees (src/content/fields.ts), since feeds derive
 * URLs from them.
 */
import fc from 'fast-check'
import { toId, toSlug } from '../../src/content/fields.ts'
import {
  type Article,
  type Corpus,
  compareArticles,
  type Enclosure,
  type Site,
} from '../../src/core/corpus.ts'
import { normaliseSiteUrl } from '../../src/core/site-url.ts'

const char = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c))

/** One piece of text: a character of any kind, or a sequence that markup escaping must get right. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '-', '.', 'é', 'ß', 'Ж', '中', '😀') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '&',
      '<',
      '>',
      '"',
      "'",
      ']]>',
      ']]',
      ']',
      '<![CDATA[',
      '&amp;',
      '&lt;',
      '&#1;',
      '&#x26;',
      '&nbsp;',
      '<!--',
      '-->',
      '?>',
      '<b>',
      '\t',
      '\n',
      '\r',
      '\r\n',
      '\u00a0',
      '\u0085',
      '\u2028',
      '\ufeff',
      '\ufffe',
      '\uffff',
      '\u0301',
    ),
  },
  { weight: 1, arbitrary: char(0x00, 0x1f) },
  { weight: 1, arbitrary: char(0x7f, 0x9f) },
  { weight: 1, arbitrary: char(0xd800, 0xdfff) },
  { weight: 1, arbitrary: char(0x10000, 0x10ffff) },
  { weight: 2, arbitrary: char(0x20, 0xfffd) },
)

/**
 * The oracle's stripping rule, written out here rather than imported so that the properties do not
 * share a mistake with src/core/escape.ts: every character outside XML 1.0 §2.2 `Char` goes.
 */
export function xmlChars(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
}

/** Any text, up to `maxLength` pieces. */
export const anyText = (maxLength = 10) => fc.string({ unit: piece, maxLength })

/**
 * Text that keeps a character after XML-forbidden ones are stripped and white space is trimmed:
 * titles, tags and names, which the loader never lets be blank (src/content/normalise.ts).
 */
export const nonBlankText = (maxLength = 10) =>
  anyText(maxLength).map((t) => (xmlChars(t).trim() ? t : `x${t}`))

/** HTML bodies: markup with root-relative and absolute links, mixed with any text. */
const htmlPiece = fc.oneof(
  anyText(6),
  fc.constantFrom(
    '<p>',
    '</p>',
    '<a href="/articles/other">',
    '<a href="https://example.net/?a=1&amp;b=2">',
    '</a>',
    '<img src="/media/x.png" alt="x &amp; y">',
    '<pre>',
    '</pre>',
    '<blockquote cite="/q">',
    '</blockquote>',
    '&amp;',
    '&lt;',
    '&quot;',
    ' href="/x"',
    ' src="//cdn.example.net/x"',
    ' cite="/c"',
    '<a',
    '<1',
    '>',
  ),
)
export const anyHtml = fc.array(htmlPiece, { maxLength: 8 }).map((parts) => parts.join(''))

/** A slug as the loader accepts it: one URL path segment (`toSlug`), with characters URLs escape. */
export const anySlug = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(
        'a',
        'b',
        '-',
        '_',
        '.',
        '~',
        'é',
        '&',
        "'",
        '"',
        '<',
        '>',
        '[',
        ']',
        ':',
        '@',
        '+',
        '😀',
      ),
      char(0xa0, 0xd7ff),
    ),
    minLength: 1,
    maxLength: 6,
  })
  .filter((s) => {
    const r = toSlug(s)
    return 'value' in r && r.value === s
  })

/** An explicit id as the loader keeps it (`toId`: an absolute URI, as `URL` writes it), or null. */
const anyId = fc.option(
  fc
    .tuple(
      fc.constantFrom('tag:example.com,2024:', 'urn:x:', 'https://example.org/id/', 'urn:uuid:'),
      anyText(8),
    )
    .map(([scheme, rest]) => {
      const r = toId(scheme + rest)
      return 'value' in r ? r.value : null
    }),
  { nil: null },
)

const MIN_DATE = Date.UTC(1900, 0, 1)
const MAX_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** Publication and update times across 1900–9999, to the millisecond, update not before publication. */
export const anyDates = fc
  .tuple(fc.integer({ min: MIN_DATE, max: MAX_DATE }), fc.integer({ min: MIN_DATE, max: MAX_DATE }))
  .map(([a, b]) => ({
    date: new Date(Math.min(a, b)).toISOString(),
    updated: new Date(Math.max(a, b)).toISOString(),
  }))

const anyAuthor = fc.record(
  { name: nonBlankText(8), email: fc.emailAddress(), url: fc.webUrl() },
  { requiredKeys: ['name'] },
)

/** Media URLs as the loader writes them, and paths with any text (attribute values must carry it). */
const anyUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webSegment().map((s) => `/media/${s}`),
  anyText(6).map((t) => `/media/${t}`),
)
const anyType = fc.constantFrom('image/png', 'image/svg+xml', 'audio/mpeg', 'video/mp4', 'application/pdf')
const anyLength = fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: undefined })

const enclosure = (role: string): fc.Arbitrary<Enclosure> =>
  fc
    .tuple(anyUrl, anyType, anyLength)
    .map(([url, type, length]) => ({ url, type, ...(length !== undefined ? { length } : {}), role }))

/** The image (first) and the explicit enclosure, as the loader orders them; either may be absent. */
const anyMedia = fc
  .tuple(
    fc.option(enclosure('image'), { nil: undefined }),
    fc.option(enclosure('enclosure'), { nil: undefined }),
  )
  .map(([image, explicit]) => {
    const enclosures = [image, explicit].filter((e): e is Enclosure => e !== undefined)
    return {
      ...(image ? { image: image.url } : {}),
      ...(enclosures.length ? { enclosures } : {}),
    }
  })

/** An article with any text in every text field. */
export const anyArticle: fc.Arbitrary<Article> = fc
  .record({
    slug: anySlug,
    id: anyId,
    title: nonBlankText(12),
    dates: anyDates,
    authors: fc.array(anyAuthor, { maxLength: 3 }),
    tags: fc.array(nonBlankText(6), { maxLength: 4 }),
    summary: anyText(12),
    html: anyHtml,
    media: anyMedia,
  })
  .map(({ dates, media, ...rest }) => ({ source: `${rest.slug}.md`, ...rest, ...dates, ...media }))

/** Site URLs as `normaliseSiteUrl` writes them: with a path, `&` and `'`, a punycode host (`--`). */
export const anySiteUrl = fc
  .constantFrom(
    'https://example.com',
    'http://localhost:8787',
    'https://example.com/news',
    "https://example.com/a&b/it's",
    'https://xn--caf-dma.example/feeds',
  )
  .map(normaliseSiteUrl)

export const anySite: fc.Arbitrary<Site> = fc.record(
  {
    title: anyText(8),
    description: anyText(8),
    language: fc.constantFrom('en', 'en-GB', 'az-Latn', 'zh-Hant-TW'),
    author: anyAuthor,
    timezone: fc.constant('UTC'),
    copyright: anyText(6),
    items: fc.integer({ min: 1, max: 6 }),
  },
  { requiredKeys: ['title', 'description', 'language', 'author', 'timezone', 'items'] },
)

/** A corpus as the loader hands it on: unique slugs and ids, newest first. */
export const anyCorpus: fc.Arbitrary<Corpus> = fc
  .record({
    site: anySite,
    articles: fc.uniqueArray(anyArticle, {
      maxLength: 6,
      selector: (a) => a.slug,
    }),
  })
  .map(({ site, articles }) => {
    const seen = new Set<string>()
    // Two articles may not share an explicit id (the loader leaves both out): drop the later one's.
    const unique = articles.map((a) => {
      if (a.id === null) return a
      if (seen.has(a.id)) return { ...a, id: null }
      seen.add(a.id)
      return a
    })
    return { site, articles: unique.sort(compareArticles), hash: 'property' }
  })
