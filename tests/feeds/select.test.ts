import { describe, expect, it } from 'vitest'
import { newestUpdate, published } from '../../src/feeds/select.ts'
import { article, corpusOf } from './fixtures.ts'

const at = (iso: string) => Date.parse(iso)

describe('published', () => {
  const corpus = corpusOf([
    article('future', '2024-06-01T12:00:00.000Z'),
    article('today', '2024-05-01T09:30:00.000Z'),
    article('past', '2024-01-01T00:00:00.000Z'),
  ])
  const slugs = (now: number) => published(corpus, now).articles.map((a) => a.slug)

  it('hides articles dated after now', () => {
    expect(slugs(at('2024-05-15T00:00:00Z'))).toEqual(['today', 'past'])
    expect(published(corpus, at('2024-05-15T00:00:00Z')).start).toBe(1)
  })

  it('shows an article at exactly its time, and not a millisecond before', () => {
    expect(slugs(at('2024-06-01T12:00:00.000Z'))).toEqual(['future', 'today', 'past'])
    expect(slugs(at('2024-06-01T12:00:00.000Z') - 1)).toEqual(['today', 'past'])
    expect(slugs(at('2024-05-01T09:30:00.000Z') - 1)).toEqual(['past'])
  })

  it('goes by `date`, not `updated`: a later update does not hide a published article', () => {
    const edited = corpusOf([
      article('edited', '2024-05-01T00:00:00.000Z', { updated: '2024-12-01T00:00:00.000Z' }),
      article('past', '2024-01-01T00:00:00.000Z'),
    ])
    const r = published(edited, at('2024-06-01T00:00:00Z'))
    expect(r.articles.map((a) => a.slug)).toEqual(['edited', 'past'])
    expect(r.start).toBe(0)
  })

  it('shows everything once every date has passed', () => {
    const r = published(corpus, at('2030-01-01T00:00:00Z'))
    expect(r.articles.map((a) => a.slug)).toEqual(['future', 'today', 'past'])
    expect(r.start).toBe(0)
  })

  it('shows nothing before the first article', () => {
    const r = published(corpus, at('2023-01-01T00:00:00Z'))
    expect(r.articles).toEqual([])
    expect(r.start).toBe(3)
  })

  it('keeps the newest-first order and does not change the corpus', () => {
    const before = corpus.articles.map((a) => a.slug)
    published(corpus, at('2024-05-15T00:00:00Z'))
    expect(corpus.articles.map((a) => a.slug)).toEqual(before)
  })
})

describe('newestUpdate', () => {
  it('is the newest `updated`, wherever it is in the list', () => {
    const articles = [
      article('a', '2024-03-01T00:00:00.000Z'),
      article('b', '2024-02-01T00:00:00.000Z', { updated: '2024-04-01T00:00:00.000Z' }),
      article('c', '2024-01-01T00:00:00.000Z'),
    ]
    expect(newestUpdate(articles)).toBe('2024-04-01T00:00:00.000Z')
  })

  it('reads `updated`, not `date`', () => {
    const a = article('a', '2024-03-01T00:00:00.000Z', { updated: '2024-03-02T00:00:00.000Z' })
    expect(newestUpdate([a])).toBe('2024-03-02T00:00:00.000Z')
  })

  it('is null when there are no articles', () => {
    expect(newestUpdate([])).toBeNull()
  })
})
