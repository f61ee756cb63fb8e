/**
 * Hostile HTTP requests for the fuzz test (tests/http/fuzz.test.ts), generated from a seed so that
 * every run sends the same requests: traversal and encoding tricks in paths, odd methods, malformed
 * and oversized validators and negotiation headers, absurd query strings. A request is kept as the
 * bytes a client would write (`target` is sent as is over a raw socket), so it may be one that
 * `fetch()` refuses to send.
 */
import fc from 'fast-check'

export type FuzzRequest = {
  name: string
  method: string
  /** The request-target exactly as written on the request line (may hold NUL, `\`, non-ASCII). */
  target: string
  /** In order, repeats allowed; `$ETAG` in a value is replaced by the current ETag of /rss.xml. */
  headers: [string, string][]
  /** Raw socket only: send no Host header (HTTP/1.1 requires one, RFC 9112 §3.2). */
  noHost?: boolean
}

const repeat = (n: number, f: (i: number) => string, sep = ', ') =>
  Array.from({ length: n }, (_, i) => f(i)).join(sep)

/** Path segments an attacker tries: traversal, encodings a decoder may get wrong, files we must not serve. */
// biome-ignore format: a table of values
const HOSTILE_SEGMENTS = [
  '..', '.', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '..%2f', '..%5c', '..\\', '%2f', '%5c', '\\', '%00', '\0',
  '%c0%ae%c0%ae', '%e0%80%af', '%c0%af', '%', '%zz', '%c3', '%ff', '%0d%0a', '%0a', '%09', '%20', '%7f',
  '%25', '%252e%252e', 'é', '%C3%A9', '日本語', '🦀', '\u202e', '\ufeff', '__proto__', 'constructor',
  'hasOwnProperty', 'site.yaml', 'package.json', 'canary-outside.txt', 'canary-outside.svg',
  'canary-notes.bak', '.private', 'node_modules', 'canary.svg', 'canary.txt', 'media', 'tags', 'authors',
  'articles', 'archive', '0', '1', '2', '-1', '01', '9999999', '99999999999999999999', '1e309', 'NaN',
  'rss.xml', 'atom.xml', 'feed.json', 'feed', 'feed.css', 'ferry.svg', '.git', '~', ';', 'a'.repeat(300),
]
const SEPARATORS = ['/', '/', '/', '//', '\\', '%2f', '%5c', '/./', '/../']
// biome-ignore format: a table of values
const ODD_SUFFIXES = [
  '', '/', '//', '.', '..', '/.', '/..', '%2f', '%00', '\0', '%20', ';', ';jsessionid=1', '~', '.bak', '#',
  '#x', '?', '??', '\\', '%5c', '%', '%zz', '%c3', '.json', '.XML', 'é', '%E2%80%AE', '/%2e%2e/site.yaml',
  '/../../canary-outside.txt', '%0d%0aX-Injected:%201',
]
// biome-ignore format: a table of values
const ODD_QUERIES = [
  '', '', '', '?page=-1', '?page=1e309', '?page=99999999999999999999', '?page=NaN', '?page=0x10',
  '?page=1&page=2&page=3', `?${repeat(2000, () => 'a=1', '&')}`, `?q=${'x'.repeat(10_000)}`, '?q=%',
  '?q=%zz', '?%00', '?&&&=&', '?__proto__[x]=1', '?page[]=1', '?page=%E0%80%AF', '?page=2&page=-1',
]
const METHODS = ['OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']
// biome-ignore format: a table of values
const ODD_METHODS = [
  'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'SEARCH', 'REPORT', 'PURGE', 'LINK',
  'UNLINK', 'QUERY', 'TRACE', 'TRACK', 'CONNECT', 'get', 'Get', 'head', 'gEt', 'options', 'BREW',
  'M-SEARCH', 'X'.repeat(1000), 'GET'.repeat(300), 'G\0ET', 'GET /',
]

