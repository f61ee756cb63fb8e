/** What a feed document shows, in a form every format renders from. */
import type { Article, Corpus, Site } from '../corpus.ts'
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
}

export const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00.000Z'

export const SITE_FEED_PATHS: Record<FeedFormat, string> = {
  rss: '/rss.xml',
  atom: '/atom.xml',
  json: '/feed.json',
}

/** The main subscription feed: the newest `site.items` published articles. */
export function siteFeedView(corpus: Corpus, siteUrl: string, published: Article[]): FeedView {
  const articles = published.slice(0, corpus.site.items)
  return {
    site: corpus.site,
    siteUrl,
    title: corpus.site.title,
    description: corpus.site.description,
    paths: SITE_FEED_PATHS,
    articles,
    updated: newestUpdate(articles) ?? EMPTY_FEED_UPDATED,
  }
}
