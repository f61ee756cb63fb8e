/**
 * `npm run dev` for real: wrangler dev runs the [build] command from wrangler.toml, bundles the
 * Worker and serves it from workerd. Its documents must be byte for byte what the Node server
 * sends for the same content and SITE_URL.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type NodeServer, startNodeServer } from '../../src/runtime/node-server.ts'
import { eventually, SAMPLE_CONTENT } from '../support/content-dir.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const PORT = 21000 + Math.floor(Math.random() * 20000)
const WORKER = `http://127.0.0.1:${PORT}`
let wrangler: ChildProcess
let node: NodeServer
let log = ''

beforeAll(async () => {
  wrangler = spawn('npx', ['wrangler', 'dev', '--port', String(PORT), '--ip', '127.0.0.1'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
  })
  wrangler.stdout?.on('data', (d) => (log += d))
  wrangler.stderr?.on('data', (d) => (log += d))
  // wrangler.toml [vars]: SITE_URL = "http://localhost:8787"
  node = await startNodeServer({
    contentDir: SAMPLE_CONTENT,
    port: 0,
    hostname: '127.0.0.1',
    siteUrl: 'http://localhost:8787',
    watch: false,
    log: () => {},
  })
  await eventually(
    async () => (await fetch(`${WORKER}/rss.xml`).catch(() => null))?.status === 200,
    90_000,
  ).catch((e) => {
    throw new Error(`wrangler dev did not start: ${e.message}\n${log}`)
  })
}, 120_000)

afterAll(async () => {
  if (wrangler?.pid) process.kill(-wrangler.pid, 'SIGTERM')
  await node?.close()
})

describe('wrangler dev', () => {
  it('serves the media of content/ as static assets', async () => {
    const res = await fetch(`${WORKER}/media/ferry.svg`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
  })

  it('ran the build command before serving', () => {
    expect(log).toContain('[dateline] build:')
  })

  it('serves the same bytes and validators as the Node server', async () => {
    const paths = [
      '/rss.xml',
      '/atom.xml',
      '/feed.json',
      '/',
      '/articles/ferry-timetable',
      '/articles/library-hours',
    ]
    for (const path of paths) {
      // The identity representation: the Node server compresses, and so would Cloudflare's edge.
      const init = { headers: { 'Accept-Encoding': 'identity' } }
      const [w, n] = await Promise.all([
        fetch(WORKER + path, init),
        fetch(`http://127.0.0.1:${node.port}${path}`, init),
      ])
      expect(w.status, path).toBe(200)
      expect(Buffer.from(await w.arrayBuffer()).equals(Buffer.from(await n.arrayBuffer())), path).toBe(true)
      expect(w.headers.get('etag'), path).toBe(n.headers.get('etag'))
      expect(w.headers.get('last-modified'), path).toBe(n.headers.get('last-modified'))
      expect(w.headers.get('content-type'), path).toBe(n.headers.get('content-type'))
    }
  })
})
