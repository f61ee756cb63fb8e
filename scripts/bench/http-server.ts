/**
 * One server for the HTTP benchmark, in its own process so that each is measured alone:
 *
 *     node --import tsx scripts/bench/http-server.ts MODE CONTENT_DIR   (http.mjs runs it bundled)
 *
 * MODE `hello`: Hono's hello world (the ceiling for any Hono app on @hono/node-server).
 * MODE `bare`: a bare Hono handler per path that answers the bytes our app would send for it,
 *   taken from the app once at start-up, plain or gzip by Accept-Encoding: the ceiling for a 200.
 * MODE `app`: the publisher itself (`createApp` with Node compression), as `dateline serve` runs it.
 * Prints `port N` when listening.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { loadContent } from '../../src/content/load.ts'
import { createApp } from '../../src/http/app.ts'
import { compressOnce } from '../../src/http/compress-node.ts'

const [mode, contentDir] = process.argv.slice(2)
export const BENCH_PATHS = ['/rss.xml', '/atom.xml', '/feed.json']

async function buildApp(): Promise<Hono> {
  if (mode === 'hello') {
    const app = new Hono()
    app.get('/', (c) => c.text('Hello Hono!'))
    return app
  }
  // On this thread: bundled (http.mjs), the loader's worker script is not beside this file.
  const { corpus } = await loadContent(contentDir, { workers: 0 })
  // As `dateline serve` makes it (src/runtime/node-server.ts).
  const ours = createApp({
    corpus,
    siteUrl: 'https://news.example.com',
    compress: compressOnce,
    standalone: true,
  })
  if (mode === 'app') return ours
  const app = new Hono()
  for (const path of BENCH_PATHS) {
    const variants: Record<string, { body: Uint8Array; headers: Record<string, string> }> = {}
    for (const encoding of ['identity', 'gzip']) {
      const res = await ours.request(path, { headers: { 'Accept-Encoding': encoding } })
      variants[encoding] = {
        body: new Uint8Array(await res.arrayBuffer()),
        headers: Object.fromEntries(res.headers),
      }
    }
    app.get(path, (c) => {
      const v = (c.req.header('Accept-Encoding') ?? '').includes('gzip') ? variants.gzip : variants.identity
      return c.body(v.body, 200, v.headers)
    })
  }
  return app
}

const app = await buildApp()
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`port ${info.port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
