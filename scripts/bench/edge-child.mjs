/**
 * Runs in a fresh process for edge.mjs: imports the Worker bundle, serves its static assets from
 * a folder (as the ASSETS binding does), and prints the CPU time (user + system, as Workers bill
 * it) of each request it is given, in order. Node runs the same V8 and the same JavaScript as
 * workerd. Two ways to read a piece:
 *
 * - `disk`: from the folder, through a Response, as Node does it (file system calls and undici's
 *   Response and body reading in JavaScript: an upper bound);
 * - `memory`: the pieces the requests read (found by a `disk` run) are read before measuring, and
 *   `ASSETS.fetch` answers with their text and a `json()` that parses it: what is left is the
 *   Worker's own work (JSON.parse included), as in workerd, whose binding and Response are native.
 *
 *     node edge-child.mjs disk|memory BUNDLE PUBLIC_DIR PATH...
 *       → one JSON line: { importMs, requests: [{ path, status, bytes, ms }], read: [piece paths] }
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

const [mode, file, publicDir, ...args] = process.argv.slice(2)
// memory: PATH... -- PIECE...
const split = args.indexOf('--')
const paths = split < 0 ? args : args.slice(0, split)
const preload = new Map(
  (split < 0 ? [] : args.slice(split + 1)).map((p) => [p, readFileSync(join(publicDir, p), 'utf8')]),
)
const read = []
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const env = {
  SITE_URL: 'https://news.example.com',
  ASSETS: {
    async fetch(request) {
      const path = decodeURIComponent(new URL(request.url).pathname)
      read.push(path)
      if (mode === 'memory') {
        const text = preload.get(path)
        if (text === undefined) throw new Error(`${path} was not read before measuring`)
        return { ok: true, status: 200, json: async () => JSON.parse(text) }
      }
      try {
        return new Response(await readFile(join(publicDir, path)))
      } catch {
        return new Response('not found', { status: 404 })
      }
    },
  },
}
const ctx = { waitUntil() {}, passThroughOnException() {} }

// What workerd has built in, Node loads in JavaScript on first use (undici's Request and
// Response, WebCrypto): used once before measuring, so the figures are the Worker's own.
{
  const res = new Response(new TextEncoder().encode('x'), { headers: { 'Content-Type': 'text/plain' } })
  await res.arrayBuffer()
  await crypto.subtle.digest('SHA-256', new Uint8Array(8))
  new Request('https://example.com/x', { headers: { Accept: '*/*' } }).headers.get('accept')
  await new Response(JSON.stringify([1])).json()
}
const before = cpu()
const { default: worker } = await import(file)
const importMs = cpu() - before
const requests = []
for (const path of paths) {
  const start = cpu()
  const res = await worker.fetch(new Request(`https://news.example.com${path}`), env, ctx)
  const bytes = (await res.arrayBuffer()).byteLength
  requests.push({ path, status: res.status, bytes, ms: cpu() - start })
}
console.log(JSON.stringify({ importMs, requests, read }))
