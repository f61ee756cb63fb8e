/**
 * Internal links written as template tags (Jekyll's `{% link %}` and `{% post_url %}`, Hugo's
 * `ref` and `relref`) name a file, not a URL: the article's URL is known only once every file is
 * read. The tag becomes a marker URL that the loader resolves after the load, and reports as
 * `unresolved-ref` when it names no article.
 */

/** The path every marker starts with; it cannot be an article's URL (articles are under `/articles/`). */
export const REF_PREFIX = '/.dateline-ref/'

/**
 * The marker URL for `ref`, the path or name as the tag wrote it, without the `#fragment`:
 * `refMarker('_posts/2019-05-15-hello.md')` is `/.dateline-ref/_posts%2F2019-05-15-hello.md`.
 * A fragment (Hugo's `relref "post.md#usage"`) is appended after the marker as a URL fragment,
 * so the resolver reads the ref up to the first `#` and keeps the rest.
 */
export function refMarker(ref: string): string {
  return REF_PREFIX + encodeURIComponent(ref)
}

/**
 * The marker for a ref that may carry a `#fragment`, the fragment kept as the marker's own.
 * @example refWithFragment('post.md#usage') // '/.dateline-ref/post.md#usage'
 */
export function refWithFragment(ref: string): string {
  const hash = ref.indexOf('#')
  if (hash === -1) return refMarker(ref)
  return refMarker(ref.slice(0, hash)) + ref.slice(hash)
}

/**
 * The ref a marker URL names and its fragment, or undefined for any other URL; the resolver's
 * side of `refMarker`.
 */
export function readRefMarker(url: string): { ref: string; fragment: string } | undefined {
  if (!url.startsWith(REF_PREFIX)) return undefined
  const rest = url.slice(REF_PREFIX.length)
  const hash = rest.indexOf('#')
  const encoded = hash === -1 ? rest : rest.slice(0, hash)
  try {
    return { ref: decodeURIComponent(encoded), fragment: hash === -1 ? '' : rest.slice(hash) }
  } catch {
    return undefined
  }
}
