/**
 * Everything the routes need to know about one visible set of articles: their tags and authors,
 * how many articles each scope has, and the articles at given positions. Built once per visible
 * set (it changes only when a scheduled article goes live) and shared by every request.
 *
 * Two implementations: this one over articles in memory (Node, and a Worker whose corpus fits
 * its bundle), and src/shards/shard-snapshot.ts over a corpus kept in pieces in static assets, whose
 * reads may be asynchronous. Callers take either through `whenReady`.
 */
import { pathKeys } from '../core/article-paths.ts'
import type { Article } from '../core/corpus.ts'
import { authorsOf, inScope, type Named, type Scope, tagsOf } from './catalog.ts'
import { newestUpdate } from './select.ts'

export type Snapshot = {
  /** Index of the first published article in the corpus: identifies the visible set. */
  start: number
  tags: Named[]
  authors: Named[]
  /** The scope for a tag or author slug, or null when no published article has it. */
  find(kind: 'tag' | 'author', slug: string): Scope | null
  /** How many published articles the scope has. */
  count(scope: Scope): number
  /** The newest `updated` among the scope's published articles, or null when it has none. */
  updated(scope: Scope): string | null
  /** The scope's published articles at positions `[from, to)`, newest first. */
  slice(scope: Scope, from: number, to: number): Article[] | Promise<Article[]>
  /** The published article with this slug, if any. */
  article(slug: string): Article | undefined | Promise<Article | undefined>
  /**
   * The published article whose permalink or alias is `path` (spelled as `canonicalPath` spells
   * it), if any. `/articles/{slug}` is not one: `article` finds those.
   */
  byPath(path: string): Article | undefined | Promise<Article | undefined>
}

/** Calls `next` with `value` at once when it is there, once it resolves when it is a promise. */
export function whenReady<T, R>(value: T | Promise<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value)
}

/** Every scope with a feed in a snapshot: the site, then tags, then authors. */
export function snapshotScopes(snapshot: Snapshot): Scope[] {
  return [
    { kind: 'site' },
    ...snapshot.tags.map((t): Scope => ({ kind: 'tag', slug: t.slug, name: t.name })),
    ...snapshot.authors.map((p): Scope => ({ kind: 'author', slug: p.slug, name: p.name })),
  ]
}

/** What both kinds of snapshot share: the tags and authors, and a scope found by its slug. */
export function namedScopes(tags: Named[], authors: Named[]): Pick<Snapshot, 'tags' | 'authors' | 'find'> {
  const bySlug = {
    tag: new Map(tags.map((t) => [t.slug, t])),
    author: new Map(authors.map((p) => [p.slug, p])),
  }
  return {
    tags,
    authors,
    find(kind, slug) {
      const named = bySlug[kind].get(slug)
      return named ? { kind, slug: named.slug, name: named.name } : null
    },
  }
}

/** The snapshot of `articles` (the published ones, newest first), all in memory. */
export function createSnapshot(start: number, articles: Article[]): Snapshot {
  const scoped = new Map<string, { list: Article[]; updated: string | null }>()
  let bySlug: Map<string, Article> | undefined
  let byPath: Map<string, Article> | undefined
  const of = (scope: Scope) => {
    const key = scope.kind === 'site' ? '' : `${scope.kind}:${scope.slug}`
    let entry = scoped.get(key)
    if (!entry) {
      const list = scope.kind === 'site' ? articles : articles.filter((a) => inScope(scope, a))
      entry = { list, updated: newestUpdate(list) }
      scoped.set(key, entry)
    }
    return entry
  }
  return {
    start,
    ...namedScopes(tagsOf(articles), authorsOf(articles)),
    count: (scope) => of(scope).list.length,
    updated: (scope) => of(scope).updated,
    slice: (scope, from, to) => of(scope).list.slice(from, to),
    article(slug) {
      bySlug ??= new Map(articles.map((a) => [a.slug, a]))
      return bySlug.get(slug)
    },
    byPath(path) {
      byPath ??= pathMap(articles)
      return byPath.get(path)
    },
  }
}

/** Each permalink and alias of `articles` → its article (the loader made them unique). */
export function pathMap(articles: Article[]): Map<string, Article> {
  const map = new Map<string, Article>()
  for (const a of articles) {
    for (const path of pathKeys(a)) map.set(path, a)
  }
  return map
}
