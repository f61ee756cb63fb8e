/** The site's public URL: `SITE_URL` from the environment (Node) or `[vars]` (Workers). */
export const DEFAULT_SITE_URL = 'http://localhost:8787'

/**
 * Validates and normalises a site URL: absolute http(s), no query or fragment, no trailing slash
 * (paths are appended to it), so that every id and link built from it is the same string.
 * Throws a `[dateline]` error that says how to fix it.
 */
export function normaliseSiteUrl(value: string | undefined): string {
  const raw = value?.trim() || DEFAULT_SITE_URL
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`[dateline] SITE_URL "${raw}" is not a URL; set it like https://news.example.com`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`[dateline] SITE_URL "${raw}" must start with https:// or http://`)
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`[dateline] SITE_URL "${raw}" must not carry a query, fragment or credentials`)
  }
  return url.href.replace(/\/+$/, '')
}
