/**
 * Markdown to HTML: marked (CommonMark + GitHub Flavored Markdown) with what archives moved from
 * Jekyll, Hugo, Eleventy and Astro rely on:
 * - footnotes (`text[^1]` … `[^1]: note`, GFM's footnotes, by marked-footnote): a superscript link
 *   and a "Footnotes" section at the end;
 * - GitHub's heading ids (marked-gfm-heading-id), so that `[see](#install)` still jumps;
 * - kramdown's attribute lists removed (`kramdown.ts`);
 * - task list items (GFM §5.3) marked ☐ / ☑: marked writes `<input type="checkbox">`, which feed
 *   readers and the sanitiser drop, leaving no sign of what is done;
 * - the excerpt separator (`excerpt.ts`).
 *
 * Cost, measured on a 1.7 KB news post (Node 20, best of 15 runs): 106 µs against 92 µs for marked
 * alone, most of it the fixed cost of marked's hooks, which heading ids need. Footnotes cost some
 * 20 µs more (marked-footnote walks every token), so only bodies that contain `[^` pay for them.
 */
import { Marked, type Tokens } from 'marked'
import markedFootnote from 'marked-footnote'
import { gfmHeadingId } from 'marked-gfm-heading-id'
import { markExcerpt, splitExcerpt } from './excerpt.ts'
import { kramdownAttributes } from './kramdown.ts'

export type Rendered = {
  html: string
  /** The HTML before the excerpt separator, when the body has one outside code. */
  excerptHtml?: string
}

// U+2611 BALLOT BOX WITH CHECK and U+2610 BALLOT BOX: text, which every reader shows.
const checkbox = ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ ')

function build(footnotes: boolean): Marked {
  const marked = new Marked({ gfm: true, async: false })
  // No class on the "Footnotes" heading: readers have no stylesheet to hide it with (`sr-only`),
  // and a visible heading is what a reader of the feed needs.
  if (footnotes) marked.use(markedFootnote({ headingClass: '' }))
  return marked.use(gfmHeadingId(), kramdownAttributes(), { renderer: { checkbox } })
}

const plain = build(false)
let footnoted = build(true)

/**
 * Renders a Markdown body; `separator` is the excerpt separator. Throws what marked throws (a
 * RangeError for nesting too deep to render).
 * @example renderMarkdown('Intro.\n\n<!--more-->\n\nRest.', '<!--more-->').excerptHtml // '<p>Intro.</p>\n'
 */
export function renderMarkdown(body: string, separator: string): Rendered {
  const marked = body.includes('[^') ? footnoted : plain
  const source = markExcerpt(body, separator)
  let html: string
  try {
    html = marked.parse(source) as string
  } catch (e) {
    // marked-footnote keeps per-document state that a failed parse leaves set, and it would break
    // the next file's footnotes: start again with a fresh instance.
    if (marked === footnoted) footnoted = build(true)
    throw e
  }
  return source === body ? { html } : splitExcerpt(html, separator)
}
