/**
 * Warnings: content that was changed or left out on the way to the feeds, though the article is
 * published (a template tag with no rendering, an MDX component, a removed `<iframe>`, a link to
 * nothing). Nothing is dropped without one (docs/migrating.md). They do not stop a build;
 * `--strict` makes them problems.
 */
import type { Problem } from './problem.ts'

/** The kinds of warning, each with what it means: `check` counts them, `--help` lists them. */
export const WARNING_KINDS = {
  'template-tag': 'a Liquid, Nunjucks or Hugo tag with no built-in rendering was removed or kept as text',
  'mdx-component': 'an MDX component with no built-in rendering: its children were kept, the tag dropped',
  'mdx-esm': 'MDX import/export lines were removed',
  'mdx-parse': 'an .mdx file MDX cannot parse was read as Markdown, its expressions {…} left as written',
  'removed-html':
    'raw HTML the feeds cannot carry (iframe, script, style, form…) was removed or replaced by a link',
  'broken-link':
    'a local link points at no article and no file in the content folder, or at a file not published',
  'missing-image': 'a local image points at no file in the content folder',
  'unresolved-ref': 'an internal link tag (post_url, link, ref, relref) names no article',
  'unknown-field': 'a front matter value was not understood and was left out',
  'data-file':
    "a generator's data file (Eleventy's *.11tydata.js) that may set fields for its folder was not read",
} as const

export type WarningKind = keyof typeof WARNING_KINDS

/** Something changed or left out of one file on the way; `line` is 1-based, when known. */
export type Warning = Problem & { kind: WarningKind }

/** `content/a.md:3: warning [template-tag]: …`, the form editors annotate. */
export function formatWarning(w: Warning): string {
  return `${w.file}${w.line ? `:${w.line}` : ''}: warning [${w.kind}]: ${w.message}`
}
