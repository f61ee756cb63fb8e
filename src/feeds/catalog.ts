/**
 * Which feeds exist: the site's, one per tag and one per author, from the published articles
 * only (a draft or a scheduled article never creates a tag before it is live).
 */
import type { Article } from '../core/corpus.ts'
import { slugify } from './slug.ts'
import type { FeedFormat } from './view.ts'

export type Scope =
  | { kind: 'site' }
  | { kind: 'tag'; slug: string; name: string }
  | { kind: 'author'; slug: string; name: string }

export const FORMAT_FILES: Record<FeedFormat, string> = {
  rss: 'rss.xml',
  atom: 'atom.xml',
  json: 'feed.json',
}

/** The folder a scope's documents live under: `` (site), `/tags/{slug}`, `/authors/{slug}`. */
export function scopeBase(scope: Scope): string {
  if (scope.kind === 'site') return ''
  return `/${scope.kind === 'tag' ? 'tags' : 'authors'}/${encodeURIComponent(scope.slug)}`
}

/** The subscription feed's path in each format. */
export function scopePaths(scope: Scope): Record<FeedFormat, string> {
  const base = scopeBase(scope)
  return {
    rss: `${base}/${FORMAT_FILES.rss}`,
    atom: `${base}/${FORMAT_FILES.atom}`,
    json: `${base}/${FORMAT_FILES.json}`,
  }
}

export type Named = { slug: string; name: string; count: number }

/** Per slug: how many articles have it, and how often each spelling of it is used. */
export type Tally = Map<string, { count: number; spellings: Map<string, number> }>

/** Counts the names of `articles` into `into` (a corpus kept in pieces adds live articles to its own). */
export function tally(
  articles: readonly Article[],
  names: (a: Article) => string[],
  into: Tally = new Map(),
): Tally {
  for (const a of articles) {
    for (const slug of new Set(names(a).map(slugify))) {
      const entry = into.get(slug) ?? { count: 0, spellings: new Map() }
      entry.count++
      into.set(slug, entry)
    }
    for (const name of names(a)) {
      const entry = into.get(slugify(name))
      entry?.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1)
    }
  }
  return into
}

/**
 * The names of a tally, sorted by slug. Spellings that share a slug are one entry, shown with the
 * most used spelling (ties: the first in code-point order).
 */
export function namedOf(counted: Tally): Named[] {
  const out: Named[] = []
  for (const [slug, { count, spellings }] of counted) {
    const name = [...spellings].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))[0][0]
    out.push({ slug, name, count })
  }
  // Code-point order of slugs: the same on every runtime (localeCompare depends on the ICU build).
  return out.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
}

/** The tags (or authors) of `articles`, sorted by slug (`namedOf`). */
export function collect(articles: readonly Article[], names: (a: Article) => string[]): Named[] {
  return namedOf(tally(articles, names))
}

export const tagNames = (a: Article) => a.tags
export const authorNames = (a: Article) => a.authors.map((p) => p.name)

export const tagsOf = (articles: readonly Article[]) => collect(articles, tagNames)
export const authorsOf = (articles: readonly Article[]) => collect(articles, authorNames)

/** Whether the article belongs to the scope. */
export function inScope(scope: Scope, a: Article): boolean {
  if (scope.kind === 'site') return true
  const names = scope.kind === 'tag' ? a.tags : a.authors.map((p) => p.name)
  return names.some((n) => slugify(n) === scope.slug)
}

/** Every scope with a feed, given the published articles: the site, then tags, then authors. */
export function scopesOf(published: readonly Article[]): Scope[] {
  return [
    { kind: 'site' },
    ...tagsOf(published).map((t): Scope => ({ kind: 'tag', slug: t.slug, name: t.name })),
    ...authorsOf(published).map((p): Scope => ({ kind: 'author', slug: p.slug, name: p.name })),
  ]
}
