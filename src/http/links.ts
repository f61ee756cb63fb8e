/**
 * `Link` headers (RFC 8288) on feed responses: the feed itself (`self`), the same feed in the
 * other formats (`alternate`), and the WebSub hub when there is one (W3C WebSub §4: publishers
 * advertise both `hub` and `self`).
 */

import type { FeedFormat } from '../feeds/view.ts'
import { FEED_MEDIA_TYPES } from '../formats/media-types.ts'

const mediaType = (format: FeedFormat) => FEED_MEDIA_TYPES[format]

/**
 * @example feedLinks('https://x.test', { rss: '/rss.xml', atom: '/atom.xml', json: '/feed.json' }, 'rss')
 * // '<https://x.test/rss.xml>; rel="self"; type="application/rss+xml", <https://x.test/atom.xml>; rel="alternate"; …'
 */
export function feedLinks(
  siteUrl: string,
  paths: Record<FeedFormat, string>,
  format: FeedFormat,
  hub?: string,
): string {
  const links = [`<${siteUrl}${paths[format]}>; rel="self"; type="${mediaType(format)}"`]
  for (const other of Object.keys(paths) as FeedFormat[]) {
    if (other !== format)
      links.push(`<${siteUrl}${paths[other]}>; rel="alternate"; type="${mediaType(other)}"`)
  }
  if (hub) links.push(`<${hub}>; rel="hub"`)
  return links.join(', ')
}
