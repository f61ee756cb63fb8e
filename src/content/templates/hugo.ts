/**
 * Hugo shortcodes in a Markdown body, rendered as Hugo's built-in ones would be in a feed reader
 * (gohugo.io/shortcodes): `youtube` and `vimeo` (embeds.ts), `figure` (an image with its caption),
 * `ref`/`relref` (a ref marker, refs.ts), `highlight` (a fenced code block), `gist`, `tweet`/`x`
 * and `instagram` (a link to the post), `details` (`<details>`), and escaped shortcodes
 * `{{</*` … star-slash `>}}` (printed without the comment markers, even in code, as Hugo does). Any other
 * shortcode is removed, or kept as text, with a `template-tag` warning; a paired one keeps its
 * content. Other `{{ }}` is not Hugo's (Hugo prints it as written), so it is left alone.
 */

import { escapeHtml } from '../../core/escape.ts'
import { codeRanges, inRanges } from './code-ranges.ts'
import { isVimeoId, isYoutubeId, vimeoEmbedHtml, youtubeEmbedHtml } from './embeds.ts'
import { figureHtml, postLink } from './hugo-html.ts'
import { pairShortcodes, readShortcodes, type Shortcode, type ShortcodeUnit } from './hugo-shortcodes.ts'
import { fencedCode, languageName } from './markdown-blocks.ts'
import { refWithFragment } from './refs.ts'
import { fate, type SourceEdits, shown } from './source-edits.ts'

export { hasShortcodes } from './hugo-shortcodes.ts'

/** Reads the shortcodes of `ctx.body` and records their renderings in `ctx`. */
export function expandHugo(ctx: SourceEdits): void {
  const { body } = ctx
  const code = codeRanges(body)
  const codes = readShortcodes(body, (at) => {
    if (!inRanges(code, at))
      ctx.warn('template-tag', at, `"${body.slice(at, at + 3)}" is never closed; it was kept as text`)
  }).filter((c) => c.escaped !== undefined || !inRanges(code, c.begin))
  for (const unit of pairShortcodes(codes)) render(ctx, unit)
}

function render(ctx: SourceEdits, { open, close }: ShortcodeUnit): void {
  if (open.escaped !== undefined) {
    ctx.replace(open.begin, open.end, open.escaped)
    return
  }
  const arg = (name: string) => open.named[name] ?? open.positional[0]
  if (close && open.name === 'highlight') {
    const lang = languageName(arg('lang'))
    ctx.block(open.begin, close.end, fencedCode(lang, ctx.body.slice(open.end, close.begin)))
    return
  }
  if (close && open.name === 'details') {
    const summary = escapeHtml(arg('summary') ?? 'Details')
    ctx.block(open.begin, open.end, `<details>\n<summary>${summary}</summary>`)
    ctx.block(close.begin, close.end, '</details>')
    return
  }
  const done = close ? undefined : standalone(open, arg)
  if (done && 'inline' in done) {
    ctx.replace(open.begin, open.end, done.inline)
    return
  }
  if (done && 'block' in done) {
    ctx.block(open.begin, open.end, done.block)
    return
  }
  unknown(ctx, open, close, done?.invalid)
}

type Arg = (name: string) => string | undefined
type Rendering = { inline: string } | { block: string } | { invalid: string } | undefined

/** A shortcode without content: links inline (they fit in a sentence), embeds and figures as blocks. */
function standalone(code: Shortcode, arg: Arg): Rendering {
  const id = arg('id')
  switch (code.name) {
    case 'ref':
    case 'relref': {
      const path = arg('path')
      if (!path) return undefined
      return { inline: path.startsWith('#') ? path : refWithFragment(path) }
    }
    case 'gist': {
      const [user, gist] = code.positional
      if (!/^[\w-]+$/.test(user ?? '') || !/^[\da-f]+$/i.test(gist ?? '')) return undefined
      return { inline: postLink(`https://gist.github.com/${user}/${gist}`, 'View the gist on GitHub') }
    }
    case 'tweet':
    case 'x': {
      // Hugo's older form gives the id alone: x.com/i/status/ID finds the post without its user.
      const user = code.named.user ?? 'i'
      if (!/^\d+$/.test(id ?? '') || !/^\w+$/.test(user)) return undefined
      return { inline: postLink(`https://x.com/${user}/status/${id}`, 'View the post on X') }
    }
    case 'instagram':
      if (!/^[\w-]+$/.test(id ?? '')) return undefined
      return { inline: postLink(`https://www.instagram.com/p/${id}/`, 'View the post on Instagram') }
    case 'youtube':
      if (id && isYoutubeId(id)) return { block: youtubeEmbedHtml(id, code.named.title) }
      return { invalid: `"${id ?? ''}" is not a YouTube video id` }
    case 'vimeo':
      if (id && isVimeoId(id)) return { block: vimeoEmbedHtml(id, code.named.title) }
      return { invalid: `"${id ?? ''}" is not a Vimeo video id` }
    case 'figure':
      return code.named.src ? { block: figureHtml(code.named) } : undefined
  }
  return undefined
}

function unknown(ctx: SourceEdits, open: Shortcode, close?: Shortcode, invalid?: string): void {
  const written = shown(ctx.body.slice(open.begin, open.end))
  if (close) {
    const tags = `${written}…${shown(ctx.body.slice(close.begin, close.end))}`
    const what = ctx.keep ? 'kept as text' : 'its tags were removed and its content kept'
    ctx.warn('template-tag', open.begin, `Hugo shortcode ${tags} has no rendering in feeds; ${what}`)
    if (!ctx.keep) for (const c of [open, close]) ctx.remove(c.begin, c.end)
    return
  }
  const why = invalid ? `: ${invalid}` : ' has no rendering in feeds'
  ctx.warn('template-tag', open.begin, `Hugo shortcode ${written}${why}; ${fate(ctx.keep)}`)
  if (!ctx.keep) ctx.remove(open.begin, open.end)
}
