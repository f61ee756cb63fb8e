/**
 * Markdown articles (`*.md`, `*.mdx`): YAML front matter, body rendered by marked (CommonMark +
 * GFM). Template syntax in the body (Liquid, Hugo shortcodes, MDX, `:::` asides) is rendered or
 * reported first (`templates/`). Raw HTML in the source is allowed here and sanitised in `normalise`.
 */
import { readFrontMatter } from './front-matter.ts'
import { htmlToText } from './html.ts'
import { type Rendered, renderMarkdown } from './markdown-render.ts'
import type { ParsedFile } from './normalise.ts'
import type { Problem } from './problem.ts'
import { type ContentRules, DEFAULT_RULES } from './rules.ts'
import { type Expanded, expandTemplates } from './templates/expand.ts'

/** Parses the text of a Markdown file; `file` is the path shown in problems. */
export function parseMarkdown(
  text: string,
  file: string,
  source: string,
  rules: ContentRules = DEFAULT_RULES,
): ParsedFile | Problem {
  const fm = readFrontMatter(text, file)
  if ('message' in fm) return fm
  const mdx = source.endsWith('.mdx')
  let expanded: Expanded
  let rendered: Rendered
  try {
    const separator = excerptSeparator(fm.data, rules)
    expanded = expandTemplates(fm.body, {
      file,
      bodyLine: fm.bodyLine,
      rules,
      mdx,
      excerptSeparator: separator,
    })
    rendered = renderMarkdown(expanded.text, separator)
  } catch (e) {
    // marked (and micromark, which reads template syntax) recurses once per level of nesting:
    // some thousands of `>`, `- ` or `*` in a row overflow the stack (RangeError), which would
    // otherwise end the whole load, not this file.
    return { file, line: fm.bodyLine, message: unrenderable(e) }
  }
  return {
    file,
    source,
    data: fm.data,
    lineOf: fm.lineOf,
    html: rendered.html,
    derived: {
      ...(rendered.excerptHtml ? { excerptHtml: rendered.excerptHtml } : {}),
      ...leadingHeading(rendered.html),
    },
    body: fm.body,
    bodyLine: fm.bodyLine,
    ...(expanded.warnings.length ? { warnings: expanded.warnings } : {}),
  }
}

function unrenderable(e: unknown): string {
  if (e instanceof RangeError) {
    return 'the Markdown is nested too deeply to render (thousands of levels of quotes, lists or emphasis); flatten it'
  }
  const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]
  return `the Markdown cannot be rendered (${reason}); simplify the text around the part that fails`
}

/**
 * The excerpt separator: the post's own `excerpt_separator` (Jekyll lets a post set it in its front
 * matter, jekyllrb.com/docs/posts/#post-excerpts), else the site's rule.
 */
function excerptSeparator(data: Record<string, unknown>, rules: ContentRules): string {
  const own = data.excerpt_separator
  return typeof own === 'string' && own.trim() ? own : rules.excerptSeparator
}

/**
 * A plain Markdown file without a `title` (a GitHub or Obsidian notes folder) names itself in its
 * first block, a level-1 heading: that is its title where the front matter gives none.
 */
function leadingHeading(html: string): { title?: string } {
  const m = /^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)
  const title = m ? htmlToText(m[1]) : ''
  return title ? { title } : {}
}
