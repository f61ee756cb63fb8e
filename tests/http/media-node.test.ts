import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type NodeServer, startNodeServer } from '../../src/runtime/node-server.ts'
import { SAMPLE_CONTENT } from '../support/content-dir.ts'

let server: NodeServer
let base: string
beforeAll(async () => {
  server = await startNodeServer({
    contentDir: SAMPLE_CONTENT,
    port: 0,
    hostname: '127.0.0.1',
    watch: false,
    log: () => {},
  })
  base = `http://127.0.0.1:${server.port}`
})
afterAll(() => server.close())

describe('media files on the Node server', () => {
  it('serves an image under content/ at its path, with its type and bytes', async () => {
    const res = await fetch(`${base}/media/ferry.svg`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.equals(await readFile(join(SAMPLE_CONTENT, 'media/ferry.svg')))).toBe(true)
  })

  it('answers HEAD with the headers only', async () => {
    const res = await fetch(`${base}/media/barrier.svg`, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })

  it('never serves article sources, site.yaml or anything outside the folder', async () => {
    for (const path of [
      '/site.yaml',
      '/council-budget.md',
      '/2026-11-24-library-hours.txt',
      '/media/nope.svg',
      '/media/..%2f..%2fpackage.json',
      '/media/%2e%2e/%2e%2e/package.json',
      '/%2e%2e/package.json',
    ]) {
      const res = await fetch(base + path)
      expect(res.status, path).toBe(404)
    }
  })
})
