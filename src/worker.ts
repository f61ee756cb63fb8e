/** Workers entry: the corpus that `dateline build` wrote, served by the shared app. */
import type { ExecutionContext, Hono } from 'hono'
import corpus from '../build/corpus.json'
import { createApp } from './http/app.ts'

export type Env = { SITE_URL?: string }

let app: Hono | undefined

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    // Vars arrive with the first request, so the app is built then and kept for the isolate.
    app ??= createApp({ corpus, siteUrl: env.SITE_URL })
    return app.fetch(request, env, ctx)
  },
}
