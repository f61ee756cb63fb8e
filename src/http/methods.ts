/**
 * Which methods each route answers. Every path is one route whose handler looks at the method,
 * rather than a GET route plus an OPTIONS route plus a catch-all 405 route: Hono runs a path that
 * matches one handler directly, and one that matches several through its middleware chain, which
 * costs more than the rest of a 304 does.
 */
import type { Context } from 'hono'
import { ERROR_CACHE_CONTROL } from './cache-policy.ts'
import { renderError } from './pages.ts'
import { FEED_CORS } from './respond.ts'

export const ERROR_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': ERROR_CACHE_CONTROL,
  'X-Content-Type-Options': 'nosniff',
}

type Handler = (c: Context) => Response | Promise<Response>

/** RFC 9110 §15.5.6: a known resource asked with another method is 405, with the methods it has. */
export const notAllowed = (c: Context, allow: string) =>
  c.body(renderError(405, 'This address only answers GET and HEAD.'), 405, { ...ERROR_HEADERS, Allow: allow })

// Web readers send If-None-Match cross-origin, which needs a CORS preflight (Fetch §3.2.2).
const PREFLIGHT = {
  ...FEED_CORS,
  'Access-Control-Allow-Methods': 'GET, HEAD',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
  'Access-Control-Max-Age': '86400',
  Allow: 'GET, HEAD, OPTIONS',
}

/** A feed: GET and HEAD, OPTIONS for CORS preflights, 405 for anything else. */
export function feedMethods(get: Handler): Handler {
  return (c) => {
    const method = c.req.method
    if (method === 'GET' || method === 'HEAD') return get(c)
    if (method === 'OPTIONS') return c.body(null, 204, PREFLIGHT)
    return notAllowed(c, 'GET, HEAD, OPTIONS')
  }
}

/** A page: GET and HEAD, 405 for anything else. */
export function pageMethods(get: Handler): Handler {
  return (c) => {
    const method = c.req.method
    return method === 'GET' || method === 'HEAD' ? get(c) : notAllowed(c, 'GET, HEAD')
  }
}
