/**
 * The Hono app, the same on Workers and on Node: only the entry that wires a corpus in differs.
 */
import { type Context, Hono } from 'hono'
import type { Corpus } from '../corpus.ts'
import { normaliseSiteUrl } from '../site-url.ts'
import { ERROR_CACHE_CONTROL } from './cache-policy.ts'
import type { Compressor, DocumentCache } from './documents.ts'
import { renderError } from './pages.ts'
import { FEED_CORS } from './respond.ts'
import { addRoutes, atMountRoot } from './routes.ts'

export type AppOptions = {
  corpus: Corpus
  /** Milliseconds since the epoch; injected so that scheduled articles can be tested. */
  clock?: () => number
  /** The site's public URL (`SITE_URL`); default `http://localhost:8787`. */
  siteUrl?: string
  /** Compresses documents (once each) for clients that accept br or gzip; Node supplies it. */
  compress?: Compressor
  /** A cache of rendered documents shared beyond this process (the Workers Cache API). */
  documentCache?: DocumentCache
}

const ERROR_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': ERROR_CACHE_CONTROL,
  'X-Content-Type-Options': 'nosniff',
}

/**
 * Builds the publisher's app for one corpus.
 * @example
 * const app = createApp({ corpus, siteUrl: 'https://news.example.com' })
 * export default app
 */
export function createApp({ corpus, clock = Date.now, siteUrl, compress, documentCache }: AppOptions): Hono {
  const app = new Hono()
  const notFound = (c: Context) =>
    c.body(renderError(404, 'There is nothing at this address.'), 404, ERROR_HEADERS)
  const routes = addRoutes(app, {
    corpus,
    siteUrl: normaliseSiteUrl(siteUrl),
    now: clock,
    compress,
    shared: documentCache,
    notFound,
  })
  // Web readers send If-None-Match cross-origin, which needs a CORS preflight (Fetch §3.2.2).
  for (const path of routes.feeds) {
    app.options(path, (c) =>
      c.body(null, 204, {
        ...FEED_CORS,
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
        'Access-Control-Max-Age': '86400',
        Allow: 'GET, HEAD, OPTIONS',
      }),
    )
  }
  // RFC 9110 §15.5.6: a known resource asked with another method is 405 with the methods it has.
  const notAllowed = (allow: string) => (c: Context) =>
    c.body(renderError(405, 'This address only answers GET and HEAD.'), 405, {
      ...ERROR_HEADERS,
      Allow: allow,
    })
  for (const path of routes.feeds) app.all(path, notAllowed('GET, HEAD, OPTIONS'))
  for (const path of routes.pages) app.all(path, notAllowed('GET, HEAD'))
  app.all('/*', (c, next) => (atMountRoot(c) ? notAllowed('GET, HEAD')(c) : next()))
  // Standalone, every other path is ours; mounted in another app, the host's notFound answers paths
  // none of our routes match (so the host may serve more under the same prefix), and ours answers
  // an unknown tag, author, page or article.
  app.notFound(notFound)
  // A bug must not show a stack trace to the world; it is logged for the operator instead.
  app.onError((err, c) => {
    console.error(`[dateline] ${c.req.method} ${c.req.path}:`, err)
    return c.body(renderError(500, 'Something went wrong on our side.'), 500, ERROR_HEADERS)
  })
  return app
}
