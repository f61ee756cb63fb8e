/**
 * Runs in a fresh process for edge.mjs: imports the Worker bundle, serves its static assets from
 * a folder (as the ASSETS binding does), and prints the CPU time (user + system, as Workers bill
 * it) of each request it is given, in order. Node runs the same V8 and the same JavaScript as
 * workerd; reading a piece from disk stands in for the binding's read.
 *
 *     node edge-child.mjs BUNDLE PUBLIC_DIR PATH...   → one JSON line: { importMs, requests: [...] }
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

const [file, publicDir, ...paths] = process.argv.slice(2)
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const env = {
  SITE_URL: 'https://news.example.com',
  ASSETS: {
    async fetch(request) {
      const path = decodeURIComponent(new URL(request.url).pathname)
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
console.log(JSON.stringify({ importMs, requests }))
