/**
 * Where each piece of a corpus kept in pieces lives: the same rules for `dateline build`, which
 * writes them (write.ts), and for the Worker, which reads them (reader.ts).
 */

/** The folder of every corpus's pieces in the static assets (never served to the public). */
export const SHARDS_ROOT = '/_dateline'

/** Chunk `index` of the stored articles: the site's oldest-first positions `[index·chunk, …)`. */
export function chunkPath(base: string, index: number): string {
  return `${base}/articles/${index}.json`
}

/** Index file `index` of a tag or an author (its folder `scope`): site positions, oldest first. */
export function indexPath(base: string, scope: number, index: number): string {
  return `${base}/${scope}/${index}.json`
}

/** The newest stored articles of a tag or an author (its folder `scope`), oldest first. */
export function recentPath(base: string, scope: number): string {
  return `${base}/${scope}/recent.json`
}

/** The slug file a slug (or a permalink or alias) is listed in. */
export function bucketPath(base: string, bucket: number): string {
  return `${base}/slugs/${bucket}.json`
}

/**
 * The bucket of a slug: FNV-1a over its UTF-16 code units. Not cryptographic: it only spreads
 * slugs evenly, and it is the same on Node and in workerd.
 */
export function bucketOf(slug: string, buckets: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < slug.length; i++) {
    h ^= slug.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) % buckets
}

/**
 * A slug file: each slug, and each permalink and alias (which start with `/`), with its article's
 * oldest-first position among the site's.
 */
export type BucketFile = [key: string, position: number][]
