/**
 * Rendered documents with their validators, computed once per document and reused by every
 * request: the bytes are encoded and hashed when the document is first asked for, never per
 * request (Hono's `etag` middleware would hash every body on every request). Compressed variants
 * are made once too, the first time a client accepts them.
 */

export type Encoding = 'br' | 'gzip'

export type RenderedDocument = {
  body: Uint8Array
  contentType: string
  /** Strong validator from the body's SHA-256 (RFC 9110 §8.8.3). */
  etag: string
  /** HTTP-date of the newest update the document shows (RFC 9110 §8.8.2), if any. */
  lastModified: string | null
}

export type DocumentSource = { text: string; contentType: string; updated: string | null }

/** A second level behind the in-memory memo, shared by many processes (the Workers Cache API). */
export type DocumentCache = {
  get(key: string): Promise<RenderedDocument | null>
  put(key: string, doc: RenderedDocument): Promise<void>
}

/** Compresses a body; supplied by the Node entry (on Workers the platform compresses). */
export type Compressor = (body: Uint8Array, encoding: Encoding) => Uint8Array

const MAX_ENTRIES = 1000
const encoder = new TextEncoder()

/**
 * A memo of documents by key. The key must name everything the document depends on besides the
 * corpus and site URL (fixed for the store's lifetime): its path and the visible set.
 */
export function createDocumentStore(shared?: DocumentCache) {
  const memo = new Map<string, Promise<RenderedDocument>>()
  // The same documents once rendered: a request for one is answered without waiting a tick.
  const ready = new Map<string, RenderedDocument>()
  const variants = new WeakMap<RenderedDocument, Map<Encoding, RenderedDocument>>()
  return {
    /**
     * The document for `key`, rendering it only when neither level has it; the document itself
     * when it is ready. `defer` receives the write to the shared cache, so the response need not
     * wait for it (Workers' `waitUntil`).
     */
    get(
      key: string,
      render: () => DocumentSource | Promise<DocumentSource>,
      defer: (work: Promise<unknown>) => void = () => {},
    ): RenderedDocument | Promise<RenderedDocument> {
      const done = ready.get(key)
      if (done) return done
      let doc = memo.get(key)
      if (!doc) {
        if (memo.size >= MAX_ENTRIES) {
          const oldest = memo.keys().next().value as string
          memo.delete(oldest)
          ready.delete(oldest)
        }
        doc = load(key, render, shared, defer)
        memo.set(key, doc)
        doc.then(
          (d) => memo.get(key) === doc && ready.set(key, d),
          () => memo.delete(key),
        )
      }
      return doc
    },

    /** The document for `key` if it is rendered and memoised; undefined otherwise. */
    ready(key: string): RenderedDocument | undefined {
      return ready.get(key)
    },

    /** The document compressed with `encoding`, made on first use and kept with the document. */
    encoded(doc: RenderedDocument, encoding: Encoding, compress: Compressor): RenderedDocument {
      const byEncoding = variants.get(doc) ?? new Map<Encoding, RenderedDocument>()
      variants.set(doc, byEncoding)
      let variant = byEncoding.get(encoding)
      if (!variant) {
        // A different representation needs a different strong validator (RFC 9110 §8.8.3);
        // `.` never occurs in the base64url tag, so the base tag is always recoverable.
        const etag = `${doc.etag.slice(0, -1)}.${encoding}"`
        variant = { ...doc, body: compress(doc.body, encoding), etag }
        byEncoding.set(encoding, variant)
      }
      return variant
    },
  }
}

async function load(
  key: string,
  render: () => DocumentSource | Promise<DocumentSource>,
  shared: DocumentCache | undefined,
  defer: (work: Promise<unknown>) => void,
): Promise<RenderedDocument> {
  // The shared cache is an optimisation: when it fails, render as if it were not there.
  const hit = shared ? await attempt(() => shared.get(key), null) : null
  if (hit) return hit
  const doc = await finish(await render())
  if (shared) defer(attempt(() => shared.put(key, doc), undefined))
  return doc
}

/** Runs `work`, turning a throw or a rejection into `fallback`. */
async function attempt<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work()
  } catch {
    return fallback
  }
}

async function finish(source: DocumentSource): Promise<RenderedDocument> {
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
