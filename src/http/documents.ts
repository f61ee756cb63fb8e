/**
 * Rendered documents with their validators, computed once per document and reused by every
 * request: the bytes are encoded and hashed when the document is first asked for, never per
 * request (Hono's `etag` middleware would hash every body on every request).
 */

export type RenderedDocument = {
  body: Uint8Array
  contentType: string
  /** Strong validator from the body's SHA-256 (RFC 9110 §8.8.3). */
  etag: string
  /** HTTP-date of the newest update the document shows (RFC 9110 §8.8.2), if any. */
  lastModified: string | null
}

export type DocumentSource = { text: string; contentType: string; updated: string | null }

const MAX_ENTRIES = 1000
const encoder = new TextEncoder()

/**
 * A memo of documents by key. The key must name everything the document depends on besides the
 * corpus (which is fixed for the store's lifetime): its path and the visible set.
 */
export function createDocumentStore() {
  const memo = new Map<string, Promise<RenderedDocument>>()
  return {
    get(key: string, render: () => DocumentSource | Promise<DocumentSource>): Promise<RenderedDocument> {
      let doc = memo.get(key)
      if (!doc) {
        if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value as string)
        doc = finish(render())
        memo.set(key, doc)
        doc.catch(() => memo.delete(key))
      }
      return doc
    },
  }
}

async function finish(pending: DocumentSource | Promise<DocumentSource>): Promise<RenderedDocument> {
  const source = await pending
  const body = encoder.encode(source.text)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body))
  let b64 = ''
  for (const byte of digest.subarray(0, 18)) b64 += String.fromCharCode(byte)
  const tag = btoa(b64).replace(/\+/g, '-').replace(/\//g, '_')
  return {
    body,
    contentType: source.contentType,
    etag: `"${tag}"`,
    lastModified: source.updated ? new Date(source.updated).toUTCString() : null,
  }
}
