/**
 * Absolute URLs. The corpus keeps links into the site root-relative because the site's origin
 * is a runtime setting; these helpers make them absolute when a document is rendered, since feed
 * readers have no base URL for relative links.
 */
import { articlePath } from '../core/article-paths.ts'
import type { Article } from '../core/corpus.ts'

/** The article's public URL: `{site}{path}` when it has a permalink, else `{site}/articles/{slug}`. */
export function permalink(siteUrl: string, article: Article): string {
  return siteUrl + articlePath(article)
}

/**
 * The item id (Atom `id`, JSON Feed `id`): the explicit `id`, else the id path an older generator
 * gave it (`ids: jekyll`, src/content/permalinks.ts) on this site, else the permalink. Never the
 * title or the position. RSS's guid ignores the id path: Jekyll's RSS templates wrote the URL.
 */
export function itemId(siteUrl: string, article: Article): string {
  return article.id ?? (article.idPath ? siteUrl + article.idPath : permalink(siteUrl, article))
}

/** A root-relative path made absolute against the site; absolute URLs pass unchanged. */
export function absoluteUrl(siteUrl: string, url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? siteUrl + url : url
}

// sanitize-html writes every attribute as ` name="value"` with `<`, `>` and `"` escaped inside
// values and text, so a tag is exactly `<` + letter up to the next `>`.
/**
 * Makes the root-relative links of sanitised HTML absolute against the site: every
 * ` href="/…"`, ` src="/…"` and ` cite="/…"` (not `//…`) inside a tag, a tag being `<` + letter
 * up to the next `>`. It runs on every article of every document rendered, so it looks only at
 * the places where `="/` occurs, instead of matching every tag with a regular expression and a
 * callback, which took half of a render's time.
 */
export function absolutizeHtml(siteUrl: string, html: string): string {
  let out = ''
  let done = 0
  for (let at = html.indexOf('="/'); at !== -1; at = html.indexOf('="/', at + 3)) {
    if (html.charCodeAt(at + 3) === SLASH || !inTag(html, attributeStart(html, at), at)) continue
    out += html.slice(done, at + 2) + siteUrl
    done = at + 2
  }
  return done === 0 ? html : out + html.slice(done)
}

const SLASH = 0x2f
const LINK_ATTRIBUTES = [' href', ' src', ' cite']

/** Where ` href`, ` src` or ` cite` begins when it ends at `at`; -1 for any other name. */
function attributeStart(html: string, at: number): number {
  for (const name of LINK_ATTRIBUTES) {
    if (html.startsWith(name, at - name.length)) return at - name.length
  }
  return -1
}

/**
 * Whether `start` is inside a tag that closes after `at`: after the last `>` before `start` a tag
 * opens (`<` + letter), and a `>` follows `at`.
 */
function inTag(html: string, start: number, at: number): boolean {
  if (start < 0) return false
  for (let i = start - 1; i >= 0; i--) {
    const c = html.charCodeAt(i)
    if (c === GT) return false
    if (c === LT && isAsciiLetter(html.charCodeAt(i + 1))) return html.indexOf('>', at + 3) !== -1
  }
  return false
}

const LT = 0x3c
const GT = 0x3e
const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
