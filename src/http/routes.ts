/**
 * The routes and what each one answers. Every handler reads the visible set for `now` first, so
 * a scheduled article appears everywhere at its time (feeds, pages, tag and author lists), and
 * memoises documents by that set.
 */
import type { Context, Hono } from 'hono'
import { accepts } from 'hono/accepts'
import type { Corpus } from '../corpus.ts'
import { parsePage } from '../feeds/archive.ts'
import { FEED_STYLESHEET_PATH } from '../feeds/browser-prolog.ts'
import { FORMAT_FILES, type Scope, scopePaths } from '../feeds/catalog.ts'
import { FEED_CONTENT_TYPES } from '../feeds/media-types.ts'
import { renderFeed } from '../feeds/render.ts'
import { newestUpdate, published } from '../feeds/select.ts'
import { createSnapshot, type Snapshot } from '../feeds/snapshot.ts'
import { archiveView, type FeedFormat, type FeedView, subscriptionView } from '../feeds/view.ts'
import { BROWSER_VARY, forBrowser } from './browser-view.ts'
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
import { FEED_CSS, FEED_CSS_CACHE_CONTROL } from './feed-css.ts'
import { feedLinks } from './links.ts'
import { renderArticle, renderIndex, renderScope } from './pages.ts'

const HTML = 'text/html; charset=utf-8'
const FORMATS = Object.keys(FORMAT_FILES) as FeedFormat[]

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

/** How to send a document: its cache policy, extra headers, and its format when it is a feed. */
type SendOptions = {
  kind: ResponseKind
  untilNext: number | null
  headers: Record<string, string>
  vary?: string
  format?: FeedFormat
}

type FeedRequest = {
  /** Memo key: the scope (and archive page) and the visible set; the format is added. */
  key: string
  format: FeedFormat
  view: () => FeedView
  /** The document's path in each format, for the Link header. */
  paths: Record<FeedFormat, string>
  kind: ResponseKind
  untilNext: number | null
  vary?: string
}

// Route patterns: the site's documents sit at the root, a tag's under /tags/:slug, an author's
// under /authors/:slug; archive pages under …/archive/:page.
const SCOPE_PREFIXES = ['', '/tags/:slug', '/authors/:slug'] as const

