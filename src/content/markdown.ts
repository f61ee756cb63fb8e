/**
 * Markdown articles (`*.md`): YAML front matter, body rendered by marked (CommonMark + GFM).
 * Raw HTML in the source is allowed here and sanitised in `normalise`.
 */
import { Marked } from 'marked'
import { readFrontMatter } from './front-matter.ts'
import type { ParsedFile } from './normalise.ts'
import type { Problem } from './problem.ts'

const marked = new Marked({ gfm: true, async: false })

/** Parses the text of a Markdown file; `file` is the path shown in problems. */
export function parseMarkdown(text: string, file: string, source: string): ParsedFile | Problem {
  const fm = readFrontMatter(text, file)
  if ('message' in fm) return fm
  const html = marked.parse(fm.body) as string
  return { file, source, data: fm.data, lineOf: fm.lineOf, html, derived: {} }
}
