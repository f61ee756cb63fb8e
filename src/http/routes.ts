/**
 * The routes and what each one answers. Every handler reads the visible set for `now` first, so
 * a scheduled article appears everywhere at its time, and memoises by that set.
 */
import type { Context, Hono } from 'hono'
import { accepts } from 'hono/accepts'
import type { Corpus } from '../corpus.ts'
import { FEED_CONTENT_TYPES, renderFeed } from '../feeds/render.ts'
import { newestUpdate, published } from '../feeds/select.ts'
import { type FeedFormat, SITE_FEED_PATHS, siteFeedView } from '../feeds/view.ts'
import { sendDocument } from './cache.ts'
import { cacheControl, type ResponseKind, resolvePolicy } from './cache-policy.ts'
import {
  type Compressor,
  createDocumentStore,
  type DocumentCache,
  type Encoding,
  type RenderedDocument,
} from './documents.ts'
import { chooseEncoding } from './encoding.ts'
import { feedLinks } from './links.ts'
import { renderArticle, renderIndex } from './pages.ts'

const HTML = 'text/html; charset=utf-8'

// Media types a reader may ask for at /feed, mapped to the format that answers (RSS by default).
const NEGOTIABLE: Record<string, FeedFormat> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
}

/** Feeds are read cross-origin by web readers (JSON Feed especially), validators included. */
export const FEED_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Link',
}

export type RouteContext = {
  corpus: Corpus
  siteUrl: string
  now: () => number
  compress?: Compressor
  shared?: DocumentCache
}

export type Routes = { feeds: string[]; pages: string[] }

/** Adds every route to `app`; returns the paths it serves so that other methods get 405. */
export function addRoutes(app: Hono, { corpus, siteUrl, now, compress, shared }: RouteContext): Routes {
  const store = createDocumentStore(shared)
  const policy = resolvePolicy(corpus.site.cache)
  const formats = Object.keys(SITE_FEED_PATHS) as FeedFormat[]
  const links = Object.fromEntries(
    formats.map((f) => [f, feedLinks(siteUrl, SITE_FEED_PATHS, f, corpus.site.hub)]),
  ) as Record<FeedFormat, string>

  /** The visible set at this request's `now`, and the seconds until it next changes. */
  const visible = () => {
    const at = now()
    const { articles, start } = published(corpus, at)
    const next = start > 0 ? Date.parse(corpus.articles[start - 1].date) : null
    return { articles, start, untilNext: next === null ? null : Math.max(1, Math.ceil((next - at) / 1000)) }
  }

  const defer = (c: Context) => (work: Promise<unknown>) => {
    try {
      c.executionCtx.waitUntil(work)
    } catch {
      // No execution context (Node, app.request): the write simply finishes on its own.
    }
  }

  /** Sends the document, compressed when this runtime compresses and the client accepts it. */
  const send = (
    c: Context,
    doc: RenderedDocument,
    kind: ResponseKind,
    untilNext: number | null,
    headers: Record<string, string>,
  ) => {
    const vary = headers.Vary ? [headers.Vary] : []
    let encoding: Encoding | undefined
    if (compress) {
      vary.push('Accept-Encoding')
      encoding = chooseEncoding(c)
    }
    const variant = encoding && compress ? store.encoded(doc, encoding, compress) : doc
    const all: Record<string, string> = {
      ...headers,
      'Cache-Control': cacheControl(kind, policy, untilNext),
      'X-Content-Type-Options': 'nosniff',
    }
    if (vary.length) all.Vary = vary.join(', ')
    return sendDocument(c, variant, all, encoding)
  }

  const sendFeed = async (c: Context, format: FeedFormat, vary?: string) => {
    const { articles, start, untilNext } = visible()
    const doc = await store.get(
      `${format}:site@${start}`,
      () => {
        const view = siteFeedView(corpus, siteUrl, articles)
        return {
          text: renderFeed(format, view),
          contentType: FEED_CONTENT_TYPES[format],
          updated: view.updated,
        }
      },
      defer(c),
    )
    const headers: Record<string, string> = { ...FEED_CORS, Link: links[format] }
    if (vary) headers.Vary = vary
    return send(c, doc, 'feed', untilNext, headers)
  }
  for (const format of formats) {
    app.get(SITE_FEED_PATHS[format], (c) => sendFeed(c, format))
  }
  app.get('/feed', (c) => {
    const type = accepts(c, {
      header: 'Accept',
      supports: Object.keys(NEGOTIABLE),
      default: 'application/rss+xml',
    })
    return sendFeed(c, NEGOTIABLE[type], 'Accept')
  })

  app.get('/', async (c) => {
    const { articles, start, untilNext } = visible()
    const shown = articles.slice(0, corpus.site.items)
    const doc = await store.get(
      `index@${start}`,
      async () => ({
        text: await renderIndex(corpus.site, siteUrl, shown),
        contentType: HTML,
        updated: newestUpdate(shown),
      }),
      defer(c),
    )
    return send(c, doc, 'page', untilNext, {})
  })

  app.get('/articles/:slug', async (c) => {
    const slug = c.req.param('slug')
    const { articles, start, untilNext } = visible()
    const article = articles.find((a) => a.slug === slug)
    if (!article) return c.notFound()
    const doc = await store.get(
      `article:${slug}@${start}`,
      async () => ({
        text: await renderArticle(corpus.site, siteUrl, article),
        contentType: HTML,
        updated: article.updated,
      }),
      defer(c),
    )
    return send(c, doc, 'page', untilNext, {})
  })

  return { feeds: [...Object.values(SITE_FEED_PATHS), '/feed'], pages: ['/', '/articles/:slug'] }
}
