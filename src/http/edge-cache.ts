/**
 * Rendered documents in the Workers Cache API, shared by every isolate in a data centre, so a
 * cold isolate does not render again what a neighbour already has. Keys carry the deployment,
 * the corpus hash and the site URL, and the documents' own keys carry the visible set: a new
 * deploy, new content or a scheduled article going live can never meet an old entry.
 */
import type { DocumentCache, RenderedDocument } from './documents.ts'

// Entries are immutable under their keys; a day bounds how long an unused one takes space.
const ENTRY_LIFETIME = 'public, max-age=86400'

/** A `DocumentCache` over a Cache API `cache`, with keys under `namespace`. */
export function cacheApiDocuments(cache: Cache, namespace: string): DocumentCache {
  // The Cache API keys by URL; this host is never fetched.
  const url = (key: string) =>
    `https://documents.dateline.invalid/${encodeURIComponent(namespace)}/${encodeURIComponent(key)}`
  return {
    async get(key) {
      const res = await cache.match(url(key))
      if (!res) return null
      const etag = res.headers.get('ETag')
      const contentType = res.headers.get('Content-Type')
      if (!etag || !contentType) return null
      return {
        body: new Uint8Array(await res.arrayBuffer()),
        contentType,
        etag,
        lastModified: res.headers.get('Last-Modified'),
      } satisfies RenderedDocument
    },
    async put(key, doc) {
      const headers: Record<string, string> = {
        'Content-Type': doc.contentType,
        ETag: doc.etag,
        'Cache-Control': ENTRY_LIFETIME,
      }
      if (doc.lastModified) headers['Last-Modified'] = doc.lastModified
      await cache.put(url(key), new Response(doc.body as Uint8Array<ArrayBuffer>, { headers }))
    },
  }
}
