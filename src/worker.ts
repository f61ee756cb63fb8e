/** Workers entry: the corpus that `dateline build` wrote, served by the shared app. */
import type { ExecutionContext, Hono } from 'hono'
import corpus from '../build/corpus.json'
import { createApp } from './http/app.ts'
import { cacheApiDocuments } from './http/edge-cache.ts'

export type Env = { SITE_URL?: string; CF_VERSION_METADATA?: { id: string } }

let app: Hono | undefined

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    // Vars arrive with the first request, so the app is built then and kept for the isolate.
    app ??= createApp({ corpus, siteUrl: env.SITE_URL, documentCache: edgeCache(env) })
    return app.fetch(request, env, ctx)
  },
}

function edgeCache(env: Env) {
  if (typeof caches === 'undefined') return undefined
  const deployment = env.CF_VERSION_METADATA?.id ?? 'local'
  return cacheApiDocuments(
    (caches as unknown as { default: Cache }).default,
    `${deployment}/${corpus.hash}/${env.SITE_URL ?? ''}`,
  )
}
