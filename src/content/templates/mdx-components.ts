/**
 * What becomes of an MDX (JSX) element in a feed. Components whose children are the content
 * (Starlight's Tabs, TabItem, Steps, Card, CardGrid; Docusaurus's Tabs, TabItem, Details; a
 * fragment) lose their tags and keep their children, a tab's or card's label as a bold line.
 * Asides (Starlight's `<Aside>`, Docusaurus's `<Admonition>`, Nextra's `<Callout>`, `<Note>`,
 * `<Tip>` …) become `:::type[title]` asides, rendered as blockquotes by asides.ts. YouTube and
 * Vimeo components become embeds.ts's links. Lowercase names are HTML, left to the sanitiser. Any
 * other component loses its tags, or is kept as text, with an `mdx-component` warning.
 */
import { videoFromUrl, vimeoEmbedHtml, youtubeEmbedHtml } from './embeds.ts'
import { capitalise } from './markdown-blocks.ts'
import { type SourceEdits, shown } from './source-edits.ts'

/** One element, as the MDX parser (or, in fallback, a tag scan) found it. */
export type JsxElement = {
  /** `null` for a fragment, `<>`. */
  name: string | null
  attrs: Record<string, string>
  /** A block of its own (mdxJsxFlowElement) rather than inside a paragraph. */
  flow: boolean
  start: number
  end: number
  /** The opening tag, or the whole element when it is self-closing. */
  open: [number, number]
  close?: [number, number]
}

// The attribute that names a container's part: a tab's label, a card's title, a summary.
const CONTAINERS: Record<string, string | undefined> = {
  Tabs: undefined,
  TabItem: 'label',
  Tab: 'label',
  Steps: undefined,
  Card: 'title',
  CardGrid: undefined,
  Details: 'summary',
  Fragment: undefined,
}
const ASIDES = new Set(['Aside', 'Callout', 'Admonition'])
const NAMED_ASIDES = new Set(['Note', 'Tip', 'Info', 'Warning', 'Caution', 'Danger', 'Important'])
const VIDEOS = new Set(['YouTube', 'Youtube', 'LiteYouTube', 'LiteYoutube', 'Vimeo'])

/** Whether a JSX name is HTML (lowercase, `svg`, `my-element`) rather than a component. */
export function isHtmlName(name: string | null): boolean {
  return name !== null && /^[a-z]/.test(name)
}

/**
 * Records what `el` becomes; returns false when the element was replaced whole, so that its
 * children need no reading.
 */
export function renderElement(ctx: SourceEdits, el: JsxElement): boolean {
  const name = el.name ?? 'Fragment'
  if (VIDEOS.has(name)) return video(ctx, el, name)
  if (ASIDES.has(name) || NAMED_ASIDES.has(name)) {
    const given = ASIDES.has(name) ? el.attrs.type : name.toLowerCase()
    const type = given && /^[A-Za-z][\w-]*$/.test(given) ? given.toLowerCase() : 'note'
    const title = el.attrs.title?.replace(/\s+/g, ' ').trim()
    if (el.flow) tags(ctx, el, `:::${type}${title ? `[${title}]` : ''}`, ':::')
    else tags(ctx, el, `**${title || capitalise(type)}** `, '')
    return true
  }
  if (name in CONTAINERS) {
    const key = CONTAINERS[name]
    const label = key && el.attrs[key] ? `**${el.attrs[key]}**${el.flow ? '\n' : ' '}` : ''
    tags(ctx, el, label, '')
    return true
  }
  if (name === 'LinkCard' && el.attrs.href && el.attrs.title) {
    const description = el.attrs.description ? `: ${el.attrs.description}` : ''
    ctx.lines(el.start, el.end, `[${el.attrs.title}](${el.attrs.href})${description}`)
    return false
  }
  const written = `<${name}>`
  if (!el.close) {
    const what = ctx.keep ? 'kept as text' : 'removed'
    ctx.warn('mdx-component', el.start, `MDX component ${written} has no rendering in feeds; ${what}`)
    if (ctx.keep) escapeTag(ctx, el.open)
    else ctx.remove(el.open[0], el.open[1])
    return false
  }
  const what = ctx.keep ? 'its tags were kept as text' : 'its tags were removed and its children kept'
  ctx.warn('mdx-component', el.start, `MDX component ${written} has no rendering in feeds; ${what}`)
  if (ctx.keep) for (const range of [el.open, el.close]) escapeTag(ctx, range)
  else tags(ctx, el, '', '')
  return true
}

/** Puts `open` and `close` in place of the element's tags, on lines of their own for a block. */
function tags(ctx: SourceEdits, el: JsxElement, open: string, close: string): void {
  for (const [range, text] of [
    [el.open, open],
    [el.close, close],
  ] as const) {
    if (!range) continue
    if (el.flow) ctx.lines(range[0], range[1], text)
    else ctx.replace(range[0], range[1], text)
  }
}

/** A tag kept as text: `\<` keeps marked from reading it as HTML (CommonMark §2.4). */
function escapeTag(ctx: SourceEdits, [start, end]: [number, number]): void {
  ctx.replace(start, end, `\\${ctx.body.slice(start, end)}`)
}

function video(ctx: SourceEdits, el: JsxElement, name: string): boolean {
  const given = el.attrs.id ?? el.attrs.videoid ?? el.attrs.videoId ?? el.attrs.url ?? el.attrs.src ?? ''
  const site = name === 'Vimeo' ? 'vimeo' : 'youtube'
  const url = /[/.]/.test(given)
    ? given
    : site === 'vimeo'
      ? `https://vimeo.com/${given}`
      : `https://youtu.be/${given}`
  const found = videoFromUrl(url)
  const title = el.attrs.title ?? el.attrs.playlabel
  if (found?.site === 'youtube') ctx.block(el.start, el.end, youtubeEmbedHtml(found.id, title))
  else if (found) ctx.block(el.start, el.end, vimeoEmbedHtml(found.id, title))
  else {
    const written = shown(ctx.body.slice(el.open[0], el.open[1]))
    const what = ctx.keep ? 'kept as text' : 'removed'
    ctx.warn('mdx-component', el.start, `MDX component ${written}: "${given}" is not a video id; ${what}`)
    if (ctx.keep) escapeTag(ctx, [el.start, el.end])
    else ctx.remove(el.start, el.end)
  }
  return false
}
