/**
 * Where the code is in a Markdown body: fenced and indented code blocks and code spans, found by
 * micromark (mdast-util-from-markdown), the CommonMark reference parser in JavaScript, within
 * the blocks of marked's lexer, so that the ranges agree with how marked renders the body.
 *
 * Template syntax inside code is left as written. Jekyll and Hugo expand tags even there (unless
 * wrapped in `{% raw %}`), but a post about templates shows its tags in code, and readers expect
 * to see the code as the author typed it.
 */

import { Lexer } from 'marked'
import type { Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'

// Where a tag may start: `{{`, `{%`, `{#` (Liquid, Nunjucks, Hugo).
const TAG_START = /\{[{%#]/

/**
 * `[start, end)` offsets of code in `body`, in order. micromark is exact but slow (some 1 MB/s),
 * so marked's lexer (the renderer's own, many times faster; its top-level tokens tile the text)
 * cuts the body into blocks first: a code block is code whole, a block without a tag needs no
 * answer, and only a block with both a tag and maybe code (a backtick, a tilde, a list or a quote,
 * which may hold indented code) is read by micromark.
 */
export function codeRanges(body: string): Array<[number, number]> {
  // marked reads `\r\n` as `\n`, so its offsets would drift from the body's.
  if (body.includes('\r')) return microCodeRanges(body, 0)
  const ranges: Array<[number, number]> = []
  let offset = 0
  for (const token of Lexer.lex(body, { gfm: true })) {
    const end = offset + token.raw.length
    if (token.type === 'code') ranges.push([offset, end])
    else if (TAG_START.test(token.raw) && mayHoldCode(token.type, token.raw)) {
      ranges.push(...microCodeRanges(token.raw, offset))
    }
    offset = end
  }
  return ranges
}

function mayHoldCode(type: string, raw: string): boolean {
  return type === 'list' || type === 'blockquote' || raw.includes('`') || raw.includes('~')
}

/** The code in `text` as micromark finds it, shifted by `shift`. */
function microCodeRanges(text: string, shift: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const walk = (node: Nodes) => {
    if (node.type === 'code' || node.type === 'inlineCode') {
      const { start, end } = node.position ?? {}
      if (start?.offset !== undefined && end?.offset !== undefined) {
        ranges.push([start.offset + shift, end.offset + shift])
      }
      return
    }
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(fromMarkdown(text))
  return ranges
}

/**
 * `body` with every range blanked out (newlines kept), so that a scanner run over it finds no
 * syntax in code yet reports offsets that are those of `body`.
 */
export function blankRanges(body: string, ranges: Array<[number, number]>): string {
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    if (start < at) continue
    out += body.slice(at, start) + body.slice(start, end).replace(/[^\n]/g, ' ')
    at = end
  }
  return out + body.slice(at)
}

/** Whether `offset` falls inside one of the ordered `ranges`. */
export function inRanges(ranges: Array<[number, number]>, offset: number): boolean {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (offset < ranges[mid][0]) hi = mid - 1
    else if (offset >= ranges[mid][1]) lo = mid + 1
    else return true
  }
  return false
}
