/**
 * MDX bodies (`.mdx`: Astro, Starlight, Docusaurus), read by the MDX parser itself (micromark's
 * mdxjs extension through mdast-util-from-markdown), whose node positions say where each import,
 * component and expression is; the source is edited there, never re-serialised. `import`/`export`
 * lines go (one `mdx-esm` warning), components are rendered by mdx-components.ts, JavaScript comments in braces
 * go silently and other expressions go, or stay as text, with a `template-tag` warning.
 */
import type { Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx'
import { mdxFromMarkdown } from 'mdast-util-mdx'
import { mdxjs } from 'micromark-extension-mdxjs'
import { isHtmlName, type JsxElement, renderElement } from './mdx-components.ts'
import { expandMdxFallback } from './mdx-fallback.ts'
import { fate, type SourceEdits, shown } from './source-edits.ts'

type Element = MdxJsxFlowElement | MdxJsxTextElement
type Offsets = { start: number; end: number; line: number; endLine: number; column: number }

// What MDX reads other than Markdown: an expression, a component or fragment, an import/export.
const MDX_SYNTAX = /\{|<[A-Z>]|^(?:import|export)\s/m
const ONLY_COMMENTS = /^\s*(?:(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*(?:\n|$))\s*)*$/

/** Reads the MDX of `ctx.body` and records its renderings; falls back when MDX cannot parse it. */
export function expandMdx(ctx: SourceEdits): void {
  // The MDX parser reads some 0.5 MB/s: a body with none of its syntax is spared it.
  if (!MDX_SYNTAX.test(ctx.body)) return
  let tree: Nodes
  try {
    tree = fromMarkdown(ctx.body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] })
  } catch (e) {
    // MDX is stricter than Markdown (a stray `<` or `{`, an HTML comment): the article is still
    // published, its JSX read as plain Markdown would read it.
    const place = (e as { place?: { offset?: number } }).place
    const reason = (e as { reason?: string }).reason ?? String(e)
    expandMdxFallback(ctx, { offset: place?.offset ?? 0, reason })
    return
  }
  const lineStarts = [0, ...[...ctx.body.matchAll(/\n/g)].map((m) => (m.index as number) + 1)]
  const dedent = new Map<number, number>()
  const esm: Offsets[] = []

  const walk = (node: Nodes, parent?: { column: number }) => {
    if (!('children' in node)) return
    for (const child of node.children) {
      const at = offsets(child)
      if (!at) continue
      const dropped = parent && child.type === 'mdxJsxFlowElement' && !isHtmlName(child.name)
      // The children of a component whose tags go are moved to its column: MDX ignores their
      // indentation, Markdown would read four spaces as code (CommonMark §4.4).
      if (parent && !dropped && at.column > parent.column) {
        for (let line = at.line; line <= at.endLine; line++) {
          const start = lineStarts[line - 1]
          dedent.set(start, (dedent.get(start) ?? 0) + at.column - parent.column)
        }
      }
      if (child.type === 'mdxjsEsm') esm.push(at)
      else if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression')
        expression(ctx, child.value, at)
      else if (
        (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') &&
        !isHtmlName(child.name)
      ) {
        if (!renderElement(ctx, element(ctx.body, child, at))) continue
        const column = dropped ? parent.column : at.column
        walk(child, child.type === 'mdxJsxFlowElement' ? { column } : undefined)
      } else walk(child)
    }
  }
  walk(tree)

  for (const [start, amount] of dedent) {
    const indent = /^[ \t]*/.exec(ctx.body.slice(start, start + amount))?.[0].length ?? 0
    if (indent) ctx.replace(start, start + indent, '')
  }
  if (esm.length) {
    for (const e of esm) ctx.remove(e.start, e.end)
    const lines = esm.reduce((n, e) => n + e.endLine - e.line + 1, 0)
    ctx.warn('mdx-esm', esm[0].start, `${lines} MDX import/export line${lines === 1 ? '' : 's'} removed`)
  }
}

function offsets(node: Nodes): Offsets | undefined {
  const p = node.position
  if (p?.start.offset === undefined || p.end.offset === undefined) return undefined
  return {
    start: p.start.offset,
    end: p.end.offset,
    line: p.start.line,
    endLine: p.end.line,
    column: p.start.column,
  }
}

function expression(ctx: SourceEdits, value: string, at: Offsets): void {
  if (ctx.isSeparator(at.start, at.end)) return
  if (ONLY_COMMENTS.test(value)) {
    ctx.remove(at.start, at.end)
    return
  }
  const written = shown(ctx.body.slice(at.start, at.end))
  ctx.warn('template-tag', at.start, `MDX expression ${written} has no rendering in feeds; ${fate(ctx.keep)}`)
  if (!ctx.keep) ctx.remove(at.start, at.end)
}

/** The element as mdx-components.ts takes it: its tags found around its first and last child. */
function element(body: string, node: Element, at: Offsets): JsxElement {
  const attrs: Record<string, string> = {}
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute') continue
    if (typeof a.value === 'string') attrs[a.name] = a.value
    else if (a.value === null || a.value === undefined) attrs[a.name] = 'true'
    else {
      // `label={"npm"}`, `id={'abc'}`, `width={640}`: a literal is its value; other code is skipped.
      const literal = /^\s*(?:(["'`])([^"'`]*)\1|(-?\d+(?:\.\d+)?))\s*$/.exec(a.value.value)
      if (literal) attrs[a.name] = literal[2] ?? literal[3]
    }
  }
  // `<Note>A note.</Note>` alone on its line is inline to MDX (its children are text) but stands
  // as a block: it is rendered as one.
  const from = body.lastIndexOf('\n', at.start - 1) + 1
  const to = body.indexOf('\n', at.end)
  const alone = !body.slice(from, at.start).trim() && !body.slice(at.end, to === -1 ? undefined : to).trim()
  const flow = node.type === 'mdxJsxFlowElement' || alone
  const base = { name: node.name, attrs, flow, start: at.start, end: at.end }
  const first = node.children[0]?.position?.start.offset
  const last = node.children[node.children.length - 1]?.position?.end.offset
  if (first !== undefined && last !== undefined) {
    const openEnd = body.lastIndexOf('>', first - 1) + 1
    return { ...base, open: [at.start, openEnd], close: [body.indexOf('<', last), at.end] }
  }
  if (body.slice(at.start, at.end).trimEnd().endsWith('/>')) return { ...base, open: [at.start, at.end] }
  const closeStart = body.lastIndexOf('<', at.end - 1)
  return { ...base, open: [at.start, body.lastIndexOf('>', closeStart - 1) + 1], close: [closeStart, at.end] }
}
