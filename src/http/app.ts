/**
 * The Hono app, the same on Workers and on Node: only the entry that wires a corpus in differs.
 */
import { Hono } from 'hono'
import type { Corpus } from '../corpus.ts'
import { normaliseSiteUrl } from '../site-url.ts'
import { renderError } from './pages.ts'
import { addRoutes } from './routes.ts'

export type AppOptions = {
  corpus: Corpus
  /** Milliseconds since the epoch; injected so that scheduled articles can be tested. */
  clock?: () => number
  /** The site's public URL (`SITE_URL`); default `http://localhost:8787`. */
  siteUrl?: string
}

const ERROR_HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }

/**
 * Builds the publisher's app for one corpus.
 * @example
 * const app = createApp({ corpus, siteUrl: 'https://news.example.com' })
 * export default app
 */
export function createApp({ corpus, clock = Date.now, siteUrl }: AppOptions): Hono {
  const app = new Hono()
  const paths = addRoutes(app, { corpus, siteUrl: normaliseSiteUrl(siteUrl), now: clock })
  // RFC 9110 §15.5.6: a known resource asked with another method is 405 with the methods it has.
  for (const path of paths) {
    app.all(path, (c) =>
      c.body(renderError(405, 'Only GET and HEAD are allowed here.'), 405, {
        ...ERROR_HEADERS,
        Allow: 'GET, HEAD',
      }),
    )
  }
  app.notFound((c) => c.body(renderError(404, 'There is nothing at this address.'), 404, ERROR_HEADERS))
  // A bug must not show a stack trace to the world; it is logged for the operator instead.
  app.onError((err, c) => {
    console.error(`[dateline] ${c.req.method} ${c.req.path}:`, err)
    return c.body(renderError(500, 'Something went wrong on our side.'), 500, ERROR_HEADERS)
  })
  return app
}
