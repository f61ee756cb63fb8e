/** Helpers for the template tests: a Markdown file parsed with the rules' choice for unknown tags. */
import { readFileSync } from 'node:fs'
import { parseMarkdown } from '../../../src/content/markdown.ts'
import type { ParsedFile } from '../../../src/content/normalise.ts'
import { DEFAULT_RULES } from '../../../src/content/rules.ts'
import type { Warning } from '../../../src/content/warning.ts'
import { parsed } from '../helpers.ts'

/** Front matter of five lines (the fences included): the body's line n is the file's line n + 5. */
export const FRONT = '---\ntitle: T\ndate: 2024-05-01\ntags: [a]\n---\n'

/** The file line of line `n` of a body under `FRONT`. */
export function fileLine(n: number): number {
  return n + 5
}

export type RenderOptions = { source?: string; keep?: boolean }

/** Parses `body` under `FRONT` as `content/<source>` (default `posts/x.md`). */
export function render(
  body: string,
  { source = 'posts/x.md', keep = false }: RenderOptions = {},
): ParsedFile {
  const rules = { ...DEFAULT_RULES, unknownTemplates: keep ? ('keep' as const) : ('remove' as const) }
  return parsed(parseMarkdown(FRONT + body, `content/${source}`, source, rules))
}

/** The warnings of a parsed file as `line kind message` lines, easy to compare. */
export function warningsOf(p: ParsedFile): Array<Pick<Warning, 'line' | 'kind'> & { message: string }> {
  return (p.warnings ?? []).map(({ line, kind, message }) => ({ line, kind, message }))
}

/** A fixture file of this folder. */
export function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
}
