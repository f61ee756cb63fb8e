import { XMLParser } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import type { Corpus } from '../../src/core/corpus.ts'
import { createApp } from '../../src/http/app.ts'
import { article, corpusOf } from '../support/corpus.ts'

const SITE_URL = 'https://news.example.com'
const xml = new XMLParser({ ignoreAttributes: false })

let sample: Corpus
beforeAll(async () => {
  sample = (await loadContent(new URL('../../content', import.meta.url).pathname)).corpus
})

const sampleApp = () =>
  createApp({ corpus: sample, siteUrl: SITE_URL, clock: () => Date.parse('2026-12-01T00:00:00Z') })

describe('feeds', () => {
  it('serves each feed with its content type and validators', async () => {
    const app = sampleApp()
    const types = {
      '/rss.xml': 'application/rss+xml; charset=utf-8',
      '/atom.xml': 'application/atom+xml; charset=utf-8',
      '/feed.json': 'application/feed+json; charset=utf-8',
    }
    for (const [path, type] of Object.entries(types)) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Content-Type')).toBe(type)
      expect(res.headers.get('ETag')).toMatch(/^"[\w-]{24}"$/)
      expect(res.headers.get('Cache-Control')).toBe(
        'public, max-age=600, s-maxage=600, stale-while-revalidate=300, stale-if-error=86400',
      )
      // The newest `updated` among the sample's published articles (market square, 25 Nov).
      expect(res.headers.get('Last-Modified')).toBe('Wed, 25 Nov 2026 00:00:00 GMT')
    }
  })

  it('shows the same items in the same order in all three formats', async () => {
    const app = sampleApp()
    const rss = xml.parse(await (await app.request('/rss.xml')).text()).rss.channel.item
    const atom = xml.parse(await (await app.request('/atom.xml')).text()).feed.entry
    const json = (await (await app.request('/feed.json')).json()).items
    expect(rss.map((i: { link: string }) => i.link)).toEqual(json.map((i: { url: string }) => i.url))
    expect(atom.map((e: { id: string }) => e.id)).toEqual(json.map((i: { id: string }) => i.id))
    expect(json.map((i: { title: string }) => i.title)).toContain('Winter ferry timetable starts on Monday')
    expect(json).toHaveLength(4)
  })

  it('renders the same bytes and ETag on every request and for a second app', async () => {
    const a = await sampleApp().request('/atom.xml')
    const b = await sampleApp().request('/atom.xml')
    expect(await a.text()).toBe(await b.text())
    expect(a.headers.get('ETag')).toBe(b.headers.get('ETag'))
  })
})

