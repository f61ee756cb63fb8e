/**
 * A request fuzzer: a few thousand hostile requests, the same on every run (seeded), against the app
 * (`app.fetch`) and against the Node server over raw sockets. Every answer must have a status we
 * answer on purpose, no stack trace, no file system path, and nothing of the canary files planted
 * beside and inside the content folder; both must still serve /rss.xml afterwards.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import { authorsOf, tagsOf } from '../../src/feeds/catalog.ts'
import { FEED_STYLESHEET_PATH } from '../../src/formats/browser-prolog.ts'
import { createApp } from '../../src/http/app.ts'
import { compressOnce } from '../../src/http/compress-node.ts'
import { type NodeServer, startNodeServer } from '../../src/runtime/node-server.ts'
import { copyOfSample } from '../support/content-dir.ts'
import { type FuzzRequest, fuzzRequests } from '../support/fuzz-requests.ts'
import { FIXED_ROWS } from '../support/fuzz-rows.ts'
import { SAMPLE_NOW } from '../support/http-scenarios.ts'
import { type RawResponse, sendRaw } from '../support/raw-http.ts'

const SEED = Number(process.env.FUZZ_SEED ?? 20261201)
const SITE = 'http://localhost:8787'
const clock = () => Date.parse(SAMPLE_NOW)
const REPO = new URL('../..', import.meta.url).pathname.replace(/\/$/, '')

/** Statuses the app answers on purpose (src/http/*); anything else, 500 above all, is a bug. */
const APP_STATUSES: Record<number, string> = {
  200: 'a feed, page, stylesheet or (Node) media file',
  204: 'CORS preflight: OPTIONS on a feed path (app.ts)',
  301: "an article's old address, the other slash form of its path, or its /articles/ address when it has a path of its own (routes.ts, RFC 9110 §15.4.2)",
  304: 'If-None-Match or If-Modified-Since says the copy is current (conditional.ts, RFC 9110 §13.2.2)',
  308: '/tags/x and /authors/x move to their slash form (routes.ts)',
  404: 'nothing here: unknown path, slug, or page number (app.ts notFound)',
  405: 'a known resource asked with another method, with Allow (RFC 9110 §15.5.6)',
}
/** The Node server adds what its HTTP parser, @hono/node-server and serveStatic answer. */
const NODE_STATUSES: Record<number, string> = {
  ...APP_STATUSES,
  206: 'a satisfiable Range on a media file (serveStatic, RFC 9110 §14.2)',
  400: "Node's parser or @hono/node-server refuse the request line or head: bad method token, raw NUL, no or bad Host, `\\` in the path, conflicting framing (RFC 9112 §3, §3.2, §6.3)",
  416: 'an unsatisfiable Range on a media file (RFC 9110 §15.5.17)',
  417: 'an Expect other than 100-continue (Node, RFC 9110 §10.1.1)',
  431: "a request head over Node's 16 KiB limit (RFC 6585 §5)",
}

// Canary files: two beside the content folder, the rest inside it but not published.
const CANARIES: [path: string, marker: string][] = [
  ['../canary-outside.txt', 'dl-canary-outside-txt-5d21'],
  ['../canary-outside.svg', 'dl-canary-outside-svg-8e07'],
  ['canary-notes.bak', 'dl-canary-notes-bak-31fa'],
  ['media/canary.txt', 'dl-canary-media-txt-c94b'],
  // build and export skip names starting with '.' and node_modules (listFiles): never published.
  ['.private/canary.svg', 'dl-canary-hidden-svg-a6e3'],
  ['node_modules/canary/canary.svg', 'dl-canary-modules-svg-07bd'],
]
const SITE_MARKER = 'dl-canary-site-yaml-f1c8'

type Answer = RawResponse | 'unsendable'
type Target = { name: string; statuses: Record<number, string>; send: (r: FuzzRequest) => Promise<Answer> }

let remove: () => Promise<void>
let forbidden: string[]
let routes: string[]
let app: Hono
let server: NodeServer
const histograms: Record<string, Record<string, number>> = {}

