/**
 * `_headers` patterns for the pages of articles at paths of their own (permalinks) and the pages
 * at their old addresses (static-headers.ts). A site has thousands of such paths and a host takes
 * 100 rules, so a pattern covers every path of one shape: `/:p1/:p2/:p3/:p4/` for
 * `/2019/05/15/hello/` (and `…/index.html`, the file Netlify also serves there), `/:p1/:p2.html`
 * for `/posts/hello.html`. A path without a slash or `.html` at its end gets none: a pattern for
 * `/posts/hello` would match `/posts/photo.jpg` too. That is also why a `.html` page keeps
 * Cloudflare's default caching there: Cloudflare moves `/posts/hello.html` to `/posts/hello`
 * (html_handling) and matches rules against that; Netlify serves it where it is. Placeholders
 * (`:name`) match one segment, `*` anything (developers.cloudflare.com/pages/configuration/headers/).
 *
 * A header that two rules set reaches the client twice, joined by a comma, so a pattern is kept
 * only when every exported path it matches is such a page and no other rule (one already written
 * or one kept here) matches that page too. A page left without a rule gets the host's default
 * caching: never wrong, only less thrifty.
 */

/** The file paths hosts serve a page from too: `/a/b/` is also `/a/b/index.html`. */
export type Exported = { path: string; file: string }

/**
 * The patterns for `pages`, given every other exported address (`others`) and the patterns of
 * the rules already written (`existing`).
 * @example pagePatterns([{ path: '/2019/05/15/hello/', file: '2019/05/15/hello/index.html' }], [], [])
 * // ['/:p1/:p2/:p3/:p4/', '/:p1/:p2/:p3/:p4/index.html']
 */
export function pagePatterns(pages: Exported[], others: Exported[], existing: string[]): string[] {
  // The rules so far, the ones kept here included: no two may match one page.
  const known = existing.map(matcher)
  const coveredBefore = (p: string) => known.some((m) => m(p))
  const forms = (list: Exported[]) => list.flatMap(({ path, file }) => [path, `/${file}`])
  const otherForms = forms(others)
  const pageForms = forms(pages)
  const out: string[] = []
  for (const form of pageForms) {
    if (coveredBefore(form)) continue
    const pattern = shapeOf(form)
    if (pattern === null || out.includes(pattern)) continue
    const matches = matcher(pattern)
    if (otherForms.some(matches)) continue
    if (pageForms.some((p) => matches(p) && coveredBefore(p))) continue
    out.push(pattern)
    known.push(matches)
  }
  return out
}

/** The pattern of every path shaped like `path`, or null when a pattern would match media files. */
function shapeOf(path: string): string | null {
  const segments = path.split('/').slice(1)
  const last = segments.length - 1
  const ending = segments[last] === '' ? '/' : (/\.html?$/.exec(segments[last])?.[0] ?? null)
  if (ending === null) return null
  const named = segments.slice(0, last).map((_, i) => `:p${i + 1}`)
  if (ending === '/') return `/${named.map((p) => `${p}/`).join('')}`
  const name = segments[last] === 'index.html' ? 'index.html' : `:p${last + 1}${ending}`
  return `/${[...named, name].join('/')}`
}

/** Whether a path matches a rule's pattern, as Cloudflare and Netlify match them. */
export function matcher(pattern: string): (path: string) => boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) =>
      part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('')
  const re = new RegExp(`^${source}$`)
  return (path) => re.test(path)
}
