import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { article, corpusOf } from '../support/corpus.ts'

const SITE_URL = 'https://news.example.com'
const HOSTILE = '<script>alert(1)</script> & "quotes"'
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;'

const corpus = corpusOf(
  [
    article('hostile', '2026-05-01T23:30:00.000Z', {
      title: HOSTILE,
      summary: HOSTILE,
      tags: [HOSTILE, 'news'],
      authors: [{ name: HOSTILE }],
    }),
    article('plain', '2026-04-01T12:00:00.000Z'),
  ],
  { title: `${HOSTILE} site`, copyright: '© 2026 <Newsroom>', language: 'en-GB', timezone: 'Asia/Tokyo' },
)
const app = (now = '2026-06-01T00:00:00Z') =>
  createApp({ corpus, siteUrl: SITE_URL, clock: () => Date.parse(now) })
const page = async (path: string, now?: string) => {
  const res = await app(now).request(path)
  expect(res.status, path).toBe(200)
  return res.text()
}
const PATHS = ['/', '/articles/hostile', '/tags/news/', '/authors/ann-author/']

describe('pages', () => {
  it('render a title like <script>alert(1)</script> & "quotes" as text, everywhere', async () => {
    for (const path of PATHS) {
      const html = await page(path)
      expect(html, path).not.toMatch(/<script/i)
      expect(html.match(/<title>([^<]*)<\/title>/)?.[1], path).toContain(`${ESCAPED} site`)
      expect(html, path).toContain(`title="${ESCAPED} site`)
    }
    const articleHtml = await page('/articles/hostile')
    expect(articleHtml).toContain(`<h1>${ESCAPED}</h1>`)
    expect(articleHtml).toContain(`<meta name="description" content="${ESCAPED}">`)
    expect(articleHtml).toContain(`/tags/script-alert-1-script-quotes/">${ESCAPED}</a>`)
    expect(await page('/')).toContain(`>${ESCAPED}</a></h2>`)
    expect(await page('/')).toContain('<p class="note">© 2026 &lt;Newsroom&gt;</p>')
  })

  it('carry no JavaScript: no script elements, event handlers or javascript: URLs', async () => {
    for (const path of PATHS) {
      const html = await page(path)
      expect(html, path).not.toMatch(/<script|\son\w+\s*=|javascript:/i)
    }
  })

  it('declare the site’s language and have one h1 and no skipped heading levels', async () => {
    for (const path of PATHS) {
      const html = await page(path)
      expect(html, path).toContain('<html lang="en-GB">')
      const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]))
      expect(levels[0], path).toBe(1)
      expect(
        levels.filter((l) => l === 1),
        path,
      ).toHaveLength(1)
      for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1], path).toBeLessThanOrEqual(1)
    }
  })

  it('show dates in the site’s time zone (its dateline), not UTC', async () => {
    // 23:30 UTC on 1 May is 08:30 on 2 May in Tokyo.
    expect(await page('/articles/hostile')).toContain(
      '<time datetime="2026-05-01T23:30:00.000Z">2 May 2026</time>',
    )
  })

  it('are the same bytes from another app and at another time (no "now", no random ids)', async () => {
    for (const path of PATHS) {
      expect(await page(path, '2026-06-01T00:00:00Z'), path).toBe(await page(path, '2031-01-01T00:00:00Z'))
    }
  })

  it('fit a phone: a viewport meta, and wide tables and code scroll inside their own box', async () => {
    const html = await page('/')
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toMatch(/table,pre\{display:block;max-width:100%;overflow-x:auto\}/)
    expect(html).toMatch(/a:focus-visible\{outline:2px solid/)
  })
})
