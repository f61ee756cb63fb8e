/**
 * The stylesheet RSS and Atom documents name in `<?xml-stylesheet?>` (src/formats/browser-prolog.ts):
 * a browser that opens a feed shows its title, its description, a banner that says what a feed
 * is, and each item's title and date; everything else (content, ids, links) is hidden. Feed
 * readers never fetch it. Plain CSS on XML (CSS 2.1 §2.2, no XSLT), the same for every feed.
 *
 * Contrast (WCAG 2.x 1.4.3, AA asks 4.5:1): text #1d1d1f on #fff 16.8:1, on the banner's
 * #fff4ce 15.3:1; dates and the site address #4a4a4f on #fff 8.8:1.
 */
import type { DocumentSource } from './documents.ts'

// Type selectors without a namespace prefix match any namespace (CSS Namespaces §2), so `title`
// covers RSS's and Atom's alike. RSS's `<atom:link>` has an href; RSS's own `<link>` does not.
// An XML document cannot carry a viewport meta, so a phone lays it out 980 px wide and zooms out
// to fit: on a phone-sized screen the text is scaled up by as much (2.6 × 390/980 ≈ 1).
// (`max-device-width` is deprecated in Media Queries 4 but supported everywhere; it is the one
// feature that tells a phone's 980 px layout from a desktop window that wide.)
const CSS = `:root{color-scheme:light}
*{display:none}
rss,feed,channel{display:block}
rss,feed{font:1.0625rem/1.6 system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;color:#1d1d1f;background:#fff;overflow-wrap:anywhere}
rss::before,feed::before{display:block;content:"This is a web feed. To subscribe, copy the address of this page from the address bar into your feed reader.";background:#fff4ce;border:1px solid #8a6d00;border-radius:.4rem;padding:.75rem 1rem}
channel>title,feed>title{display:block;font-size:1.9rem;font-weight:700;line-height:1.2;margin:1.2rem 0 .4rem}
channel>description,feed>subtitle{display:block}
channel>link:not([href]),feed>link[rel=alternate]{display:block;color:#4a4a4f;font-size:.9375rem}
channel>link:not([href])::before{content:"Website: "}
feed>link[rel=alternate]::before{content:"Website: " attr(href)}
item,entry{display:block;margin-top:1.6rem}
item>title,entry>title{display:block;font-size:1.3rem;font-weight:700;line-height:1.25}
item>pubDate,entry>published,entry:not(:has(>published))>updated{display:block;color:#4a4a4f;font-size:.9375rem}
@media (max-device-width:40em){rss,feed{max-width:none;font-size:2.6em}}
`

/** Served at `/feed.css`; it changes only with the code, so caches may keep it for a day. */
export const FEED_CSS: DocumentSource = { text: CSS, contentType: 'text/css; charset=utf-8', updated: null }

/** `Cache-Control` for the stylesheet (RFC 9111 §5.2.2.1): a day, for any cache. */
export const FEED_CSS_CACHE_CONTROL = 'public, max-age=86400'
