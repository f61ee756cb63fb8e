/**
 * What a person sees who opens an RSS or Atom feed in a browser. The feed stays one document for
 * everyone, served with its own media type; two things in its prolog, which every XML parser
 * passes over (XML 1.0 §2.5 comments, §2.6 processing instructions), speak to people:
 *
 * - A comment that says what the document is and how to subscribe. Chromium shows
 *   `application/rss+xml` and `application/atom+xml` as plain text, so this is the first thing
 *   a person reads there.
 * - `<?xml-stylesheet type="text/css"?>` (W3C "Associating Style Sheets with XML documents
 *   1.0"): wherever a browser renders the feed as XML (a static host that serves `.xml` as
 *   `application/xml`, for one), it becomes a page: a banner, the title and each item's title
 *   and date (src/http/feed-css.ts). CSS, not XSLT: browsers are removing XSLT.
 */
import { escapeHtml } from '../core/escape.ts'

/** Where the feed stylesheet is served, under the site URL (src/http/feed-css.ts). */
export const FEED_STYLESHEET_PATH = '/feed.css'

/**
 * The note to people. A comment may not contain `--` (XML 1.0 §2.5), which a punycode host
 * (`xn--…`) has: then the site's address is left out rather than altered.
 */
export function feedNote(siteUrl: string): string {
  const site = `${siteUrl}/`
  const visit = site.includes('--') ? '' : ` To read the articles in your browser, go to ${site}`
  return `<!-- This is a web feed, for feed readers. To subscribe, copy the address of this page into your feed reader.${visit} -->`
}

/**
 * The note and the stylesheet processing instruction, each on its own line, for the RSS and Atom
 * writers to put right after the XML declaration (XML 1.0 §2.8: the declaration, when there is
 * one, comes first; comments and PIs may follow). The href is escaped as the pseudo-attribute
 * value it is (xml-stylesheet §2 allows `&amp;`, `&quot;` …).
 * @example browserProlog('https://example.com')
 * // '<!-- This is a web feed… -->\n<?xml-stylesheet type="text/css" href="https://example.com/feed.css"?>'
 */
export function browserProlog(siteUrl: string): string {
  const pi = `<?xml-stylesheet type="text/css" href="${escapeHtml(siteUrl + FEED_STYLESHEET_PATH)}"?>`
  return `${feedNote(siteUrl)}\n${pi}`
}
