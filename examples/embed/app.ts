/**
 * An existing Hono app, with pages of its own, that publishes a content folder under /news with
 * dateline: feeds at /news/rss.xml, /news/atom.xml and /news/feed.json, pages at /news/.
 *
 *   npx tsx examples/embed/app.ts      # PORT (default 8788), SITE_URL (default http://localhost:PORT)
 */
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Corpus, dateline } from 'dateline'
import { formatProblem, loadContent } from 'dateline/node'
import { Hono } from 'hono'

/** Where the publisher lives in this app; its `siteUrl` is the public URL of this path. */
export const NEWS = '/news'

export type EmbedOptions = {
  corpus: Corpus
  /** The public URL of the host app, without a trailing slash: `https://example.com`. */
  origin: string
  /** The content folder, for the images and enclosures its articles name. */
  contentDir: string
}

/**
 * The host app: its own routes, then dateline under {@link NEWS}.
 * @example const app = buildApp({ corpus, origin: 'https://example.com', contentDir: 'content' })
 */
export function buildApp({ corpus, origin, contentDir }: EmbedOptions): Hono {
  const app = new Hono()
  app.get('/', (c) =>
    c.html(`<!doctype html><title>Riverside</title><h1>Riverside</h1>
<p><a href="${NEWS}/">News</a> (<a href="${NEWS}/rss.xml">RSS</a>) · <a href="/about">About us</a></p>`),
  )
  app.get('/about', (c) => c.text('Riverside is a town on a river.'))
  // Articles name their images by path (`image: /media/ferry.svg`), which the feeds make absolute
  // under the site URL: /news/media/ferry.svg. The publisher serves feeds and pages only, so the
  // host serves the media folder there (and never the article sources beside it).
  app.use(
    `${NEWS}/media/*`,
    serveStatic({ root: contentDir, rewriteRequestPath: (p) => p.slice(NEWS.length) }),
  )
  app.route(NEWS, dateline({ corpus, siteUrl: `${origin}${NEWS}` }))
  return app
}

/** Loads the content folder and serves the host app on `port`. */
async function main(contentDir: string, port: number, origin: string) {
  const { corpus, problems, siteProblems } = await loadContent(contentDir)
  for (const p of [...siteProblems, ...problems]) console.warn(formatProblem(p))
  if (siteProblems.length > 0) process.exit(1)
  serve({ fetch: buildApp({ corpus, origin, contentDir }).fetch, port }, () =>
    console.log(`serving at http://localhost:${port}/ (news at ${origin}${NEWS}/)`),
  )
}

// Started as a program, not when a test imports buildApp.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8788)
  await main(process.env.CONTENT_DIR ?? 'content', port, process.env.SITE_URL ?? `http://localhost:${port}`)
}
