import { describe, expect, it } from 'vitest'
import { compareArticles } from '../../src/core/corpus.ts'
import { article } from '../support/corpus.ts'

describe('compareArticles', () => {
  it('orders newest first, ties by slug, whatever the input order', () => {
    const list = [
      article('b', '2024-01-01T00:00:00.000Z'),
      article('old', '2020-01-01T00:00:00.000Z'),
      article('new', '2025-06-01T00:00:00.000Z'),
      article('a', '2024-01-01T00:00:00.000Z'),
    ]
    const order = ['new', 'a', 'b', 'old']
    expect([...list].sort(compareArticles).map((a) => a.slug)).toEqual(order)
    expect(
      [...list]
        .reverse()
        .sort(compareArticles)
        .map((a) => a.slug),
    ).toEqual(order)
  })

  it('returns 0 only for the same date and slug', () => {
    const a = article('x', '2024-01-01T00:00:00.000Z')
    expect(compareArticles(a, { ...a })).toBe(0)
    expect(compareArticles(a, article('y', a.date))).toBeLessThan(0)
  })
})
