/**
 * The Worker for one corpus: the shared app with what the Workers runtime adds (vars, the edge
 * cache, and for a corpus kept in pieces its static assets). src/runtime/worker.ts wires in the corpus
 * that `dateline build` wrote.
 */
import type { ExecutionContext, Hono } from 'hono'
import type { Corpus } from '../core/corpus.ts'
import { createApp } from '../http/app.ts'
import { cacheApiDocuments } from '../http/edge-cache.ts'
import { prepareDates } from '../http/pages.ts'
import { type FetchShard, ShardUnavailable } from '../shards/reader.ts'

export type Env = {
  SITE_URL?: string
  CF_VERSION_METADATA?: { id: string }
  /** wrangler.toml's static assets: media, and the pieces of a big corpus (src/shards). */
  ASSETS?: { fetch(request: Request): Promise<Response> }
}

export function workerFor(corpus: Corpus) {
  prepareDates(corpus.site)
  let app: Hono | undefined
  return {
    fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
      // Vars arrive with the first request, so the app is built then and kept for the isolate.
      app ??= createApp({
        corpus,
        siteUrl: env.SITE_URL,
        documentCache: edgeCache(env, corpus),
        fetchShard: corpus.shards ? assetPieces(env) : undefined,
      })
      return app.fetch(request, env, ctx)
    },
  }
}

function edgeCache(env: Env, corpus: Corpus) {
  if (typeof caches === 'undefined') return undefined
  const deployment = env.CF_VERSION_METADATA?.id ?? 'local'
  return cacheApiDocuments(
    (caches as unknown as { default: Cache }).default,
    `${deployment}/${corpus.hash}/${env.SITE_URL ?? ''}`,
  )
}

/**
 * Reads a piece through the `ASSETS` binding: no network, and not a subrequest. The pieces are
 * never served to the public (wrangler.toml's `run_worker_first` sends their paths here first,
 * and no route answers them).
 */
function assetPieces(env: Env): FetchShard {
  const assets = env.ASSETS
  return async (path) => {
    if (!assets) throw new ShardUnavailable(path, 'no ASSETS binding (wrangler.toml [assets] binding)')
    // The binding looks only at the path; the host is a placeholder.
    const res = await assets.fetch(new Request(`https://assets.invalid${path}`))
    if (!res.ok) throw new ShardUnavailable(path, `the static assets answered ${res.status}`)
    return res.json()
  }
}
