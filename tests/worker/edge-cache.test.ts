import { describe, expect, it } from 'vitest'
import corpus from '../../build/corpus.json'
import { createApp } from '../../src/http/app.ts'
import type { RenderedDocument } from '../../src/http/documents.ts'
import { cacheApiDocuments } from '../../src/http/edge-cache.ts'

const cacheApi = () => (caches as unknown as { default: Cache }).default

describe('cacheApiDocuments (the real Cache API in workerd)', () => {
  it('stores a document and gives back the same bytes and validators', async () => {
    const docs = cacheApiDocuments(cacheApi(), `round-trip-${Math.random()}`)
    const doc: RenderedDocument = {
      body: new TextEncoder().encode('<rss/>'),
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"abc"',
      lastModified: 'Wed, 25 Nov 2026 00:00:00 GMT',
    }
    expect(await docs.get('rss:site@0')).toBeNull()
    await docs.put('rss:site@0', doc)
    const back = await docs.get('rss:site@0')
    expect(back && new TextDecoder().decode(back.body)).toBe('<rss/>')
    expect(back?.etag).toBe('"abc"')
    expect(back?.lastModified).toBe(doc.lastModified)
    expect(await cacheApiDocuments(cacheApi(), 'another-deploy').get('rss:site@0')).toBeNull()
  })

  it('serves what a neighbour isolate rendered instead of rendering again', async () => {
    const docs = cacheApiDocuments(cacheApi(), `shared-${Math.random()}`)
    const first = await createApp({ corpus, documentCache: docs }).request('/atom.xml')
    const body = await first.text()
    // The write is deferred (no execution context in app.request): wait for it, bounded.
    for (let i = 0; i < 50 && !(await findKey(docs, 'atom')); i++) await new Promise((r) => setTimeout(r, 10))
    const planted = new TextEncoder().encode('planted by a neighbour')
    const key = (await findKey(docs, 'atom')) as string
    const stored = await docs.get(key)
    expect(stored?.etag).toBe(first.headers.get('ETag'))
    if (stored) await docs.put(key, { ...stored, body: planted })
    const second = await createApp({ corpus, documentCache: docs }).request('/atom.xml')
    expect(await second.text()).toBe('planted by a neighbour')
    expect(body).toContain('<feed')
  })

  it('renders as usual when the cache throws', async () => {
    const broken = {
      match: () => {
        throw new Error('cache down')
      },
      put: () => Promise.reject(new Error('cache down')),
    } as unknown as Cache
    const res = await createApp({ corpus, documentCache: cacheApiDocuments(broken, 'x') }).request('/rss.xml')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<rss')
  })
})

/** The key the app used: the format at whatever visible set the real clock gives. */
async function findKey(docs: ReturnType<typeof cacheApiDocuments>, format: string) {
  for (let start = 0; start <= corpus.articles.length; start++) {
    if (await docs.get(`${format}:site@${start}`)) return `${format}:site@${start}`
  }
  return undefined
}
