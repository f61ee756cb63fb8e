/**
 * Article paths as the loader writes them and the routes look them up. An article with a
 * permalink lives at its own root-relative path (`/2019/05/15/hello/`, `/posts/hello.html`) and
 * answers 301 at its old ones (aliases); the rest live at `/articles/{slug}`. Both sides use one
 * spelling of a path, so that a request matches whatever characters its client chose to
 * percent-encode: each segment decoded, then encoded as `encodeURIComponent` does, keeping the
 * sub-delimiters, `:` and `@` that RFC 3986 §3.3 allows raw in a segment (`pchar`). Edge-safe:
 * no Node API.
 */
import type { Article } from './corpus.ts'

/** The path of an article's page: its permalink, else `/articles/{slug}`. */
export function articlePath(article: Article): string {
  return article.path ?? defaultPath(article.slug)
}

/** `/articles/{slug}`, the slug as one percent-encoded segment. */
export function defaultPath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}`
}

// RFC 3986 §3.3: pchar = unreserved / pct-encoded / sub-delims / ":" / "@". encodeURIComponent
// leaves the unreserved characters and ! ' ( ) * raw; these are the other pchars it encodes.
const RAW_IN_SEGMENT = /%(?:24|26|2B|2C|3A|3B|3D|40)/g

/** One path segment from its text: percent-encoded as RFC 3986 §3.3 requires, nothing more. */
export function encodeSegment(text: string): string {
  return encodeURIComponent(text).replace(RAW_IN_SEGMENT, decodeURIComponent)
}

/**
 * The one spelling of a root-relative path (`/caf%c3%a9/` and `/café/` → `/caf%C3%A9/`), or null
 * when it cannot be an article's path: a segment that is not valid percent-encoded UTF-8, or one
 * that decodes to `/` or `\`.
 */
export function canonicalPath(raw: string): string | null {
  if (!raw.startsWith('/')) return null
  const segments = raw.split('/')
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]
    if (!segment.includes('%')) {
      if (PLAIN.test(segment)) continue
    }
    let text: string
    try {
      text = decodeURIComponent(segment)
    } catch {
      return null
    }
    if (text.includes('/') || text.includes('\\')) return null
    segments[i] = encodeSegment(text)
  }
  return segments.join('/')
}

// A segment made only of characters every spelling writes raw needs no work.
const PLAIN = /^[A-Za-z0-9._~!'()*$&+,;=:@-]*$/

/** The same path with its trailing slash removed or added; null for `/`. */
export function otherSlashForm(path: string): string | null {
  if (path === '/') return null
  return path.endsWith('/') ? path.slice(0, -1) : `${path}/`
}

/**
 * Paths the app answers itself (src/http/routes.ts): the index, the feeds and their archives,
 * tag and author pages, the feed stylesheet (`FEED_STYLESHEET_PATH`), the pieces of a big corpus,
 * and the files `export` writes at the root (`index.html`, `_headers`, `_redirects`). An article
 * or an alias there would never be reached.
 */
const OWN_FILES = /^\/(?:|feed|rss\.xml|atom\.xml|feed\.json|feed\.css|index\.html|_headers|_redirects)$/
const OWN_FOLDERS = /^\/(?:tags|authors|archive|_dateline)(?:\/|$)/

/** Whether the app answers `path` itself, so that no article may live there. */
export function isOwnPath(path: string): boolean {
  return OWN_FILES.test(path) || OWN_FOLDERS.test(path)
}

/**
 * The paths an article is looked up by besides its slug: its permalink, then its aliases (none for
 * an article at `/articles/{slug}` without aliases).
 */
export function pathKeys(article: Article): string[] {
  const own = article.path === undefined ? [] : [article.path]
  return article.aliases ? [...own, ...article.aliases] : own
}
