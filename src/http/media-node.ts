/**
 * Media files of the content folder (images, audio, video, PDF) on the Node server: the files
 * articles name as `image` or enclosure, at the same paths as under `content/`. On Workers the
 * same files are static assets (`dateline build` copies them to build/public).
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono, type Next } from 'hono'
import { MEDIA_TYPES } from '../content/mime-types.ts'
import { isUnpublishedName } from '../content/published-names.ts'

const MEDIA_PATH = new RegExp(`\\.(${Object.keys(MEDIA_TYPES).join('|')})$`, 'i')

/**
 * A fetch handler that answers GET/HEAD for media files under `contentDir` (and then the site's
 * `static` folders, in order: `roots` gives them all, and may change on a reload) and hands every
 * other request (and a media path with no file) to `next`. Article sources and site.yaml never
 * match: only the media extensions are served.
 */
export function withMedia(
  contentDir: string | (() => string[]),
  next: (request: Request) => Response | Promise<Response>,
) {
  const app = new Hono()
  const roots = typeof contentDir === 'string' ? () => [contentDir] : contentDir
  const servers = new Map<string, ReturnType<typeof serveStatic>>()
  const serverOf = (root: string) => {
    let server = servers.get(root)
    if (!server) {
      server = serveStatic({ root })
      servers.set(root, server)
    }
    return server
  }
  // The first root that has the file serves it; the content folder comes first.
  const files = (c: Context, nextHandler: Next) => {
    const parts = c.req.path.split('/').filter(Boolean)
    const root = roots().find((r) => statSync(join(r, ...parts), { throwIfNoEntry: false })?.isFile())
    return serverOf(root ?? roots()[0])(c, nextHandler)
  }
  app.on(['GET', 'HEAD'], '*', async (c, nextHandler) => {
    const { path } = c.req
    // Only what `dateline build` and `export` publish: nothing under a name they skip.
    const unpublished = path.split('/').some(isUnpublishedName)
    if (!MEDIA_PATH.test(path) || path.includes('%') || unpublished) return nextHandler()
    const res = await files(c, nextHandler)
    if (res) {
      res.headers.set('Cache-Control', 'public, max-age=3600')
      res.headers.set('X-Content-Type-Options', 'nosniff')
    }
    return res
  })
  app.all('*', (c) => next(c.req.raw))
  // A path serveStatic refuses (percent-encoded slashes, say) is not a media file: the app answers.
  app.onError((_err, c) => next(c.req.raw))
  return (request: Request) => app.fetch(request)
}
