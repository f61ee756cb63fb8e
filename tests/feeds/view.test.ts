import { describe, expect, it } from 'vitest'
import { published } from '../../src/feeds/select.ts'
import { EMPTY_FEED_UPDATED, SITE_FEED_PATHS, siteFeedView } from '../../src/feeds/view.ts'
import { article, corpusOf, SITE_URL } from './fixtures.ts'

describe('siteFeedView', () => {
  it('shows the newest `site.items` articles only', () => {
    const corpus = corpusOf(
      [
        article('a', '2024-01-01T00:00:00.000Z'),
        article('b', '2024-02-01T00:00:00.000Z'),
        article('c', '2024-03-01T00:00:00.000Z'),
      ],
      { items: 2 },
    )
    const view = siteFeedView(corpus, SITE_URL, corpus.articles)
    expect(view.articles.map((a) => a.slug)).toEqual(['c', 'b'])
  })

  it('takes updated from the articles shown, not from those cut off or not yet published', () => {
    const corpus = corpusOf(
      [
        article('scheduled', '2024-09-01T00:00:00.000Z'),
        article('new', '2024-03-01T00:00:00.000Z'),
        article('old', '2024-01-01T00:00:00.000Z', { updated: '2024-08-01T00:00:00.000Z' }),
      ],
      { items: 1 },
    )
    const view = siteFeedView(
      corpus,
      SITE_URL,
      published(corpus, Date.parse('2024-06-01T00:00:00Z')).articles,
    )
    expect(view.articles.map((a) => a.slug)).toEqual(['new'])
    expect(view.updated).toBe('2024-03-01T00:00:00.000Z')
  })

  it('uses the fixed epoch as updated when there is nothing to show', () => {
    const view = siteFeedView(corpusOf([]), SITE_URL, [])
    expect(view.articles).toEqual([])
    expect(view.updated).toBe(EMPTY_FEED_UPDATED)
    expect(EMPTY_FEED_UPDATED).toBe('2000-01-01T00:00:00.000Z')
  })

  it('carries the site, its URL, title, description and the main feed paths', () => {
    const corpus = corpusOf([])
    const view = siteFeedView(corpus, 'https://example.com/news', [])
    expect(view.site).toBe(corpus.site)
    expect(view.siteUrl).toBe('https://example.com/news')
    expect(view.title).toBe(corpus.site.title)
    expect(view.description).toBe(corpus.site.description)
    expect(view.paths).toEqual(SITE_FEED_PATHS)
    expect(SITE_FEED_PATHS).toEqual({ rss: '/rss.xml', atom: '/atom.xml', json: '/feed.json' })
  })
})
