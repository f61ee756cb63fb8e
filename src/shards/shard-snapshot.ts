/**
 * The snapshot (src/feeds/snapshot.ts) of a corpus kept in pieces: the scopes and their counts
 * come from the map in the bundle, the articles from the pieces, read only when a document is not
 * memoised. The articles scheduled at build time are in the bundle; those live at this snapshot's
 * moment (`live`) are newer than every stored one, so they come first in every scope.
 */
import { pathKeys } from '../core/article-paths.ts'
import type { Article, Shards } from '../core/corpus.ts'
import { authorNames, inScope, namedOf, type Scope, type Tally, tagNames, tally } from '../feeds/catalog.ts'
import { newestUpdate } from '../feeds/select.ts'
import { namedScopes, pathMap, type Snapshot, whenReady } from '../feeds/snapshot.ts'
import { bucketOf } from './layout.ts'
import type { ShardReader } from './reader.ts'

export function createShardedSnapshot(
  start: number,
  live: Article[],
  shards: Shards,
  reader: ShardReader,
): Snapshot {
  const folders = new Map<string, number>()
  const stored = { tag: new Map() as Tally, author: new Map() as Tally }
  shards.scopes.forEach((s, i) => {
    folders.set(`${s.kind}:${s.slug}`, i)
    if (s.kind === 'tag' || s.kind === 'author') {
      stored[s.kind].set(s.slug, { count: s.count, spellings: new Map(s.spellings) })
    }
  })
  const liveBySlug = new Map(live.map((a) => [a.slug, a]))
  let livePaths: Map<string, Article> | undefined

  type Entry = { folder: number; stored: number; live: Article[]; updated: string | null }
  const entries = new Map<string, Entry>()
  const of = (scope: Scope): Entry => {
    const key = scope.kind === 'site' ? 'site:' : `${scope.kind}:${scope.slug}`
    let entry = entries.get(key)
    if (!entry) {
      const folder = folders.get(key) ?? -1
      const mine = scope.kind === 'site' ? live : live.filter((a) => inScope(scope, a))
      const storedUpdated = folder < 0 ? null : shards.scopes[folder].updated
      const liveUpdated = newestUpdate(mine)
      entry = {
        folder,
        stored: folder < 0 ? 0 : shards.scopes[folder].count,
        live: mine,
        updated:
          liveUpdated === null || (storedUpdated !== null && storedUpdated > liveUpdated)
            ? storedUpdated
            : liveUpdated,
      }
      entries.set(key, entry)
    }
    return entry
  }

  /** The stored articles at these site positions (oldest first), each chunk read once. */
  const articlesAt = (positions: number[]): Article[] | Promise<Article[]> => {
    const size = shards.chunk
    const wanted = [...new Set(positions.map((p) => Math.floor(p / size)))]
    const read = wanted.map((i) => reader.chunk(i))
    const pick = (chunks: Article[][]) => {
      const byIndex = new Map(wanted.map((i, k) => [i, chunks[k]]))
      return positions.map((p) => (byIndex.get(Math.floor(p / size)) as Article[])[p % size])
    }
    return read.some((r) => r instanceof Promise) ? Promise.all(read).then(pick) : pick(read as Article[][])
  }

  /** The site positions of a scope's stored articles at its oldest-first positions `[from, to)`. */
  const positionsOf = (folder: number, from: number, to: number): number[] | Promise<number[]> => {
    if (folder === 0) return Array.from({ length: to - from }, (_, i) => from + i)
    const size = shards.index
    const first = Math.floor(from / size)
    const read: (number[] | Promise<number[]>)[] = []
    for (let i = first; i * size < to; i++) read.push(reader.positions(folder, i))
    const cut = (lists: number[][]) => lists.flat().slice(from - first * size, to - first * size)
    return read.some((r) => r instanceof Promise) ? Promise.all(read).then(cut) : cut(read as number[][])
  }

  /**
   * The stored articles of a scope at oldest-first positions `[from, to)`: from its recent file
   * when they are among its newest (a subscription feed), else through its index files.
   */
  const stretch = (folder: number, from: number, to: number): Article[] | Promise<Article[]> => {
    const stored = folder > 0 ? shards.scopes[folder].count : 0
    const recent = Math.min(shards.recent, stored)
    if (folder > 0 && from >= stored - recent) {
      const first = stored - recent
      return whenReady(reader.recent(folder), (list) => list.slice(from - first, to - first))
    }
    return whenReady(positionsOf(folder, from, to), articlesAt)
  }

  return {
    start,
    ...namedScopes(
      namedOf(tally(live, tagNames, stored.tag)),
      namedOf(tally(live, authorNames, stored.author)),
    ),
    count(scope) {
      const entry = of(scope)
      return entry.stored + entry.live.length
    },
    updated: (scope) => of(scope).updated,
    slice(scope, from, to) {
      const entry = of(scope)
      const m = entry.live.length
      const head = entry.live.slice(from, Math.min(to, m))
      // Newest-first positions past the live articles are stored ones: `[a, b)` from the newest.
      const a = Math.max(from, m) - m
      const b = Math.min(Math.max(to, m) - m, entry.stored)
      if (a >= b) return head
      return whenReady(stretch(entry.folder, entry.stored - b, entry.stored - a), (older) =>
        head.concat(older.reverse()),
      )
    },
    article(slug) {
      const scheduled = liveBySlug.get(slug)
      if (scheduled || shards.scopes.length === 0 || shards.scopes[0].count === 0) return scheduled
      return storedAt(slug, (found) => found.slug === slug)
    },
    byPath(path) {
      livePaths ??= pathMap(live)
      const scheduled = livePaths.get(path)
      if (scheduled || !shards.paths || shards.scopes[0].count === 0) return scheduled
      return storedAt(path, (found) => pathKeys(found).includes(path))
    },
  }

  /** The stored article listed under `key` in its slug file, when it is the one `is` expects. */
  function storedAt(
    key: string,
    is: (found: Article) => boolean,
  ): Article | undefined | Promise<Article | undefined> {
    return whenReady(reader.bucket(bucketOf(key, shards.buckets)), (bucket) => {
      const position = bucket.get(key)
      if (position === undefined) return undefined
      return whenReady(reader.chunk(Math.floor(position / shards.chunk)), (chunk) => {
        const found = chunk[position % shards.chunk]
        return found && is(found) ? found : undefined
      })
    })
  }
}
