import { XMLParser } from 'fast-xml-parser'
import { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../examples/embed/app.ts'
import { loadContent } from '../../src/content/load.ts'
import { SAMPLE_CONTENT } from '../support/content-dir.ts'

const ORIGIN = 'https://example.com'
const NEWS = `${ORIGIN}/news`
const xml = new XMLParser({ ignoreAttributes: false })

let app: Hono
beforeAll(async () => {
  app = buildApp({
    corpus: (await loadContent(SAMPLE_CONTENT)).corpus,
    origin: ORIGIN,
    contentDir: SAMPLE_CONTENT,
  })
})

/** Every address on the host's origin that `text` names, as a path (entities decoded). */
const addressesIn = (text: string) =>
  [...text.matchAll(/https:\/\/example\.com[^\s"'<>)\\]*/g)].map((m) =>
    m[0].replaceAll('&amp;', '&').slice(ORIGIN.length),
  )

describe('examples/embed', () => {
  it("keeps the host app's own routes", async () => {
    const home = await app.request('/')
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('<a href="/news/">News</a>')
    expect(await (await app.request('/about')).text()).toBe('Riverside is a town on a river.')
  })

  it('serves the feeds and pages under /news, every link and id under the site URL', async () => {
    for (const path of [
      '/news/rss.xml',
      '/news/atom.xml',
      '/news/feed.json',
      '/news/',
      '/news/articles/ferry-timetable',
    ]) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      const text = await res.text()
      const addresses = addressesIn(text)
      expect(addresses.length, path).toBeGreaterThan(0)
      for (const a of addresses) expect(a, `${path} names ${ORIGIN}${a}`).toMatch(/^\/news\//)
    }
  })

  it('answers every address its feeds and pages name', async () => {
    const named = new Set<string>()
    for (const path of ['/news/rss.xml', '/news/atom.xml', '/news/feed.json', '/news/']) {
      for (const a of addressesIn(await (await app.request(path)).text())) named.add(a.replace(/#.*$/, ''))
    }
    // Pages, tags, authors, articles, feeds, the feed stylesheet and the media under content/.
    expect([...named]).toEqual(
      expect.arrayContaining(['/news/feed.css', '/news/media/ferry.svg', '/news/tags/transport/']),
    )
    for (const path of named) expect((await app.request(path)).status, path).toBe(200)
  })

  it('serves feeds that parse, with ids under the site URL', async () => {
    const rss = xml.parse(await (await app.request('/news/rss.xml')).text()).rss.channel
    expect(rss.link).toBe(`${NEWS}/`)
    expect(rss['atom:link']['@_href']).toBe(`${NEWS}/rss.xml`)
    for (const item of rss.item) expect(item.guid['#text']).toMatch(new RegExp(`^${NEWS}/articles/`))
    const atom = xml.parse(await (await app.request('/news/atom.xml')).text()).feed
    expect(atom.id).toBe(`${NEWS}/atom.xml`)
    for (const entry of atom.entry) expect(entry.id).toMatch(new RegExp(`^${NEWS}/articles/`))
    const json = await (await app.request('/news/feed.json')).json()
    expect(json.feed_url).toBe(`${NEWS}/feed.json`)
    expect(json.items.length).toBe(rss.item.length)
  })

  it('serves tag pages and feeds, and redirects the addresses without a slash', async () => {
    const tag = await app.request('/news/tags/transport')
    expect(tag.status).toBe(308)
    expect(tag.headers.get('Location')).toBe('/news/tags/transport/')
    const page = await app.request('/news/tags/transport/')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`href="${NEWS}/tags/transport/atom.xml"`)
    const feed = xml.parse(await (await app.request('/news/tags/transport/atom.xml')).text()).feed
    expect(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe(
      `${NEWS}/tags/transport/atom.xml`,
    )
    const index = await app.request('/news')
    expect(index.status).toBe(308)
    expect(index.headers.get('Location')).toBe('/news/')
  })

  it("answers 404 with dateline's page for what it does not know, and leaves other paths to the host", async () => {
    for (const path of [
      '/news/tags/nope/',
      '/news/tags/nope/rss.xml',
      '/news/articles/nope',
      '/news/archive/9/rss.xml',
    ]) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
      expect(res.headers.get('Content-Type'), path).toBe('text/html; charset=utf-8')
    }
    for (const path of [
      '/news/nothing',
      '/nothing',
      '/news/media/nope.svg',
      '/news/site.yaml',
      '/news/media/..%2fsite.yaml',
    ]) {
      const res = await app.request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Content-Type'), path).toMatch(/^text\/plain/)
    }
  })

  it('answers 405 with Allow for other methods, and the CORS preflight for feeds', async () => {
    for (const [method, path, allow] of [
      ['POST', '/news/rss.xml', 'GET, HEAD, OPTIONS'],
      ['PUT', '/news/tags/transport/feed.json', 'GET, HEAD, OPTIONS'],
      ['DELETE', '/news/', 'GET, HEAD'],
      ['PATCH', '/news/articles/ferry-timetable', 'GET, HEAD'],
    ]) {
      const res = await app.request(path, { method })
      expect(res.status, `${method} ${path}`).toBe(405)
      expect(res.headers.get('Allow'), `${method} ${path}`).toBe(allow)
    }
    const preflight = await app.request('/news/feed.json', { method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect((await app.request('/about', { method: 'POST' })).status).toBe(404)
  })

  it('mounts at any prefix, the site URL naming it', async () => {
    const { dateline } = await import('dateline')
    const corpus = (await loadContent(SAMPLE_CONTENT)).corpus
    const host = new Hono().route('/a/b', dateline({ corpus, siteUrl: 'https://example.org/a/b' }))
    const res = await host.request('/a/b/')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('href="https://example.org/a/b/rss.xml"')
    expect((await host.request('/a/b/feed.css')).status).toBe(200)
  })
})

describe('the package entry', () => {
  it('bundles for Workers without a node: module', async () => {
    const { build } = await import('esbuild')
    const out = await build({
      entryPoints: [new URL('../../src/index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    })
    expect(out.errors).toEqual([])
    expect(out.outputFiles[0].text).not.toMatch(/\bfrom ["']node:|require\(["']node:/)
  })
})
