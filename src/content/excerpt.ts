/**
 * The excerpt separator (`<!--more-->` by default, `rules.excerptSeparator`): the part of a body
 * before it is the article's excerpt, as Jekyll's `excerpt_separator` and Hugo's summary divider
 * define it. The body is rendered once: the separator is swapped for a marker comment that marked
 * passes through as raw HTML, and the HTML is cut there. One render keeps reference links and
 * footnotes defined further down working in the excerpt, which rendering the first part alone
 * would break. A separator in code stays as written (marked escapes the marker there), and the
 * marker leaves no trace in the article.
 */
import { escapeHtml } from '../core/escape.ts'

// An HTML comment: marked keeps it as raw HTML wherever the separator was, on its own line (an
// HTML block, CommonMark §4.6 condition 2) or in a paragraph (raw inline HTML, §6.6).
const MARKER = '<!--dateline-excerpt-->'
// The marker as marked writes it in a code span or code block.
const ESCAPED_MARKER = escapeHtml(MARKER)

/**
 * The body to render, with every separator replaced by the marker; the body itself when it has
 * none. A separator of only white space (Jekyll's default is a blank line) marks nothing here: the
 * summary falls back to the first paragraph, which is what it means.
 */
export function markExcerpt(body: string, separator: string): string {
  const sep = separator.trim()
  return sep && body.includes(sep) ? body.replaceAll(sep, MARKER) : body
}

/**
 * Splits the HTML of a body given by `markExcerpt`: the article's HTML without the marker, and the
 * HTML before the first marker outside code (its open tags are closed by the sanitiser).
 * @example splitExcerpt('<p>a</p>\n<!--dateline-excerpt-->\n<p>b</p>', '<!--more-->')
 * // { html: '<p>a</p>\n\n<p>b</p>', excerptHtml: '<p>a</p>\n' }
 */
export function splitExcerpt(html: string, separator: string): { html: string; excerptHtml?: string } {
  const out = html.includes(ESCAPED_MARKER)
    ? html.replaceAll(ESCAPED_MARKER, escapeHtml(separator.trim()))
    : html
  const at = out.indexOf(MARKER)
  if (at === -1) return { html: out }
  const excerptHtml = out.slice(0, at)
  return { html: out.replaceAll(MARKER, ''), ...(excerptHtml.trim() ? { excerptHtml } : {}) }
}
