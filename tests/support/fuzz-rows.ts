/**
 * Fixed hostile requests for the fuzz test (tests/http/fuzz.test.ts): every case it must cover,
 * sent on every run whatever the seed, and regression rows for the bugs it found.
 */
import { type FuzzRequest, requestLabel } from './fuzz-requests.ts'

type Header = [string, string]
type Row = Omit<FuzzRequest, 'name' | 'headers'> & { headers: Header[] }
const get = (target: string, headers: Header[] = []): Row => ({ method: 'GET', target, headers })
const list = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(', ')
const many = (n: number, f: (i: number) => Header): Header[] => Array.from({ length: n }, (_, i) => f(i))

// biome-ignore format: a table of values
const TRAVERSAL = [
  '/../site.yaml', '/media/../site.yaml', '/media/%2e%2e/site.yaml', '/media/..%2fsite.yaml',
  '/media/..%5csite.yaml', '/media/..\\site.yaml', '/media\\..\\site.yaml', '/media/.%2e/site.yaml',
  '/%2e%2e/%2e%2e/canary-outside.txt', '/../canary-outside.svg', '/media/../../canary-outside.svg',
  '/media/%2e%2e/%2e%2e/canary-outside.svg', '/media/..%2f..%2fcanary-outside.svg',
  '/media/%c0%ae%c0%ae/site.yaml', '/media/%c0%ae%c0%ae/%c0%ae%c0%ae/canary-outside.svg',
  '/media%e0%80%afsite.yaml', '/media/%e0%80%af../canary-outside.svg', '/media/%252e%252e/site.yaml',
  '/media/....//site.yaml', '/media/%2e%2e%2f%2e%2e%2fcanary-outside.svg', '/site.yaml',
  '/canary-notes.bak', '/media/canary.txt', '/canary-outside.svg', '/2026-11-24-library-hours.txt',
  '/council-budget.md', '/media/ferry.svg%00.txt', '/media/ferry.svg\0', '/media/ferry.svg\0.txt',
  '/site.yaml%00.svg', '/site.yaml\0.svg', '/media/ferry.svg/', '/media/ferry.SVG', '/.private%2fcanary.svg',
]
// biome-ignore format: a table of values
const ENCODING = [
  '/rss.xml%00', '/rss.xml\0', '/%', '/%zz', '/%c3', '/articles/%', '/articles/%zz', '/articles/%c3',
  '/articles/%c0%ae%c0%ae', '/articles/%e0%80%af', '/tags/%zz/', '/tags/%/rss.xml', '//rss.xml',
  '//media//ferry.svg', '/media//ferry.svg', '///', '/\\', '/articles\\ferry-timetable', '/articles/日本語',
  '/tags/é/', '/tags/🦀/rss.xml', `/${'a'.repeat(10_000)}`, `/${'a'.repeat(100_000)}`,
  `/articles/${'%2e'.repeat(3000)}`, '/articles/__proto__', '/tags/__proto__/', '/authors/constructor/atom.xml',
  '/archive/0/rss.xml', '/archive/-1/rss.xml', '/archive/99999999999999999999/rss.xml', '/archive/1e3/rss.xml',
  '/archive/%31/rss.xml', '/archive/1/rss.xml/', '/rss.xml/', '/rss.xml.', '/rss.xml;', '/feed.json~',
  '/feed/', '/feed.css.map', 'http://evil.example/rss.xml', 'rss.xml', '*',
]
// biome-ignore format: a table of values
const QUERIES = [
  '/rss.xml?page=-1', '/rss.xml?page=1e309', '/rss.xml?page=99999999999999999999', '/feed.json?page=NaN',
  `/atom.xml?q=${'x'.repeat(10_000)}`, `/?${Array.from({ length: 2000 }, () => 'page=1').join('&')}`,
  '/feed?page=1&page=2', '/rss.xml?%', '/rss.xml?%zz&%00',
]
const FEED_PATHS = [
  '/rss.xml',
  '/atom.xml',
  '/feed.json',
  '/feed',
  '/archive/1/rss.xml',
  '/',
  '/media/ferry.svg',
]
const RANGES = [
  'bytes=0-0',
  'bytes=-1',
  'bytes=999999999-',
  'bytes=5-2',
  'bytes=0-1,2-3',
  'items=0-1',
  'bytes=',
]
// biome-ignore format: a table of values
const VALIDATORS: Header[] = [
  ...['"unterminated', 'W/', 'W/"', '*, "a"', '"a", *', 'W/*', ',,,', list(3000, (i) => `"t${i}"`),
    list(20, () => '*')].map((v): Header => ['If-None-Match', v]),
  ...['garbage', 'Mon, 01 Jan 0000 00:00:00 GMT', '+000000-01-01T00:00:00Z', 'Sat, 13 Sep 275760 00:00:00 GMT',
    'Sun, 14 Sep 275760 00:00:00 GMT', '+275760-09-13T00:00:00.000Z', '-1', '-271821-04-20T00:00:00Z',
    '9'.repeat(400), '1e309', 'Infinity'].map((v): Header => ['If-Modified-Since', v]),
  ...['br;q=abc', '*;q=0', 'identity;q=0', 'identity;q=0, *;q=0', 'br;q=NaN, gzip;q=NaN', 'gzip;q=1e309',
    list(2000, (i) => `x-${i};q=0.${i % 10}`)].map((v): Header => ['Accept-Encoding', v]),
  ...['document', 'DOCUMENT', '', 'iframe', 'x'.repeat(9000)].map((v): Header => ['Sec-Fetch-Dest', v]),
  ['Range', 'bytes=0-10'],
]
// biome-ignore format: a table of values
const ACCEPTS = [
  'garbage', 'application/atom+xml;q=NaN', 'application/feed+json;q=1e309', ';q=NaN', '*/*;q=-1',
  list(1000, (i) => `type${i}/sub;q=0.${i % 10}`), `application/json;q=${'9'.repeat(400)}`,
]

