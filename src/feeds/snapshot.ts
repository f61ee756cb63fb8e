/**
 * Everything the routes need to know about one visible set of articles: the published articles,
 * their tags and authors, and each scope's articles. Built once per visible set (it changes only
 * when a scheduled article goes live) and shared by every request.
 */
import type { Article } from '../corpus.ts'
import { authorsOf, inScope, type Named, type Scope, tagsOf } from './catalog.ts'

export type Snapshot = {
  /** Index of the first published article in the corpus: identifies the visible set. */
  start: number
  articles: Article[]
  tags: Named[]
  authors: Named[]
  /** The scope for a tag or author slug, or null when no published article has it. */
  find(kind: 'tag' | 'author', slug: string): Scope | null
  /** The scope's published articles, newest first. */
  articlesOf(scope: Scope): Article[]
  /** The published article with this slug, if any (a map: no scan per request). */
  article(slug: string): Article | undefined
}

export function createSnapshot(start: number, articles: Article[]): Snapshot {
  const tags = tagsOf(articles)
  const authors = authorsOf(articles)
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]))
  const authorBySlug = new Map(authors.map((p) => [p.slug, p]))
  const scoped = new Map<string, Article[]>()
  let bySlug: Map<string, Article> | undefined
  return {
    start,
    articles,
    tags,
    authors,
    find(kind, slug) {
      const named = (kind === 'tag' ? tagBySlug : authorBySlug).get(slug)
      return named ? { kind, slug: named.slug, name: named.name } : null
    },
    article(slug) {
      bySlug ??= new Map(articles.map((a) => [a.slug, a]))
      return bySlug.get(slug)
    },
    articlesOf(scope) {
      if (scope.kind === 'site') return articles
      const key = `${scope.kind}:${scope.slug}`
      let list = scoped.get(key)
      if (!list) {
        list = articles.filter((a) => inScope(scope, a))
        scoped.set(key, list)
      }
      return list
    },
  }
}
