/**
 * The package's main entry (`import { dateline } from 'dateline'`): the app and the pure parts,
 * the same on Node, Workers and any other runtime Hono runs on.
 *
 * Nothing here may import a `node:` module, or a Workers bundle that imports this entry would
 * carry it (and fail to build without `nodejs_compat`). Loading a content folder reads files, so
 * `loadContent` and the Node server come from `dateline/node` (src/node-api.ts); a Worker gets its
 * corpus from the JSON that `dateline build` writes.
 */
import type { Hono } from 'hono'
import { type AppOptions, createApp } from './http/app.ts'

export type { Article, Author, CachePolicy, Corpus, Enclosure, Site } from './core/corpus.ts'
export { compareArticles } from './core/corpus.ts'
export { published } from './feeds/select.ts'
export { slugify } from './feeds/slug.ts'
export { type FeedFormat, type FeedView, siteFeedView } from './feeds/view.ts'
export { renderFeed } from './formats/render.ts'
export { type AppOptions, createApp }

/**
 * The publisher as a Hono app to mount in an existing one: `createApp` under the name to import.
 * `siteUrl` must be the public URL of the mount point, so that every link and id is under it.
 * Mount it with `route` (not `mount`, which hides the prefix from the routes that redirect), at
 * a prefix of its own: an unknown tag or article under it is dateline's 404, and any path none
 * of its routes match is left to the host.
 * @example
 * const app = new Hono()
 * app.get('/', (c) => c.text('home'))
 * app.route('/news', dateline({ corpus, siteUrl: 'https://example.com/news' }))
 * // GET /news/rss.xml, /news/atom.xml, /news/feed.json, /news/, /news/articles/{slug} …
 */
export function dateline(options: AppOptions): Hono {
  return createApp(options)
}
