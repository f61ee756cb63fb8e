/**
 * Cache-Control for each kind of response (RFC 9111 §5.2.2, RFC 5861 for the stale-* directives).
 * Lifetimes are minutes, not hours, so new articles reach readers quickly; and no response may be
 * reused past the moment the next scheduled article goes live, or readers would see it late.
 */
import type { CachePolicy } from '../core/corpus.ts'

export const DEFAULT_CACHE_POLICY: CachePolicy = {
  maxAge: 600,
  sMaxAge: 600,
  staleWhileRevalidate: 300,
  staleIfError: 86_400,
  pageMaxAge: 300,
}

/** Errors are never stored: the next request may well succeed (a scheduled article, a fix). */
export const ERROR_CACHE_CONTROL = 'no-store'

export type ResponseKind = 'feed' | 'page' | 'archive'

/**
 * A full archive page never changes (RFC 5005 §4: its membership is fixed), so caches may keep
 * it for a year without asking again (RFC 8246 `immutable`).
 */
export const ARCHIVE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

/**
 * The Cache-Control value for a document, capped so that no cache keeps it past `untilNext`
 * seconds from now (the next scheduled article), stale serving included.
 * @example cacheControl('feed', DEFAULT_CACHE_POLICY, 120) // 'public, max-age=120, s-maxage=120, stale-if-error=86400'
 */
export function cacheControl(kind: ResponseKind, policy: CachePolicy, untilNext: number | null): string {
  if (kind === 'archive') return ARCHIVE_CACHE_CONTROL
  const cap = (seconds: number) => (untilNext === null ? seconds : Math.min(seconds, untilNext))
  const fresh = cap(kind === 'feed' ? policy.maxAge : policy.pageMaxAge)
  const edge = cap(kind === 'feed' ? policy.sMaxAge : policy.pageMaxAge)
  // Stale serving starts when freshness ends; it too must end before the next article goes live.
  const room = untilNext === null ? Number.POSITIVE_INFINITY : untilNext - Math.max(fresh, edge)
  const swr = Math.max(0, Math.min(policy.staleWhileRevalidate, room))
  const parts = ['public', `max-age=${fresh}`, `s-maxage=${edge}`]
  if (swr > 0) parts.push(`stale-while-revalidate=${swr}`)
  // Serving a stale copy while the publisher fails never shows an article early or hides one
  // that was visible, so it is not capped.
  if (policy.staleIfError > 0) parts.push(`stale-if-error=${policy.staleIfError}`)
  return parts.join(', ')
}

/** The site's policy with defaults for what it leaves out. */
export function resolvePolicy(partial: Partial<CachePolicy> | undefined): CachePolicy {
  return { ...DEFAULT_CACHE_POLICY, ...partial }
}
