/**
 * Node entry: loads the content folder live, serves it with the shared app over
 * `@hono/node-server`, and reloads when a file changes. A broken change never takes the site
 * down: a file that stops parsing keeps its last good version, and a broken `site.yaml` keeps
 * the whole last good corpus, with every problem logged.
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import { createArticleCache } from '../content/article-cache.ts'
import { type LoadResult, loadContent, makeCorpus } from '../content/load.ts'
import { formatProblem } from '../content/problem.ts'
import type { Article } from '../core/corpus.ts'
import { createApp } from '../http/app.ts'
import { compressOnce } from '../http/compress-node.ts'
import { withMedia } from '../http/media-node.ts'
import { watchFolder } from './watch-tree.ts'

export type NodeServerOptions = {
  contentDir: string
  port: number
  /** Default: `http://localhost:{port}`. */
  siteUrl?: string
  hostname?: string
  /** Watch the content folder and reload on change (default true). */
  watch?: boolean
  log?: (line: string) => void
  clock?: () => number
}

export type NodeServer = {
  url: string
  port: number
  reload: () => Promise<void>
  close: () => Promise<void>
}

/** Starts the server; rejects (with every problem) when `site.yaml` is invalid at start-up. */
export async function startNodeServer(options: NodeServerOptions): Promise<NodeServer> {
  const log = options.log ?? ((line: string) => console.log(line))
  // What each file became, kept across reloads: an edit parses only the files it changed.
  const cache = createArticleCache()
  const clock = options.clock ?? Date.now
  const first = await loadContent(options.contentDir, { cache, now: clock() })
  if (first.siteProblems.length > 0) {
    throw new Error(`[dateline] site.yaml has problems:\n${first.siteProblems.map(formatProblem).join('\n')}`)
  }
  report(first, log)
  let last = first.corpus
  // Media come from the content folder, then the site's `static` folders (site.yaml).
  let roots = [options.contentDir, ...first.staticDirs]
  let siteUrl = options.siteUrl
  let app: Hono | undefined
  const server = serve({
    fetch: withMedia(
      () => roots,
      (request) => (app as Hono).fetch(request),
    ),
    port: options.port,
    hostname: options.hostname,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const port = (server.address() as AddressInfo).port
  // An empty SITE_URL (`SITE_URL= npm start`) means unset, as in the Worker.
  siteUrl ||= `http://localhost:${port}`
  app = createApp({ corpus: last, siteUrl, clock: options.clock, compress: compressOnce, standalone: true })

  const load = async () => {
    const next = await loadContent(options.contentDir, { cache, now: clock() })
    if (next.siteProblems.length > 0) {
      for (const p of next.siteProblems) log(formatProblem(p))
      log('[dateline] site.yaml is broken: still serving the last good version of the site')
      return
    }
    report(next, log)
    roots = [options.contentDir, ...next.staticDirs]
    const broken = new Set(next.rejected)
    const kept: Article[] = []
    for (const a of last.articles) {
      if (!broken.has(a.source)) continue
      kept.push(a)
      log(`[dateline] ${a.source}: kept its last good version until the problem is fixed`)
    }
    last = kept.length ? makeCorpus(next.corpus.site, [...next.corpus.articles, ...kept]) : next.corpus
    app = createApp({ corpus: last, siteUrl, clock: options.clock, compress: compressOnce, standalone: true })
    log(`[dateline] reloaded: ${last.articles.length} articles`)
    expireAt(next.nextExpiry)
  }

  // An article past its expiryDate leaves every feed at that moment: the files are loaded again
  // then (the load decides what has expired), as a scheduled article needs no reload to appear.
  let expiry: NodeJS.Timeout | undefined
  const expireAt = (at: number | undefined) => {
    clearTimeout(expiry)
    if (at === undefined) return
    // setTimeout takes at most 2^31-1 ms (~24.8 days); a later expiry is waited for in steps.
    const wait = Math.min(Math.max(at - clock(), 0) + 1, 2 ** 31 - 1)
    expiry = setTimeout(() => {
      if (clock() >= at) reload().catch((e) => log(`[dateline] reload failed: ${(e as Error).message}`))
      else expireAt(at)
    }, wait)
    expiry.unref()
  }
  expireAt(first.nextExpiry)

  // One load at a time, so an older one can never finish last and win; changes made during a
  // load are picked up by one more, shared by every reload asked for meanwhile.
  let running: Promise<void> | undefined
  let queued: Promise<void> | undefined
  const reload = (): Promise<void> => {
    if (!running) {
      running = load().finally(() => {
        running = undefined
      })
      return running
    }
    queued ??= running
      .catch(() => {})
      .then(() => {
        queued = undefined
        return reload()
      })
    return queued
  }

  const watcher =
    options.watch === false
      ? undefined
      : watchFolder(
          options.contentDir,
          (name) => {
            log(`[dateline] ${name ?? 'content folder'} changed`)
            reload().catch((e) => log(`[dateline] reload failed: ${(e as Error).message}`))
          },
          {
            onMissing: () =>
              log(
                `[dateline] ${options.contentDir} is gone: still serving the last good version until it is back`,
              ),
          },
        )
  return {
    url: siteUrl,
    port,
    reload,
    close: () =>
      new Promise((resolve) => {
        watcher?.close()
        clearTimeout(expiry)
        server.close(() => resolve())
      }),
  }
}

function report(result: LoadResult, log: (line: string) => void) {
  for (const w of result.warnings) log(`[dateline] warning: ${w}`)
  for (const p of result.problems) log(formatProblem(p))
  if (result.problems.length > 0) {
    log(`[dateline] ${result.problems.length} problem(s): those files are not published until fixed`)
  }
}
