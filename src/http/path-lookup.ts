/**
 * Which article answers at a path of its own (a permalink) and how: its page at exactly the path
 * it was given, and a move (301) to it from an alias or from the other slash form of either. Only
 * one form of a path is the page, so that a page has one address (search engines and readers
 * keep one copy), while old links written either way still arrive.
 */
import type { Context } from 'hono'
import { baseRoutePath } from 'hono/route'
import { canonicalPath, otherSlashForm } from '../core/article-paths.ts'
import type { Article } from '../core/corpus.ts'
import { type Snapshot, whenReady } from '../feeds/snapshot.ts'

/** An article found at a path: `page` when the path is its own, else it moved. */
export type Found = { article: Article; page: boolean }

type Maybe<T> = T | undefined | Promise<T | undefined>

/**
 * The article whose permalink or alias is `path` (as requested, still percent-encoded): its page
 * at its permalink, a move at an alias; undefined for none.
 */
export function findExact(snapshot: Snapshot, path: string): Maybe<Found> {
  const key = canonicalPath(path)
  if (key === null) return undefined
  return whenReady(snapshot.byPath(key), (found) =>
    found ? { article: found, page: found.path === key } : undefined,
  )
}

/** The article whose permalink or alias is the other slash form of `path`: a move, or undefined. */
export function findOtherForm(snapshot: Snapshot, path: string): Maybe<Found> {
  const key = canonicalPath(path)
  const other = key === null ? null : otherSlashForm(key)
  if (other === null) return undefined
  return whenReady(snapshot.byPath(other), (found) => (found ? { article: found, page: false } : undefined))
}

/**
 * The request's path inside this app, still percent-encoded (`c.req.path` is decoded, and would
 * confuse `/a%2Fb` with `/a/b`): the URL's path without the segments of the path the app is
 * mounted at in another (`host.route('/news', app)`), if any.
 */
export function pathInApp(c: Context): string {
  const path = new URL(c.req.url).pathname
  const depth = baseRoutePath(c).split('/').filter(Boolean).length
  return depth === 0
    ? path
    : `/${path
        .split('/')
        .slice(depth + 1)
        .join('/')}`
}
