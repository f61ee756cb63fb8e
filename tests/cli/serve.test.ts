import { type ChildProcess, spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { after, BIN, runMain, workspace } from './helpers.ts'

describe('dateline serve', () => {
  it('prints the URL and serves the feeds on PORT', async () => {
    const { root } = await workspace()
    const port = String(20000 + Math.floor(Math.random() * 20000))
    const child: ChildProcess = spawn('node', [BIN, 'serve'], {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: port },
    })
    after(async () => void child.kill())
    const line = await new Promise<string>((resolve, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15000)
      child.stdout?.on('data', (d) => {
        out += d
        const m = /serving content at (\S+) \(started in [\d.]+ m?s; Ctrl-C to stop\)/.exec(out)
        if (m) {
          clearTimeout(timer)
          resolve(m[1])
        }
      })
    })
    expect(line).toBe(`http://localhost:${port}`)
    const res = await fetch(`http://127.0.0.1:${port}/rss.xml`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(`<atom:link href="http://localhost:${port}/rss.xml" rel="self"`)
  })

  it('exits 2 naming PORT when the environment gives a bad port, before loading anything', async () => {
    const r = await runMain(['serve', '--content', 'nowhere'], { PORT: '80a' })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      '[dateline] serve: PORT must be a whole number from 0 to 65535, not "80a"; fix PORT or pass --port N',
    )
  })
})
