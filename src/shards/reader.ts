/**
 * Reads the pieces of a corpus kept in static assets (layout.ts) and keeps the most recently used
 * in memory, so a warm isolate answers from memory and a cold one reads only what a request
 * needs. Runs in the Worker; `fetchShard` is how this runtime reads a static asset.
 */
import type { Article, Shards } from '../core/corpus.ts'
import { type BucketFile, bucketPath, chunkPath, indexPath, recentPath } from './layout.ts'

/** Reads one piece, parsed: in the Worker, `env.ASSETS.fetch` and `Response.json()`. */
export type FetchShard = (path: string) => Promise<unknown>

/** A piece could not be read: the deployment is missing its assets or they are not this build's. */
export class ShardUnavailable extends Error {
  constructor(path: string, reason: string) {
    super(`corpus piece ${path}: ${reason}`)
    this.name = 'ShardUnavailable'
  }
}

export type ShardReader = {
  /** A chunk of the stored articles, oldest first; at once when it is in memory. */
  chunk(index: number): Article[] | Promise<Article[]>
  /** The newest stored articles of a tag or an author (`Shards.recent`), oldest first. */
  recent(scope: number): Article[] | Promise<Article[]>
  /** An index file of a tag or an author: site positions, oldest first. */
  positions(scope: number, index: number): number[] | Promise<number[]>
  /** A slug file as slug → oldest-first position among the site's articles. */
  bucket(index: number): Map<string, number> | Promise<Map<string, number>>
}

/**
 * Each cached chunk holds `shards.chunk` articles (~4 KB each): 2,048 articles in the usual 256
 * chunks of 8 are ~16 MB, well inside a Worker's 128 MB, and hold the newest articles that every
 * subscription feed (what aggregators poll) shows.
 */
export function createShardReader(
  shards: Shards,
  fetchShard: FetchShard,
  { maxArticles = 2048, maxRecent = 64, maxIndexes = 128, maxBuckets = 64 } = {},
): ShardReader {
  const chunks = lru<Article[]>(Math.max(4, Math.floor(maxArticles / shards.chunk)), (path, value) => {
    if (!Array.isArray(value)) throw new ShardUnavailable(path, 'not a list of articles')
    return value as Article[]
  })
  const recents = lru<Article[]>(maxRecent, (path, value) => {
    if (!Array.isArray(value)) throw new ShardUnavailable(path, 'not a list of articles')
    return value as Article[]
  })
  const indexes = lru<number[]>(maxIndexes, (path, value) => {
    if (!Array.isArray(value)) throw new ShardUnavailable(path, 'not a list of positions')
    return value as number[]
  })
  const buckets = lru<Map<string, number>>(maxBuckets, (path, value) => {
    if (!Array.isArray(value)) throw new ShardUnavailable(path, 'not a list of slugs')
    return new Map(value as BucketFile)
  })
  return {
    chunk: (index) => chunks(chunkPath(shards.base, index), fetchShard),
    recent: (scope) => recents(recentPath(shards.base, scope), fetchShard),
    positions: (scope, index) => indexes(indexPath(shards.base, scope, index), fetchShard),
    bucket: (index) => buckets(bucketPath(shards.base, index), fetchShard),
  }
}

/**
 * A least-recently-used memo of pieces by path (a Map keeps insertion order; a hit moves to the
 * end). Concurrent requests for one piece share one read; a failed read is forgotten, so the
 * next request tries again.
 */
function lru<T>(max: number, parse: (path: string, value: unknown) => T) {
  const done = new Map<string, T>()
  const pending = new Map<string, Promise<T>>()
  return (path: string, fetchShard: FetchShard): T | Promise<T> => {
    const hit = done.get(path)
    if (hit !== undefined) {
      done.delete(path)
      done.set(path, hit)
      return hit
    }
    let read = pending.get(path)
    if (!read) {
      read = fetchShard(path).then(
        (value) => {
          pending.delete(path)
          const parsed = parse(path, value)
          if (done.size >= max) done.delete(done.keys().next().value as string)
          done.set(path, parsed)
          return parsed
        },
        (err: unknown) => {
          pending.delete(path)
          throw err instanceof ShardUnavailable ? err : new ShardUnavailable(path, String(err))
        },
      )
      pending.set(path, read)
    }
    return read
  }
}
