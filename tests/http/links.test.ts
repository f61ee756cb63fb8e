import { describe, expect, it } from 'vitest'
import { SITE_FEED_PATHS } from '../../src/feeds/view.ts'
import { feedLinks } from '../../src/http/links.ts'

describe('feedLinks', () => {
  it('names the feed as self and the other formats as alternates, with their types', () => {
    expect(feedLinks('https://x.test', SITE_FEED_PATHS, 'json')).toBe(
      '<https://x.test/feed.json>; rel="self"; type="application/feed+json", ' +
        '<https://x.test/rss.xml>; rel="alternate"; type="application/rss+xml", ' +
        '<https://x.test/atom.xml>; rel="alternate"; type="application/atom+xml"',
    )
  })

  it('adds the WebSub hub when there is one', () => {
    expect(feedLinks('https://x.test', SITE_FEED_PATHS, 'rss', 'https://hub.example/')).toMatch(
      /, <https:\/\/hub\.example\/>; rel="hub"$/,
    )
  })
})
