import { describe, expect, it } from 'vitest'
import { authorsOf, inScope, scopePaths, scopesOf, tagsOf } from '../../src/feeds/catalog.ts'
import { article } from '../support/corpus.ts'

const a = article('a', '2026-01-03T00:00:00.000Z', {
  tags: ['Sport', 'Cənubi Qafqaz'],
  authors: [{ name: 'Ann' }],
})
const b = article('b', '2026-01-02T00:00:00.000Z', {
  tags: ['sport'],
  authors: [{ name: 'Ann' }, { name: 'Бакы Reporter' }],
})
const c = article('c', '2026-01-01T00:00:00.000Z', {
  tags: ['SPORT', 'Politics'],
  authors: [{ name: 'Bob' }],
})

describe('tagsOf and authorsOf', () => {
  it('merges spellings that share a slug, named by the most used spelling', () => {
    const tags = tagsOf([a, b, c])
    expect(tags.find((t) => t.slug === 'sport')).toEqual({ slug: 'sport', name: 'SPORT', count: 3 })
  })

  it('breaks a tie between spellings by code-point order', () => {
    const tags = tagsOf([a, b])
    expect(tags.find((t) => t.slug === 'sport')?.name).toBe('Sport')
  })

  it('sorts by slug and counts each article once', () => {
    expect(tagsOf([a, b, c]).map((t) => t.slug)).toEqual(['cənubi-qafqaz', 'politics', 'sport'])
    expect(authorsOf([a, b, c])).toEqual([
      { slug: 'ann', name: 'Ann', count: 2 },
      { slug: 'bob', name: 'Bob', count: 1 },
      { slug: 'бакы-reporter', name: 'Бакы Reporter', count: 1 },
    ])
  })
})

describe('scopes', () => {
  it('lists the site, then every tag, then every author', () => {
    expect(scopesOf([a]).map((s) => (s.kind === 'site' ? 'site' : `${s.kind}:${s.slug}`))).toEqual([
      'site',
      'tag:cənubi-qafqaz',
      'tag:sport',
      'author:ann',
    ])
  })

  it('puts each scope under its own folder, percent-encoded', () => {
    expect(scopePaths({ kind: 'site' }).rss).toBe('/rss.xml')
    expect(scopePaths({ kind: 'tag', slug: 'cənubi-qafqaz', name: 'x' }).atom).toBe(
      '/tags/c%C9%99nubi-qafqaz/atom.xml',
    )
    expect(scopePaths({ kind: 'author', slug: 'ann', name: 'Ann' }).json).toBe('/authors/ann/feed.json')
  })

  it('matches articles by slug, whatever the spelling', () => {
    const sport = { kind: 'tag', slug: 'sport', name: 'Sport' } as const
    expect([a, b, c].map((x) => inScope(sport, x))).toEqual([true, true, true])
    expect(inScope({ kind: 'author', slug: 'bob', name: 'Bob' }, a)).toBe(false)
  })
})
