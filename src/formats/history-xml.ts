/**
 * RFC 5005 in the XML formats: the `current`, `prev-archive` and `next-archive` links and the
 * `fh:archive` marker of an archive page (§4), or the `fh:complete` marker of a feed that holds
 * every article (§2). rss.ts and atom.ts write them right after the document's self link.
 */

import type { FeedView } from '../feeds/view.ts'
import { FEED_MEDIA_TYPES } from './media-types.ts'
import { emptyElement } from './xml.ts'

export const FH_NAMESPACE = 'http://purl.org/syndication/history/1.0'

type XmlFormat = 'rss' | 'atom'

const RELS = [
  ['current', 'current'],
  ['prev', 'prev-archive'],
  ['next', 'next-archive'],
] as const

/** Whether the document carries an `fh:` element, so its root must declare the namespace. */
export function usesFhNamespace(view: FeedView): boolean {
  return Boolean(view.history?.archived || view.history?.complete)
}

/**
 * The view's history links and markers, each a whole element: `atom:link` in RSS (the Atom
 * namespace, as for the self link), `link` in Atom, with the linked document's media type.
 */
export function historyElements(view: FeedView, format: XmlFormat): string[] {
  const history = view.history
  if (!history) return []
  const type = FEED_MEDIA_TYPES[format]
  const out: string[] = []
  for (const [key, rel] of RELS) {
    const paths = history[key]
    if (!paths) continue
    const href = view.siteUrl + paths[format]
    out.push(
      format === 'rss'
        ? emptyElement('atom:link', { href, rel, type })
        : emptyElement('link', { rel, href, type }),
    )
  }
  if (history.archived) out.push('<fh:archive/>')
  if (history.complete) out.push('<fh:complete/>')
  return out
}
