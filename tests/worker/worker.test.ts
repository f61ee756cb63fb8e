import { exports } from 'cloudflare:workers'
import { describe, expect, inject, it } from 'vitest'

const origin = 'http://localhost:8787'
const fetchWorker = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(origin + path, init))

describe('worker', () => {
  it('serves the three feeds with their content types', async () => {
    const types: Record<string, string> = {
      '/rss.xml': 'application/rss+xml; charset=utf-8',
      '/atom.xml': 'application/atom+xml; charset=utf-8',
      '/feed.json': 'application/feed+json; charset=utf-8',
    }
    for (const [path, type] of Object.entries(types)) {
      const res = await fetchWorker(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Content-Type')).toBe(type)
      expect(res.headers.get('ETag')).toMatch(/^"[\w-]+"$/)
      expect(res.headers.get('Cache-Control')).toMatch(/max-age=\d+/)
      expect(res.headers.get('Last-Modified')).toMatch(/GMT$/)
    }
  })

  it('answers byte for byte what the Node side renders from the same content', async () => {
    const expected = inject('nodeDocuments')
    expect(Object.keys(expected).length).toBeGreaterThan(4)
    for (const [path, body] of Object.entries(expected)) {
      const res = await fetchWorker(path)
      expect(res.status, path).toBe(200)
      expect(await res.text(), path).toBe(body)
    }
  })

  it('answers 304 to a matching If-None-Match, even a weak one', async () => {
    const first = await fetchWorker('/atom.xml')
    const etag = first.headers.get('ETag') as string
    const again = await fetchWorker('/atom.xml', { headers: { 'If-None-Match': `W/${etag}` } })
    expect(again.status).toBe(304)
    expect(again.headers.get('ETag')).toBe(etag)
    expect(await again.text()).toBe('')
  })

  it('answers 404 for unknown paths and 405 with Allow for other methods', async () => {
    expect((await fetchWorker('/nope')).status).toBe(404)
    const post = await fetchWorker('/rss.xml', { method: 'POST', body: 'x' })
    expect(post.status).toBe(405)
    expect(post.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
  })
})
