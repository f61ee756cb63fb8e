/**
 * Telling a WebSub hub which feeds changed. WebSub §5 ("Publishing") requires the publisher to
 * inform its hub when a topic is updated and leaves the means to the two; the means hubs accept is
 * the PubSubHubbub 0.3 §7.1 publish ping: a form POST of `hub.mode=publish&hub.url=<topic>`, one
 * topic per request (many hubs accept no more), answered with a 2xx.
 *
 * Pure apart from the injected `fetch` and `sleep`: what changed is decided from the documents'
 * `ETag`s and the state of the previous run, and the new state is returned, not written.
 */
import { announcedTo, type PingState } from './state.ts'

/** A subscription feed as the app serves it now: its absolute URL (the topic) and its `ETag`. */
export type FeedDocument = { url: string; etag: string }

export type PingResult =
  | { url: string; status: 'notified'; attempts: number }
  | { url: string; status: 'unchanged' }
  | { url: string; status: 'failed'; reason: string; attempts: number }

export type RetryOptions = {
  /** `fetch` (injected for tests; default the global one). */
  fetch?: typeof fetch
  /** Milliseconds to wait before each retry; its length + 1 is the number of attempts. */
  retryDelays?: readonly number[]
  /** The longest wait a `Retry-After` header may impose, in milliseconds. */
  maxRetryAfter?: number
  /** Milliseconds one request may take before it is abandoned (and retried). */
  timeout?: number
  /** Waits `ms` milliseconds (injected so tests can record the waits). */
  sleep?: (ms: number) => Promise<void>
}

export type PingOptions = RetryOptions & {
  /** The hub's URL (`site.yaml` `hub`). */
  hub: string
  documents: readonly FeedDocument[]
  /** What the previous run announced; ignored when it was for another hub. */
  previous: PingState | null
  /** Announce every feed, changed or not. */
  all?: boolean
  /** How many notifications may be in flight at once. */
  concurrency?: number
}

export const DEFAULT_RETRY_DELAYS = [500, 1000] as const
export const DEFAULT_TIMEOUT = 10_000
export const DEFAULT_MAX_RETRY_AFTER = 30_000
const DEFAULT_CONCURRENCY = 4

/**
 * Announces every document whose `ETag` differs from the one last announced to this hub (every
 * document with `all`). Results are in the order of `documents`. The new state holds the tag
 * announced for each document that was notified or unchanged; a failed one keeps its old tag (or
 * none), so the next run tries it again. Feeds that are no longer served drop out of the state.
 */
export async function ping(options: PingOptions): Promise<{ results: PingResult[]; state: PingState }> {
  const { hub, documents, previous, all = false, concurrency = DEFAULT_CONCURRENCY } = options
  const announced = announcedTo(previous, hub)
  const results: PingResult[] = new Array(documents.length)
  const due: number[] = []
  documents.forEach((doc, i) => {
    if (!all && announced[doc.url] === doc.etag) results[i] = { url: doc.url, status: 'unchanged' }
    else due.push(i)
  })
  let next = 0
  const worker = async () => {
    while (next < due.length) {
      const i = due[next++]
      const url = documents[i].url
      const outcome = await notify(hub, url, options)
      results[i] = outcome.ok
        ? { url, status: 'notified', attempts: outcome.attempts }
        : { url, status: 'failed', reason: outcome.reason, attempts: outcome.attempts }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, due.length)) }, worker))
  const etags: Record<string, string> = {}
  documents.forEach((doc, i) => {
    if (results[i].status !== 'failed') etags[doc.url] = doc.etag
    else if (announced[doc.url] !== undefined) etags[doc.url] = announced[doc.url]
  })
  return { results, state: { hub, etags } }
}

type Attempt = { ok: true } | { ok: false; reason: string; retry: boolean; retryAfter?: number }

/**
 * Sends one publish ping for `url`, retrying network errors, timeouts, 5xx and 429 after the
 * `retryDelays` (or the hub's `Retry-After`, RFC 9110 §10.2.3, capped at `maxRetryAfter`).
 * Any other status outside 2xx fails at once: asking again would get the same answer.
 */
export async function notify(
  hub: string,
  url: string,
  {
    fetch: fetchImpl = fetch,
    retryDelays = DEFAULT_RETRY_DELAYS,
    maxRetryAfter = DEFAULT_MAX_RETRY_AFTER,
    timeout = DEFAULT_TIMEOUT,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }: RetryOptions = {},
): Promise<{ ok: true; attempts: number } | { ok: false; reason: string; attempts: number }> {
  const body = new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }).toString()
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(fetchImpl, hub, body, timeout)
    if (result.ok) return { ok: true, attempts: attempt }
    if (!result.retry || attempt > retryDelays.length) {
      const tries = attempt > 1 ? ` (${attempt} attempts)` : ''
      return { ok: false, reason: `${result.reason}${tries}`, attempts: attempt }
    }
    const wait = result.retryAfter === undefined ? retryDelays[attempt - 1] : result.retryAfter
    await sleep(Math.max(0, Math.min(wait, maxRetryAfter)))
  }
}

async function attemptOnce(
  fetchImpl: typeof fetch,
  hub: string,
  body: string,
  timeout: number,
): Promise<Attempt> {
  let res: Response
  try {
    res = await fetchImpl(hub, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'dateline' },
      body,
      // A redirected POST may come back as a GET (Fetch §4.4), which would "succeed" without
      // notifying anyone: a redirect is reported instead, with where it points.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeout),
    })
  } catch (e) {
    const error = e as Error & { cause?: Error }
    if (error.name === 'TimeoutError') {
      return { ok: false, retry: true, reason: `the hub did not answer within ${duration(timeout)}` }
    }
    return {
      ok: false,
      retry: true,
      reason: `cannot reach the hub: ${error.cause?.message ?? error.message}`,
    }
  }
  if (res.status >= 200 && res.status < 300) {
    await res.body?.cancel()
    return { ok: true }
  }
  const status = `hub answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel()
    const location = res.headers.get('Location')
    return {
      ok: false,
      retry: false,
      reason: location
        ? `${status}, redirecting to ${new URL(location, hub).href}; set hub: in site.yaml to that URL`
        : status,
    }
  }
  const text = await snippet(res)
  const reason = text ? `${status}: ${text}` : status
  if (res.status === 429 || res.status >= 500) {
    return { ok: false, retry: true, reason, retryAfter: retryAfter(res.headers.get('Retry-After')) }
  }
  return { ok: false, retry: false, reason }
}

/**
 * `Retry-After` (RFC 9110 §10.2.3) in milliseconds: delay-seconds or an HTTP-date; undefined
 * when absent or unreadable.
 */
export function retryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // HTTP-date in any of its three forms starts with the day's name (§5.6.7); Date.parse alone
  // would also take "-5" or "1.5" for dates.
  if (!/^[A-Za-z]{3}/.test(value)) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** The start of an error body, on one line: hubs often say there why they refused. */
async function snippet(res: Response, max = 200): Promise<string> {
  if (!res.body) return ''
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    while (text.length <= max) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } catch {
    // The body is only a hint; a broken one leaves the status to speak for itself.
  } finally {
    await reader.cancel().catch(() => {})
  }
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max)}…` : line
}

function duration(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}