beforeAll(async () => {
  const copy = await copyOfSample()
  remove = copy.remove
  const root = dirname(copy.dir)
  for (const [path, marker] of CANARIES) {
    const file = join(copy.dir, path)
    await mkdir(dirname(file), { recursive: true })
    const text = file.endsWith('.svg')
      ? `<svg xmlns="http://www.w3.org/2000/svg"><!-- ${marker} --></svg>`
      : marker
    await writeFile(file, text)
  }
  await writeFile(join(copy.dir, 'site.yaml'), `# ${SITE_MARKER}\n`, { flag: 'a' })
  // An article at a path of its own with an old address: the routes that look paths up.
  await writeFile(
    join(copy.dir, 'moved.md'),
    '---\ntitle: Moved\ndate: 2026-11-01\npermalink: /2026/11/01/moved/\naliases: [/old/moved.html]\n---\nMoved.\n',
  )
  forbidden = [...CANARIES.map(([, m]) => m), SITE_MARKER, REPO, root, `${tmpdir()}/`, 'node_modules', 'src/']

  const { corpus } = await loadContent(copy.dir)
  const tagPaths = tagsOf(corpus.articles).map((t) => `/tags/${t.slug}`)
  const authorPaths = authorsOf(corpus.articles).map((a) => `/authors/${a.slug}`)
  routes = [
    ...['/', '/rss.xml', '/atom.xml', '/feed.json', '/feed', FEED_STYLESHEET_PATH, '/archive/1/rss.xml'],
    ...corpus.articles.map((a) => `/articles/${a.slug}`),
    ...[...tagPaths, ...authorPaths].flatMap((p) => [
      p,
      `${p}/`,
      `${p}/atom.xml`,
      `${p}/archive/1/feed.json`,
    ]),
    '/media/ferry.svg',
    '/media/barrier.svg',
    '/2026/11/01/moved/',
    '/old/moved.html',
  ]
  app = createApp({ corpus, siteUrl: SITE, clock, compress: compressOnce })
  server = await startNodeServer({
    contentDir: copy.dir,
    port: 0,
    hostname: '127.0.0.1',
    watch: false,
    clock,
    log: () => {},
  })
})

afterAll(async () => {
  await server?.close()
  await remove?.()
  const lines = Object.entries(histograms).map(([name, h]) => {
    const total = Object.values(h).reduce((a, b) => a + b, 0)
    return `  ${name}: ${total} requests, statuses ${JSON.stringify(h)}`
  })
  if (lines.length) console.log(`[fuzz] seed ${SEED}\n${lines.join('\n')}`)
})

