import { describe, expect, it } from 'vitest'
import { cacheControl, DEFAULT_CACHE_POLICY, resolvePolicy } from '../../src/http/cache-policy.ts'

describe('cacheControl', () => {
  it('gives feeds minutes, not hours, with stale serving for the edge and for errors', () => {
    expect(cacheControl('feed', DEFAULT_CACHE_POLICY, null)).toBe(
      'public, max-age=600, s-maxage=600, stale-while-revalidate=300, stale-if-error=86400',
    )
  })

  it('uses the page lifetime for pages', () => {
    expect(cacheControl('page', resolvePolicy({ pageMaxAge: 120 }), null)).toMatch(
      /^public, max-age=120, s-maxage=120,/,
    )
  })

  it('caps every lifetime at the next scheduled article', () => {
    expect(cacheControl('feed', DEFAULT_CACHE_POLICY, 45)).toBe(
      'public, max-age=45, s-maxage=45, stale-if-error=86400',
    )
  })

  it('shortens stale-while-revalidate so stale serving also ends in time', () => {
    expect(cacheControl('feed', DEFAULT_CACHE_POLICY, 700)).toBe(
      'public, max-age=600, s-maxage=600, stale-while-revalidate=100, stale-if-error=86400',
    )
  })

  it('leaves the policy alone when the next article is far away', () => {
    expect(cacheControl('feed', DEFAULT_CACHE_POLICY, 10_000)).toBe(
      cacheControl('feed', DEFAULT_CACHE_POLICY, null),
    )
  })

  it('takes the site policy over the defaults, key by key', () => {
    const policy = resolvePolicy({ maxAge: 60, staleIfError: 0 })
    expect(cacheControl('feed', policy, null)).toBe(
      'public, max-age=60, s-maxage=600, stale-while-revalidate=300',
    )
  })
})
