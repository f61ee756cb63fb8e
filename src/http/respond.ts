/**
 * How every document leaves the app: memoised bytes and validators (documents.ts), the cache
 * policy for its kind, compression where this runtime compresses, the browser view of feeds,
 * and for feeds the CORS and Link headers.
 */
import type { Context } from 'hono'
import type { CachePolicy, Corpus } from '../core/corpus.ts'
import { whenReady } from '../feeds/snapshot.ts'
import type { FeedFormat, FeedView } from '../feeds/view.ts'
import { FEED_CONTENT_TYPES } from '../formats/media-types.ts'
import { renderFeed } from '../formats/render.ts'
import { redirectPage } from '../output/redirects.ts'
import { BROWSER_VARY, browserType, isPageLoad } from './browser-view.ts'
import { cacheControl, type ResponseKind, resolvePolicy } from './cache-policy.ts'
import { answer, type PreparedHeaders, prepareHeaders, sendDocument } from './conditional.ts'
import {
  type Compressor,
  createDocumentStore,
  type DocumentCache,
  type DocumentSource,
  type Encoding,
  type RenderedDocument,
} from './documents.ts'
import { chooseEncoding } from './encoding.ts'
import { feedLinks } from './links.ts'

const HTML = 'text/html; charset=utf-8'

/** Feeds are read cross-origin by web readers (JSON Feed especially), validators included. */
export const FEED_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Link',
}

type SendOptions = {
  kind: ResponseKind
  untilNext: number | null
  vary?: string
  /** Set for feeds: a browser's page load gets them with a type it displays. */
  format?: FeedFormat
  /** Set for feeds: the paths for the Link header, asked for once per variant, not per request. */
  paths?: (data: never) => Record<FeedFormat, string>
  data?: unknown
}

export type FeedRequest<T> = {
  /** Memo key: the scope (and archive page) and the visible set; the format is added. */
  key: string
  format: FeedFormat
  /**
   * What the feed shows, from `data`; asked for only when the document is not memoised (it may
   * read articles). Functions made once by the routes, with the request's `data`, rather than
   * closures made for every request.
   */
  view: (data: T) => FeedView | Promise<FeedView>
  /** The document's path in each format, for the Link header (asked for only when needed). */
  paths: (data: T) => Record<FeedFormat, string>
  data: T
  kind: ResponseKind
  untilNext: number | null
  vary?: string
}

export type PageRequest = {
  /** Memo key: the page and the visible set. */
  key: string
  render: () => Promise<string>
  /** The newest update the page shows, for Last-Modified. */
  updated: string | null
  untilNext: number | null
}

type ResponderOptions = { corpus: Corpus; siteUrl: string; compress?: Compressor; shared?: DocumentCache }

