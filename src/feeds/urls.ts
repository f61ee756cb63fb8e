/**
 * Absolute URLs. The corpus keeps links into the site root-relative because the site's origin
 * is a runtime setting; these helpers make them absolute when a document is rendered, since feed
 * readers have no base URL for relative links.
 */
import type { Article } from '../corpus.ts'

/** The article's public URL: `{site}/articles/{slug}`. */
export function permalink(siteUrl: string, article: Article): string {
  return `${siteUrl}/articles/${encodeURIComponent(article.slug)}`
}

/** The item id: the explicit `id`, else the permalink. Never the title or the position. */
export function itemId(siteUrl: string, article: Article): string {
  return article.id ?? permalink(siteUrl, article)
}

/** A root-relative path made absolute against the site; absolute URLs pass unchanged. */
export function absoluteUrl(siteUrl: string, url: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? siteUrl + url : url
}

// sanitize-html writes every attribute as ` name="value"` with `<`, `>` and `"` escaped inside
// values and text, so a tag is exactly `<` + letter up to the next `>`.
const TAG = /<[a-zA-Z][^>]*>/g
const ROOT_RELATIVE = / (href|src|cite)="\/(?!\/)/g

/** Makes the root-relative links of sanitised HTML absolute against the site. */
export function absolutizeHtml(siteUrl: string, html: string): string {
  return html.replace(TAG, (tag) => tag.replace(ROOT_RELATIVE, ` $1="${siteUrl}/`))
}
