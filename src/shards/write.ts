/**
 * `dateline build` for a corpus too big for a Worker's bundle: every article dated up to the
 * build goes to the static assets in pieces (layout.ts), and the bundle keeps the site, the
 * articles still scheduled (they must not be readable before their time, and assets are public
 * files) and the map of the pieces. Node only.
 */
import { mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathKeys } from '../core/article-paths.ts'
import type { Corpus, ShardScope, Shards } from '../core/corpus.ts'
import { authorNames, tagNames, tally } from '../feeds/catalog.ts'
import { slugify } from '../feeds/slug.ts'
import {
  type BucketFile,
  bucketOf,
  bucketPath,
  chunkPath,
  indexPath,
  recentPath,
  SHARDS_ROOT,
} from './layout.ts'

/**
 * Workers Static Assets take 20,000 files per deployment on the free plan; the pieces stay well
 * under it so media files fit beside them. Above it, chunks hold more articles each.
 */
export const MAX_SHARD_FILES = 15_000
/**
 * Articles per chunk, at least. A page of n articles of a sparse tag reads n chunks: 8 articles
 * (~35 KB) each keeps that to a few hundred KB of JSON to parse, well inside a cold request's CPU.
 */
const MIN_CHUNK = 8
/** Site positions per index file (~7 KB of JSON). */
const INDEX = 1024
/** The pieces' layout version: a folder of its own, so a new layout never reads an old one's. */
const FORMAT = 'v1'
/** Files being written at once. */
const WRITING = 16
/** About this many slugs per slug file (~20 KB of JSON). */
const SLUGS_PER_BUCKET = 512

export type ShardStats = { files: number; bytes: number; largest: number; written: number }

/**
 * Writes the pieces of `corpus` under `{publicDir}/_dateline/` (replacing any earlier ones) and
 * returns the corpus the Worker imports in their stead. `now` splits the articles: those dated
 * after it stay in the bundle.
 */
