/**
 * HTML that is safe to put in a feed: sanitize-html with an allow-list (no `<script>`, `<style>`,
 * `on*` attributes or `javascript:` URLs), and every relative `href`/`src` resolved against the
 * article's URL. The site's origin is not known until the request (SITE_URL is a runtime
 * variable on Workers), so links into the site are stored root-relative and made absolute when a
 * document is rendered (`src/feeds/urls.ts`).
 */
import sanitizeHtml from 'sanitize-html'

// A placeholder origin to resolve against; only the path of a same-origin result is kept.
const BASE = 'https://dateline.invalid'

/**
 * Resolves `url` as the browser would on the page at `pagePath`: links into the site become
 * root-relative paths, links elsewhere absolute URLs (`//host/x` becomes `https://host/x`).
 */
export function resolveUrl(url: string, pagePath: string): string {
  let u: URL
  try {
    u = new URL(url.trim(), BASE + pagePath)
  } catch {
    return url
  }
  return u.origin === BASE ? u.pathname + u.search + u.hash : u.href
}

const SCHEMES = ['http', 'https', 'mailto', 'tel']

/** Sanitises article HTML and resolves its relative URLs against `pagePath`. */
export function cleanHtml(html: string, pagePath: string): string {
  const resolving = (attr: string) => (tagName: string, attribs: sanitizeHtml.Attributes) => {
    if (attribs[attr] !== undefined) attribs[attr] = resolveUrl(attribs[attr], pagePath)
    return { tagName, attribs }
  }
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'ins', 'details', 'summary'],
    allowedAttributes: {
      a: ['href', 'title', 'name'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      th: ['colspan', 'rowspan', 'align', 'scope'],
      td: ['colspan', 'rowspan', 'align'],
      code: ['class'],
      ol: ['start'],
      abbr: ['title'],
      blockquote: ['cite'],
    },
    allowedClasses: { code: [/^language-[\w-]+$/] },
    allowedSchemes: SCHEMES,
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    transformTags: { a: resolving('href'), img: resolving('src'), blockquote: resolving('cite') },
  })
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

// Tags that separate words; inline tags (`<b>`, `<a>`, …) are dropped without adding a space.
const BLOCK_TAG =
  /<\/?(?:address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|h[1-6]|hr|img|li|ol|p|pre|section|summary|table|td|th|tr|ul)\b[^>]*>/gi

/** The text of an HTML fragment: tags dropped, the common entities decoded, spaces squashed. */
export function htmlToText(html: string): string {
  return html
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? whole
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    })
    .replace(/\s+/g, ' ')
    .trim()
}
