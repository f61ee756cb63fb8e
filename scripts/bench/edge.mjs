/**
 * The edge half of target 5: the 100,000-article build as the Worker gets it. The bundle (code and
 * the map of the pieces, as `wrangler deploy --dry-run` makes it), the pieces in static assets
 * against the free plan's limits, and the CPU time of requests in a cold and in a warm isolate
 * (edge-child.mjs: the bundle in a fresh Node process, pieces read from disk).
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { bundle } from './bundle.mjs'

const CHILD = new URL('./edge-child.mjs', import.meta.url).pathname
const HELLO = `import { Hono } from ${JSON.stringify(new URL('../../node_modules/hono/dist/index.js', import.meta.url).pathname)}
const app = new Hono()
app.get('/', (c) => c.text('Hello Hono!'))
export default app
`

/** Runs edge-child.mjs; `memory` reads the pieces the requests need (a `disk` run finds them) first. */
function child(file, publicDir, paths, mode = 'disk') {
  const pieces = mode === 'memory' ? child(file, publicDir, paths).read : []
  const args = [CHILD, mode, file, publicDir, ...paths, ...(pieces.length ? ['--', ...pieces] : [])]
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const result = JSON.parse(out)
  for (const r of result.requests) if (r.status !== 200) throw new Error(`${r.path} answered ${r.status}`)
  return result
}

/** The documents a request may ask for, of every kind the pieces serve, from the build's map. */
function samplePaths(corpus, publicDir) {
  const { shards, site } = corpus
  const scopes = shards.scopes.map((s, i) => ({ ...s, i }))
  const bySize = (kind) => scopes.filter((s) => s.kind === kind).sort((a, b) => b.count - a.count)
  const tags = bySize('tag')
  const authors = bySize('author')
  const pages = (s) => Math.floor(s.count / site.items) + 1
  const bucket = JSON.parse(readFileSync(join(publicDir, shards.base, 'slugs', '0.json'), 'utf8'))
  const site0 = scopes[0]
  const enc = encodeURIComponent
  return {
    // One per kind, for the cold isolates.
    kinds: [
      '/rss.xml',
      `/archive/${Math.floor(pages(site0) / 2)}/atom.xml`,
      `/tags/${enc(tags[0].slug)}/rss.xml`,
      `/tags/${enc(tags.at(-1).slug)}/feed.json`,
      `/authors/${enc(authors[0].slug)}/archive/1/atom.xml`,
      `/articles/${enc(bucket[0][0])}`,
      '/',
    ],
    // Many different documents, for the warm isolate.
    warm: [
      ...['rss.xml', 'atom.xml', 'feed.json'].flatMap((f) => [`/${f}`, `/archive/${pages(site0) - 3}/${f}`]),
      ...tags.slice(0, 12).map((t) => `/tags/${enc(t.slug)}/rss.xml`),
      ...tags.slice(0, 6).map((t) => `/tags/${enc(t.slug)}/archive/${Math.max(1, pages(t) - 2)}/atom.xml`),
      ...authors.slice(0, 6).map((a) => `/authors/${enc(a.slug)}/feed.json`),
      ...bucket.slice(0, 12).map(([slug]) => `/articles/${enc(slug)}`),
      '/',
      `/tags/${enc(tags[1].slug)}/`,
    ],
  }
}

function folderStats(dir) {
  let files = 0
  let bytes = 0
  let largest = 0
  for (const name of readdirSync(dir, { recursive: true })) {
    const s = statSync(join(dir, name))
    if (!s.isFile()) continue
    files++
    bytes += s.size
    largest = Math.max(largest, s.size)
  }
  return { files, bytes, largest }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const max = (xs) => Math.max(...xs)

export function edgeTargets({ out, work }) {
  const corpus = JSON.parse(readFileSync(join(out, 'corpus.json'), 'utf8'))
  if (!corpus.shards) throw new Error(`${out}/corpus.json is not kept in pieces`)
  const publicDir = join(out, 'public')
  const built = bundle(join(out, 'corpus.json'), join(work, 'bundle-100k'))
  const pieces = folderStats(join(publicDir, '_dateline'))
  const { kinds, warm } = samplePaths(corpus, publicDir)

  // The floor of a cold isolate's first request here: Hono's hello world, bundled the same way.
  // Node builds parts of Request, Response and WebCrypto in JavaScript on first use, which
  // workerd has built in; the difference is the Worker's own cold cost.
  const hello = bundle(null, join(work, 'bundle-hello'), HELLO)
  const floor = median(Array.from({ length: 5 }, () => child(hello.file, publicDir, ['/']).requests[0].ms))
  // Cold: a fresh isolate per kind of request, its first request measured (after the import).
  // Warm: one isolate; each document asked for once (not memoised yet: pieces read and rendered),
  // then all again (memoised). The first request only warms the isolate. Both with the pieces read
  // by Node from disk, and with them in memory (the Worker's own work).
  const measure = (mode) => {
    const cold = kinds.map((path) => child(built.file, publicDir, [path], mode))
    const run = child(built.file, publicDir, ['/feed', ...warm, ...warm], mode).requests.slice(1)
    const coldMs = cold.map((c) => c.requests[0].ms)
    const first = run.slice(0, warm.length).map((r) => r.ms)
    return {
      cold,
      coldMs,
      first,
      again: run.slice(warm.length).map((r) => r.ms),
      worstCold: kinds[coldMs.indexOf(max(coldMs))],
      worstWarm: warm[first.indexOf(max(first))],
    }
  }
  const disk = measure('disk')
  const mem = measure('memory')
  const { cold } = disk
  return [
    {
      name: 'Worker bundle with 100,000 articles, gzip (code + map of the pieces)',
      value: built.gzip / 1048576,
      baseline: 3,
      goal: '<= 1 (3 MB)',
      unit: 'MB',
    },
    {
      name: `pieces in static assets (${(pieces.bytes / 1e9).toFixed(2)} GB, largest ${(pieces.largest / 1e6).toFixed(2)} MB) vs the free plan's 20,000 files`,
      value: pieces.files,
      baseline: 20_000,
      goal: '<= 1',
      unit: 'files',
    },
    {
      name: `Worker module start-up, CPU (median of ${cold.length} cold isolates)`,
      value: median(cold.map((c) => c.importMs)),
      baseline: 50,
      goal: '<= 1 (50 ms)',
      unit: 'ms',
    },
    ...[
      ['pieces read from disk by Node', disk],
      ['pieces in memory', mem],
    ].flatMap(([how, m]) => [
      {
        name: `cold isolate, first request CPU beyond Hono hello world's (${floor.toFixed(1)} ms), worst of ${kinds.length} kinds (${m.worstCold}), ${how}`,
        value: max(m.coldMs) - floor,
        baseline: 10,
        goal: '<= 1 (10 ms)',
        unit: 'ms',
      },
      {
        name: `warm isolate, document not yet memoised, CPU, worst of ${warm.length} (${m.worstWarm}; median ${median(m.first).toFixed(2)} ms), ${how}`,
        value: max(m.first),
        baseline: 2,
        goal: '<= 1 (2 ms)',
        unit: 'ms',
      },
    ]),
    {
      name: `warm isolate, memoised document, CPU, worst of ${warm.length} (median ${median(mem.again).toFixed(3)} ms)`,
      value: max(mem.again),
      baseline: 2,
      goal: '<= 1 (2 ms)',
      unit: 'ms',
    },
  ]
}
