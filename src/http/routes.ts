/**
 * The routes and what each one answers. Every handler reads the visible set for `now` first, so
 * a scheduled article appears everywhere at its time, and memoises by that set.
 */
import type { Context, Hono } from 'hono'
import { accepts } from 'hono/accepts'
import type { Article, Corpus } from '../corpus.ts'
import { FEED_CONTENT_TYPES, renderFeed } from '../feeds/render.ts'
import { newestUpdate, published } from '../feeds/select.ts'
import { type FeedFormat, SITE_FEED_PATHS, siteFeedView } from '../feeds/view.ts'
import { sendDocument } from './cache.ts'
import { createDocumentStore } from './documents.ts'
import { renderArticle, renderIndex } from './pages.ts'

export const FEED_CACHE_CONTROL = 'public, max-age=600'
export const PAGE_CACHE_CONTROL = 'public, max-age=300'
const HTML = 'text/html; charset=utf-8'

// Media types a reader may ask for at /feed, mapped to the format that answers (RSS by default).
const NEGOTIABLE: Record<string, FeedFormat> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
}

export type RouteContext = { corpus: Corpus; siteUrl: string; now: () => number }

/** Adds every route to `app`; returns the paths it serves so that other methods get 405. */
export function addRoutes(app: Hono, { corpus, siteUrl, now }: RouteContext): string[] {
  const store = createDocumentStore()
  const visible = () => published(corpus, now())

  const sendFeed = async (c: Context, format: FeedFormat, extra: Record<string, string> = {}) => {
    const { articles, start } = visible()
    const doc = await store.get(`${format}:site@${start}`, () => {
      const view = siteFeedView(corpus, siteUrl, articles)
      return {
        text: renderFeed(format, view),
        contentType: FEED_CONTENT_TYPES[format],
        updated: view.updated,
      }
    })
    return sendDocument(c, doc, { 'Cache-Control': FEED_CACHE_CONTROL, ...extra })
  }
  for (const format of Object.keys(SITE_FEED_PATHS) as FeedFormat[]) {
    app.get(SITE_FEED_PATHS[format], (c) => sendFeed(c, format))
  }
  app.get('/feed', (c) => {
    const type = accepts(c, {
      header: 'Accept',
      supports: Object.keys(NEGOTIABLE),
      default: 'application/rss+xml',
    })
    return sendFeed(c, NEGOTIABLE[type], { Vary: 'Accept' })
  })

  app.get('/', async (c) => {
    const { articles, start } = visible()
    const shown = articles.slice(0, corpus.site.items)
    const doc = await store.get(`index@${start}`, async () => ({
      text: await renderIndex(corpus.site, siteUrl, shown),
      contentType: HTML,
      updated: newestUpdate(shown),
    }))
    return sendDocument(c, doc, { 'Cache-Control': PAGE_CACHE_CONTROL })
  })

  app.get('/articles/:slug', async (c) => {
    const slug = c.req.param('slug')
    const { articles, start } = visible()
    const article = articles.find((a: Article) => a.slug === slug)
    if (!article) return c.notFound()
    const doc = await store.get(`article:${slug}@${start}`, async () => ({
      text: await renderArticle(corpus.site, siteUrl, article),
      contentType: HTML,
      updated: article.updated,
    }))
    return sendDocument(c, doc, { 'Cache-Control': PAGE_CACHE_CONTROL })
  })

  return [...Object.values(SITE_FEED_PATHS), '/feed', '/', '/articles/:slug']
}
