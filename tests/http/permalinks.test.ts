/**
 * Articles at paths of their own (permalinks) through the app: the page at exactly its path, 301
 * (RFC 9110 §15.4.2) from its aliases, from the other slash form and from /articles/{slug}, 404
 * for everything else, and the feeds' links and ids.
 */
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { cacheControl, DEFAULT_CACHE_POLICY } from '../../src/http/cache-policy.ts'
import { readAtom, readJson, readRss } from '../formats/feed-readers.ts'
import { article, corpusOf } from '../support/corpus.ts'

const SITE = 'https://news.example.com'
const NOW = '2026-06-01T00:00:00Z'
const PAGE_CACHE = cacheControl('page', DEFAULT_CACHE_POLICY, null)

const corpus = corpusOf([
  article('2019-05-15-hello', '2019-05-15T09:00:00.000Z', {
    title: 'Hello in May',
    path: '/2019/05/15/hello/',
    aliases: ['/old/hello.html', '/articles/hello', '/caf%C3%A9'],
    idPath: '/2019/05/15/hello',
  }),
  article('2019-06-01-hello', '2019-06-01T09:00:00.000Z', {
    title: 'Hello in June',
    path: '/2019/06/01/hello.html',
  }),
  article('plain', '2019-07-01T09:00:00.000Z', { title: 'Plain' }),
  article('articles-x', '2019-07-02T09:00:00.000Z', { title: 'Under articles', path: '/articles/x/' }),
  article('x', '2019-07-03T09:00:00.000Z', { title: 'Slug x' }),
  article('soon', '2026-07-01T00:00:00.000Z', {
    title: 'Soon',
    path: '/2026/07/01/soon/',
    aliases: ['/soon'],
  }),
])
const app = (now = NOW, standalone = false) =>
  createApp({ corpus, siteUrl: SITE, clock: () => Date.parse(now), standalone })

describe.each([false, true])('articles at paths of their own (standalone: %s)', (standalone) => {
  const request = (path: string, init?: RequestInit) => app(NOW, standalone).request(path, init)

  it('serves the page at exactly its path, with the page cache policy', async () => {
    for (const [path, title] of [
      ['/2019/05/15/hello/', 'Hello in May'],
      ['/2019/06/01/hello.html', 'Hello in June'],
      ['/articles/x/', 'Under articles'],
      ['/articles/x', 'Slug x'],
      ['/articles/plain', 'Plain'],
    ]) {
      const res = await request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Cache-Control'), path).toBe(PAGE_CACHE)
      expect(await res.text(), path).toContain(`<h1>${title}</h1>`)
    }
  })

  it('moves an alias, the other slash form and /articles/{slug} to the page, with a link to it', async () => {
    const moves: [string, string][] = [
      ['/old/hello.html', '/2019/05/15/hello/'],
      ['/old/hello.html/', '/2019/05/15/hello/'],
      ['/articles/hello', '/2019/05/15/hello/'],
      ['/café', '/2019/05/15/hello/'],
      ['/caf%c3%a9/', '/2019/05/15/hello/'],
      ['/2019/05/15/hello', '/2019/05/15/hello/'],
      ['/2019/06/01/hello.html/', '/2019/06/01/hello.html'],
      ['/articles/2019-05-15-hello', '/2019/05/15/hello/'],
      ['/articles/articles-x', '/articles/x/'],
    ]
    for (const [from, to] of moves) {
      const res = await request(from)
      expect(res.status, from).toBe(301)
      expect(res.headers.get('Location'), from).toBe(SITE + to)
      expect(res.headers.get('Cache-Control'), from).toBe(PAGE_CACHE)
      expect(await res.text(), from).toContain(`<a href="${SITE}${to}">`)
    }
    const head = await request('/old/hello.html', { method: 'HEAD' })
    expect(head.status).toBe(301)
    expect(await head.text()).toBe('')
  })

  it('answers 404 where no article is, and 405 to other methods where one is', async () => {
    for (const path of [
      '/2019/05/15/',
      '/2019/05/15/hello/x',
      '/old/',
      '/%E0%A4%A',
      '/a%2Fb',
      '/articles/nope',
      '//',
    ]) {
      const res = await request(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('Cache-Control'), path).toBe('no-store')
    }
    expect((await request('/nope', { method: 'POST' })).status).toBe(404)
    const post = await request('/2019/05/15/hello/', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.get('Allow')).toBe('GET, HEAD')
  })

  it('keeps a scheduled article and its aliases unknown until its time, and caches nothing past it', async () => {
    expect((await request('/2026/07/01/soon/')).status).toBe(404)
    expect((await request('/soon')).status).toBe(404)
    // Two minutes before it goes live, pages and moves are kept for two minutes at most.
    const close = app('2026-06-30T23:58:00Z', standalone)
    for (const path of ['/2019/05/15/hello/', '/old/hello.html']) {
      expect((await close.request(path)).headers.get('Cache-Control'), path).toMatch(/^public, max-age=120,/)
    }
    const later = app('2026-07-02T00:00:00Z', standalone)
    expect((await later.request('/2026/07/01/soon/')).status).toBe(200)
    expect((await later.request('/soon')).headers.get('Location')).toBe(`${SITE}/2026/07/01/soon/`)
  })

  it('answers 304 at a path as at any page', async () => {
    const first = await request('/2019/05/15/hello/')
    const etag = first.headers.get('ETag') as string
    const again = await request('/2019/05/15/hello/', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
  })
})

describe('links and ids to articles at paths of their own', () => {
  it('are the path in pages and feeds; the id path where the article has one (not in RSS)', async () => {
    const site = app()
    const index = await (await site.request('/')).text()
    expect(index).toContain(`href="${SITE}/2019/05/15/hello/"`)
    expect(index).toContain(`href="${SITE}/articles/plain"`)
    const rss = readRss(await (await site.request('/rss.xml')).text())
    const atom = readAtom(await (await site.request('/atom.xml')).text())
    const json = readJson(await (await site.request('/feed.json')).text())
    for (const feed of [rss, atom, json]) {
      const may = feed.items.find((i) => i.title === 'Hello in May')
      const june = feed.items.find((i) => i.title === 'Hello in June')
      expect(may?.url).toBe(`${SITE}/2019/05/15/hello/`)
      expect(june).toMatchObject({
        url: `${SITE}/2019/06/01/hello.html`,
        id: `${SITE}/2019/06/01/hello.html`,
      })
      expect(may?.id).toBe(feed === rss ? `${SITE}/2019/05/15/hello/` : `${SITE}/2019/05/15/hello`)
    }
  })
})

describe('an app with articles at their own paths, mounted in another', () => {
  const host = () => {
    const h = new Hono()
    h.route('/news', createApp({ corpus, siteUrl: `${SITE}/news`, clock: () => Date.parse(NOW) }))
    h.notFound((c) => c.text('host 404', 404))
    return h
  }

  it('serves and moves under its prefix, and leaves other paths to the host', async () => {
    const h = host()
    expect((await h.request('/news/2019/05/15/hello/')).status).toBe(200)
    const moved = await h.request('/news/old/hello.html')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('Location')).toBe(`${SITE}/news/2019/05/15/hello/`)
    expect(await (await h.request('/news/nothing/here')).text()).toBe('host 404')
    expect(await (await h.request('/2019/05/15/hello/')).text()).toBe('host 404')
  })
})
