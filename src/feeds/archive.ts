/**
 * RFC 5005 archived feeds (§4). The history of a scope is cut into pages of `size` articles,
 * oldest first, numbered from 1: page k holds the k-th `size` articles ever published. Its
 * membership never changes as newer articles arrive, so a full page's bytes never change and it
 * can be cached as immutable. After the F full pages comes page F+1 with the newest articles that
 * do not fill a page (it may be empty); a full page always links `next-archive` to the page after
 * it, which therefore always exists.
 */

/** How many pages are full. */
export function fullPages(count: number, size: number): number {
  return Math.floor(count / size)
}

/** The last page number that exists (full pages, then the one being filled). */
export function lastPage(count: number, size: number): number {
  return fullPages(count, size) + 1
}

/**
 * The page the subscription feed links as `prev-archive`: the newest page with articles, or
 * null when there are none.
 */
export function newestPage(count: number, size: number): number | null {
  if (count === 0) return null
  return count % size === 0 ? fullPages(count, size) : lastPage(count, size)
}

/**
 * Where page `page` sits in a scope of `count` articles, newest first: positions `[from, to)`, or
 * null when the page does not exist. Only the count is needed, so a corpus kept in pieces
 * (src/shards) reads just those articles.
 */
export function pageRange(count: number, page: number, size: number): [number, number] | null {
  if (!Number.isInteger(page) || page < 1 || page > lastPage(count, size)) return null
  return [Math.max(0, count - page * size), count - (page - 1) * size]
}

/** Reads a page number from a URL segment: digits only, no leading zero, at most 7 digits. */
export function parsePage(segment: string): number | null {
  return /^[1-9]\d{0,6}$/.test(segment) ? Number(segment) : null
}
