/**
 * `dateline build` for a corpus too big for a Worker's bundle: every article dated up to the
 * build goes to the static assets in pieces (layout.ts), and the bundle keeps the site, the
 * articles still scheduled (they must not be readable before their time, and assets are public
 * files) and the map of the pieces. Node only.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Article, Corpus, ShardScope, Shards } from '../corpus.ts'
import { authorNames, tagNames, tally } from '../feeds/catalog.ts'
import { slugify } from '../feeds/slug.ts'
import { type BucketFile, bucketOf, bucketPath, chunkPath, SHARDS_ROOT } from './layout.ts'

/**
 * Workers Static Assets take 20,000 files per deployment on the free plan; the pieces stay well
 * under it so media files fit beside them. Above it, chunks hold several archive pages each.
 */
export const MAX_SHARD_FILES = 15_000
/** About this many slugs per slug file (~20 KB of JSON). */
const SLUGS_PER_BUCKET = 512

export type ShardStats = { files: number; bytes: number; largest: number }

/**
 * Writes the pieces of `corpus` under `{publicDir}/_dateline/` (replacing any earlier ones) and
 * returns the corpus the Worker imports in their stead. `now` splits the articles: those dated
 * after it stay in the bundle.
 */
export function writeShards(
  corpus: Corpus,
  publicDir: string,
  now: number,
  { maxFiles = MAX_SHARD_FILES } = {},
): { corpus: Corpus; stats: ShardStats } {
  const { articles, site } = corpus
  let split = 0
  while (split < articles.length && Date.parse(articles[split].date) > now) split++
  const scheduled = articles.slice(0, split)
  // Oldest first: a position never changes as newer articles arrive, so neither does a full chunk.
  const stored = articles.slice(split).reverse()

  const tags = tally(stored, tagNames)
  const authors = tally(stored, authorNames)
  const scopes: ShardScope[] = [scopeOf('site', '', stored.length, stored, [])]
  const members: number[][] = [stored.map((_, i) => i)]
  const index = new Map<string, number>()
  for (const [kind, counted] of [
    ['tag', tags],
    ['author', authors],
  ] as const) {
    for (const slug of [...counted.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      index.set(`${kind}:${slug}`, scopes.length)
      const entry = counted.get(slug) as { count: number; spellings: Map<string, number> }
      scopes.push(scopeOf(kind, slug, entry.count, [], [...entry.spellings]))
      members.push([])
    }
  }
  stored.forEach((a, position) => {
    for (const [kind, names] of [
      ['tag', tagNames(a)],
      ['author', authorNames(a)],
    ] as const) {
      for (const slug of new Set(names.map(slugify))) {
        const at = index.get(`${kind}:${slug}`) as number
        members[at].push(position)
        const scope = scopes[at]
        if (scope.updated === null || a.updated > scope.updated) scope.updated = a.updated
      }
    }
  })

  const buckets = 2 ** Math.ceil(Math.log2(Math.max(1, stored.length / SLUGS_PER_BUCKET)))
  let pages = 1
  while (files(members, site.items * pages) + buckets > maxFiles && pages < stored.length) pages++
  const chunk = site.items * pages
  const base = `${SHARDS_ROOT}/${corpus.hash.slice(0, 16)}`
  const root = join(publicDir, SHARDS_ROOT)
  rmSync(root, { recursive: true, force: true })

  const stats: ShardStats = { files: 0, bytes: 0, largest: 0 }
  const write = (path: string, text: string) => {
    writeFileSync(join(publicDir, path), text)
    const bytes = Buffer.byteLength(text)
    stats.files++
    stats.bytes += bytes
    stats.largest = Math.max(stats.largest, bytes)
  }
  // Each article is serialised once, however many scopes list it.
  const json = stored.map((a) => JSON.stringify(a))
  members.forEach((positions, scope) => {
    mkdirSync(join(publicDir, base, String(scope)), { recursive: true })
    for (let i = 0; i * chunk < positions.length; i++) {
      const part = positions.slice(i * chunk, (i + 1) * chunk).map((p) => json[p])
      write(chunkPath(base, scope, i), `[${part.join(',')}]`)
    }
  })
  const slugs: BucketFile[] = Array.from({ length: buckets }, () => [])
  stored.forEach((a, position) => {
    slugs[bucketOf(a.slug, buckets)].push([a.slug, position])
  })
  mkdirSync(join(publicDir, base, 'slugs'), { recursive: true })
  slugs.forEach((list, bucket) => {
    write(bucketPath(base, bucket), JSON.stringify(list))
  })

  const shards: Shards = { base, chunk, buckets, scopes }
  return { corpus: { ...corpus, articles: scheduled, shards }, stats }
}

function scopeOf(
  kind: string,
  slug: string,
  count: number,
  articles: Article[],
  spellings: [string, number][],
): ShardScope {
  let updated: string | null = null
  for (const a of articles) if (updated === null || a.updated > updated) updated = a.updated
  return { kind, slug, count, updated, spellings }
}

/** How many chunk files the scopes take with `chunk` articles each. */
function files(members: number[][], chunk: number): number {
  let n = 0
  for (const m of members) n += Math.ceil(m.length / chunk)
  return n
}
