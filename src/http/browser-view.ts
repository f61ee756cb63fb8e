/**
 * A person who opens a feed in a browser should see a page, not a download or a wall of text,
 * while feed readers keep the registered media types. Chromium shows `application/rss+xml` as
 * plain text and Firefox downloads it, but both render `application/xml` with the feed's CSS
 * stylesheet (src/formats/browser-prolog.ts). A browser loading a page says so with
 * `Sec-Fetch-Dest: document` (W3C Fetch Metadata §2.1), which no feed reader sends: those
 * requests get the same bytes as XML (JSON Feed as `application/json`, which browsers display).
 * Feed responses carry `Vary: Sec-Fetch-Dest` so shared caches keep the two apart.
 */
import type { Context } from 'hono'
import type { FeedFormat } from '../feeds/view.ts'

export const BROWSER_VARY = 'Sec-Fetch-Dest'

const BROWSER_TYPES: Record<FeedFormat, string> = {
  rss: 'application/xml; charset=utf-8',
  atom: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
}

/** Whether the request is a browser loading a page (and not a reader or a script). */
export function isPageLoad(c: Context): boolean {
  return c.req.header('Sec-Fetch-Dest') === 'document'
}

/** The type a browser page load gets a feed with: same bytes and validators, a viewable type. */
export function browserType(format: FeedFormat): string {
  return BROWSER_TYPES[format]
}
