/**
 * Markdown articles (`*.md`): YAML front matter, body rendered by marked (CommonMark + GFM).
 * Raw HTML in the source is allowed here and sanitised in `normalise`.
 */
import { Marked } from 'marked'
import { readFrontMatter } from './front-matter.ts'
import type { ParsedFile } from './normalise.ts'
import type { Problem } from './problem.ts'
import { type ContentRules, DEFAULT_RULES } from './rules.ts'

const marked = new Marked({ gfm: true, async: false })

/** Parses the text of a Markdown file; `file` is the path shown in problems. */
export function parseMarkdown(
  text: string,
  file: string,
  source: string,
  _rules: ContentRules = DEFAULT_RULES,
): ParsedFile | Problem {
  const fm = readFrontMatter(text, file)
  if ('message' in fm) return fm
  let html: string
  try {
    html = marked.parse(fm.body) as string
  } catch (e) {
    // marked recurses once per level of nesting: some thousands of `>`, `- ` or `*` in a row
    // overflow the stack (RangeError), which would otherwise end the whole load, not this file.
    return { file, line: fm.bodyLine, message: unrenderable(e) }
  }
  return {
    file,
    source,
    data: fm.data,
    lineOf: fm.lineOf,
    html,
    derived: {},
    body: fm.body,
    bodyLine: fm.bodyLine,
  }
}

function unrenderable(e: unknown): string {
  if (e instanceof RangeError) {
    return 'the Markdown is nested too deeply to render (thousands of levels of quotes, lists or emphasis); flatten it'
  }
  const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]
  return `the Markdown cannot be rendered (${reason}); simplify the text around the part that fails`
}
