/**
 * RFC 5005 in the XML formats: `current`, `prev-archive` and `next-archive` links and the
 * `fh:archive` marker (§4), or `fh:complete` (§2), placed right after the document's self link.
 * The `feed` package has no option for them, so they are added to its output at that one place.
 */
import { FEED_MEDIA_TYPES } from './media-types.ts'
import type { FeedView } from './view.ts'

export const FH_NAMESPACE = 'http://purl.org/syndication/history/1.0'

type XmlFormat = 'rss' | 'atom'

const RELS = [
  ['current', 'current'],
  ['prev', 'prev-archive'],
  ['next', 'next-archive'],
] as const

/** Adds the view's history links after the self link, and `fh:archive` on archive pages. */
export function addHistory(xml: string, view: FeedView, format: XmlFormat): string {
  const history = view.history
  if (!history) return xml
  const indent = format === 'rss' ? '        ' : '    '
  const type = FEED_MEDIA_TYPES[format]
  const lines: string[] = []
  for (const [key, rel] of RELS) {
    const paths = history[key]
    if (!paths) continue
    const href = view.siteUrl + paths[format]
    lines.push(
      format === 'rss'
        ? `${indent}<atom:link href="${href}" rel="${rel}" type="${type}"/>`
        : `${indent}<link rel="${rel}" href="${href}" type="${type}"/>`,
    )
  }
  if (history.archived) lines.push(`${indent}<fh:archive/>`)
  if (history.complete) lines.push(`${indent}<fh:complete/>`)
  if (lines.length === 0) return xml
  const self = format === 'rss' ? /^ *<atom:link [^>]*rel="self"[^>]*\/>$/m : /^ *<link rel="self" [^>]*\/>$/m
  let out = xml.replace(self, (line) => `${line}\n${lines.join('\n')}`)
  if (history.archived || history.complete) {
    const root = format === 'rss' ? /<rss [^>]*>/ : /<feed [^>]*>/
    out = out.replace(root, (tag) => `${tag.slice(0, -1)} xmlns:fh="${FH_NAMESPACE}">`)
  }
  return out
}
