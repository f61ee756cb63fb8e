import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { FEED_CSS_CACHE_CONTROL } from '../../src/http/feed-css.ts'
import { article, corpusOf } from '../support/corpus.ts'

const SITE_URL = 'https://news.example.com'
const app = createApp({ corpus: corpusOf([article('a', '2026-01-01T00:00:00.000Z')]), siteUrl: SITE_URL })

describe('/feed.css', () => {
  it('serves the feed stylesheet as CSS with validators and a day of caching', async () => {
    const res = await app.request('/feed.css')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/css; charset=utf-8')
    expect(res.headers.get('Cache-Control')).toBe(FEED_CSS_CACHE_CONTROL)
    expect(FEED_CSS_CACHE_CONTROL).toBe('public, max-age=86400')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('ETag')).toMatch(/^"[\w-]{24}"$/)
    const css = await res.text()
    expect(css).toMatch(/rss::before,feed::before\{[^}]*content:"This is a web feed\./)
    expect(css).toContain('item>title,entry>title{display:block')
  })

  it('answers 304 to its ETag and 405 with Allow to other methods', async () => {
    const etag = (await app.request('/feed.css')).headers.get('ETag') as string
    const again = await app.request('/feed.css', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('Cache-Control')).toBe(FEED_CSS_CACHE_CONTROL)
    const post = await app.request('/feed.css', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.get('Allow')).toBe('GET, HEAD')
  })

  it('is named by the RSS and Atom documents, which keep their feed media types', async () => {
    for (const [path, type] of [
      ['/rss.xml', 'application/rss+xml; charset=utf-8'],
      ['/atom.xml', 'application/atom+xml; charset=utf-8'],
      ['/tags/news/rss.xml', 'application/rss+xml; charset=utf-8'],
    ]) {
      const res = await app.request(path)
      expect(res.headers.get('Content-Type'), path).toBe(type)
      const lines = (await res.text()).split('\n')
      expect(lines[1], path).toMatch(/^<!-- This is a web feed, for feed readers\. /)
      expect(lines[2], path).toBe(`<?xml-stylesheet type="text/css" href="${SITE_URL}/feed.css"?>`)
    }
    expect(await (await app.request('/feed.json')).text()).not.toContain('feed.css')
  })
})