/** Everything wrong with one answer, as readable lines (none when it is fine). */
function problemsOf(target: Target, req: FuzzRequest, res: RawResponse): string[] {
  const problems: string[] = []
  const closedOk = res.status === 'closed' && target.name === 'node' && req.method === 'CONNECT'
  if (!closedOk && (res.status === 'closed' || !(res.status in target.statuses))) {
    problems.push(`status ${res.status} is not one we answer on purpose`)
  }
  const empty = req.method === 'HEAD' || res.status === 204 || res.status === 304
  if (empty && res.body.length > 0) problems.push(`a ${res.status} to ${req.method} has a body`)
  const body = res.body.toString('latin1')
  const head = res.headers.map(([n, v]) => `${n}: ${v}`).join('\n')
  for (const text of forbidden) if (body.includes(text)) problems.push(`body shows ${JSON.stringify(text)}`)
  for (const [text] of CANARIES) if (head.includes(text)) problems.push(`headers show ${text}`)
  if (/^\s+at \S/m.test(body) || body.includes('Error:')) problems.push('body shows a stack trace or error')
  if (/\n\s+at \S|Error:/.test(head)) problems.push('headers show a stack trace or error')
  const location = res.headers.find(([n]) => n.toLowerCase() === 'location')?.[1]
  // A redirect stays on this site and is a URI (RFC 3986: visible ASCII only). The Node server's
  // site is its own address when SITE_URL is not set (an article's 301 names it).
  if (
    location !== undefined &&
    (!/^[\x21-\x7e]+$/.test(location) || !/^\/(?![/\\])|^http:\/\/localhost:\d+\//.test(location))
  ) {
    problems.push(`Location ${JSON.stringify(location)} is not an ASCII path on this site`)
  }
  return problems
}

async function run(target: Target, requests: FuzzRequest[], concurrency: number) {
  const histogram: Record<string, number> = {}
  histograms[target.name] = histogram
  const problems: string[] = []
  let next = 0
  const worker = async () => {
    while (next < requests.length) {
      const req = requests[next++]
      let answer: Answer
      try {
        answer = await target.send(req)
      } catch (e) {
        problems.push(`${req.name}: ${e}`)
        continue
      }
      const key = answer === 'unsendable' ? 'unsendable' : String(answer.status)
      histogram[key] = (histogram[key] ?? 0) + 1
      if (answer === 'unsendable') continue
      for (const p of problemsOf(target, req, answer)) problems.push(`${req.name}: ${p}`)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  expect(problems.slice(0, 25), `${problems.length} problems`).toEqual([])
}

function withEtag(req: FuzzRequest, etag: string): [string, string][] {
  return req.headers.map(([n, v]) => [n, v.replaceAll('$ETAG', etag)])
}

const appTarget = (etag: string): Target => ({
  name: 'app',
  statuses: APP_STATUSES,
  async send(req) {
    let request: Request
    try {
      // What a client can send at all: fetch refuses bad methods and header values, CONNECT, TRACE.
      const url = /^https?:\/\//.test(req.target) ? req.target : `${SITE}/${req.target.replace(/^\//, '')}`
      request = new Request(url, { method: req.method, headers: withEtag(req, etag) })
    } catch {
      return 'unsendable'
    }
    const res = await app.fetch(request)
    let body = Buffer.from(await res.arrayBuffer())
    const coding = res.headers.get('content-encoding')
    if (body.length && coding === 'br') body = brotliDecompressSync(body)
    if (body.length && coding === 'gzip') body = gunzipSync(body)
    return { status: res.status, headers: [...res.headers], body }
  },
})

const nodeTarget = (etag: string): Target => ({
  name: 'node',
  statuses: NODE_STATUSES,
  send: (req) => sendRaw(server.port, { ...req, headers: withEtag(req, etag) }),
})

describe('request fuzzer', () => {
  it('its checks catch a 500, a canary, a stack trace, a path and an off-site redirect', () => {
    const node: Target = { name: 'node', statuses: NODE_STATUSES, send: async () => 'unsendable' }
    const req: FuzzRequest = { name: 'self-test', method: 'GET', target: '/', headers: [] }
    const answer = (status: number, body: string, headers: [string, string][] = []) =>
      problemsOf(node, req, { status, headers, body: Buffer.from(body) })
    expect(answer(200, 'fine')).toEqual([])
    expect(answer(500, '')).toHaveLength(1)
    for (const [, marker] of CANARIES) expect(answer(200, `x ${marker} x`)).toHaveLength(1)
    expect(answer(200, `# ${SITE_MARKER}`)).toHaveLength(1)
    expect(answer(404, 'TypeError: x\n    at f (file.js:1:2)')).toHaveLength(1)
    expect(answer(404, `${REPO}/src/http/app.ts`)).toContain(`body shows ${JSON.stringify(REPO)}`)
    expect(answer(308, '', [['location', '//evil.example/']])).toHaveLength(1)
    expect(answer(308, '', [['location', '/tags/a\x7f/']])).toHaveLength(1)
  })

  it('app.fetch answers every hostile request on purpose, leaking nothing', async () => {
    const etag = (await app.request('/rss.xml')).headers.get('etag') ?? ''
    await run(appTarget(etag), [...FIXED_ROWS, ...fuzzRequests(routes, 2500, SEED)], 1)
    const after = await app.request('/rss.xml')
    expect(after.status).toBe(200)
    expect(await after.text()).toMatch(/<rss/)
  }, 60_000)

  it('the Node server answers every hostile request on purpose over a socket, and keeps serving', async () => {
    const base = `http://127.0.0.1:${server.port}`
    const etag = (await fetch(`${base}/rss.xml`)).headers.get('etag') ?? ''
    // The control: media files are served, so a 404 for a canary is the guard, not a broken route.
    expect((await fetch(`${base}/media/ferry.svg`)).status).toBe(200)
    await run(nodeTarget(etag), [...FIXED_ROWS, ...fuzzRequests(routes, 2000, SEED + 1)], 6)
    const after = await fetch(`${base}/rss.xml`)
    expect(after.status).toBe(200)
    expect(await after.text()).toMatch(/<rss/)
  }, 60_000)
})
