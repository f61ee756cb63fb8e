import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import { SITE_FEED_PATHS } from '../../src/feeds/view.ts'
import { feedDocuments } from '../../src/websub/feeds.ts'
import { type FeedDocument, type PingOptions, ping, retryAfter } from '../../src/websub/publish-ping.ts'
import { SAMPLE_CONTENT } from '../support/content-dir.ts'
import { type Hub, type HubScript, startHub } from './hub-server.ts'

const SITE = 'https://news.example.com'
const SITE_FEEDS = Object.values(SITE_FEED_PATHS).map((p) => `${SITE}${p}`)

let documents: FeedDocument[]
beforeAll(async () => {
  // The feeds the sample site serves now; tag and author feeds join in once the app serves them.
  const { corpus } = await loadContent(SAMPLE_CONTENT)
  documents = (await feedDocuments(corpus, SITE, Date.now())).documents
})

let hub: Hub | undefined
afterEach(async () => {
  await hub?.close()
  hub = undefined
})

/** Runs the core against a real hub, with short waits that are recorded (and really waited). */
async function run(script: HubScript | undefined, options: Partial<PingOptions> = {}) {
  hub ??= await startHub()
  if (script) hub.script = script
  const waits: number[] = []
  const outcome = await ping({
    hub: hub.url,
    documents,
    previous: null,
    retryDelays: [5, 10],
    timeout: 2000,
    sleep: (ms) => {
      waits.push(ms)
      return new Promise((resolve) => setTimeout(resolve, ms))
    },
    ...options,
  })
  return { ...outcome, waits, hub }
}

const byUrl = (results: { url: string }[], url: string) => results.find((r) => r.url === url)