export async function writeShards(
  corpus: Corpus,
  publicDir: string,
  now: number,
  { maxFiles = MAX_SHARD_FILES } = {},
): Promise<{ corpus: Corpus; stats: ShardStats }> {
  const { articles } = corpus
  let split = 0
  while (split < articles.length && Date.parse(articles[split].date) > now) split++
  const scheduled = articles.slice(0, split)
  // Oldest first: a position never changes as newer articles arrive, so neither does a full chunk.
  const stored = articles.slice(split).reverse()

  // The tags' and authors' scopes, each with its articles' site positions, oldest first.
  const scopes: ShardScope[] = [scopeOf('site', '', stored.length, [])]
  const members: number[][] = [[]]
  const folder = new Map<string, number>()
  for (const [kind, counted] of [
    ['tag', tally(stored, tagNames)],
    ['author', tally(stored, authorNames)],
  ] as const) {
    for (const slug of [...counted.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const entry = counted.get(slug) as { count: number; spellings: Map<string, number> }
      folder.set(`${kind}:${slug}`, scopes.length)
      scopes.push(scopeOf(kind, slug, entry.count, [...entry.spellings]))
      members.push([])
    }
  }
  stored.forEach((a, position) => {
    const site = scopes[0]
    if (site.updated === null || a.updated > site.updated) site.updated = a.updated
    for (const [kind, names] of [
      ['tag', tagNames(a)],
      ['author', authorNames(a)],
    ] as const) {
      for (const slug of new Set(names.map(slugify))) {
        const at = folder.get(`${kind}:${slug}`) as number
        members[at].push(position)
        const scope = scopes[at]
        if (scope.updated === null || a.updated > scope.updated) scope.updated = a.updated
      }
    }
  })

  const buckets = 2 ** Math.ceil(Math.log2(Math.max(1, stored.length / SLUGS_PER_BUCKET)))
  // Index files, and a recent file for each tag and author.
  let indexFiles = 0
  for (const m of members) indexFiles += Math.ceil(m.length / INDEX) + (m.length ? 1 : 0)
  let chunk = MIN_CHUNK
  while (Math.ceil(stored.length / chunk) + indexFiles + buckets > maxFiles && chunk < stored.length)
    chunk *= 2

  // The same path for the same piece on every build: a piece is rewritten only when its bytes
  // change (a new article changes the newest chunk, its scopes' last index files and its slug
  // file), so a rebuild writes a few files and a deploy uploads only those (wrangler uploads
  // assets by content hash). The Worker and its assets are deployed together, so pieces of two
  // builds never meet.
  const base = `${SHARDS_ROOT}/${FORMAT}`
  const stats: ShardStats = { files: 0, bytes: 0, largest: 0, written: 0 }
  const current = new Set<string>()
  // Files are compared and written by libuv's threads while this one makes the next: 13,000 files
  // of 100,000 articles took 9.6 s one after the other. At most WRITING at a time, so memory
  // stays flat.
  const writing = new Set<Promise<void>>()
  const write = async (path: string, text: string) => {
    const target = join(publicDir, path)
    const bytes = Buffer.from(text)
    current.add(target)
    stats.files++
    stats.bytes += bytes.length
    stats.largest = Math.max(stats.largest, bytes.length)
    const done: Promise<void> = readFile(target)
      .catch(() => null)
      .then((old) => {
        if (old?.equals(bytes)) return
        stats.written++
        return writeFile(target, bytes)
      })
      .finally(() => writing.delete(done))
    writing.add(done)
    if (writing.size >= WRITING) await Promise.race(writing)
  }

  // Each article once, in the site's order, a chunk at a time (never the whole corpus as JSON).
  mkdirSync(join(publicDir, base, 'articles'), { recursive: true })
  for (let i = 0; i * chunk < stored.length; i++) {
    const part = stored.slice(i * chunk, (i + 1) * chunk).map((a) => JSON.stringify(a))
    await write(chunkPath(base, i), `[${part.join(',')}]`)
  }
  for (const [scope, positions] of members.entries()) {
    if (positions.length === 0) continue
    mkdirSync(join(publicDir, base, String(scope)), { recursive: true })
    for (let i = 0; i * INDEX < positions.length; i++) {
      await write(indexPath(base, scope, i), JSON.stringify(positions.slice(i * INDEX, (i + 1) * INDEX)))
    }
    // Its newest articles again, together: what its subscription feed and page show.
    const newest = positions.slice(-corpus.site.items).map((p) => JSON.stringify(stored[p]))
    await write(recentPath(base, scope), `[${newest.join(',')}]`)
  }
  // A slug file also lists the permalinks and aliases that fall in its bucket (a path starts with
  // `/`, a slug never holds one), so a request for a path reads one file, as one for a slug does.
  const slugs: BucketFile[] = Array.from({ length: buckets }, () => [])
  let paths = false
  stored.forEach((a, position) => {
    slugs[bucketOf(a.slug, buckets)].push([a.slug, position])
    for (const path of pathKeys(a)) {
      slugs[bucketOf(path, buckets)].push([path, position])
      paths = true
    }
  })
  mkdirSync(join(publicDir, base, 'slugs'), { recursive: true })
  for (const [bucket, list] of slugs.entries()) await write(bucketPath(base, bucket), JSON.stringify(list))
  await Promise.all(writing)
  removeOthers(join(publicDir, SHARDS_ROOT), current)

  const shards: Shards = {
    base,
    chunk,
    index: INDEX,
    recent: corpus.site.items,
    buckets,
    scopes,
    ...(paths ? { paths: true } : {}),
  }
  return { corpus: { ...corpus, articles: scheduled, shards }, stats }
}

function scopeOf(kind: string, slug: string, count: number, spellings: [string, number][]): ShardScope {
  return { kind, slug, count, updated: null, spellings }
}

/** Removes every file under `dir` that is not in `keep` (pieces of earlier builds), then empty folders. */
function removeOthers(dir: string, keep: Set<string>): void {
  let entries: import('node:fs').Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) removeOthers(path, keep)
    else if (!keep.has(path)) rmSync(path, { force: true })
  }
  if (readdirSync(dir).length === 0) rmdirSync(dir)
}
