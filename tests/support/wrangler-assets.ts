/**
 * `wrangler dev` serving a folder as Workers static assets, as Cloudflare's own engine applies
 * `_headers` and `_redirects` to it, on a random port of 127.0.0.1. The tests of the export use it.
 */
import { spawn } from 'node:child_process'
import { eventually } from './content-dir.ts'

const WRANGLER = new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url).pathname

export type AssetsServer = { base: string; log: () => string; stop: () => Promise<void> }

/**
 * Starts wrangler dev on `dir` with its state in `cwd` (not in `dir`: it would reload on its own
 * files), and resolves once `/rss.xml` answers 200.
 */
export async function serveAssets(dir: string, cwd: string): Promise<AssetsServer> {
  const port = 21000 + Math.floor(Math.random() * 20000)
  const args = ['dev', '--assets', dir, '--port', String(port), '--ip', '127.0.0.1']
  const wrangler = spawn('node', [WRANGLER, ...args, '--compatibility-date', '2026-04-01'], {
    cwd,
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
  })
  const exited = new Promise((resolve) => wrangler.once('exit', resolve))
  let log = ''
  wrangler.stdout?.on('data', (d) => (log += d))
  wrangler.stderr?.on('data', (d) => (log += d))
  // wrangler, workerd and esbuild: the whole process group, forcibly when it lingers.
  const stop = async () => {
    const group = -(wrangler.pid as number)
    process.kill(group, 'SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
    try {
      process.kill(group, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  const base = `http://127.0.0.1:${port}`
  try {
    await eventually(async () => (await fetch(`${base}/rss.xml`).catch(() => null))?.status === 200, 60_000)
  } catch (e) {
    await stop()
    throw new Error(`wrangler dev did not start: ${(e as Error).message}\n${log}`)
  }
  return { base, log: () => log, stop }
}
