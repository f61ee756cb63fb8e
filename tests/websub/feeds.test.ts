import { beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import type { Corpus } from '../../src/core/corpus.ts'
import { scopePaths, scopesOf } from '../../src/feeds/catalog.ts'
import { published } from '../../src/feeds/select.ts'
import { SITE_FEED_PATHS } from '../../src/feeds/view.ts'
import { createApp } from '../../src/http/app.ts'
import { feedDocuments } from '../../src/websub/feeds.ts'
import { SAMPLE_CONTENT } from '../support/content-dir.ts'

const SITE = 'https://news.example.com'

let corpus: Corpus
beforeAll(async () => {
  corpus = (await loadContent(SAMPLE_CONTENT)).corpus
})

describe('feedDocuments', () => {
  it('lists the site feeds with the ETags the app sends', async () => {
    const now = Date.now()
    const { documents } = await feedDocuments(corpus, SITE, now)
    const app = createApp({ corpus, siteUrl: SITE, clock: () => now })
    for (const path of Object.values(SITE_FEED_PATHS)) {
      const res = await app.request(path)
      expect(documents).toContainEqual({ url: `${SITE}${path}`, etag: res.headers.get('ETag') })
      // The URL announced is the topic the document names as itself (WebSub §4).
      expect(res.headers.get('Link')).toContain(`<${SITE}${path}>; rel="self"`)
    }
  })

  it('covers every subscription feed, announcing only those the app serves', async () => {
    const now = Date.now()
    const { documents, skipped } = await feedDocuments(corpus, SITE, now)
    const expected = scopesOf(published(corpus, now).articles).flatMap((s) =>
      Object.values(scopePaths(s)).map((p) => `${SITE}${p}`),
    )
    expect([...documents.map((d) => d.url), ...skipped.map((s) => s.url)].sort()).toEqual(expected.sort())
    const app = createApp({ corpus, siteUrl: SITE, clock: () => now })
    for (const d of documents) {
      const res = await app.request(d.url.slice(SITE.length))
      expect(res.status, d.url).toBe(200)
      expect(res.headers.get('ETag'), d.url).toBe(d.etag)
    }
    for (const s of skipped) {
      expect((await app.request(s.url.slice(SITE.length))).status, s.url).not.toBe(200)
      expect(s.reason).toMatch(/^the app answered/)
    }
  })

  it('takes the documents as of now, so a scheduled article going live changes the tags', async () => {
    // The sample schedules an article for 2027-01-05.
    const before = await feedDocuments(corpus, SITE, Date.parse('2026-12-01T00:00:00Z'))
    const after = await feedDocuments(corpus, SITE, Date.parse('2027-02-01T00:00:00Z'))
    const rss = (r: typeof before) => r.documents.find((d) => d.url === `${SITE}/rss.xml`)?.etag
    expect(rss(before)).toMatch(/^"/)
    expect(rss(after)).toMatch(/^"/)
    expect(rss(before)).not.toBe(rss(after))
  })
})
