/**
 * Faults inside workerd: a Worker whose corpus is empty serves valid empty feeds, and a Cache API
 * that fails in every way still leaves every document rendered and answered.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import corpus from '../../build/corpus.json'
import type { Corpus } from '../../src/core/corpus.ts'
import { createApp } from '../../src/http/app.ts'
import { cacheApiDocuments } from '../../src/http/edge-cache.ts'

const empty: Corpus = { site: corpus.site as Corpus['site'], articles: [], hash: 'empty' }

describe('a Worker with an empty corpus', () => {
  it('serves well-formed feeds with no items, an index page, and 404 for any article', async () => {
    const app = createApp({ corpus: empty, siteUrl: 'https://news.example.com' })
    const rss = await app.request('/rss.xml')
    const atom = await app.request('/atom.xml')
    const json = await app.request('/feed.json')
    for (const res of [rss, atom, json]) {
      expect(res.status).toBe(200)
      expect(res.headers.get('ETag')).toMatch(/^"[^"]+"$/)
    }
    const rssText = await rss.text()
    const atomText = await atom.text()
    expect(XMLValidator.validate(rssText)).toBe(true)
    expect(XMLValidator.validate(atomText)).toBe(true)
    const parser = new XMLParser()
    expect(parser.parse(rssText).rss.channel.item).toBeUndefined()
    expect(parser.parse(atomText).feed.entry).toBeUndefined()
    expect(parser.parse(atomText).feed.updated).toBe('2000-01-01T00:00:00.000Z')
    const feed = await json.json()
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.items).toEqual([])
    expect((await app.request('/')).status).toBe(200)
    expect((await app.request('/articles/anything')).status).toBe(404)
    expect((await app.request('/tags/news/rss.xml')).status).toBe(404)
  })
})

describe('a Cache API that fails', () => {
  const failing = (how: 'throw' | 'reject' | 'garbage') =>
    ({
      match: () => {
        if (how === 'throw') throw new Error('cache down')
        if (how === 'reject') return Promise.reject(new Error('cache down'))
        // A stored entry that is not what we wrote: no ETag, no validators.
        return Promise.resolve(new Response('garbage', { headers: { 'Content-Type': 'text/plain' } }))
      },
      put: () => {
        if (how === 'throw') throw new Error('cache down')
        return Promise.reject(new Error('cache down'))
      },
    }) as unknown as Cache

  for (const how of ['throw', 'reject', 'garbage'] as const) {
    it(`renders every feed and page when the cache ${how === 'garbage' ? 'returns garbage' : `${how}s`}`, async () => {
      const app = createApp({ corpus, documentCache: cacheApiDocuments(failing(how), `fault-${how}`) })
      const healthy = createApp({ corpus })
      for (const path of ['/rss.xml', '/atom.xml', '/feed.json', '/', '/tags/transport/atom.xml']) {
        const [res, want] = [await app.request(path), await healthy.request(path)]
        expect(res.status, path).toBe(200)
        expect(await res.text(), path).toBe(await want.text())
        expect(res.headers.get('ETag'), path).toBe(want.headers.get('ETag'))
      }
    })
  }
})
