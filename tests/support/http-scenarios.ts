/**
 * The reader-facing HTTP contract as a table: request in, status and headers out. The same rows
 * run through `app.request`, inside workerd and against the Node server over a socket, all
 * serving the sample content (tests/http, tests/worker, tests/node-http.test.ts).
 */
import { expect } from 'vitest'

export type Runtime = 'app' | 'worker' | 'node'
export type Fetcher = (path: string, init: RequestInit) => Promise<Response>
type Known = { etag: string; lastModified: string }

export type Scenario = {
  name: string
  method?: string
  path: string
  headers?: Record<string, string>
  /** Headers built from the validators of a prior unconditional GET of the same request. */
  conditional?: (known: Known) => Record<string, string>
  /** The clock, where it can be injected (app and Node); rows with one skip workerd. */
  at?: string
  /** Runtimes the row applies to (compression is Node's; on Workers the platform compresses). */
  only?: Runtime[]
  status: number
  /** Header → exact value, pattern, null for "absent", or a predicate. */
  expect?: Record<string, string | RegExp | null | ((value: string | null) => boolean)>
  body?: 'empty' | RegExp
}

/** Before the scheduled sample article (2027-01-05T08:00:00Z) by more than any max-age. */
export const SAMPLE_NOW = '2026-12-01T00:00:00Z'

const FEED_CC = 'public, max-age=600, s-maxage=600, stale-while-revalidate=300, stale-if-error=86400'
const PAGE_CC = 'public, max-age=300, s-maxage=300, stale-while-revalidate=300, stale-if-error=86400'
const STRONG = /^"[\w-]{24}"$/
const HTTP_DATE = /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/
const RSS = 'application/rss+xml; charset=utf-8'
const ATOM = 'application/atom+xml; charset=utf-8'
const JSON_FEED = 'application/feed+json; charset=utf-8'
const HTML = 'text/html; charset=utf-8'
const SITE = 'http://localhost:8787'
/** A fixed feed URL varies by page load (browsers), not by Accept; Node adds Accept-Encoding. */
const NOT_BY_ACCEPT = (v: string | null) => v === 'Sec-Fetch-Dest' || v === 'Sec-Fetch-Dest, Accept-Encoding'

