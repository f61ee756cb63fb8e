/**
 * Kramdown's inline attribute lists, removed. Jekyll renders Markdown with kramdown, whose
 * `{: .class}`, `{: #id}`, `{: target="_blank"}` and `{:toc}` (kramdown syntax, "Block/Span
 * Inline Attribute Lists" and "Attribute List Definitions") style the block or span they follow or
 * precede; marked shows them as text. They are styling for the site's CSS, not content, so they go
 * without a warning. Kramdown's table of contents, a one-item list such as `* TOC` followed by
 * `{:toc}`, is replaced by the site's generated list of headings, which a feed has no place for:
 * the list goes whole. Code is left as written: only text tokens are read.
 */
import type { MarkedExtension, Token } from 'marked'

// `{:` + attributes (quoted values may hold `}`) + `}`; not kramdown's extensions `{::comment}`.
const IAL = String.raw`\{:(?!:)(?:[^}"'\n]|"[^"\n]*"|'[^'\n]*')*\}`
// An attribute list alone on a line after other text: the line goes with it.
const OWN_LINE = new RegExp(String.raw`\n[ \t]*${IAL}[ \t]*(?=\n|$)`, 'g')
// One alone on the first line of a block, before the block's text.
const FIRST_LINE = new RegExp(String.raw`^[ \t]*${IAL}[ \t]*\n`)
const ANYWHERE = new RegExp(String.raw`[ \t]*${IAL}`, 'g')
// The list that kramdown replaces with a table of contents carries `{:toc}` at its end.
const TOC_LIST = /\{:\s*toc\s*\}\s*$/

type Node = {
  type: string
  raw: string
  text?: string
  tokens?: Node[]
  items?: Node[]
  content?: Node[]
  header?: Array<{ tokens: Node[] }>
  rows?: Array<Array<{ tokens: Node[] }>>
}

/** A marked extension that removes kramdown attribute lists from the tokens, outside code. */
export function kramdownAttributes(): MarkedExtension {
  return {
    hooks: {
      processAllTokens(tokens: Token[]) {
        // Most bodies have none: they pay for one `includes` per top-level block. The array is
        // changed in place: marked-footnote keeps a reference to it.
        if (tokens.some((t) => t.raw.includes('{:'))) stripFrom(tokens as Node[])
        return tokens
      },
    },
  }
}

function stripFrom(list: Node[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const t = list[i]
    if (!t.raw.includes('{:') || t.type === 'code' || t.type === 'codespan' || t.type === 'html') continue
    if (t.type === 'list' && TOC_LIST.test(t.raw)) {
      list.splice(i, 1)
      continue
    }
    if (t.type === 'text' && !t.tokens && t.text !== undefined) {
      t.text = withoutAttributes(t.text, i === 0)
      t.raw = withoutAttributes(t.raw, i === 0)
      continue
    }
    for (const children of childLists(t)) stripFrom(children)
    // A paragraph that held only attribute lists (`{: .lead}` under a heading) is gone too.
    if ((t.type === 'paragraph' || t.type === 'text') && t.tokens?.every(isBlankText)) list.splice(i, 1)
  }
}

function withoutAttributes(text: string, startsBlock: boolean): string {
  const s = text.replace(OWN_LINE, '')
  return (startsBlock ? s.replace(FIRST_LINE, '') : s).replace(ANYWHERE, '')
}

function childLists(t: Node): Node[][] {
  const lists: Node[][] = []
  for (const key of ['tokens', 'items', 'content'] as const) {
    const v = t[key]
    if (Array.isArray(v)) lists.push(v)
  }
  for (const cell of t.header ?? []) lists.push(cell.tokens)
  for (const row of t.rows ?? []) for (const cell of row) lists.push(cell.tokens)
  return lists
}

function isBlankText(t: Node): boolean {
  return t.type === 'text' && !t.tokens && !t.text?.trim()
}
