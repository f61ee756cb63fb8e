/**
 * The routes and what each one answers. Every handler reads the visible set for `now` first, so
 * a scheduled article appears everywhere at its time (feeds, pages, tag and author lists), and
 * documents are memoised by that set (respond.ts).
 */
import type { Context, Hono } from 'hono'
import { accepts } from 'hono/accepts'
import type { Article, Corpus } from '../core/corpus.ts'
import { parsePage } from '../feeds/archive.ts'
import { FORMAT_FILES, type Scope, scopePaths } from '../feeds/catalog.ts'
import { createSnapshot, type Snapshot, whenReady } from '../feeds/snapshot.ts'
import { permalink } from '../feeds/urls.ts'
import {
  archivePaths,
  archiveRange,
  archiveViewOf,
  type FeedFormat,
  subscriptionViewOf,
} from '../feeds/view.ts'
import { FEED_STYLESHEET_PATH } from '../formats/browser-prolog.ts'
import { createShardReader, type FetchShard } from '../shards/reader.ts'
import { createShardedSnapshot } from '../shards/shard-snapshot.ts'
import type { Compressor, DocumentCache } from './documents.ts'
import { FEED_CSS, FEED_CSS_CACHE_CONTROL } from './feed-css.ts'
import { feedMethods, notAllowed, pageMethods } from './methods.ts'
import { renderArticle, renderIndex, renderScope } from './pages.ts'
import { type Found, findExact, findOtherForm, pathInApp } from './path-lookup.ts'
import { createResponder } from './respond.ts'
import { createVisibility } from './visibility.ts'

const FORMATS = Object.keys(FORMAT_FILES) as FeedFormat[]
const SITE: Scope = { kind: 'site' }

// Media types a reader may ask for at /feed, mapped to the format that answers (RSS by default).
const NEGOTIABLE: Record<string, FeedFormat> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
}

// Route patterns: the site's documents sit at the root, a tag's under /tags/:slug, an author's
// under /authors/:slug; archive pages under …/archive/:page.
const SCOPE_PREFIXES = ['', '/tags/:slug', '/authors/:slug'] as const

/** What the routes hand a feed's view and paths: the visible set, the scope, the archive page (0: none). */
type FeedData = { snapshot: Snapshot; scope: Scope; page: number }

export type RouteContext = {
  corpus: Corpus
  siteUrl: string
  now: () => number
  compress?: Compressor
  shared?: DocumentCache
  /** Reads the pieces of a corpus kept in static assets (`corpus.shards`). */
  fetchShard?: FetchShard
  /** Never mounted in another app: no route for a mounted index (app.ts). */
  standalone?: boolean
  /**
   * The 404 answer. Not `c.notFound()`: in an app mounted in another (`host.route('/news', app)`)
   * that is the host's handler, and an unknown tag or article is ours to answer.
   */
  notFound: (c: Context) => Response
}

