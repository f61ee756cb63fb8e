/**
 * An `.mdx` body that the MDX parser refuses (MDX is stricter than Markdown: a stray `<` or `{`,
 * an HTML comment, an autolink) is still published, read as plain Markdown: `import`/`export`
 * blocks at the start of a line are removed (MDX's ESM ends at a blank line), and component tags
 * outside code, found by a scan, are rendered as mdx-components.ts renders parsed ones.
 * Expressions are left as written. One warning says why and where the parser stopped.
 */
import { blankRanges, codeRanges } from './code-ranges.ts'
import { type JsxElement, renderElement } from './mdx-components.ts'
import type { SourceEdits } from './source-edits.ts'

// `<Name attr="x" other={y}>`, `</Name>`, `<Name />`, `<>`, `</>`: a capital starts a component.
const TAG = /<(\/?)([A-Z][\w.]*)?((?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|\{[^{}]*\}))?)*)\s*(\/?)>/g
const ATTR = /([\w:-]+)(?:=(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)'|(-?\d+))\s*\}))?/g

export function expandMdxFallback(ctx: SourceEdits, error: { offset: number; reason: string }): void {
  const reason = error.reason.replace(/\s+/g, ' ').replace(/\.$/, '')
  ctx.warn(
    'mdx-parse',
    error.offset,
    `MDX cannot parse this file (${reason}); it was read as Markdown: components outside code were rendered or removed, expressions {…} left as written`,
  )
  const masked = blankRanges(ctx.body, codeRanges(ctx.body))
  removeEsm(ctx, masked)
  const open: JsxElement[] = []
  for (const m of masked.matchAll(TAG)) {
    const start = m.index as number
    const end = start + m[0].length
    const name = m[2] ?? null
    if (m[1]) {
      const at = open.findLastIndex((e) => e.name === name)
      if (at === -1) continue
      const [el, ...unclosed] = open.splice(at)
      renderElement(ctx, { ...el, end, close: [start, end] })
      for (const u of unclosed) renderElement(ctx, u)
      continue
    }
    const line = lineAround(masked, start, end)
    const el: JsxElement = { name, attrs: attributes(m[3]), flow: line, start, end, open: [start, end] }
    if (m[4]) renderElement(ctx, el)
    else open.push(el)
  }
  for (const el of open) renderElement(ctx, el)
}

/** Whether `[start, end)` is alone on its line. */
function lineAround(text: string, start: number, end: number): boolean {
  const from = text.lastIndexOf('\n', start - 1) + 1
  const to = text.indexOf('\n', end)
  return !text.slice(from, start).trim() && !text.slice(end, to === -1 ? text.length : to).trim()
}

function attributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of text.matchAll(ATTR)) attrs[m[1]] = m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? 'true'
  return attrs
}

/** Removes the `import`/`export` blocks that start a line, each up to the next blank line. */
function removeEsm(ctx: SourceEdits, masked: string): void {
  let first = -1
  let lines = 0
  for (const m of masked.matchAll(/^(?:import|export)\b[^\n]*(?:\n[ \t]*\S[^\n]*)*/gm)) {
    const start = m.index as number
    if (start > 0 && masked.slice(masked.lastIndexOf('\n', start - 2) + 1, start).trim()) continue
    if (first === -1) first = start
    lines += m[0].split('\n').length
    ctx.remove(start, start + m[0].length)
  }
  if (lines) ctx.warn('mdx-esm', first, `${lines} MDX import/export line${lines === 1 ? '' : 's'} removed`)
}
