#!/usr/bin/env node
/**
 * Load and soak test of the Node server (`npm run loadtest`), on 127.0.0.1 only and bounded in time:
 *
 *     npm run loadtest [-- --duration 60 --articles 1000 --connections 16 --edit-every 5]
 *
 * Generates a content folder (scripts/make-corpus.mjs, deterministic), starts `dateline serve` on
 * it in a child process, and drives it with autocannon: a mix of 200s, 304s (If-None-Match with
 * the ETag last seen), HEADs, gzip, tag and author feeds, archive pages, article pages and 404s,
 * while articles are edited and added every few seconds (each edit makes the server reload).
 *
 * Every response is checked: its status must be one the request can deliberately get, and the
 * ETag of every full 200 body must be the hash of that body (src/http/documents.ts), so a response
 * that mixed an old document with a new one's validators would be caught. The server's resident
 * memory (VmRSS) is sampled every second; it must stay flat over the run. Prints one line per
 * figure and exits 1 on any error, unexpected status, ETag mismatch or memory growth.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'

const ROOT = new URL('..', import.meta.url).pathname
const options = parseArgs(process.argv.slice(2), {
  duration: 60,
  articles: 1000,
  connections: 16,
  'edit-every': 5,
})

// Memory is "flat" when the floor of the last quarter of the soak is within this of the floor of
// the first (after warm-up): a leak of even a few KB per request would add 100 MB over a minute
// at these rates.
const FLAT_RATIO = 1.25
const FLAT_SLACK_MB = 16

// What the responses showed: the last ETag per path, statuses, and every failed check.
const etags = new Map()
const seen = {}
const mismatches = []
const unexpected = []

const work = mkdtempSync(join(tmpdir(), 'dateline-loadtest-'))
const content = join(work, 'content')
let server
// Whatever ends this process (an uncaught error included) ends the server it started.
process.on('exit', () => server?.kill())
try {
  await main()
} finally {
  server?.kill()
  rmSync(work, { recursive: true, force: true })
}

async function main() {
  const made = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/make-corpus.mjs'), String(options.articles), content],
    {
      encoding: 'utf8',
    },
  )
  if (made.status !== 0) throw new Error(`make-corpus failed: ${made.stderr}`)
  server = spawn(
    process.execPath,
    [join(ROOT, 'bin/dateline.js'), 'serve', '--content', content, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: withoutSiteUrl(process.env),
    },
  )
  const serverLog = []
  const base = await new Promise((resolve, reject) => {
    // A big site takes a while to load (100,000 articles: about 45 s on 2 cores).
    const limit = 60_000 + options.articles
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${serverLog.join('')}`)), limit)
    server.stdout.on('data', (chunk) => {
      serverLog.push(String(chunk))
      const found = /at (http:\/\/localhost:(\d+))/.exec(serverLog.join(''))
      if (found) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${found[2]}`)
      }
    })
    server.stderr.on('data', (chunk) => serverLog.push(String(chunk)))
    server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${serverLog.join('')}`)))
  })

  const paths = await discoverPaths(base)
  const requests = buildRequests(paths)
  // Warm-up: every document rendered once, so the soak measures steady state.
  for (const r of requests) await fetch(base + r.path, { method: r.method })

  const memory = []
  const sample = () => memory.push({ t: Date.now(), mb: residentMb(server.pid) })
  sample()
  const sampler = setInterval(sample, 1000)
  const edits = startEditing(options['edit-every'] * 1000)
  // autocannon's HTTP parser waits for a body after a HEAD response, so HEADs go through fetch.
  const heads = headLoop(base, ['/feed.json', '/rss.xml', `${paths.tag}atom.xml`], options.duration * 1000)

  const result = await autocannon({
    url: base,
    connections: options.connections,
    duration: options.duration,
    requests: requests.map(({ path, method, headers, check }) => ({
      path,
      method,
      headers,
      setupRequest: (req) => {
        // 304s need the ETag the server gave last: it changes with every edit that shows.
        if (headers['if-none-match'] === 'current') {
          req.headers = { ...req.headers, 'if-none-match': etags.get(path) ?? '"none"' }
        }
        return req
      },
      onResponse: (status, body, _context, headers) => check(status, body, normaliseHeaders(headers)),
    })),
  })
  const headCount = await heads
  clearInterval(sampler)
  sample()
  edits.stop()

  const end = memory.at(-1).mb
  const start = memory[0].mb
  const peak = Math.max(...memory.map((m) => m.mb))
  // Garbage collection makes RSS a sawtooth; a leak raises its floor. Compare the lowest RSS of
  // the first and the last quarter of the run (at least a few samples each).
  const window = Math.max(3, Math.floor(memory.length / 4))
  const floor = (samples) => Math.min(...samples.map((m) => m.mb))
  const [firstFloor, lastFloor] = [floor(memory.slice(0, window)), floor(memory.slice(-window))]
  const flat = lastFloor <= firstFloor * FLAT_RATIO + FLAT_SLACK_MB
  const statuses = Object.entries(seen)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')
  const lines = [
    `duration: ${options.duration} s, ${options.connections} connections, ${options.articles} generated articles`,
    `requests: ${result.requests.total} (${Math.round(result.requests.average)} req/s), ${mb(result.throughput.total)} MB read`,
    `statuses: ${statuses} (HEAD requests among them: ${headCount})`,
    `edits landed: ${edits.count()} (each one makes the server reload the folder)`,
    `etag mismatches: ${mismatches.length}`,
    `unexpected statuses: ${unexpected.length}`,
    `socket errors: ${result.errors}, timeouts: ${result.timeouts}`,
    `latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `memory (server RSS): start ${start.toFixed(1)} MB, end ${end.toFixed(1)} MB, peak ${peak.toFixed(1)} MB; floor of the first quarter ${firstFloor.toFixed(1)} MB, of the last ${lastFloor.toFixed(1)} MB (${flat ? 'flat' : 'GROWING'})`,
  ]
  for (const line of lines) console.log(line)
  for (const m of [...mismatches, ...unexpected].slice(0, 10)) console.log(`  ${m}`)
  const ok =
    result.errors + result.timeouts === 0 && mismatches.length === 0 && unexpected.length === 0 && flat
  console.log(ok ? 'loadtest: ok' : 'loadtest: FAILED')
  process.exitCode = ok ? 0 : 1
}

// --- what is sent, and what each request may get back -------------------------------------

/** The tag, author, archive and article paths of the generated site, read from its own feeds. */
async function discoverPaths(base) {
  const index = await (await fetch(`${base}/`)).text()
  const first = (re) => re.exec(index)?.[1]
  // Links are absolute (http://localhost:PORT/…); requests go to 127.0.0.1, so keep the path.
  const tag = first(/href="[a-z]+:\/\/[^/"]+(\/tags\/[^"/]+\/)"/)
  const author = first(/href="[a-z]+:\/\/[^/"]+(\/authors\/[^"/]+\/)"/)
  const article = first(/href="[a-z]+:\/\/[^/"]+(\/articles\/[^"]+)"/)
  const atom = await (await fetch(`${base}/atom.xml`)).text()
  const archive = /<link rel="prev-archive" href="[a-z]+:\/\/[^/"]+(\/[^"]*)"/.exec(atom)?.[1]
  if (!tag || !author || !article)
    throw new Error('could not find tag, author and article links on the index')
  return { tag, author, article, archive }
}

function buildRequests(paths) {
  const full = (path, statuses = [200]) => ({
    path,
    method: 'GET',
    headers: {},
    check: expectFull(path, statuses),
  })
  const list = [
    full('/rss.xml'),
    full('/atom.xml'),
    full('/feed.json'),
    {
      path: '/rss.xml',
      method: 'GET',
      headers: { 'if-none-match': 'current' },
      check: expectStatus([304, 200]),
    },
    {
      path: '/atom.xml',
      method: 'GET',
      headers: { 'if-none-match': 'current' },
      check: expectStatus([304, 200]),
    },
    { path: '/atom.xml', method: 'GET', headers: { 'accept-encoding': 'gzip' }, check: expectStatus([200]) },
    full(`${paths.tag}rss.xml`),
    full(`${paths.author}feed.json`),
    full(paths.article, [200, 404]), // an edit may rename nothing, but the article may be re-dated
    full('/'),
    { path: '/no/such/page', method: 'GET', headers: {}, check: expectStatus([404]) },
    { path: '/tags/no-such-tag/rss.xml', method: 'GET', headers: {}, check: expectStatus([404]) },
  ]
  if (paths.archive) list.push(full(paths.archive, [200, 404]))
  return list
}

/** A full GET: the status is allowed, and a 200's ETag is the hash of its body. */
function expectFull(path, statuses) {
  return (status, body, headers) => {
    expectStatus(statuses)(status, body, headers)
    if (status !== 200) return
    const etag = headers.etag
    if (!etag) return mismatches.push(`${path}: 200 without an ETag`)
    if (etag !== etagOf(body))
      mismatches.push(`${path}: ETag ${etag} is not the hash of its ${body.length}-char body`)
    etags.set(path, etag)
  }
}

function expectStatus(statuses) {
  return (status, _body, headers) => {
    const key = String(status)
    seen[key] = (seen[key] ?? 0) + 1
    if (!statuses.includes(status))
      unexpected.push(`status ${status} (allowed ${statuses.join('/')}) ${headers.etag ?? ''}`)
  }
}

/** The same tag as src/http/documents.ts: base64url of the first 18 bytes of SHA-256 of the body. */
function etagOf(body) {
  const digest = createHash('sha256').update(Buffer.from(body, 'utf8')).digest().subarray(0, 18)
  return `"${digest.toString('base64url')}"`
}

/** HEADs, two at a time, until `ms` pass: 200, no body, and the validators a GET would get. */
async function headLoop(base, paths, ms) {
  const end = Date.now() + ms
  let count = 0
  const one = async () => {
    while (Date.now() < end) {
      const path = paths[count++ % paths.length]
      const res = await fetch(base + path, { method: 'HEAD' })
      const body = await res.arrayBuffer()
      expectStatus([200])(res.status, '', { etag: res.headers.get('etag') })
      if (body.byteLength !== 0) unexpected.push(`HEAD ${path}: ${body.byteLength} bytes of body`)
      if (!res.headers.get('etag')) unexpected.push(`HEAD ${path}: no ETag`)
    }
  }
  await Promise.all([one(), one()])
  return count
}

// --- edits while the load runs ---------------------------------------------------------------

/** Every `ms`, rewrites the title of a generated article, or adds a new one, in turn. */
function startEditing(ms) {
  let count = 0
  const timer = setInterval(() => {
    count++
    if (count % 2 === 0) {
      writeFileSync(
        join(content, `loadtest-${count}.md`),
        `---\ntitle: Added during the load test ${count}\ndate: 2026-11-26T12:${String(count % 60).padStart(2, '0')}:00Z\ntags: [Load]\n---\nWritten while readers were polling.\n`,
      )
    } else {
      const file = join(content, 'loadtest-edited.md')
      writeFileSync(
        file,
        `---\ntitle: Edited ${count} times\ndate: 2026-11-26T11:00:00Z\n---\nEdit number ${count}.\n`,
      )
    }
  }, ms)
  return { stop: () => clearInterval(timer), count: () => count }
}

// --- small helpers -----------------------------------------------------------------------------

function residentMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}

function normaliseHeaders(headers) {
  // autocannon gives headers as a flat [name, value, name, value…] list or an object.
  if (!Array.isArray(headers))
    return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  const out = {}
  for (let i = 0; i < headers.length; i += 2) out[String(headers[i]).toLowerCase()] = String(headers[i + 1])
  return out
}

/** The server's links then name the address it listens on. */
function withoutSiteUrl(env) {
  const { SITE_URL: _, ...rest } = env
  return rest
}

function mb(bytes) {
  return (bytes / 1024 / 1024).toFixed(1)
}

function parseArgs(argv, defaults) {
  const out = { ...defaults }
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '')
    if (!(name in defaults) || argv[i + 1] === undefined || !/^\d+$/.test(argv[i + 1])) {
      console.error(`usage: npm run loadtest -- [--${Object.keys(defaults).join(' N] [--')} N]`)
      process.exit(2)
    }
    out[name] = Number(argv[++i])
  }
  return out
}