/** Adds every route to `app`, each answering its methods (methods.ts). */
export function addRoutes(
  app: Hono,
  { corpus, siteUrl, now, compress, shared, fetchShard, standalone, notFound }: RouteContext,
): void {
  const respond = createResponder({ corpus, siteUrl, compress, shared })
  const visible = createVisibility(corpus, now, snapshotMaker(corpus, fetchShard))
  const { site } = corpus
  const htmlClean = corpus.htmlClean === true

  /** The scope a route names, or null (an unknown tag or author: 404). */
  const scopeFor = (c: Context, snapshot: Snapshot, prefix: string): Scope | null => {
    if (prefix === '') return SITE
    return snapshot.find(prefix.startsWith('/tags') ? 'tag' : 'author', c.req.param('slug') ?? '')
  }

  // What a feed document shows and where it is: made only when it is not memoised.
  const subscription = ({ snapshot, scope }: FeedData) =>
    whenReady(snapshot.slice(scope, 0, site.items), (newest) =>
      subscriptionViewOf(site, siteUrl, scope, snapshot.count(scope), newest, htmlClean),
    )
  const subscriptionPaths = ({ scope }: FeedData) => scopePaths(scope)
  const archive = ({ snapshot, scope, page }: FeedData) => {
    const count = snapshot.count(scope)
    const [from, to] = archiveRange(site, count, page) ?? [0, 0]
    return whenReady(snapshot.slice(scope, from, to), (articles) =>
      archiveViewOf(site, siteUrl, scope, count, page, articles, htmlClean),
    )
  }
  const archivePagePaths = ({ scope, page }: FeedData) => archivePaths(scope, page)

  for (const prefix of SCOPE_PREFIXES) {
    for (const format of FORMATS) {
      const path = `${prefix}/${FORMAT_FILES[format]}`
      app.all(
        path,
        feedMethods((c) => {
          const { snapshot, untilNext } = visible()
          const scope = scopeFor(c, snapshot, prefix)
          if (!scope) return notFound(c)
          // The view and paths are made by functions made once (below), from the request's data:
          // no closure per request (the bundler's keepNames gives each a `__name` call, tsx and
          // wrangler both). The articles are read only when the document is not memoised.
          return respond.feed(c, {
            key: `${scopeKey(scope)}@${snapshot.start}`,
            format,
            view: subscription,
            paths: subscriptionPaths,
            data: { snapshot, scope, page: 0 },
            kind: 'feed',
            untilNext,
          })
        }),
      )

      const archivePath = `${prefix}/archive/:page/${FORMAT_FILES[format]}`
      app.all(
        archivePath,
        feedMethods((c) => {
          const { snapshot, untilNext } = visible()
          const scope = scopeFor(c, snapshot, prefix)
          const page = parsePage(c.req.param('page') ?? '')
          if (!scope || page === null) return notFound(c)
          const count = snapshot.count(scope)
          const range = archiveRange(site, count, page)
          if (!range) return notFound(c)
          // A full page never changes (archive.ts); the page being filled is a feed like any other.
          const kind = page * site.items <= count ? 'archive' : 'feed'
          const key = `${scopeKey(scope)}:archive:${page}@${snapshot.start}`
          return respond.feed(c, {
            key,
            format,
            view: archive,
            paths: archivePagePaths,
            data: { snapshot, scope, page },
            kind,
            untilNext,
          })
        }),
      )
    }
  }

  app.all(
    '/feed',
    feedMethods((c) => {
      const type = accepts(c, {
        header: 'Accept',
        supports: Object.keys(NEGOTIABLE),
        default: 'application/rss+xml',
      })
      const format = NEGOTIABLE[type]
      const { snapshot, untilNext } = visible()
      return respond.feed(c, {
        key: `site@${snapshot.start}`,
        format,
        view: subscription,
        paths: subscriptionPaths,
        data: { snapshot, scope: SITE, page: 0 },
        kind: 'feed',
        untilNext,
        vary: 'Accept',
      })
    }),
  )

  const index = (c: Context) => {
    const { snapshot, untilNext } = visible()
    return respond.page(c, {
      key: `index@${snapshot.start}`,
      render: async () =>
        renderIndex(
          site,
          siteUrl,
          await snapshot.slice(SITE, 0, site.items),
          snapshot.tags,
          snapshot.authors,
        ),
      updated: snapshot.updated(SITE),
      untilNext,
    })
  }
  // Mounted in another app (`host.route('/news', app)`), '/' becomes '/news', but every link names
  // the index '/news/' (`${siteUrl}/`), a path Hono never merges a route into: '/news' redirects
  // there, as '/tags/x' does, and the empty-parameter route below serves it.
  app.all(
    '/',
    pageMethods((c) => (c.req.path.endsWith('/') ? index(c) : withSlash(c))),
  )

  for (const prefix of ['/tags/:slug', '/authors/:slug']) {
    app.all(prefix, pageMethods(withSlash))
    app.all(
      `${prefix}/`,
      pageMethods((c) => {
        const { snapshot, untilNext } = visible()
        const scope = scopeFor(c, snapshot, prefix)
        if (!scope) return notFound(c)
        return respond.page(c, {
          key: `page:${scopeKey(scope)}@${snapshot.start}`,
          render: async () => renderScope(site, siteUrl, scope, await snapshot.slice(scope, 0, site.items)),
          updated: snapshot.updated(scope),
          untilNext,
        })
      }),
    )
  }

  // One article's page, the same document at /articles/{slug} or at its own path.
  const articlePage = (c: Context, article: Article, snapshot: Snapshot, untilNext: number | null) =>
    respond.page(c, {
      key: `article:${article.slug}@${snapshot.start}`,
      render: () => renderArticle(site, siteUrl, article),
      updated: article.updated,
      untilNext,
    })

  // An article found by its slug: its page, or a move to its own path (RFC 9110 §15.4.2).
  const bySlug = (article: Article | undefined): Found | undefined =>
    article && { article, page: article.path === undefined }

  // Some article has a path of its own (a permalink) or old paths (aliases): they are looked up
  // when no other route answers (path-lookup.ts). A site without any adds no route for them.
  const hasPaths =
    corpus.shards?.paths === true ||
    corpus.articles.some((a) => a.path !== undefined || a.aliases !== undefined)
  // The answer at the request's path among the articles with paths of their own, or undefined:
  // an article's page or alias, else (at /articles/{slug}) the article with that slug, else a
  // move from the other slash form. Read in that order, since /articles/x/ may be a permalink
  // while /articles/x is another article's page.
  const atPath = async (c: Context, slug?: string): Promise<Response | undefined> => {
    const { snapshot, untilNext } = visible()
    const path = pathInApp(c)
    const found =
      (await findExact(snapshot, path)) ??
      (slug === undefined ? undefined : bySlug(await snapshot.article(slug))) ??
      (await findOtherForm(snapshot, path))
    if (!found) return undefined
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return notAllowed(c, 'GET, HEAD')
    if (found.page) return articlePage(c, found.article, snapshot, untilNext)
    return respond.moved(c, permalink(siteUrl, found.article), untilNext)
  }

  app.all(
    '/articles/:slug',
    pageMethods((c) => {
      const slug = c.req.param('slug') ?? ''
      if (hasPaths) return atPath(c, slug).then((r) => r ?? notFound(c))
      const { snapshot, untilNext } = visible()
      // In memory the article is there at once; kept in pieces, it may be read first.
      return whenReady(snapshot.article(slug), (article) =>
        article ? articlePage(c, article, snapshot, untilNext) : notFound(c),
      )
    }),
  )

  // The stylesheet RSS and Atom name, so that a browser shows a feed as a page (feed-css.ts).
  app.all(
    FEED_STYLESHEET_PATH,
    pageMethods((c) => respond.asset(c, 'feed.css', FEED_CSS, FEED_CSS_CACHE_CONTROL)),
  )

  // Mounted, the index is '/news/', which no route above matches ('/' became '/news'). A
  // parameter that can only be empty matches exactly that path (and '/' standalone, which the
  // route above answers first).
  if (!standalone) app.all('/:root{(?:)}', pageMethods(index))

  // Last, so that it shadows no route above: what none of them matched may be an article's path.
  // A path with no article goes on to the 404 (mounted in another app, to the host's). A route
  // matched with this one costs Hono its middleware chain (~0.1 us a request with RegExpRouter,
  // ~0.8 us with TrieRouter, measured), hence only for a site that has such paths.
  if (hasPaths) app.use('/*', async (c, next) => (await atPath(c)) ?? next())
}

/**
 * Redirects to the same path with a slash added (308, RFC 9110 §15.4.9). The path is taken from the
 * URL as received, still percent-encoded: `c.req.path` is decoded, and `/tags/%0d%0a` or `/tags/a%20`
 * would put CR, LF, NUL, DEL or a space in Location, which no field value may carry (RFC 9110 §5.5)
 * and no URI-reference holds (RFC 3986 §2; the app answered 500), and `/tags/%C3%A9` went out as a
 * raw Latin-1 byte.
 */
function withSlash(c: Context): Response {
  return c.redirect(`${new URL(c.req.url).pathname}/`, 308)
}

function scopeKey(scope: Scope): string {
  return scope.kind === 'site' ? 'site' : `${scope.kind}:${scope.slug}`
}

/** In-memory snapshots, or for a corpus kept in pieces snapshots that read them (src/shards). */
function snapshotMaker(corpus: Corpus, fetchShard?: FetchShard) {
  const { shards } = corpus
  if (!shards) return createSnapshot
  if (!fetchShard)
    throw new Error('this corpus keeps its articles in static assets: createApp needs `fetchShard`')
  const reader = createShardReader(shards, fetchShard)
  return (start: number, live: Article[]) => createShardedSnapshot(start, live, shards, reader)
}
