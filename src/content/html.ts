/**
 * HTML that is safe to put in a feed: sanitize-html with an allow-list (no `<script>`, `<style>`,
 * `on*` attributes or `javascript:` URLs), and every relative `href`/`src` resolved against the
 * article's URL. The site's origin is not known until the request (SITE_URL is a runtime
 * variable on Workers), so links into the site are stored root-relative and made absolute when a
 * document is rendered (`src/feeds/urls.ts`).
 *
 * Ids stay on headings, list items, `<sup>` and `<a>` (footnotes and heading anchors need them:
 * `markdown-render.ts`) when they are plain names. A fragment link (`#install`, a footnote's
 * `#footnote-1`) points at the article's page like every other link: feeds have no base URL, and
 * the W3C validator warns of a relative URL in content ("content:encoded should not contain
 * relative URL references", seen on every archive with footnotes). Every element the sanitiser
 * removes is reported to `onRemoved`; videos are replaced by links (`dropped-elements.ts`).
 */
import sanitizeHtml from 'sanitize-html'
import { dropOptions, type RemovedHtml, watchDrops } from './dropped-elements.ts'

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

const ALLOWED_TAGS = [...sanitizeHtml.defaults.allowedTags, 'img', 'del', 'ins', 'details', 'summary']
const ALLOWED = new Set(ALLOWED_TAGS)
const ID_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'sup']
// An id that is a plain name (letters, digits, `-_.%`, as GitHub's slugs and percent-encoded
// footnote labels are): nothing a reader's page could mistake for its own markup or script.
const SAFE_ID = /^[\p{L}\p{M}\p{N}_.%-]{1,100}$/u

// Made once: sanitize-html runs on every article of every build.
const drop = dropOptions(ALLOWED_TAGS)
const OPTIONS: sanitizeHtml.IOptions = {
  ...drop,
  allowedAttributes: {
    ...drop.allowedAttributes,
    ...Object.fromEntries(ID_TAGS.map((tag) => [tag, ['id']])),
    a: ['href', 'title', 'name', 'id'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan', 'align', 'scope'],
    td: ['colspan', 'rowspan', 'align'],
    code: ['class'],
    ol: ['start'],
    abbr: ['title'],
    blockquote: ['cite'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // `<iframe ... />`, as JSX writes it, would otherwise hold (and drop) the rest of the article.
  parser: { recognizeSelfClosing: true },
}

export type CleanOptions = {
  /** Called with each element the sanitiser removed, in document order. */
  onRemoved?: (what: RemovedHtml) => void
}

/** Sanitises article HTML and resolves its relative URLs against `pagePath`. */
export function cleanHtml(html: string, pagePath: string, { onRemoved }: CleanOptions = {}): string {
  const resolving = (attr: string) => (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const url = attribs[attr]?.trim()
    if (url !== undefined) attribs[attr] = resolveUrl(url, pagePath)
    return { tagName, attribs }
  }
  const drops = watchDrops(ALLOWED, (url) => resolveUrl(url, pagePath))
  const out = sanitizeHtml(html, {
    ...OPTIONS,
    ...drops.hooks,
    // Ids are checked as each tag opens (sanitize-html then reads the same attributes), which
    // costs less than a transform for each tag that may carry one.
    onOpenTag(name, attribs) {
      if (attribs.id !== undefined && !SAFE_ID.test(attribs.id)) delete attribs.id
      drops.hooks.onOpenTag?.(name, attribs)
    },
    transformTags: {
      ...drops.transformTags,
      a: resolving('href'),
      img: resolving('src'),
      blockquote: resolving('cite'),
    },
  })
  const done = drops.finish(out)
  if (onRemoved) for (const r of drops.reports) onRemoved(r)
  return done
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

// Tags that separate words; inline tags (`<b>`, `<a>`, …) are dropped without adding a space.
const BLOCK_TAG =
  /<\/?(?:address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|h[1-6]|hr|img|li|ol|p|pre|section|summary|table|td|th|tr|ul)\b[^>]*>/gi

// A footnote reference (`<sup><a href="#footnote-1">1</a></sup>`): no part of the sentence, and
// "word1" in a summary.
const FOOTNOTE_REF = /<sup\b[^>]*>\s*<a\b[^>]*\shref="[^"]*#[^"]*"[^>]*>[^<]{1,12}<\/a>\s*<\/sup>/gi

/**
 * The text of an HTML fragment: tags and footnote references dropped, the common entities decoded,
 * spaces squashed.
 */
export function htmlToText(html: string): string {
  return (html.includes('<sup') ? html.replace(FOOTNOTE_REF, '') : html)
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
