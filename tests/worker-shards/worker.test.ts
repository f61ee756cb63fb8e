import corpus from '.build/corpus.json'
import { exports } from 'cloudflare:workers'
import { describe, expect, inject, it } from 'vitest'

const origin = 'http://localhost:8787'
// Typed as a Corpus (src/runtime/corpus-json.d.ts), whose pieces are optional: global-setup.ts writes them.
const shards = corpus.shards
if (!shards) throw new Error('.build/corpus.json is not kept in pieces (global-setup.ts writes it)')

const fetchWorker = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(origin + path, init))

describe('the Worker over a corpus kept in static assets', () => {
  it('keeps only the map and the scheduled articles in its bundle', () => {
    expect(shards.scopes.length).toBeGreaterThan(10)
    expect(corpus.articles.length).toBeGreaterThanOrEqual(4)
  })

  it('answers every address byte for byte as Node renders it from the corpus in memory', async () => {
    const expected = inject('shardedDocuments')
    expect(Object.keys(expected).length).toBeGreaterThan(150)
    for (const [path, body] of Object.entries(expected)) {
      const res = await fetchWorker(path)
      expect(res.status, path).toBe(200)
      expect(await res.text(), path).toBe(body)
    }
  }, 120_000)

  it('answers 304 from memory and 404 for articles not yet published', async () => {
    const first = await fetchWorker('/archive/3/atom.xml')
    expect(first.headers.get('Cache-Control')).toContain('immutable')
    const etag = first.headers.get('ETag') as string
    const again = await fetchWorker('/archive/3/atom.xml', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    const scheduled = inject('scheduledPaths')
    expect(scheduled.length).toBeGreaterThanOrEqual(4)
    for (const path of scheduled) expect((await fetchWorker(path)).status, path).toBe(404)
  })

  it('moves old addresses to articles at paths of their own (301), reading them from the pieces', async () => {
    expect(shards.paths).toBe(true)
    const moves = inject('moves')
    expect(moves.length).toBeGreaterThan(40)
    expect(moves.some(([from]) => from.startsWith('/old/'))).toBe(true)
    // An article still in the bundle (dated after the build), and one in the pieces.
    expect(moves).toContainEqual(['/old/just-published.html', `${origin}/just/published/`])
    expect(corpus.articles.some((a) => a.path === '/just/published/')).toBe(true)
    expect(inject('shardedDocuments')['/just/published/']).toContain('<h1>Just published</h1>')
    for (const [from, to] of moves) {
      const res = await fetchWorker(from, { redirect: 'manual' })
      expect(res.status, from).toBe(301)
      expect(res.headers.get('Location'), from).toBe(to)
    }
    expect((await fetchWorker('/2001/01/01/nope/')).status).toBe(404)
  })

  it('never serves the pieces themselves', async () => {
    const base = shards.base
    for (const path of [`${base}/0/0.json`, `${base}/slugs/0.json`, '/_dateline/']) {
      const res = await fetchWorker(path)
      expect(res.status, path).toBe(404)
      expect(await res.text()).not.toContain('"slug"')
    }
  })
})
