/**
 * Template syntax in a Markdown body, rendered before marked sees it: archives written for
 * Jekyll and Eleventy (Liquid, Nunjucks), Hugo (shortcodes), Astro, Starlight and Docusaurus (MDX,
 * `:::note` asides) carry tags that would otherwise show raw in the feeds. What has a built-in
 * rendering is rendered; anything else is removed or kept as text (`rules.unknownTemplates`) and
 * reported as a warning with its line in the file: nothing is dropped silently (docs/migrating.md).
 */
import type { ContentRules } from '../rules.ts'
import type { Warning } from '../warning.ts'
import { expandAsides } from './asides.ts'
import { expandHugo, hasShortcodes } from './hugo.ts'
import { expandLiquid } from './liquid.ts'
import { expandMdx } from './mdx.ts'
import { sourceEdits } from './source-edits.ts'

export type TemplateOptions = {
  /** The path shown in warnings, e.g. `content/posts/a.md`. */
  file: string
  /** 1-based line of the body's first line in the file. */
  bodyLine: number
  rules: ContentRules
  /** The body is MDX (a `.mdx` file): JSX and expressions, not Liquid. */
  mdx: boolean
  /**
   * The excerpt separator in force (a post may set its own); default `rules.excerptSeparator`.
   * Written as a comment (`{/* truncate *\/}`, Docusaurus's for MDX), it is left for the excerpt step.
   */
  excerptSeparator?: string
}

export type Expanded = { text: string; warnings: Warning[] }

/**
 * The body with its template syntax rendered, and a warning for each tag that had no rendering.
 * @example expandTemplates('{% post_url 2019-05-15-hello %}', { file, bodyLine: 4, rules, mdx: false })
 */
export function expandTemplates(body: string, options: TemplateOptions): Expanded {
  const liquid = body.includes('{%') || body.includes('{{') || (body.includes('{#') && body.includes('#}'))
  const asides = body.includes(':::')
  // Most bodies have none of it: they pay for these few scans only.
  if (!liquid && !asides && !options.mdx) return { text: body, warnings: [] }
  const ctx = sourceEdits(body, {
    file: options.file,
    bodyLine: options.bodyLine,
    keep: options.rules.unknownTemplates === 'keep',
    separator: options.excerptSeparator ?? options.rules.excerptSeparator,
  })
  // One syntax family per file: MDX reads `{…}` as expressions, and Hugo leaves `{{ }}` that is
  // not a shortcode as text, so a Hugo body (one with a shortcode) is not read as Liquid.
  if (options.mdx) expandMdx(ctx)
  else if (liquid && hasShortcodes(body)) expandHugo(ctx)
  else if (liquid) expandLiquid(ctx)
  const out = ctx.apply()
  // Asides last: MDX's <Aside> components become `:::` asides on the way.
  return out.text.includes(':::') ? { text: expandAsides(out.text), warnings: out.warnings } : out
}
