/** One entry point for every feed format. Pure and deterministic: same view, same string. */

import type { FeedFormat, FeedView } from '../feeds/view.ts'
import { renderAtom } from './atom.ts'
import { browserProlog } from './browser-prolog.ts'
import { renderJsonFeed } from './json-feed.ts'
import { renderRss } from './rss.ts'

export { FEED_CONTENT_TYPES } from './media-types.ts'

// RSS and Atom carry a note and a stylesheet for people who open them in a browser
// (browser-prolog.ts, src/http/browser-view.ts); JSON has no comments, and browsers display it.
const styled = (render: (view: FeedView, prolog: string) => string) => (view: FeedView) =>
  render(view, browserProlog(view.siteUrl))

const RENDERERS: Record<FeedFormat, (view: FeedView) => string> = {
  rss: styled(renderRss),
  atom: styled(renderAtom),
  json: renderJsonFeed,
}

/**
 * Renders a feed view in one format.
 * @example renderFeed('atom', siteFeedView(corpus, 'https://example.com', published(corpus, now).articles))
 */
export function renderFeed(format: FeedFormat, view: FeedView): string {
  return RENDERERS[format](view)
}
