/**
 * The Hono app, the same on Workers and on Node: only the entry that wires a corpus in differs.
 */
import { type Context, Hono } from 'hono'
import { TrieRouter } from 'hono/router/trie-router'
import type { Corpus } from '../core/corpus.ts'
import { normaliseSiteUrl } from '../core/site-url.ts'
import { type FetchShard, ShardUnavailable } from '../shards/reader.ts'
import type { Compressor, DocumentCache } from './documents.ts'
import { ERROR_HEADERS } from './methods.ts'
import { renderError } from './pages.ts'
import { addRoutes } from './routes.ts'

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
  /**
   * Reads one piece of a corpus that `dateline build` kept in static assets (`corpus.shards`):
   * required for such a corpus; the Worker reads them through its `ASSETS` binding.
   */
  fetchShard?: FetchShard
  /**
   * The app is served on its own, never mounted in another (`host.route('/news', app)`): it needs
   * no route for a mounted index, so Hono's RegExpRouter takes every route. It matches in a tenth
   * of TrieRouter's time (4 % of a 304's CPU) but is built on the first request (~4 ms), so the
   * Node server, which runs for long, sets this, and the Worker, whose isolates start often, not.
   */
  standalone?: boolean
}

/**
 * Builds the publisher's app for one corpus.
 * @example
 * const app = createApp({ corpus, siteUrl: 'https://news.example.com' })
 * export default app
 */
export function createApp({
  corpus,
  clock = Date.now,
  siteUrl,
  compress,
  documentCache,
  fetchShard,
  standalone = false,
}: AppOptions): Hono {
  // TrieRouter unless standalone: the mount route (routes.ts, `/:root{(?:)}`) is one RegExpRouter
  // cannot take, so Hono's default SmartRouter would build a RegExpRouter on the first request,
  // fail, and fall back to this: ~4 ms of a cold Worker's first request for nothing.
  const app = standalone ? new Hono() : new Hono({ router: new TrieRouter() })
  const notFound = (c: Context) =>
    c.body(renderError(404, 'There is nothing at this address.'), 404, ERROR_HEADERS)
  addRoutes(app, {
    corpus,
    siteUrl: normaliseSiteUrl(siteUrl),
    now: clock,
    compress,
    shared: documentCache,
    fetchShard,
    standalone,
    notFound,
  })
  // Standalone, every other path is ours; mounted in another app, the host's notFound answers paths
  // none of our routes match (so the host may serve more under the same prefix), and ours answers
  // an unknown tag, author, page or article.
  app.notFound(notFound)
  // A bug must not show a stack trace to the world; it is logged for the operator instead.
  app.onError((err, c) => {
    console.error(`[dateline] ${c.req.method} ${c.req.path}:`, err)
    // The articles are in static assets that could not be read: ours to fix, and worth a retry
    // (RFC 9110 §15.6.4), not a broken page for caches to keep.
    if (err instanceof ShardUnavailable) {
      return c.body(renderError(503, 'This page cannot be read right now.'), 503, {
        ...ERROR_HEADERS,
        'Retry-After': '60',
      })
    }
    return c.body(renderError(500, 'Something went wrong on our side.'), 500, ERROR_HEADERS)
  })
  return app
}
