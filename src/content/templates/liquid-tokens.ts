/**
 * The tags of a Liquid (Jekyll) or Nunjucks (Eleventy) body, read by liquidjs's tokenizer (which
 * knows `{%- -%}` and `{{- -}}` whitespace control and a quoted `}}` inside an output), and
 * paired into blocks: `{% if %}…{% else %}…{% endif %}`. Nunjucks comments `{# … #}` are found
 * first, as liquidjs does not know them.
 */
import { defaultOptions, TokenizationError, Tokenizer } from 'liquidjs'

export type LiquidTag = {
  kind: 'tag' | 'output' | 'comment'
  begin: number
  end: number
  /** The tag's name (`include`, `endif`), '' for an output or a comment. */
  name: string
  /** What follows the name in a tag, the expression of an output. */
  args: string
}

/** A tag alone, or a block: its opening tag, its closing tag and any `else`/`when` between. */
export type LiquidUnit = { open: LiquidTag; close?: LiquidTag; middles: LiquidTag[] }

// Tags between the opening and the closing tag of a block, with the blocks that take them.
const MIDDLES: Record<string, string[]> = {
  else: ['if', 'unless', 'for', 'case', 'tablerow'],
  elsif: ['if', 'unless'],
  elif: ['if'],
  elseif: ['if'],
  when: ['case'],
}
// Blocks whose content is read as text, not as tags: Nunjucks's `verbatim`, Jekyll's `highlight`
// (code) and Liquid's `comment`. `raw` is read so by `readLiquidTags`, as liquidjs reads it.
const OPAQUE = new Set(['raw', 'verbatim', 'highlight', 'comment'])
const START = /\{[{%]/g
const ENDRAW = /\{%-?\s*endraw\s*-?%\}/g

/**
 * The tags in `masked` (the body with its code blanked out), in order. liquidjs reads each tag
 * from where a delimiter starts; the text between is skipped with a native search, which is many
 * times faster than liquidjs's own character-by-character walk over it. A `{{` or `{%` that is
 * never closed is reported through `unclosed` and read as text.
 */
export function readLiquidTags(masked: string, unclosed: (offset: number) => void): LiquidTag[] {
  const tags: LiquidTag[] = []
  const text = masked.replace(/\{#[\s\S]*?#\}/g, (whole, offset: number) => {
    tags.push({ kind: 'comment', begin: offset, end: offset + whole.length, name: '', args: '' })
    return ' '.repeat(whole.length)
  })
  const tokenizer = new Tokenizer(text)
  const start = new RegExp(START)
  for (let m = start.exec(text); m; m = start.exec(text)) {
    tokenizer.p = m.index
    try {
      if (text[m.index + 1] === '{') {
        const t = tokenizer.readOutputToken(defaultOptions)
        tags.push({ kind: 'output', begin: t.begin, end: t.end, name: '', args: t.content })
      } else {
        const t = tokenizer.readTagToken(defaultOptions)
        tags.push({ kind: 'tag', begin: t.begin, end: t.end, name: t.name, args: t.args })
        if (t.name === 'raw') {
          const end = new RegExp(ENDRAW)
          end.lastIndex = t.end
          const close = end.exec(text)
          if (!close) {
            // Liquid reads everything after an unclosed `{% raw %}` as text: the tag is text too.
            tags.pop()
            unclosed(m.index)
            start.lastIndex = m.index + 2
            continue
          }
          tags.push({ kind: 'tag', begin: close.index, end: end.lastIndex, name: 'endraw', args: '' })
        }
      }
      start.lastIndex = tags[tags.length - 1].end
    } catch (e) {
      if (!(e instanceof TokenizationError)) throw e
      unclosed(m.index)
      start.lastIndex = m.index + 2
    }
  }
  return tags.sort((a, b) => a.begin - b.begin)
}

/** Pairs tags into blocks by name; a tag that opens no block, or is never closed, stands alone. */
export function pairLiquidTags(tags: LiquidTag[]): LiquidUnit[] {
  const units: LiquidUnit[] = []
  const open: LiquidUnit[] = []
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]
    const unit: LiquidUnit = { open: tag, middles: [] }
    if (tag.kind !== 'tag') {
      units.push(unit)
      continue
    }
    if (OPAQUE.has(tag.name)) {
      const j = tags.findIndex((t, k) => k > i && t.kind === 'tag' && t.name === `end${tag.name}`)
      if (j !== -1) {
        unit.close = tags[j]
        i = j
      }
      units.push(unit)
      continue
    }
    if (tag.name.startsWith('end')) {
      const at = open.findLastIndex((u) => u.open.name === tag.name.slice(3))
      if (at !== -1) {
        open[at].close = tag
        open.length = at
        continue
      }
    }
    const parents = MIDDLES[tag.name]
    const parent = parents && open.findLast((u) => parents.includes(u.open.name))
    if (parent) {
      parent.middles.push(tag)
      continue
    }
    units.push(unit)
    open.push(unit)
  }
  return units
}
