/**
 * Warnings for the HTML that the sanitiser removed or replaced (`cleanHtml`'s `onRemoved`), each
 * with the line it was written on: the n-th `<iframe` reported is the n-th `<iframe` written in
 * the body outside code (code shows HTML as text, so the sanitiser never sees it). Nothing is
 * dropped without a word (docs/migrating.md). Pure; it runs only for files that had something
 * removed.
 */
import { Lexer } from 'marked'
import type { RemovedHtml } from './dropped-elements.ts'
import type { Warning } from './warning.ts'

export type RemovedWhere = {
  /** The path shown in warnings. */
  file: string
  /** The body as written, and the 1-based line of its first line in the file. */
  body?: string
  bodyLine?: number
}

/**
 * One `removed-html` warning per report, in order.
 * @example warningsForRemoved([{ tag: 'script', content: true }], { file: 'a.md', body, bodyLine: 4 })
 */
export function warningsForRemoved(
  reports: RemovedHtml[],
  { file, body, bodyLine = 1 }: RemovedWhere,
): Warning[] {
  if (reports.length === 0) return []
  const text = body === undefined ? undefined : withoutCode(body.replace(/\r\n?/g, '\n'))
  const seen = new Map<string, number>()
  return reports.map((r) => {
    const n = seen.get(r.tag) ?? 0
    seen.set(r.tag, n + 1)
    const offset = text === undefined ? -1 : nthTag(text, r.tag, n)
    const line = offset === -1 ? undefined : bodyLine + countLines(text ?? '', offset)
    return { file, ...(line ? { line } : {}), kind: 'removed-html', message: describe(r) }
  })
}

// Elements with no content (HTML §13.1.2), removed whole whatever the mode.
const VOID = new Set(['area', 'base', 'embed', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track'])

function describe({ tag, src, content, replaced }: RemovedHtml): string {
  const what = `${/^[aeiou]/.test(tag) ? 'an' : 'a'} <${tag}>${src ? ` of ${place(src)}` : ''}`
  if (replaced) {
    return tag === 'iframe'
      ? `${what} was replaced by a link to what it showed: feed readers do not show iframes`
      : `${what} was replaced by a link to its file: feed readers do not play it`
  }
  const hint = src ? '; link to it instead' : ''
  if (VOID.has(tag)) return `${what} was removed: feeds cannot carry it${hint}`
  if (!content) return `the <${tag}> tag was removed and its text kept: feeds cannot carry it`
  return `${what} was removed with its content: feeds cannot carry it${hint}`
}

/** Where `src` points: the host of an absolute URL (`youtube.com`), else the path as written. */
function place(src: string): string {
  try {
    return new URL(src.trim()).hostname.replace(/^www\./, '') || src
  } catch {
    return src.length > 80 ? `${src.slice(0, 79)}…` : src
  }
}

/** The offset of the n-th (0-based) `<tag` in `text`, or -1. */
function nthTag(text: string, tag: string, n: number): number {
  const re = new RegExp(`<${tag.replace(/[^\w-]/g, '')}(?=[\\s/>]|$)`, 'gi')
  let i = 0
  for (const m of text.matchAll(re)) if (i++ === n) return m.index ?? -1
  return -1
}

function countLines(text: string, end: number): number {
  let lines = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++
  return lines
}

// Fenced code inside a block (a list item's) and code spans (CommonMark §4.5, §6.1).
const NESTED_FENCE = /^[ \t>]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ \t>]*\1[^\n]*|$)/gm
const CODE_SPAN = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g

/**
 * The body with its code blanked (newlines kept, so offsets and lines stay): the code blocks that
 * marked's lexer finds at the top level (its tokens tile the text), and fences and code spans
 * inside the other blocks.
 */
function withoutCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ')
  let out = ''
  for (const token of Lexer.lex(body, { gfm: true })) {
    out +=
      token.type === 'code'
        ? blank(token.raw)
        : token.raw.includes('`') || token.raw.includes('~')
          ? token.raw.replace(NESTED_FENCE, blank).replace(CODE_SPAN, blank)
          : token.raw
  }
  // Tokens that do not add up to the body (never seen): read the body as it is.
  return out.length === body.length ? out : body
}
