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
import { escapeHtml } from '../escape.ts'

/** Where the feed stylesheet is served, under the site URL (src/http/feed-css.ts). */
export const FEED_STYLESHEET_PATH = '/feed.css'

// XML 1.0 §2.8: the declaration, when there is one, comes first; comments and PIs may follow.
const XML_DECLARATION = /^<\?xml\s[^>]*\?>/

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
 * Inserts the note and the stylesheet processing instruction, each on its own line, right after
 * the XML declaration (at the very start when there is none). The href is escaped as the
 * pseudo-attribute value it is (xml-stylesheet §2 allows `&amp;`, `&quot;` …).
 * @example withBrowserProlog('<?xml version="1.0"?>\n<rss/>', 'https://example.com')
 * // '<?xml version="1.0"?>\n<!-- This is a web feed… -->\n<?xml-stylesheet type="text/css" href="https://example.com/feed.css"?>\n<rss/>'
 */
export function withBrowserProlog(xml: string, siteUrl: string): string {
  const pi = `<?xml-stylesheet type="text/css" href="${escapeHtml(siteUrl + FEED_STYLESHEET_PATH)}"?>`
  const prolog = `${feedNote(siteUrl)}\n${pi}`
  const declaration = XML_DECLARATION.exec(xml)
  if (!declaration) return `${prolog}\n${xml}`
  const end = declaration[0].length
  const rest = xml.slice(end)
  return `${xml.slice(0, end)}\n${prolog}${rest.startsWith('\n') ? '' : '\n'}${rest}`
}
