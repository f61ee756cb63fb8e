/** One entry point for every feed format. Pure and deterministic: same view, same string. */
import { renderAtom } from './atom.ts'

export { FEED_CONTENT_TYPES } from './media-types.ts'

import { renderJsonFeed } from './json-feed.ts'
import { renderRss } from './rss.ts'
import type { FeedFormat, FeedView } from './view.ts'

const RENDERERS: Record<FeedFormat, (view: FeedView) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
}

/**
 * Renders a feed view in one format.
 * @example renderFeed('atom', siteFeedView(corpus, 'https://example.com', published(corpus, now).articles))
 */
export function renderFeed(format: FeedFormat, view: FeedView): string {
  return RENDERERS[format](view)
}
