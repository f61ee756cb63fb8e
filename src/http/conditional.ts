/**
 * Sending a rendered document with its validators, and answering conditional requests
 * (RFC 9110 §13). The header sets of a document's 200 and 304 are built once and reused: a poll
 * that ends in 304 then costs a header lookup and a comparison, not a round of string building.
 */
import type { Context } from 'hono'
import type { RenderedDocument } from './documents.ts'

// A compressed variant's tag is the document's tag plus `.br` / `.gzip` (see documents.ts).
const VARIANT_SUFFIX = /\.(br|gzip)"$/

/** The tag without `W/` and without a compressed variant's suffix: one per document. */
function documentTag(etag: string): string {
  return etag.trim().replace(/^W\//, '').replace(VARIANT_SUFFIX, '"')
}

/**
 * `If-None-Match` uses the weak comparison (RFC 9110 §13.1.2): `W/"x"` matches `"x"`, because
 * Cloudflare weakens a strong ETag when it compresses and readers send that back. Any encoding
 * of the same document matches too: the client's copy is as current as the one we would send.
 */
export function etagMatches(header: string, etag: string): boolean {
  // The common case, a reader sending back exactly the tag it was given, needs no parsing.
  if (header === etag) return true
  if (header.trim() === '*') return true
  const tag = documentTag(etag)
  return header.split(',').some((candidate) => documentTag(candidate) === tag)
}

/**
 * "Not modified since" (RFC 9110 §13.1.3): the document's time is at or before the header's.
 * An unparseable header is ignored.
 */
export function notModifiedSince(header: string, lastModified: string): boolean {
  const since = Date.parse(header)
  return !Number.isNaN(since) && Date.parse(lastModified) <= since
}

/** Whether the request's preconditions say the client already has this document. */
export function isNotModified(c: Context, doc: RenderedDocument): boolean {
  const inm = c.req.header('If-None-Match')
  // §13.2.2: If-None-Match, when present, is evaluated instead of If-Modified-Since.
  if (inm !== undefined) return etagMatches(inm, doc.etag)
  const ims = c.req.header('If-Modified-Since')
  return ims !== undefined && doc.lastModified !== null && notModifiedSince(ims, doc.lastModified)
}

/** The complete header sets of one document variant's 200 and 304, frozen: built once. */
export type PreparedHeaders = {
  ok: Readonly<Record<string, string>>
  notModified: Readonly<Record<string, string>>
}

/**
 * What a 304 carries of the 200's headers: those RFC 9110 §15.4.5 requires (ETag, Cache-Control,
 * Vary; Date is added by the runtime), and the CORS ones, so that a browser's cross-origin
 * revalidation passes its CORS check on the 304 itself. The rest (Last-Modified, Link, nosniff)
 * it SHOULD NOT repeat, as we have an ETag: a cache keeps its stored copy's other headers when it
 * updates it from a 304 (RFC 9111 §4.3.4), and for a matching ETag they are the same bytes. Every
 * poll that ends in 304, most of an aggregator's traffic, is then ~40 % of the header bytes.
 */
const KEPT_ON_304 = /^(etag|cache-control|vary|expires|content-location|access-control-.*)$/i

export function prepareHeaders(
  doc: RenderedDocument,
  headers: Record<string, string>,
  encoding?: string,
): PreparedHeaders {
  const ok: Record<string, string> = { 'Content-Type': doc.contentType, ETag: doc.etag, ...headers }
  if (doc.lastModified) ok['Last-Modified'] = doc.lastModified
  if (encoding) ok['Content-Encoding'] = encoding
  const notModified: Record<string, string> = {}
  for (const [name, value] of Object.entries(ok)) if (KEPT_ON_304.test(name)) notModified[name] = value
  return { ok: Object.freeze(ok), notModified: Object.freeze(notModified) }
}

/**
 * Answers with the document, or 304 when the client's copy is current. The Response is built
 * directly rather than through `c.body`, which would copy the headers into a `Headers` object on
 * every request; Hono drops a GET's body for HEAD all the same.
 */
export function answer(c: Context, doc: RenderedDocument, prepared: PreparedHeaders): Response {
  if (isNotModified(c, doc)) return new Response(null, { status: 304, headers: prepared.notModified })
  return new Response(doc.body as Uint8Array<ArrayBuffer>, { status: 200, headers: prepared.ok })
}

/** `answer` with headers prepared for this one response. */
export function sendDocument(
  c: Context,
  doc: RenderedDocument,
  headers: Record<string, string>,
  encoding?: string,
): Response {
  return answer(c, doc, prepareHeaders(doc, headers, encoding))
}
