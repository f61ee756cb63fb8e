import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { article, corpusOf } from '../support/corpus.ts'

const SITE_URL = 'https://news.example.com'
const NOW = Date.parse('2026-06-01T00:00:00Z')
const corpus = corpusOf([
  article('live', '2026-05-01T00:00:00.000Z', {
    tags: ['Cənubi Qafqaz', 'Sport'],
    authors: [{ name: 'Ann Lee' }],
  }),
  article('older', '2026-04-01T00:00:00.000Z', { tags: ['sport'], authors: [{ name: 'Бакы Reporter' }] }),
  article('soon', '2026-07-01T00:00:00.000Z', { tags: ['Future Only'], authors: [{ name: 'Zed' }] }),
])
const app = createApp({ corpus, siteUrl: SITE_URL, clock: () => NOW })
const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (n, path) => n === 'item' || path === 'feed.link',
})

describe('tag and author feeds', () => {
  it('serve each scope in three formats with its own title, self link and validators', async () => {
    const rss = await app.request('/tags/sport/rss.xml')
    expect(rss.status).toBe(200)
    const channel = xml.parse(await rss.text()).rss.channel
    expect(channel.title).toBe('Test Site — Sport')
    expect(channel.item.map((i: { link: string }) => i.link)).toEqual([
      `${SITE_URL}/articles/live`,
      `${SITE_URL}/articles/older`,
    ])
    expect(rss.headers.get('Link')).toMatch(
      /^<https:\/\/news\.example\.com\/tags\/sport\/rss\.xml>; rel="self"/,
    )
    const atom = await app.request('/authors/%D0%B1%D0%B0%D0%BA%D1%8B-reporter/atom.xml')
    expect(atom.status).toBe(200)
    const feed = xml.parse(await atom.text()).feed
    expect(feed.title).toBe('Test Site — Бакы Reporter')
    expect(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe(
      `${SITE_URL}/authors/%D0%B1%D0%B0%D0%BA%D1%8B-reporter/atom.xml`,
    )
    const json = await (await app.request('/tags/c%C9%99nubi-qafqaz/feed.json')).json()
    expect(json.title).toBe('Test Site — Cənubi Qafqaz')
    expect(json.items.map((i: { id: string }) => i.id)).toEqual([`${SITE_URL}/articles/live`])
    expect(rss.headers.get('ETag')).not.toBe((await app.request('/rss.xml')).headers.get('ETag'))
  })

  it('treats spellings with the same slug as one tag', async () => {
    const json = await (await app.request('/tags/sport/feed.json')).json()
    expect(json.items).toHaveLength(2)
  })

  it('answers 404 for unknown tags and authors, and for ones only a scheduled article has', async () => {
    for (const path of [
      '/tags/nope/rss.xml',
      '/authors/nobody/feed.json',
      '/tags/future-only/rss.xml',
      '/authors/zed/',
      '/tags/nope/',
    ]) {
      expect((await app.request(path)).status, path).toBe(404)
    }
  })

  it('publishes a scheduled article’s tag at its time', async () => {
    const later = createApp({ corpus, siteUrl: SITE_URL, clock: () => Date.parse('2026-07-01T00:00:00Z') })
    expect((await later.request('/tags/future-only/rss.xml')).status).toBe(200)
  })
})

describe('tag and author pages', () => {
  it('list their articles, link their feeds and advertise them for discovery', async () => {
    const res = await app.request('/tags/sport/')
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    const html = await res.text()
    expect(html).toContain('<h1>Tagged “Sport”</h1>')
    expect(html).toContain(`href="${SITE_URL}/articles/older"`)
    expect(html).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Test Site — Sport (Atom)" href="${SITE_URL}/tags/sport/atom.xml">`,
    )
  })

  it('redirects the address without the trailing slash', async () => {
    const res = await app.request('/authors/ann-lee')
    expect(res.status).toBe(308)
    expect(res.headers.get('Location')).toBe('/authors/ann-lee/')
  })

  it('are linked from the index and from each article', async () => {
    const index = await (await app.request('/')).text()
    expect(index).toContain(`<a href="${SITE_URL}/tags/c%C9%99nubi-qafqaz/">Cənubi Qafqaz</a> (1)`)
    expect(index).toContain(`<a href="${SITE_URL}/authors/ann-lee/">Ann Lee</a> (1)`)
    expect(index).not.toContain('Future Only')
    const page = await (await app.request('/articles/live')).text()
    expect(page).toContain(`<a href="${SITE_URL}/tags/sport/">Sport</a>`)
    expect(page).toContain(`<a href="${SITE_URL}/authors/ann-lee/">Ann Lee</a>`)
  })
})