describe('conditional requests', () => {
  it('walks unconditional GET, wrong ETag, matching ETag', async () => {
    const app = sampleApp()
    const first = await app.request('/rss.xml')
    const etag = first.headers.get('ETag') as string
    const wrong = await app.request('/rss.xml', { headers: { 'If-None-Match': '"nope"' } })
    expect(wrong.status).toBe(200)
    expect((await wrong.text()).length).toBeGreaterThan(100)
    const same = await app.request('/rss.xml', { headers: { 'If-None-Match': etag } })
    expect(same.status).toBe(304)
    expect(await same.text()).toBe('')
    expect(same.headers.get('ETag')).toBe(etag)
    expect(same.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'))
    expect(same.headers.get('Vary')).toBe(first.headers.get('Vary'))
    expect(same.headers.get('Access-Control-Allow-Origin')).toBe('*')
    // RFC 9110 §15.4.5: no representation metadata the stored copy already has.
    for (const name of ['Content-Type', 'Last-Modified', 'Link', 'X-Content-Type-Options'])
      expect(same.headers.get(name), name).toBeNull()
  })

  it('answers 304 to the weak form of the ETag', async () => {
    const app = sampleApp()
    const etag = (await app.request('/feed.json')).headers.get('ETag')
    const res = await app.request('/feed.json', { headers: { 'If-None-Match': `"x", W/${etag}` } })
    expect(res.status).toBe(304)
  })

  it('compares If-Modified-Since as a date, and lets If-None-Match win', async () => {
    const app = sampleApp()
    const ims = (value: string, extra: Record<string, string> = {}) =>
      app.request('/atom.xml', { headers: { 'If-Modified-Since': value, ...extra } })
    expect((await ims('Wed, 25 Nov 2026 00:00:00 GMT')).status).toBe(304)
    expect((await ims('Thu, 26 Nov 2026 10:00:00 GMT')).status).toBe(304)
    expect((await ims('Tue, 24 Nov 2026 00:00:00 GMT')).status).toBe(200)
    expect((await ims('not a date')).status).toBe(200)
    expect((await ims('Thu, 26 Nov 2026 10:00:00 GMT', { 'If-None-Match': '"other"' })).status).toBe(200)
  })

  it('answers HEAD with the GET headers and no body', async () => {
    const app = sampleApp()
    const get = await app.request('/atom.xml')
    const head = await app.request('/atom.xml', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    for (const h of ['Content-Type', 'ETag', 'Last-Modified', 'Cache-Control']) {
      expect(head.headers.get(h), h).toBe(get.headers.get(h))
    }
  })
})

describe('/feed', () => {
  const formatOf = async (accept?: string) => {
    const res = await sampleApp().request('/feed', accept ? { headers: { Accept: accept } } : {})
    expect(res.headers.get('Vary')).toBe('Accept, Sec-Fetch-Dest')
    return res.headers.get('Content-Type')
  }

  it('chooses the format by Accept, honouring q-values, RSS by default', async () => {
    expect(await formatOf('application/atom+xml')).toMatch(/^application\/atom\+xml/)
    expect(await formatOf('application/feed+json')).toMatch(/^application\/feed\+json/)
    expect(await formatOf('application/rss+xml;q=0.5, application/atom+xml;q=0.9')).toMatch(/atom/)
    expect(await formatOf('text/html')).toMatch(/^application\/rss\+xml/)
    expect(await formatOf()).toMatch(/^application\/rss\+xml/)
  })

  it('leaves the fixed URLs alone whatever Accept says', async () => {
    const res = await sampleApp().request('/rss.xml', { headers: { Accept: 'application/feed+json' } })
    expect(res.headers.get('Content-Type')).toMatch(/^application\/rss\+xml/)
    expect(res.headers.get('Vary')).toBe('Sec-Fetch-Dest')
  })
})

describe('scheduled articles', () => {
  const corpus = corpusOf([
    article('old', '2026-01-01T00:00:00.000Z'),
    article('soon', '2026-06-01T12:00:00.000Z'),
  ])

  it('appear at their time and not a second before, without a new app', async () => {
    let now = Date.parse('2026-06-01T11:59:59Z')
    const app = createApp({ corpus, siteUrl: SITE_URL, clock: () => now })
    const before = await app.request('/feed.json')
    expect((await before.json()).items.map((i: { url: string }) => i.url)).toEqual([
      `${SITE_URL}/articles/old`,
    ])
    expect((await app.request('/articles/soon')).status).toBe(404)
    now = Date.parse('2026-06-01T12:00:00Z')
    const after = await app.request('/feed.json')
    expect((await after.json()).items).toHaveLength(2)
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'))
    expect((await app.request('/articles/soon')).status).toBe(200)
  })
})

describe('pages and errors', () => {
  it('serves the index with autodiscovery links for all three formats', async () => {
    const res = await sampleApp().request('/')
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    for (const type of ['application/rss+xml', 'application/atom+xml', 'application/feed+json']) {
      expect(html).toContain(`<link rel="alternate" type="${type}"`)
    }
    expect(html).toContain(`href="${SITE_URL}/articles/ferry-timetable"`)
  })

  it('serves a published article with absolute links and escaped text', async () => {
    const corpus = corpusOf([
      article('a', '2026-01-01T00:00:00.000Z', {
        title: 'Tom & <Jerry>',
        html: '<p><a href="/articles/b">b</a></p>',
      }),
    ])
    const res = await createApp({ corpus, siteUrl: SITE_URL }).request('/articles/a')
    const html = await res.text()
    expect(html).toContain('<h1>Tom &amp; &lt;Jerry&gt;</h1>')
    expect(html).toContain(`<a href="${SITE_URL}/articles/b">`)
  })

  it('answers 404 for unknown paths and articles, with no-store', async () => {
    const app = sampleApp()
    for (const path of ['/nope', '/articles/nope', '/rss.xml/extra', '/articles/']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    }
  })

  it('answers 405 with Allow for other methods on known paths', async () => {
    const app = sampleApp()
    for (const [method, path, allow] of [
      ['POST', '/rss.xml', 'GET, HEAD, OPTIONS'],
      ['PUT', '/feed', 'GET, HEAD, OPTIONS'],
      ['DELETE', '/articles/ferry-timetable', 'GET, HEAD'],
      ['PATCH', '/', 'GET, HEAD'],
    ]) {
      const res = await app.request(path, { method })
      expect(res.status, `${method} ${path}`).toBe(405)
      expect(res.headers.get('Allow')).toBe(allow)
    }
  })

  it('never answers 500 to odd requests', async () => {
    const app = sampleApp()
    const odd = [
      '/articles/%E0%A4%A',
      '/articles/%ZZ',
      `/articles/${'x'.repeat(5000)}`,
      '/..%2f..%2fetc/passwd',
      '/feed?format=<script>',
      '/%00',
      '//rss.xml',
    ]
    for (const path of odd) {
      const res = await app.request(path, {
        headers: { 'If-Modified-Since': 'Mon, 99 Foo 99999', 'If-None-Match': ',,,' },
      })
      expect(res.status, path).toBeLessThan(500)
    }
    const weird = await app.request('/feed', { headers: { Accept: ';;;q=abc, */*;q=-1' } })
    expect(weird.status).toBe(200)
  })
})

describe('WebSub hub', () => {
  const corpus = corpusOf([article('a', '2026-01-01T00:00:00.000Z')], { hub: 'https://hub.example.com/' })
  const app = createApp({ corpus, siteUrl: SITE_URL })

  it('is advertised in the Link header of every feed response, with self', async () => {
    for (const path of ['/rss.xml', '/atom.xml', '/feed.json', '/feed']) {
      const link = (await app.request(path)).headers.get('Link') ?? ''
      expect(link, path).toContain('<https://hub.example.com/>; rel="hub"')
      expect(link, path).toMatch(/rel="self"/)
    }
  })

  it('is in every document: atom:link rel="hub" in RSS and Atom, hubs in JSON Feed', async () => {
    const attr = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'atom:link' || n === 'link' })
    const rss = attr.parse(await (await app.request('/rss.xml')).text()).rss.channel['atom:link']
    expect(rss.find((l: Record<string, string>) => l['@_rel'] === 'hub')['@_href']).toBe(
      'https://hub.example.com/',
    )
    const atom = attr.parse(await (await app.request('/atom.xml')).text()).feed.link
    expect(atom.find((l: Record<string, string>) => l['@_rel'] === 'hub')['@_href']).toBe(
      'https://hub.example.com/',
    )
    const json = await (await app.request('/feed.json')).json()
    expect(json.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example.com/' }])
  })

  it('is absent when none is configured', async () => {
    const plain = createApp({
      corpus: corpusOf([article('a', '2026-01-01T00:00:00.000Z')]),
      siteUrl: SITE_URL,
    })
    const res = await plain.request('/feed.json')
    expect(res.headers.get('Link')).not.toContain('rel="hub"')
    expect((await res.json()).hubs).toBeUndefined()
  })
})