export const SCENARIOS: Scenario[] = [
  // Validators and cache policy on every feed
  ...(
    [
      ['/rss.xml', RSS, 'application/rss+xml'],
      ['/atom.xml', ATOM, 'application/atom+xml'],
      ['/feed.json', JSON_FEED, 'application/feed+json'],
    ] as const
  ).map(([path, type, media]) => ({
    name: `GET ${path}: validators, cache policy, CORS, nosniff, Link`,
    path,
    status: 200,
    expect: {
      'Content-Type': type,
      ETag: STRONG,
      'Last-Modified': HTTP_DATE,
      'Cache-Control': FEED_CC,
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
      Link: new RegExp(
        `^<${SITE}${path.replace('.', '\\.')}>; rel="self"; type="${media.replace('+', '\\+')}"`,
      ),
      Vary: NOT_BY_ACCEPT,
    },
    body: /\S/,
  })),
  {
    name: 'Link names the other two formats as alternates',
    path: '/rss.xml',
    status: 200,
    expect: {
      Link: `<${SITE}/rss.xml>; rel="self"; type="application/rss+xml", <${SITE}/atom.xml>; rel="alternate"; type="application/atom+xml", <${SITE}/feed.json>; rel="alternate"; type="application/feed+json"`,
    },
  },
  {
    name: 'HEAD: the GET headers, no body',
    method: 'HEAD',
    path: '/atom.xml',
    status: 200,
    expect: { ETag: STRONG, 'Content-Type': ATOM, 'Cache-Control': FEED_CC },
    body: 'empty',
  },
  // Conditional GET (RFC 9110 §13)
  {
    name: 'If-None-Match with the ETag: 304',
    path: '/rss.xml',
    conditional: (k) => ({ 'If-None-Match': k.etag }),
    status: 304,
    // RFC 9110 §15.4.5: what a 304 must carry, and none of the metadata the stored copy has.
    expect: {
      ETag: STRONG,
      'Cache-Control': FEED_CC,
      'Last-Modified': null,
      Link: null,
      'Content-Type': null,
    },
    body: 'empty',
  },
  {
    name: 'If-None-Match weak form: 304',
    path: '/atom.xml',
    conditional: (k) => ({ 'If-None-Match': `W/${k.etag}` }),
    status: 304,
    body: 'empty',
  },
  {
    name: 'If-None-Match list containing it: 304',
    path: '/feed.json',
    conditional: (k) => ({ 'If-None-Match': `"a", "b", ${k.etag}` }),
    status: 304,
  },
  { name: 'If-None-Match *: 304', path: '/rss.xml', headers: { 'If-None-Match': '*' }, status: 304 },
  {
    name: 'If-None-Match another tag: 200',
    path: '/rss.xml',
    headers: { 'If-None-Match': '"not-this-one"' },
    status: 200,
    body: /<rss/,
  },
  {
    name: 'If-None-Match wins over a matching If-Modified-Since',
    path: '/rss.xml',
    conditional: (k) => ({ 'If-None-Match': '"other"', 'If-Modified-Since': k.lastModified }),
    status: 200,
  },
  {
    name: 'If-None-Match match wins over an old If-Modified-Since',
    path: '/rss.xml',
    conditional: (k) => ({ 'If-None-Match': k.etag, 'If-Modified-Since': 'Mon, 01 Jan 1990 00:00:00 GMT' }),
    status: 304,
  },
  {
    name: 'If-Modified-Since equal to Last-Modified: 304',
    path: '/atom.xml',
    conditional: (k) => ({ 'If-Modified-Since': k.lastModified }),
    status: 304,
    expect: { ETag: STRONG },
  },
  {
    name: 'If-Modified-Since later: 304 (compared as dates)',
    path: '/atom.xml',
    headers: { 'If-Modified-Since': 'Fri, 31 Dec 2100 23:59:59 GMT' },
    status: 304,
  },
  {
    name: 'If-Modified-Since earlier: 200',
    path: '/atom.xml',
    headers: { 'If-Modified-Since': 'Mon, 01 Jan 1990 00:00:00 GMT' },
    status: 200,
  },
  {
    name: 'If-Modified-Since unparseable: ignored',
    path: '/atom.xml',
    headers: { 'If-Modified-Since': 'last tuesday' },
    status: 200,
  },
  {
    name: 'HEAD with a matching ETag: 304',
    method: 'HEAD',
    path: '/feed.json',
    conditional: (k) => ({ 'If-None-Match': k.etag }),
    status: 304,
    body: 'empty',
  },
  // Negotiation
  {
    name: '/feed with Accept atom: Atom, Vary: Accept',
    path: '/feed',
    headers: { Accept: 'application/atom+xml' },
    status: 200,
    expect: { 'Content-Type': ATOM, Vary: /^Accept, Sec-Fetch-Dest(, Accept-Encoding)?$/ },
  },
  {
    name: '/feed with Accept feed+json: JSON Feed',
    path: '/feed',
    headers: { Accept: 'application/feed+json' },
    status: 200,
    expect: { 'Content-Type': JSON_FEED },
  },
  {
    name: '/feed honours q-values',
    path: '/feed',
    headers: { Accept: 'application/rss+xml;q=0.3, application/atom+xml;q=0.8' },
    status: 200,
    expect: { 'Content-Type': ATOM },
  },
  {
    name: '/feed with no Accept: RSS',
    path: '/feed',
    status: 200,
    expect: { 'Content-Type': RSS, Vary: /^Accept/ },
  },
  {
    name: '/feed with nothing matching: RSS',
    path: '/feed',
    headers: { Accept: 'text/html, image/png' },
    status: 200,
    expect: { 'Content-Type': RSS },
  },
  {
    name: '/feed 304 keeps Vary',
    path: '/feed',
    headers: { Accept: 'application/feed+json' },
    conditional: (k) => ({ 'If-None-Match': k.etag }),
    status: 304,
    expect: { Vary: /^Accept/ },
  },
  {
    name: 'fixed URLs ignore Accept',
    path: '/rss.xml',
    headers: { Accept: 'application/feed+json' },
    status: 200,
    expect: { 'Content-Type': RSS, Vary: NOT_BY_ACCEPT },
  },
  {
    name: 'CORS preflight for conditional requests',
    method: 'OPTIONS',
    path: '/feed.json',
    status: 204,
    expect: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': /If-None-Match/ },
  },
  // Pages and errors
  {
    name: 'index: HTML with the page policy',
    path: '/',
    status: 200,
    expect: { 'Content-Type': HTML, 'Cache-Control': PAGE_CC, ETag: STRONG },
    body: /rel="alternate" type="application\/feed\+json"/,
  },
  {
    name: 'article page',
    path: '/articles/ferry-timetable',
    status: 200,
    expect: { 'Content-Type': HTML, 'Cache-Control': PAGE_CC },
  },
  {
    name: 'article page 304',
    path: '/articles/ferry-timetable',
    conditional: (k) => ({ 'If-None-Match': k.etag }),
    status: 304,
  },
  {
    name: 'unknown path: 404, not stored',
    path: '/nope',
    status: 404,
    expect: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  },
  {
    name: 'unknown article: 404',
    path: '/articles/no-such-article',
    status: 404,
    expect: { 'Cache-Control': 'no-store' },
  },
  {
    name: 'POST a feed: 405 with Allow',
    method: 'POST',
    path: '/rss.xml',
    status: 405,
    expect: { Allow: 'GET, HEAD, OPTIONS', 'Cache-Control': 'no-store' },
  },
  {
    name: 'DELETE a page: 405 with Allow',
    method: 'DELETE',
    path: '/',
    status: 405,
    expect: { Allow: 'GET, HEAD' },
  },
  // Bad requests
  {
    name: 'unknown query parameters are ignored',
    path: '/rss.xml?utm_source=x&page=abc',
    status: 200,
    expect: { 'Content-Type': RSS },
  },
  { name: 'a very long URL is answered', path: `/articles/${'x'.repeat(6000)}`, status: 404 },
  {
    name: 'a very long header value is answered',
    path: '/rss.xml',
    headers: { 'If-None-Match': `"${'y'.repeat(6000)}"` },
    status: 200,
  },
  { name: 'malformed percent-encoding is a 404, not a 500', path: '/articles/%E0%A4%A', status: 404 },
  // A browser's page load gets the same bytes with a type it displays (src/http/browser-view.ts)
  {
    name: 'a browser opening RSS gets it as XML, same validators',
    path: '/rss.xml',
    headers: { 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate' },
    status: 200,
    expect: { 'Content-Type': 'application/xml; charset=utf-8', ETag: STRONG, Vary: /Sec-Fetch-Dest/ },
    body: /<\?xml-stylesheet type="text\/css"/,
  },
  {
    name: 'a browser opening JSON Feed gets application/json',
    path: '/feed.json',
    headers: { 'Sec-Fetch-Dest': 'document' },
    status: 200,
    expect: { 'Content-Type': 'application/json; charset=utf-8' },
  },
  {
    name: 'a fetch from a web reader keeps the feed type',
    path: '/atom.xml',
    headers: { 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Mode': 'cors' },
    status: 200,
    expect: { 'Content-Type': ATOM },
  },
  {
    name: 'a browser revalidating gets 304 with the same ETag',
    path: '/atom.xml',
    headers: { 'Sec-Fetch-Dest': 'document' },
    conditional: (k) => ({ 'If-None-Match': k.etag }),
    status: 304,
  },
  // Compression on Node: one variant per document, its own strong tag, matched by any variant
  {
    name: 'br when accepted',
    path: '/rss.xml',
    headers: { 'Accept-Encoding': 'gzip, br' },
    only: ['node', 'app'],
    status: 200,
    expect: { 'Content-Encoding': 'br', Vary: 'Sec-Fetch-Dest, Accept-Encoding', ETag: /^"[\w-]{24}\.br"$/ },
  },
  {
    name: 'gzip when br is not accepted',
    path: '/atom.xml',
    headers: { 'Accept-Encoding': 'gzip' },
    only: ['node', 'app'],
    status: 200,
    expect: { 'Content-Encoding': 'gzip', ETag: /\.gzip"$/ },
  },
  {
    name: 'identity when asked',
    path: '/atom.xml',
    headers: { 'Accept-Encoding': 'identity' },
    only: ['node', 'app'],
    status: 200,
    expect: { 'Content-Encoding': null, Vary: 'Sec-Fetch-Dest, Accept-Encoding' },
  },
  {
    name: 'a compressed variant ETag still matches',
    path: '/rss.xml',
    headers: { 'Accept-Encoding': 'br' },
    conditional: (k) => ({ 'If-None-Match': k.etag, 'Accept-Encoding': 'identity' }),
    only: ['node', 'app'],
    status: 304,
  },
  // Scheduled publishing, with an injected clock (sample article due 2027-01-05T08:00:00Z)
  {
    name: 'max-age is capped at the next scheduled article',
    at: '2027-01-05T07:58:00Z',
    path: '/rss.xml',
    status: 200,
    expect: { 'Cache-Control': 'public, max-age=120, s-maxage=120, stale-if-error=86400' },
  },
  {
    name: 'stale-while-revalidate shrinks so nothing is served past it',
    at: '2027-01-05T07:48:00Z',
    path: '/feed.json',
    status: 200,
    expect: {
      'Cache-Control': 'public, max-age=600, s-maxage=600, stale-while-revalidate=120, stale-if-error=86400',
    },
  },
  {
    name: 'pages are capped too',
    at: '2027-01-05T07:59:00Z',
    path: '/',
    status: 200,
    expect: { 'Cache-Control': 'public, max-age=60, s-maxage=60, stale-if-error=86400' },
  },
  {
    name: 'a scheduled article is hidden one second before',
    at: '2027-01-05T07:59:59Z',
    path: '/articles/new-year-roadworks',
    status: 404,
  },
  {
    name: 'and in the feed',
    at: '2027-01-05T07:59:59Z',
    path: '/feed.json',
    status: 200,
    body: /^(?![\s\S]*new-year-roadworks)/,
  },
  {
    name: 'a scheduled article is live at its time',
    at: '2027-01-05T08:00:00Z',
    path: '/articles/new-year-roadworks',
    status: 200,
  },
  {
    name: 'and leads the feed',
    at: '2027-01-05T08:00:00Z',
    path: '/feed.json',
    status: 200,
    body: /"items": \[\s*\{\s*"id": "http:\/\/localhost:8787\/articles\/new-year-roadworks"/,
  },
]

/**
 * Runs every row that applies to `runtime`. `setClock` moves the injected clock (app, Node).
 */
export async function runScenarios(runtime: Runtime, fetcher: Fetcher, setClock?: (iso: string) => void) {
  let ran = 0
  for (const row of SCENARIOS) {
    if (row.only && !row.only.includes(runtime)) continue
    if (row.at && !setClock) continue
    setClock?.(row.at ?? SAMPLE_NOW)
    const base = { 'Accept-Encoding': 'identity', ...row.headers }
    let headers = base
    if (row.conditional) {
      const first = await fetcher(row.path, { headers: base })
      await first.arrayBuffer()
      const known = {
        etag: first.headers.get('ETag') ?? '',
        lastModified: first.headers.get('Last-Modified') ?? '',
      }
      headers = { ...base, ...row.conditional(known) }
    }
    const res = await fetcher(row.path, { method: row.method ?? 'GET', headers })
    const body = await res.text()
    expect(res.status, row.name).toBe(row.status)
    for (const [name, want] of Object.entries(row.expect ?? {})) {
      const got = res.headers.get(name)
      if (want === null) expect(got, `${row.name}: ${name}`).toBeNull()
      else if (typeof want === 'string') expect(got, `${row.name}: ${name}`).toBe(want)
      else if (typeof want === 'function') expect(want(got), `${row.name}: ${name} was ${got}`).toBe(true)
      else expect(got, `${row.name}: ${name}`).toMatch(want)
    }
    if (row.body === 'empty') expect(body, `${row.name}: body`).toBe('')
    else if (row.body) expect(body, `${row.name}: body`).toMatch(row.body)
    ran++
  }
  return ran
}
