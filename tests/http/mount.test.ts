import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { article, corpusOf } from '../support/corpus.ts'

const corpus = corpusOf([article('live', '2026-01-01T00:00:00.000Z', { tags: ['Sport'] })])

/** A host app with a page of its own and its own 404, with the publisher under `prefix`. */
function host(prefix: string) {
  const app = new Hono()
  app.get('/', (c) => c.text('host home'))
  app.route(prefix, createApp({ corpus, siteUrl: `https://example.com${prefix}` }))
  app.notFound((c) => c.text('host 404', 404))
  return app
}

describe('app mounted in another', () => {
  it('serves the index at the mount point with its slash, and redirects there without it', async () => {
    const app = host('/news')
    const index = await app.request('/news/')
    expect(index.status).toBe(200)
    expect(await index.text()).toContain('href="https://example.com/news/rss.xml"')
    const bare = await app.request('/news')
    expect(bare.status).toBe(308)
    expect(bare.headers.get('Location')).toBe('/news/')
    expect(await (await app.request('/')).text()).toBe('host home')
  })

  it('redirects tag addresses under the prefix', async () => {
    const res = await host('/a/b').request('/a/b/tags/sport')
    expect(res.status).toBe(308)
    expect(res.headers.get('Location')).toBe('/a/b/tags/sport/')
  })

  it('answers an unknown tag or article itself, and leaves unknown paths to the host', async () => {
    const app = host('/news')
    for (const path of ['/news/tags/nope/', '/news/authors/nope/atom.xml', '/news/articles/nope']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
    }
    expect(await (await app.request('/news/nothing')).text()).toBe('host 404')
  })

  it('answers 405 at the mount point as at its own root', async () => {
    for (const path of ['/news', '/news/']) {
      const res = await host('/news').request(path, { method: 'POST' })
      expect(res.status, path).toBe(405)
      expect(res.headers.get('Allow'), path).toBe('GET, HEAD')
    }
  })

  it('changes nothing at the root of an app of its own', async () => {
    const app = createApp({ corpus, siteUrl: 'https://example.com' })
    expect((await app.request('/')).status).toBe(200)
    expect((await app.request('//')).status).toBe(404)
    expect((await app.request('/nope')).headers.get('Cache-Control')).toBe('no-store')
  })
})
