/**
 * How every document leaves the app: memoised bytes and validators (documents.ts), the cache
 * policy for its kind, compression where this runtime compresses, the browser view of feeds,
 * and for feeds the CORS and Link headers.
 */
import type { Context } from 'hono'
import type { Corpus } from '../corpus.ts'
import { FEED_CONTENT_TYPES } from '../feeds/media-types.ts'
import { renderFeed } from '../feeds/render.ts'
import type { FeedFormat, FeedView } from '../feeds/view.ts'
import { BROWSER_VARY, forBrowser } from './browser-view.ts'
import { sendDocument } from './cache.ts'
import { cacheControl, type ResponseKind, resolvePolicy } from './cache-policy.ts'
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
  headers?: Record<string, string>
  vary?: string
  /** Set for feeds: a browser's page load gets them with a type it displays. */
  format?: FeedFormat
}

export type FeedRequest = {
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

  /** Hands the shared-cache write to the Workers runtime, so the response need not wait. */
  const defer = (c: Context) => (work: Promise<unknown>) => {
    try {
      c.executionCtx.waitUntil(work)
    } catch {
      // No execution context (Node, app.request): the write simply finishes on its own.
    }
  }

  const send = (c: Context, doc: RenderedDocument, options: SendOptions) => {
    const vary = options.vary ? [options.vary] : []
    if (options.format) vary.push(BROWSER_VARY)
    let variant = doc
    let encoding: Encoding | undefined
    if (compress) {
      vary.push('Accept-Encoding')
      encoding = chooseEncoding(c)
      if (encoding) variant = store.encoded(doc, encoding, compress)
    }
    if (options.format) variant = forBrowser(c, variant, options.format)
    const headers: Record<string, string> = {
      ...options.headers,
      'Cache-Control': cacheControl(options.kind, policy, options.untilNext),
      'X-Content-Type-Options': 'nosniff',
    }
    if (vary.length) headers.Vary = vary.join(', ')
    return sendDocument(c, variant, headers, encoding)
  }

  return {
    /** Renders a feed once per visible set and sends it. */
    async feed(c: Context, feed: FeedRequest): Promise<Response> {
      const { format } = feed
      const render = () => {
        const view = feed.view()
        return {
          text: renderFeed(format, view),
          contentType: FEED_CONTENT_TYPES[format],
          updated: view.updated,
        }
      }
      const doc = await store.get(`${format}:${feed.key}`, render, defer(c))
      const headers = { ...FEED_CORS, Link: feedLinks(siteUrl, feed.paths, format, corpus.site.hub) }
      return send(c, doc, { kind: feed.kind, untilNext: feed.untilNext, headers, vary: feed.vary, format })
    },

    /** Renders an HTML page once per visible set and sends it. */
    async page(c: Context, page: PageRequest): Promise<Response> {
      const render = async () => ({ text: await page.render(), contentType: HTML, updated: page.updated })
      const doc = await store.get(page.key, render, defer(c))
      return send(c, doc, { kind: 'page', untilNext: page.untilNext })
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
