/**
 * Liquid (Jekyll) and Nunjucks (Eleventy) tags in a Markdown body. Built in: `{% highlight %}` (a
 * fenced code block), `{% raw %}`/`{% verbatim %}` (their content as written), `{% link %}` and
 * `{% post_url %}` (a ref marker, see refs.ts), the URL helpers `{{ site.baseurl }}`,
 * `{{ site.url }}`, `| relative_url`, `| absolute_url` (Jekyll) and `| url` (Eleventy), and
 * comments. Every other tag or output is removed, or kept as text, with a `template-tag` warning.
 */
import { blankRanges, codeRanges } from './code-ranges.ts'
import { type LiquidTag, type LiquidUnit, pairLiquidTags, readLiquidTags } from './liquid-tokens.ts'
import { fencedCode, languageName } from './markdown-blocks.ts'
import { refMarker } from './refs.ts'
import { fate, type SourceEdits, shown } from './source-edits.ts'

// Blocks whose content the generator never prints (it defines a variable or a macro): removed
// with it. Every other block (`if`, `for`, `case`, a paired shortcode) prints its content in some
// case, so its content is kept and its tags dropped (every branch of an `if`, as which one the site
// showed depends on data a feed does not have): nothing the author wrote disappears.
const DEFINITIONS = new Set(['capture', 'set', 'macro'])

/** Reads the Liquid of `ctx.body` outside code and records its renderings in `ctx`. */
export function expandLiquid(ctx: SourceEdits): void {
  const { body } = ctx
  const masked = blankRanges(body, codeRanges(body))
  const tags = readLiquidTags(masked, (at) =>
    ctx.warn('template-tag', at, `"${body.slice(at, at + 2)}" is never closed; it was kept as text`),
  )
  let skipTo = 0
  for (const unit of pairLiquidTags(tags)) {
    if (unit.open.begin < skipTo) continue
    if (unit.close) skipTo = renderBlock(ctx, unit, unit.close)
    else for (const tag of [unit.open, ...unit.middles]) renderTag(ctx, tag)
  }
}

/** Renders a block; returns the offset up to which tags inside it must not be read again. */
function renderBlock(ctx: SourceEdits, unit: LiquidUnit, close: LiquidTag): number {
  const { open } = unit
  const { body } = ctx
  const inner = () => body.slice(open.end, close.begin)
  switch (open.name) {
    case 'raw':
    case 'verbatim':
      ctx.remove(open.begin, open.end)
      ctx.remove(close.begin, close.end)
      return close.end
    case 'comment':
      if (ctx.isSeparator(open.begin, close.end)) return close.end
      ctx.remove(open.begin, close.end)
      return close.end
    case 'highlight': {
      // `{% highlight ruby linenos %}`: the first word is the language; line numbers are left out.
      ctx.block(open.begin, close.end, fencedCode(languageName(open.args.trim().split(/\s+/)[0]), inner()))
      return close.end
    }
  }
  const tags = `${shown(body.slice(open.begin, open.end))}…${shown(body.slice(close.begin, close.end))}`
  if (DEFINITIONS.has(open.name)) {
    ctx.warn(
      'template-tag',
      open.begin,
      `Liquid block ${tags} has no rendering in feeds; ${fate(ctx.keep, 'removed with its content')}`,
    )
    if (!ctx.keep) ctx.remove(open.begin, close.end)
    return close.end
  }
  const what = ctx.keep ? 'kept as text' : 'its tags were removed and its content kept'
  ctx.warn('template-tag', open.begin, `Liquid block ${tags} has no rendering in feeds; ${what}`)
  if (!ctx.keep) for (const t of [open, ...unit.middles, close]) ctx.remove(t.begin, t.end)
  return open.end
}

function renderTag(ctx: SourceEdits, tag: LiquidTag): void {
  const written = ctx.body.slice(tag.begin, tag.end)
  if (ctx.isSeparator(tag.begin, tag.end)) return
  if (tag.kind === 'comment' || tag.name === '#') {
    ctx.remove(tag.begin, tag.end)
    return
  }
  if (tag.kind === 'output') {
    const url = knownUrl(tag.args)
    if (url !== undefined) {
      ctx.replace(tag.begin, tag.end, url)
      return
    }
    ctx.warn(
      'template-tag',
      tag.begin,
      `Liquid output ${shown(written)} has no rendering in feeds; ${fate(ctx.keep)}`,
    )
  } else {
    // Jekyll's `{% link path %}` and `{% post_url name %}` take a path or a post's name as written.
    const ref = tag.args.trim().replace(/^(["'])(.*)\1$/, '$2')
    if ((tag.name === 'link' || tag.name === 'post_url') && /^[^\s{}%]+$/.test(ref)) {
      ctx.replace(tag.begin, tag.end, refMarker(ref))
      return
    }
    ctx.warn(
      'template-tag',
      tag.begin,
      `Liquid tag ${shown(written)} has no rendering in feeds; ${fate(ctx.keep)}`,
    )
  }
  if (!ctx.keep) ctx.remove(tag.begin, tag.end)
}

// A quoted path, optionally piped through a filter that only puts the site's base path before it.
const FILTERED_PATH =
  /^(["'])([^"'{}]*)\1\s*\|\s*(relative_url|absolute_url|url|htmlBaseUrl|prepend:\s*site\.baseurl)\s*$/

/**
 * The root-relative URL an output makes, if it only makes a URL: `site.baseurl` and `site.url`
 * are '' (the site's origin is added when a feed is served); Jekyll's `relative_url` and
 * `absolute_url` put `/` before a relative path and leave a full URL alone (Jekyll's URL filters);
 * Eleventy's `url` and `htmlBaseUrl` leave the path as written (only the path prefix goes first).
 */
export function knownUrl(expression: string): string | undefined {
  const e = expression.trim()
  if (/^site\.(baseurl|url)$/.test(e)) return ''
  const m = FILTERED_PATH.exec(e)
  if (!m) return undefined
  const path = m[2].trim()
  if (!m[3].endsWith('_url') || /^[a-z][a-z\d+.-]*:/i.test(path) || path.startsWith('/')) return path
  return `/${path}`
}