describe('ping', () => {
  it('notifies every feed on the first run, one form POST per URL', async () => {
    const { results, state, hub } = await run(undefined)
    expect(documents.map((d) => d.url)).toEqual(expect.arrayContaining(SITE_FEEDS))
    expect(results.map((r) => r.status)).toEqual(documents.map(() => 'notified'))
    expect(hub.notified()).toEqual(documents.map((d) => d.url).sort())
    for (const r of hub.requests) {
      expect(r.method).toBe('POST')
      expect(r.path).toBe('/hub')
      expect(r.contentType).toBe('application/x-www-form-urlencoded')
      expect(r.mode).toBe('publish')
      expect(r.urls).toHaveLength(1)
      expect(r.body).toBe(`hub.mode=publish&hub.url=${encodeURIComponent(r.urls[0])}`)
    }
    expect(state).toEqual({ hub: hub.url, etags: Object.fromEntries(documents.map((d) => [d.url, d.etag])) })
  })

  it('notifies nothing when no document changed', async () => {
    const first = await run(undefined)
    const before = first.hub.requests.length
    const second = await run(undefined, { previous: first.state })
    expect(second.results.map((r) => r.status)).toEqual(documents.map(() => 'unchanged'))
    expect(second.hub.requests).toHaveLength(before)
    expect(second.state).toEqual(first.state)
  })

  it('notifies only the document whose ETag changed', async () => {
    const first = await run(undefined)
    const changed = SITE_FEEDS[1]
    const edited = documents.map((d) => (d.url === changed ? { ...d, etag: '"edited"' } : d))
    const before = first.hub.requests.length
    const second = await run(undefined, { previous: first.state, documents: edited })
    expect(second.hub.requests.slice(before).flatMap((r) => r.urls)).toEqual([changed])
    expect(second.results.filter((r) => r.status === 'notified').map((r) => r.url)).toEqual([changed])
    expect(second.state.etags[changed]).toBe('"edited"')
  })

  it('notifies every document with all, changed or not', async () => {
    const first = await run(undefined)
    const before = first.hub.requests.length
    const again = await run(undefined, { previous: first.state, all: true })
    expect(again.results.every((r) => r.status === 'notified')).toBe(true)
    expect(
      again.hub.requests
        .slice(before)
        .flatMap((r) => r.urls)
        .sort(),
    ).toEqual(documents.map((d) => d.url).sort())
  })

  it('announces everything when the previous state was for another hub', async () => {
    const first = await run(undefined)
    const before = first.hub.requests.length
    const moved = await run(undefined, { previous: { ...first.state, hub: 'https://old-hub.example/' } })
    expect(moved.hub.requests.length - before).toBe(documents.length)
  })

  it('retries after a 503 and then succeeds', async () => {
    const flaky = SITE_FEEDS[0]
    const { results, waits, hub } = await run((req, nth) =>
      req.urls[0] === flaky && nth === 1 ? { status: 503 } : { status: 202 },
    )
    expect(byUrl(results, flaky)).toEqual({ url: flaky, status: 'notified', attempts: 2 })
    expect(hub.requests.filter((r) => r.urls[0] === flaky)).toHaveLength(2)
    expect(waits).toEqual([5])
  })

  it('gives up after every attempt fails with 500, and keeps the old tag for that feed', async () => {
    const broken = SITE_FEEDS[2]
    hub = await startHub((req) =>
      req.urls[0] === broken ? { status: 500, body: 'queue\n  full' } : { status: 204 },
    )
    const previous = { hub: hub.url, etags: { [broken]: '"announced-before"' } }
    const { results, state, waits } = await run(undefined, { previous })
    expect(byUrl(results, broken)).toEqual({
      url: broken,
      status: 'failed',
      attempts: 3,
      reason: 'hub answered 500 Internal Server Error: queue full (3 attempts)',
    })
    expect(hub.requests.filter((r) => r.urls[0] === broken)).toHaveLength(3)
    expect(waits).toEqual([5, 10])
    // Not updated for the failed feed, so the next run tries it again; the others are recorded.
    expect(state.etags[broken]).toBe('"announced-before"')
    expect(state.etags[SITE_FEEDS[0]]).toBe(documents.find((d) => d.url === SITE_FEEDS[0])?.etag)
    const fresh = await run(undefined, { previous: null })
    expect(fresh.state.etags).not.toHaveProperty([broken])
  })

  it('does not retry a 404', async () => {
    const { results, waits, hub } = await run(() => ({ status: 404, body: 'no such topic' }))
    expect(byUrl(results, SITE_FEEDS[0])).toEqual({
      url: SITE_FEEDS[0],
      status: 'failed',
      attempts: 1,
      reason: 'hub answered 404 Not Found: no such topic',
    })
    expect(hub.requests).toHaveLength(documents.length)
    expect(waits).toEqual([])
  })

  it('waits as long as Retry-After says, up to the cap', async () => {
    const [slow, capped] = SITE_FEEDS
    const { results, waits, hub } = await run(
      (req, nth) => {
        if (nth > 1) return { status: 204 }
        if (req.urls[0] === slow) return { status: 429, headers: { 'Retry-After': '0' } }
        if (req.urls[0] === capped) return { status: 503, headers: { 'Retry-After': '120' } }
        return { status: 204 }
      },
      { maxRetryAfter: 150, concurrency: 1 },
    )
    expect(byUrl(results, slow)).toMatchObject({ status: 'notified', attempts: 2 })
    expect(byUrl(results, capped)).toMatchObject({ status: 'notified', attempts: 2 })
    // Retry-After replaces the backoff (5 ms): 0 s as asked, 120 s cut to the 150 ms cap.
    expect(waits).toEqual([0, 150])
    const times = hub.requests.filter((r) => r.urls[0] === capped).map((r) => r.at)
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(140)
  })

  it('reports a hub that does not answer in time, after every attempt', async () => {
    const stuck = SITE_FEEDS[1]
    const { results, hub } = await run((req) => (req.urls[0] === stuck ? 'hang' : { status: 204 }), {
      timeout: 150,
    })
    expect(byUrl(results, stuck)).toEqual({
      url: stuck,
      status: 'failed',
      attempts: 3,
      reason: 'the hub did not answer within 150 ms (3 attempts)',
    })
    expect(hub.requests.filter((r) => r.urls[0] === stuck)).toHaveLength(3)
    expect(byUrl(results, SITE_FEEDS[0])).toMatchObject({ status: 'notified' })
  })

  it('reports a hub it cannot reach', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    await new Promise((resolve) => server.close(resolve))
    const { results } = await ping({
      hub: `http://127.0.0.1:${port}/`,
      documents,
      previous: null,
      retryDelays: [1],
    })
    for (const r of results) {
      expect(r).toMatchObject({ status: 'failed', attempts: 2 })
      expect(r.status === 'failed' && r.reason).toMatch(
        /^cannot reach the hub: .*ECONNREFUSED.* \(2 attempts\)$/,
      )
    }
  })

  it('reports a redirect instead of following it', async () => {
    const { results, hub } = await run(() => ({ status: 301, headers: { Location: '/new-hub' } }))
    expect(byUrl(results, SITE_FEEDS[0])).toMatchObject({
      status: 'failed',
      attempts: 1,
      reason: `hub answered 301 Moved Permanently, redirecting to ${new URL('/new-hub', hub.url).href}; set hub: in site.yaml to that URL`,
    })
    expect(hub.requests.every((r) => r.path === '/hub')).toBe(true)
  })
})

describe('retryAfter', () => {
  it('reads delay-seconds and HTTP-dates, and ignores anything else', () => {
    const now = Date.parse('2026-11-20T10:00:00Z')
    expect(retryAfter('7', now)).toBe(7000)
    expect(retryAfter(' 0 ', now)).toBe(0)
    expect(retryAfter('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(retryAfter('Fri, 20 Nov 2026 09:00:00 GMT', now)).toBe(0)
    expect(retryAfter('soon', now)).toBeUndefined()
    expect(retryAfter('-5', now)).toBeUndefined()
    expect(retryAfter(null, now)).toBeUndefined()
  })
})