const ROWS: Row[] = [
  ...[...TRAVERSAL, ...ENCODING, ...QUERIES].map((t) => get(t)),
  ...['/media/ferry.svg', '/media/barrier.svg'].flatMap((t) => RANGES.map((r) => get(t, [['Range', r]]))),
  // Methods: WebDAV, TRACE, CONNECT, lowercase, absurdly long, NUL; every unsafe one on the feeds.
  ...['PROPFIND', 'TRACE', 'TRACK', 'get', 'Get', 'X'.repeat(1000), 'G\0ET'].map((method) => ({
    method,
    target: '/rss.xml',
    headers: [],
  })),
  { method: 'CONNECT', target: '127.0.0.1:80', headers: [] },
  { method: 'CONNECT', target: '/rss.xml', headers: [] },
  { method: 'OPTIONS', target: '*', headers: [] },
  ...['DELETE', 'PUT', 'PATCH', 'POST', 'OPTIONS'].flatMap((method) =>
    FEED_PATHS.map((target) => ({ method, target, headers: [] })),
  ),
  // Validators and negotiation, malformed and huge
  ...VALIDATORS.map((header) => get('/rss.xml', [header])),
  ...ACCEPTS.map((v) => get('/feed', [['Accept', v]])),
  get(
    '/atom.xml',
    many(300, () => ['If-None-Match', '"a"']),
  ),
  // 8 KB+ values pass; a request head over Node's 16 KiB is 431
  get('/rss.xml', [['X-Big', 'v'.repeat(8200)]]),
  get('/rss.xml', [['X-Big', 'v'.repeat(20_000)]]),
  get(
    '/rss.xml',
    many(1000, (i) => [`X-H${i}`, 'v']),
  ),
  // Host and framing, which Node's parser answers (RFC 9112 §3.2, §6.3)
  { method: 'GET', target: '/rss.xml', headers: [], noHost: true },
  ...['evil.example', 'a b', '[::1', '', '127.0.0.1:99999'].map((h) => get('/rss.xml', [['Host', h]])),
  get('/rss.xml', [['Content-Length', '-1']]),
  get('/rss.xml', [['Content-Length', 'abc']]),
  get('/rss.xml', [
    ['Content-Length', '0'],
    ['Transfer-Encoding', 'chunked'],
  ]),
  get('/rss.xml', [['Expect', 'garbage']]),
  get('/rss.xml', [['Expect', '100-continue']]),
  get('/rss.xml', [['Bad Name', 'x']]),
  get('/rss.xml', [['X-Nul', 'a\0b']]),
]

/**
 * Bugs the fuzzer found. The slash redirect (/tags/x → /tags/x/) built Location from the decoded
 * path: CR, LF, NUL or DEL in it made the app answer 500, a space or non-ASCII went out as is
 * (routes.ts). Node served media files that build and export never publish (media-node.ts).
 */
// biome-ignore format: a table of values
const REGRESSIONS = [
  '/tags/%0d%0a', '/tags/%0d%0aX-Injected:%201', '/tags/a%00b', '/authors/%0a', '/tags/%7f', '/tags/%C3%A9',
  '/authors/%E2%80%A8', '/tags/é', '/tags/riverside%20', '/.private/canary.svg', '/media/../.private/canary.svg',
  '/%2eprivate/canary.svg', '/node_modules/canary/canary.svg', '/node%5fmodules/canary/canary.svg',
]

const named =
  (kind: string) =>
  (row: Row): FuzzRequest => ({
    ...row,
    name: `${kind}: ${requestLabel(row.method, row.target)}`,
  })

/** Every fixed row, named by its method and (shortened) target. */
export const FIXED_ROWS: FuzzRequest[] = [
  ...ROWS.map(named('fixed')),
  ...REGRESSIONS.map((t) => get(t)).map(named('regression')),
]
