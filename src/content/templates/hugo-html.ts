/**
 * The HTML and Markdown that Hugo's `figure`, `gist`, `tweet`/`x` and `instagram` shortcodes become
 * in a feed. Readers run no scripts, so a post from another site is a link to it; a figure is an
 * image with its title and caption below it (`<figure>`/`<figcaption>`, which the sanitiser keeps).
 */
import { Marked } from 'marked'
import { escapeHtml } from '../../core/escape.ts'

const inline = new Marked({ gfm: true, async: false })

/** A Markdown link with `text` to `url`. */
export function postLink(url: string, text: string): string {
  return `[${text}](${url})`
}

/**
 * Hugo's `figure` (gohugo.io/shortcodes/figure): `src`, `alt`, `width`, `height`, `link`, `title`
 * (a heading in the caption) and `caption` (Markdown, as Hugo renders it), `attr`/`attrlink` (a
 * credit after the caption).
 */
export function figureHtml(named: Record<string, string>): string {
  const attr = (name: string) => (named[name] ? ` ${name}="${escapeHtml(named[name])}"` : '')
  let img = `<img src="${escapeHtml(named.src)}"${attr('alt')}${attr('width')}${attr('height')}>`
  if (named.link) img = `<a href="${escapeHtml(named.link)}">${img}</a>`
  const caption: string[] = []
  if (named.title) caption.push(`<strong>${escapeHtml(named.title)}</strong>`)
  if (named.caption) caption.push(inline.parseInline(named.caption) as string)
  if (named.attr) {
    const credit = named.attrlink
      ? `<a href="${escapeHtml(named.attrlink)}">${escapeHtml(named.attr)}</a>`
      : escapeHtml(named.attr)
    caption.push(credit)
  }
  const figcaption = caption.length ? `<figcaption>${caption.join('<br>')}</figcaption>` : ''
  return `<figure>${img}${figcaption}</figure>`
}
