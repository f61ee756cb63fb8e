/**
 * The links and images of an article that point into the site (root-relative once `html.ts` has
 * resolved them), each with the line it was written on. The loader checks them against the other
 * articles and the files of the content folder once every file is read (`link-check.ts`): a link
 * to a source file becomes a link to its article, and one that points at nothing is a warning
 * naming its line. Pure.
 */
import { resolveUrl } from './html.ts'

/** A link into the site: `url` root-relative, as the article's HTML has it. */
export type LocalLink = { url: string; line?: number; image: boolean }

// `href="/…"` or `src="/…"` inside a tag of sanitised HTML (sanitize-html writes attributes in
// double quotes with `"` escaped), not `//host`.
const ATTRIBUTE = /<(a|img)\b[^>]*?\s(href|src)="(\/(?!\/)[^"]*)"/g

// Where a body writes a URL: a Markdown destination `](url` or `]: url` (a reference), or an HTML
// attribute. The line of its first occurrence is the line of the link.
const WRITTEN =
  /\]\(\s*<?([^\s)>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|\s(?:href|src)=["']([^"']+)["']/gm

/** The decoded path of a root-relative URL, without its query and fragment. */
export function pathOf(url: string): string {
  const path = url.replace(/[?#].*$/, '')
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/**
 * The article's links and images into the site, once per URL, with the line each was written on
 * (`body` starts on `bodyLine` of the file; `base` is what relative URLs resolved against).
 */
export function localLinks(
  html: string,
  body: string | undefined,
  bodyLine: number,
  base: string,
): LocalLink[] {
  if (!html.includes('="/')) return []
  const lines = body === undefined ? new Map<string, number>() : writtenLines(body, bodyLine, base)
  const seen = new Set<string>()
  const links: LocalLink[] = []
  for (const m of html.matchAll(ATTRIBUTE)) {
    const url = m[3].replace(/&amp;/g, '&')
    const image = m[1] === 'img'
    const key = `${image}${url}`
    if (seen.has(key)) continue
    seen.add(key)
    const line = lines.get(pathOf(url))
    links.push(line === undefined ? { url, image } : { url, line, image })
  }
  return links
}

function writtenLines(body: string, bodyLine: number, base: string): Map<string, number> {
  const found = new Map<string, number>()
  let line = bodyLine
  let at = 0
  for (const m of body.matchAll(WRITTEN)) {
    for (let i = body.indexOf('\n', at); i !== -1 && i < (m.index ?? 0); i = body.indexOf('\n', i + 1)) line++
    at = m.index ?? 0
    const written = m[1] ?? m[2] ?? m[3]
    const path = pathOf(resolveUrl(written, base))
    if (!found.has(path)) found.set(path, line)
  }
  return found
}
