/** What a feed document shows, in a form every format renders from. */
import type { Article, Corpus, Site } from '../core/corpus.ts'
import { fullPages, newestPage, pageRange } from './archive.ts'
import { FORMAT_FILES, type Scope, scopeBase, scopePaths } from './catalog.ts'
import { newestUpdate } from './select.ts'

export type FeedFormat = 'rss' | 'atom' | 'json'

export type FeedView = {
  site: Site
  siteUrl: string
  title: string
  description: string
  /** The path of this feed in each format: self and alternate links. */
  paths: Record<FeedFormat, string>
  articles: Article[]
  /** The newest `updated` shown; a fixed epoch when the feed is empty, never the current time. */
  updated: string
  /** RFC 5005 paging links, each as the linked document's path in every format. */
  history?: History
  /** The articles' HTML is known to be free of characters XML cannot carry (Corpus.htmlClean). */
  htmlClean?: boolean
}

export type History = {
  /** An archive page (`fh:archive`), not a subscription document. */
  archived: boolean
  /** A subscription document that holds every article of its scope (`fh:complete`, §2). */
  complete?: boolean
  /** The subscription document (`rel="current"`), on archive pages. */
  current?: Record<FeedFormat, string>
  /** The next older page (`rel="prev-archive"`). */
  prev?: Record<FeedFormat, string>
  /** The next newer page (`rel="next-archive"`). */
  next?: Record<FeedFormat, string>
}

/**
 * `updated` of a feed with no articles: fixed, so an empty feed's bytes and ETag never change, and
 * plausible: the W3C validator warns "Implausible date" for anything before 1990 (a 1970 epoch).
 */
export const EMPTY_FEED_UPDATED = '2000-01-01T00:00:00.000Z'

export const SITE_FEED_PATHS: Record<FeedFormat, string> = {
  rss: '/rss.xml',
  atom: '/atom.xml',
  json: '/feed.json',
}

/** The main subscription feed: the newest `site.items` published articles. */
export function siteFeedView(corpus: Corpus, siteUrl: string, published: Article[]): FeedView {
  return subscriptionView(corpus.site, siteUrl, { kind: 'site' }, published, corpus.htmlClean)
}

/** "Site — Tag": the title of a scope's feeds and page. */
export function scopeTitle(site: Site, scope: Scope): string {
  return scope.kind === 'site' ? site.title : `${site.title} — ${scope.name}`
}

function scopeDescription(site: Site, scope: Scope): string {
  if (scope.kind === 'site') return site.description
  return scope.kind === 'tag'
    ? `Articles tagged “${scope.name}” on ${site.title}`
    : `Articles by ${scope.name} on ${site.title}`
}

/** An archive page's path in each format: `{scope}/archive/{page}/rss.xml` … */
export function archivePaths(scope: Scope, page: number): Record<FeedFormat, string> {
  const base = `${scopeBase(scope)}/archive/${page}`
  return {
    rss: `${base}/${FORMAT_FILES.rss}`,
    atom: `${base}/${FORMAT_FILES.atom}`,
    json: `${base}/${FORMAT_FILES.json}`,
  }
}

function view(
  site: Site,
  siteUrl: string,
  scope: Scope,
  paths: Record<FeedFormat, string>,
  articles: Article[],
  history: History,
  htmlClean: boolean,
): FeedView {
  return {
    site,
    siteUrl,
    title: scopeTitle(site, scope),
    description: scopeDescription(site, scope),
    paths,
    articles,
    updated: newestUpdate(articles) ?? EMPTY_FEED_UPDATED,
    history,
    ...(htmlClean ? { htmlClean } : {}),
  }
}

/**
 * A scope's subscription feed: its newest `site.items` published articles (`published` is the
 * scope's, newest first). When that is all of them it is a complete feed (RFC 5005 §2);
 * otherwise it links the newest archive page as `prev-archive` (§4).
 */
export function subscriptionView(
  site: Site,
  siteUrl: string,
  scope: Scope,
  published: Article[],
  htmlClean = false,
): FeedView {
  return subscriptionViewOf(site, siteUrl, scope, published.length, published.slice(0, site.items), htmlClean)
}

/**
 * `subscriptionView` from the scope's article count and its newest `site.items` articles only:
 * what a corpus kept in pieces (src/shards) reads for a request.
 */
export function subscriptionViewOf(
  site: Site,
  siteUrl: string,
  scope: Scope,
  count: number,
  newest: Article[],
  htmlClean = false,
): FeedView {
  const page = newestPage(count, site.items)
  const history: History =
    count <= site.items || page === null
      ? { archived: false, complete: true }
      : { archived: false, prev: archivePaths(scope, page) }
  return view(site, siteUrl, scope, scopePaths(scope), newest, history, htmlClean)
}

/**
 * Archive page `page` of a scope, or null when it does not exist. A scope whose feed is complete
 * has no archive: its pages would repeat the feed, with no archive links to follow.
 */
export function archiveView(
  site: Site,
  siteUrl: string,
  scope: Scope,
  published: Article[],
  page: number,
  htmlClean = false,
): FeedView | null {
  const range = archiveRange(site, published.length, page)
  if (!range) return null
  const articles = published.slice(range[0], range[1])
  return archiveViewOf(site, siteUrl, scope, published.length, page, articles, htmlClean)
}

/**
 * The positions (newest first) archive page `page` shows in a scope of `count` articles, or null
 * when the page does not exist (a complete feed has no archive).
 */
export function archiveRange(site: Site, count: number, page: number): [number, number] | null {
  return count <= site.items ? null : pageRange(count, page, site.items)
}

/** `archiveView` from the scope's count and the page's articles (`archiveRange`) only. */
export function archiveViewOf(
  site: Site,
  siteUrl: string,
  scope: Scope,
  count: number,
  page: number,
  articles: Article[],
  htmlClean = false,
): FeedView {
  const history: History = {
    archived: true,
    current: scopePaths(scope),
    ...(page > 1 ? { prev: archivePaths(scope, page - 1) } : {}),
    ...(page <= fullPages(count, site.items) ? { next: archivePaths(scope, page + 1) } : {}),
  }
  return view(site, siteUrl, scope, archivePaths(scope, page), articles, history, htmlClean)
}