/** Adds every route to `app`; returns the patterns it serves so that other methods get 405. */
export function addRoutes(app: Hono, { corpus, siteUrl, now, compress, shared }: RouteContext): Routes {
  const store = createDocumentStore(shared)
  const policy = resolvePolicy(corpus.site.cache)
  const snapshots = new Map<number, Snapshot>()

  /** The visible set at this request's `now`, and the seconds until it next changes. */
  const visible = () => {
    const at = now()
    const { articles, start } = published(corpus, at)
    let snapshot = snapshots.get(start)
    if (!snapshot) {
      if (snapshots.size >= 16) snapshots.clear()
      snapshot = createSnapshot(start, articles)
      snapshots.set(start, snapshot)
    }
    const next = start > 0 ? Date.parse(corpus.articles[start - 1].date) : null
    return { snapshot, untilNext: next === null ? null : Math.max(1, Math.ceil((next - at) / 1000)) }
  }

  /** The scope a route names, or null (an unknown tag or author: 404). */
  const scopeFor = (c: Context, snapshot: Snapshot, prefix: string): Scope | null => {
    if (prefix === '') return { kind: 'site' }
    return snapshot.find(prefix.startsWith('/tags') ? 'tag' : 'author', c.req.param('slug') ?? '')
  }

  const defer = (c: Context) => (work: Promise<unknown>) => {
    try {
      c.executionCtx.waitUntil(work)
    } catch {
      // No execution context (Node, app.request): the write simply finishes on its own.
    }
  }

  /**
   * Sends the document, compressed when this runtime compresses and the client accepts it; a
   * feed (`format` given) goes to a browser's page load with a type it displays.
   */
  const send = (c: Context, doc: RenderedDocument, response: SendOptions) => {
    const vary = response.vary ? [response.vary] : []
    if (response.format) vary.push(BROWSER_VARY)
    let variant = doc
    let encoding: Encoding | undefined
    if (compress) {
      vary.push('Accept-Encoding')
      encoding = chooseEncoding(c)
      if (encoding) variant = store.encoded(doc, encoding, compress)
    }
    if (response.format) variant = forBrowser(c, variant, response.format)
    const all: Record<string, string> = {
      ...response.headers,
      'Cache-Control': cacheControl(response.kind, policy, response.untilNext),
      'X-Content-Type-Options': 'nosniff',
    }
    if (vary.length) all.Vary = vary.join(', ')
    return sendDocument(c, variant, all, encoding)
  }

  /** Renders (once per visible set) and sends a feed document. */
  const sendFeed = async (c: Context, feed: FeedRequest) => {
    const { format } = feed
    const doc = await store.get(
      `${format}:${feed.key}`,
      () => {
        const v = feed.view()
        return { text: renderFeed(format, v), contentType: FEED_CONTENT_TYPES[format], updated: v.updated }
      },
      defer(c),
    )
    const headers = { ...FEED_CORS, Link: feedLinks(siteUrl, feed.paths, format, corpus.site.hub) }
    return send(c, doc, { kind: feed.kind, untilNext: feed.untilNext, headers, vary: feed.vary, format })
  }

  const feeds: string[] = []
  for (const prefix of SCOPE_PREFIXES) {
    for (const format of FORMATS) {
      const path = `${prefix}/${FORMAT_FILES[format]}`
      feeds.push(path)
      app.get(path, (c) => {
        const { snapshot, untilNext } = visible()
        const scope = scopeFor(c, snapshot, prefix)
        if (!scope) return c.notFound()
        const articles = snapshot.articlesOf(scope)
        const view = () => subscriptionView(corpus.site, siteUrl, scope, articles)
        const key = `${scopeKey(scope)}@${snapshot.start}`
        return sendFeed(c, { key, format, view, paths: scopePaths(scope), kind: 'feed', untilNext })
      })
      const archivePath = `${prefix}/archive/:page/${FORMAT_FILES[format]}`
      feeds.push(archivePath)
      app.get(archivePath, (c) => {
        const { snapshot, untilNext } = visible()
        const scope = scopeFor(c, snapshot, prefix)
        const page = parsePage(c.req.param('page') ?? '')
        if (!scope || page === null) return c.notFound()
        const articles = snapshot.articlesOf(scope)
        const view = archiveView(corpus.site, siteUrl, scope, articles, page)
        if (!view) return c.notFound()
        const full = page * corpus.site.items <= articles.length
        const key = `${scopeKey(scope)}:archive:${page}@${snapshot.start}`
        const kind = full ? 'archive' : 'feed'
        return sendFeed(c, { key, format, view: () => view, paths: view.paths, kind, untilNext })
      })
    }
  }
  app.get('/feed', (c) => {
    const type = accepts(c, {
      header: 'Accept',
      supports: Object.keys(NEGOTIABLE),
      default: 'application/rss+xml',
    })
    const format = NEGOTIABLE[type]
    const { snapshot, untilNext } = visible()
    const view = () => subscriptionView(corpus.site, siteUrl, { kind: 'site' }, snapshot.articles)
    const paths = scopePaths({ kind: 'site' })
    const key = `site@${snapshot.start}`
    return sendFeed(c, { key, format, view, paths, kind: 'feed', untilNext, vary: 'Accept' })
  })
  feeds.push('/feed')

  const sendPage = async (
    c: Context,
    key: string,
    untilNext: number | null,
    render: () => Promise<string>,
    updated: string | null,
  ) => {
    const doc = await store.get(
      key,
      async () => ({ text: await render(), contentType: HTML, updated }),
      defer(c),
    )
    return send(c, doc, { kind: 'page', untilNext, headers: {} })
  }

  app.get('/', (c) => {
    const { snapshot, untilNext } = visible()
    const shown = snapshot.articles.slice(0, corpus.site.items)
    const render = () => renderIndex(corpus.site, siteUrl, shown, snapshot.tags, snapshot.authors)
    return sendPage(c, `index@${snapshot.start}`, untilNext, render, newestUpdate(snapshot.articles))
  })

  for (const prefix of ['/tags/:slug', '/authors/:slug']) {
    app.get(prefix, (c) => c.redirect(`${c.req.path}/`, 308))
    app.get(`${prefix}/`, (c) => {
      const { snapshot, untilNext } = visible()
      const scope = scopeFor(c, snapshot, prefix)
      if (!scope) return c.notFound()
      const articles = snapshot.articlesOf(scope)
      const shown = articles.slice(0, corpus.site.items)
      const render = () => renderScope(corpus.site, siteUrl, scope, shown)
      return sendPage(
        c,
        `page:${scopeKey(scope)}@${snapshot.start}`,
        untilNext,
        render,
        newestUpdate(articles),
      )
    })
  }

  app.get('/articles/:slug', (c) => {
    const slug = c.req.param('slug')
    const { snapshot, untilNext } = visible()
    const article = snapshot.articles.find((a) => a.slug === slug)
    if (!article) return c.notFound()
    const render = () => renderArticle(corpus.site, siteUrl, article)
    return sendPage(c, `article:${slug}@${snapshot.start}`, untilNext, render, article.updated)
  })

  // The stylesheet RSS and Atom name, so that a browser shows a feed as a page (feed-css.ts).
  app.get(FEED_STYLESHEET_PATH, async (c) => {
    const doc = await store.get('feed.css', () => FEED_CSS, defer(c))
    return sendDocument(c, doc, {
      'Cache-Control': FEED_CSS_CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
    })
  })

  const pages = [
    '/',
    '/articles/:slug',
    '/tags/:slug',
    '/tags/:slug/',
    '/authors/:slug',
    '/authors/:slug/',
    FEED_STYLESHEET_PATH,
  ]
  return { feeds, pages }
}

function scopeKey(scope: Scope): string {
  return scope.kind === 'site' ? 'site' : `${scope.kind}:${scope.slug}`
}