// biome-ignore format: a table of values
const HEADER_VALUES: Record<string, string[]> = {
  'If-None-Match': [
    '"unterminated', 'W/', 'W/"', '"', '""', ',,,', '*', '*, "a"', '"a", *', 'W/*', ' * ', '"a" "b"',
    'W/W/"x"', '\t"x"\t', '$ETAG', 'W/$ETAG', '"a", $ETAG', '$ETAG, *', repeat(1000, (i) => `"t${i}"`),
    repeat(3000, (i) => `W/"${i}"`), `"${'y'.repeat(9000)}"`,
  ],
  'If-Modified-Since': [
    'garbage', '', 'Sat, 00 Jan 0000 00:00:00 GMT', 'Mon, 01 Jan 0000 00:00:00 GMT', '0', '-1',
    '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00.000Z', 'Sat, 13 Sep 275760 00:00:00 GMT',
    'Sun, 14 Sep 275760 00:00:00 GMT', '9'.repeat(400), '1e309', '-1e309', 'Infinity', 'NaN',
    'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', 'Tuesday, 15-Nov-94 08:12:31 GMT',
    'Tue Nov 15 08:12:31 1994', 'Mon, 01 Jan 2100 00:00:00 GMT', 'Mon, 32 Foo 2026 25:61:61 GMT',
  ],
  Accept: [
    'garbage', ';', ',,,', '*', '**/**', '*/*;q=-1', 'application/rss+xml;q=1e309', ';q=NaN',
    'application/atom+xml;q=NaN', 'application/feed+json;q=99999999999999999999',
    'application/json;q=0.5;q=0.9', 'application/atom+xml;level=1;q=0.4', `text/html;q=${'9'.repeat(400)}`,
    repeat(1000, (i) => `type${i}/sub${i};q=0.${i % 10}`), 'application/atom+xml;q=0, */*;q=0',
    'APPLICATION/ATOM+XML', 'application/feed+json;q=', 'application/feed+json;=;q',
  ],
  'Accept-Encoding': [
    'br;q=abc', '*;q=0', 'identity;q=0', 'identity;q=0, *;q=0', 'gzip;q=0, br;q=0', 'br;q=NaN',
    'gzip;q=1e309', 'BR', 'GZIP, Br', 'x-gzip', 'deflate', 'zstd', ',,,,', ';;;', 'br;q=-1, gzip;q=2',
    repeat(2000, (i) => `x-enc-${i};q=0.1`), 'gzip', 'br', '*',
  ],
  Range: [
    'bytes=0-0', 'bytes=-1', 'bytes=0-', 'bytes=999999999-', 'bytes=-0', 'bytes=5-2', 'bytes=0-1,2-3',
    'items=0-1', 'bytes=', 'bytes=-', 'bytes=1e309-', `bytes=${repeat(1500, () => '0-1', ',')}`,
    'bytes=99999999999999999999-',
  ],
  'If-Range': ['garbage', '"x"', 'Sat, 13 Sep 275760 00:00:00 GMT'],
  'Sec-Fetch-Dest': ['document', 'DOCUMENT', 'document ', 'empty', '', 'iframe', 'x'.repeat(9000), 'document, document'],
  Expect: ['100-continue', 'garbage'],
  'X-Forwarded-Host': ['evil.example', 'localhost:1\r'],
  Cookie: [`a=${'c'.repeat(9000)}`],
}

// Repeated and oversized headers; Node refuses more than 16 KiB of request head with 431.
const BULK_HEADERS: [string, string][][] = [
  Array.from({ length: 200 }, () => ['If-None-Match', '"a"'] as [string, string]),
  Array.from({ length: 500 }, (_, i) => ['X-Dup', `${i}`] as [string, string]),
  [['X-Big', 'v'.repeat(8200)]],
  [['X-Big', 'v'.repeat(20_000)]],
  [['X-Big', 'v'.repeat(70_000)]],
  [
    ['If-None-Match', '*'],
    ['If-None-Match', '"x"'],
  ],
  [
    ['Accept', 'application/atom+xml'],
    ['Accept', 'application/feed+json;q=0.9'],
  ],
]

/** A request's method and target, shortened, for failure messages. */
export const requestLabel = (method: string, target: string) =>
  `${method.slice(0, 20)} ${JSON.stringify(target.slice(0, 80))}`

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values)

/** A path built from segments and separators; mostly hostile, always in origin-form ('/' first). */
const segmentsPath = fc
  .array(fc.tuple(pick(SEPARATORS), fc.oneof(pick(HOSTILE_SEGMENTS), fc.string({ maxLength: 8 }))), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => `/${parts.map(([sep, seg]) => sep + seg).join('')}`)

function pathArbitrary(routes: string[]) {
  const route = pick(routes)
  return fc.oneof(
    { weight: 4, arbitrary: route },
    { weight: 4, arbitrary: fc.tuple(route, pick(ODD_SUFFIXES)).map(([r, s]) => r + s) },
    { weight: 4, arbitrary: segmentsPath },
    {
      weight: 3,
      arbitrary: fc.tuple(route, fc.nat(), pick(HOSTILE_SEGMENTS)).map(([r, at, seg]) => {
        const parts = r.split('/')
        parts.splice(1 + (at % parts.length), 0, seg)
        return parts.join('/')
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(route, pick([1000, 10_000, 100_000])).map(([r, n]) => r + 'a'.repeat(n)),
    },
    { weight: 1, arbitrary: fc.nat({ max: 5000 }).map((n) => `/media/${'../'.repeat(n)}site.yaml`) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `/${s}`) },
  )
}

function headersArbitrary() {
  const single = fc.oneof(
    {
      weight: 8,
      arbitrary: pick(Object.keys(HEADER_VALUES)).chain((name) =>
        pick(HEADER_VALUES[name]).map((value) => [[name, value]] as [string, string][]),
      ),
    },
    { weight: 1, arbitrary: pick(BULK_HEADERS) },
  )
  return fc.array(single, { maxLength: 4 }).map((lists) => lists.flat())
}

function methodArbitrary() {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant('GET') },
    { weight: 3, arbitrary: fc.constant('HEAD') },
    { weight: 3, arbitrary: pick(METHODS) },
    { weight: 2, arbitrary: pick(ODD_METHODS) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-]{1,24}$/) },
  )
}

/**
 * `count` requests from `seed`, over the app's `routes` (real paths of the corpus served).
 * @example fuzzRequests(['/rss.xml', '/tags/ferries/'], 2000, 42)
 */
export function fuzzRequests(routes: string[], count: number, seed: number): FuzzRequest[] {
  const request = fc.record({
    method: methodArbitrary(),
    path: pathArbitrary(routes),
    query: pick(ODD_QUERIES),
    headers: headersArbitrary(),
  })
  return fc.sample(request, { seed, numRuns: count }).map((r, i) => ({
    name: `random #${i} of seed ${seed}: ${requestLabel(r.method, r.path + r.query)}`,
    method: r.method,
    target: r.path + r.query,
    headers: r.headers,
  }))
}