export function createResponder({ corpus, siteUrl, compress, shared }: ResponderOptions) {
  const store = createDocumentStore(shared)
  const policy = resolvePolicy(corpus.site.cache)
  const cacheControlOf = memoCacheControl(policy)
  // Per document variant: its 200 and 304 header sets, by Cache-Control value (which changes
  // only as a scheduled article comes within a lifetime of going live) and Vary.
  const prepared = new WeakMap<RenderedDocument, Map<string, PreparedHeaders>>()
  // The browser's copy of a feed variant: same bytes, another type (browser-view.ts).
  const retyped = new WeakMap<RenderedDocument, RenderedDocument>()

  /** Hands the shared-cache write to the Workers runtime, so the response need not wait. */
  const defer = (c: Context) => (work: Promise<unknown>) => {
    try {
      c.executionCtx.waitUntil(work)
    } catch {
      // No execution context (Node, app.request): the write simply finishes on its own.
    }
  }

  /**
   * Sends `doc` for this request: the compressed variant it accepts, the browser type for a page
   * load of a feed, the Cache-Control of the moment; a feed's CORS and Link headers too, worked
   * out only when the variant's header sets are first built.
   */
  const send = (c: Context, doc: RenderedDocument, options: SendOptions) => {
    let variant = doc
    let encoding: Encoding | undefined
    if (compress) {
      encoding = chooseEncoding(c)
      if (encoding) variant = store.encoded(doc, encoding, compress)
    }
    if (options.format && isPageLoad(c)) {
      const format = options.format
      let copy = retyped.get(variant)
      if (!copy) {
        copy = { ...variant, contentType: browserType(format) }
        retyped.set(variant, copy)
      }
      variant = copy
    }
    const cc = cacheControlOf(options.kind, options.untilNext)
    let byControl = prepared.get(variant)
    if (!byControl) {
      byControl = new Map()
      prepared.set(variant, byControl)
    }
    // /feed sends the same documents as /rss.xml and friends, but with `Vary: Accept`.
    const setKey = options.vary ? `${cc}|${options.vary}` : cc
    let sets = byControl.get(setKey)
    if (!sets) {
      const vary = options.vary ? [options.vary] : []
      if (options.format) vary.push(BROWSER_VARY)
      if (compress) vary.push('Accept-Encoding')
      const feedHeaders =
        options.paths && options.format
          ? {
              ...FEED_CORS,
              Link: feedLinks(siteUrl, options.paths(options.data as never), options.format, corpus.site.hub),
            }
          : undefined
      const headers: Record<string, string> = {
        ...feedHeaders,
        'Cache-Control': cc,
        'X-Content-Type-Options': 'nosniff',
      }
      if (vary.length) headers.Vary = vary.join(', ')
      sets = prepareHeaders(variant, headers, encoding)
      byControl.set(setKey, sets)
    }
    return answer(c, variant, sets)
  }

  /** `send` once the document is there: at once when it is memoised, after rendering if not. */
  const sendWhenReady = (
    c: Context,
    doc: RenderedDocument | Promise<RenderedDocument>,
    options: SendOptions,
  ): Response | Promise<Response> =>
    doc instanceof Promise ? doc.then((d) => send(c, d, options)) : send(c, doc, options)

  return {
    /** Renders a feed once per visible set and sends it. */
    feed<T>(c: Context, feed: FeedRequest<T>): Response | Promise<Response> {
      const { format } = feed
      const key = `${format}:${feed.key}`
      // A memoised document is sent at once, without making the closures a render needs (they
      // are written inline: see routes.ts on keepNames).
      const doc =
        store.ready(key) ??
        store.get(
          key,
          () =>
            whenReady(feed.view(feed.data), (view) => ({
              text: renderFeed(format, view),
              contentType: FEED_CONTENT_TYPES[format],
              updated: view.updated,
            })),
          defer(c),
        )
      // A feed request carries everything `send` reads (kind, untilNext, vary, format, paths).
      return sendWhenReady(c, doc, feed)
    },

    /** Renders an HTML page once per visible set and sends it. */
    page(c: Context, page: PageRequest): Response | Promise<Response> {
      const doc =
        store.ready(page.key) ??
        store.get(
          page.key,
          async () => ({ text: await page.render(), contentType: HTML, updated: page.updated }),
          defer(c),
        )
      return sendWhenReady(c, doc, { kind: 'page', untilNext: page.untilNext })
    },

    /**
     * 301 to `url` (RFC 9110 §15.4.2): an article's old address, or the other slash form of its
     * path. Kept as long as a page is, within the visible set (a move never outlives the article
     * it points to going live or away), with the short page that links there (redirects.ts).
     */
    moved(c: Context, url: string, untilNext: number | null): Response {
      const headers = {
        Location: url,
        'Content-Type': HTML,
        'Cache-Control': cacheControlOf('page', untilNext),
        'X-Content-Type-Options': 'nosniff',
      }
      if (c.req.method === 'HEAD') return c.body(null, 301, headers)
      return c.body(redirectPage(corpus.site.language, url), 301, headers)
    },

    /** A fixed asset (the feed stylesheet), memoised like any document, with its own policy. */
    async asset(
      c: Context,
      key: string,
      source: DocumentSource,
      cacheControlValue: string,
    ): Promise<Response> {
      const doc = await store.get(key, () => source, defer(c))
      return sendDocument(c, doc, { 'Cache-Control': cacheControlValue, 'X-Content-Type-Options': 'nosniff' })
    },
  }
}

/**
 * `cacheControl`, remembered: its value depends on the kind and on the seconds until the next
 * scheduled article only while that is within a lifetime (stale serving included); beyond, it is
 * the uncapped value. So a handful of strings serve every request.
 */
function memoCacheControl(policy: CachePolicy) {
  const horizon = Math.max(policy.maxAge, policy.sMaxAge, policy.pageMaxAge) + policy.staleWhileRevalidate
  const memo = new Map<string, string>()
  return (kind: ResponseKind, untilNext: number | null): string => {
    const capped = untilNext === null || untilNext > horizon ? null : untilNext
    const key = `${kind}:${capped}`
    let value = memo.get(key)
    if (value === undefined) {
      value = cacheControl(kind, policy, capped)
      if (memo.size >= 4096) memo.clear()
      memo.set(key, value)
    }
    return value
  }
}
