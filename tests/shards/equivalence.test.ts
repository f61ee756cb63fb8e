/**
 * A corpus kept in pieces answers every request exactly as the same corpus in memory: same status,
 * headers and bytes for every document and page of the site, at moments before and after
 * scheduled articles go live, for one chunk per archive page and for several.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Corpus } from '../../src/core/corpus.ts'
import { createApp } from '../../src/http/app.ts'
import { siteAddresses } from '../../src/output/site-map.ts'
import { writeShards } from '../../src/shards/write.ts'
import { fuzzRequests } from '../support/fuzz-requests.ts'
import { FIXED_ROWS } from '../support/fuzz-rows.ts'
import { BUILT, filePieces, madeUpCorpus } from './support.ts'

const SITE_URL = 'https://news.example.com'
const HOUR = 3_600_000
// At the build; after the first scheduled article; after all four.
const MOMENTS = [BUILT, BUILT + 2.5 * HOUR, BUILT + 9 * HOUR]

let corpus: Corpus
beforeAll(async () => {
  corpus = await madeUpCorpus()
}, 60_000)

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
}

async function answer(app: ReturnType<typeof createApp>, path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers })
  return { status: res.status, headers: [...res.headers], body: await res.text() }
}

describe.each([
  { chunks: 'small chunks', maxFiles: undefined },
  { chunks: 'bigger chunks (few files allowed)', maxFiles: 120 },
])('a corpus in pieces, $chunks', ({ maxFiles }) => {
  it('answers every address byte for byte as the corpus in memory, before and after scheduled articles go live', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    const { corpus: manifest } = await writeShards(corpus, dir, BUILT, { maxFiles })
    const chunk = manifest.shards?.chunk ?? 0
    expect(maxFiles === undefined ? chunk === 8 : chunk >= 16 && chunk <= 64).toBe(true)
    // The bundle keeps only what was scheduled at the build (four here, and make-corpus's 2099 one).
    expect(manifest.articles.every((a) => Date.parse(a.date) > BUILT)).toBe(true)
    expect(manifest.articles.length).toBeGreaterThanOrEqual(4)
    for (const now of MOMENTS) {
      const clock = () => now
      const memory = createApp({ corpus, siteUrl: SITE_URL, clock })
      const pieces = createApp({ corpus: manifest, siteUrl: SITE_URL, clock, fetchShard: filePieces(dir) })
      const addresses = siteAddresses(corpus, now)
      expect(addresses.length).toBeGreaterThan(300)
      for (const { path } of addresses) {
        expect(await answer(pieces, path), `${path} at ${new Date(now).toISOString()}`).toEqual(
          await answer(memory, path),
        )
      }
      const scheduled = corpus.articles.filter((a) => Date.parse(a.date) > now)
      const missing = [
        '/articles/no-such-article',
        '/tags/no-such-tag/rss.xml',
        '/archive/9999/atom.xml',
        '/tags/late-edition/',
        '/authors/nova-reporter/feed.json',
        ...scheduled.map((a) => `/articles/${encodeURIComponent(a.slug)}`),
      ]
      for (const path of missing) expect(await answer(pieces, path), path).toEqual(await answer(memory, path))
    }
  }, 120_000)
})

describe('a corpus in pieces, hostile requests', () => {
  it('answers each exactly as the corpus in memory (the fixed and generated requests of the fuzz test)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    const { corpus: manifest } = await writeShards(corpus, dir, BUILT)
    const clock = () => BUILT
    const memory = createApp({ corpus, siteUrl: SITE_URL, clock })
    const pieces = createApp({ corpus: manifest, siteUrl: SITE_URL, clock, fetchShard: filePieces(dir) })
    const etag = (await memory.request('/rss.xml')).headers.get('ETag') ?? ''
    const routes = siteAddresses(corpus, BUILT).map((a) => a.path)
    let compared = 0
    for (const req of [...FIXED_ROWS, ...fuzzRequests(routes, 1500, 20261127)]) {
      const headers = req.headers.map(([k, v]): [string, string] => [k, v.replaceAll('$ETAG', etag)])
      const url = /^https?:\/\//.test(req.target)
        ? req.target
        : `${SITE_URL}/${req.target.replace(/^\//, '')}`
      let request: () => Request
      try {
        new Request(url, { method: req.method, headers })
        request = () => new Request(url, { method: req.method, headers })
      } catch {
        continue // fetch cannot send it (tests/http/fuzz.test.ts sends those over a raw socket)
      }
      const [a, b] = await Promise.all([memory.fetch(request()), pieces.fetch(request())])
      const got = { status: b.status, headers: [...b.headers], body: await b.text() }
      expect(got, req.name).toEqual({ status: a.status, headers: [...a.headers], body: await a.text() })
      expect(b.status, req.name).toBeLessThan(500)
      compared++
    }
    expect(compared).toBeGreaterThan(1500)
  }, 120_000)
})

describe('the pieces', () => {
  it('hold no article before its time: what is scheduled at the build stays in the bundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    await writeShards(corpus, dir, BUILT)
    const text = allFiles(dir)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    const scheduled = corpus.articles.filter((a) => Date.parse(a.date) > BUILT)
    expect(scheduled.length).toBeGreaterThanOrEqual(4)
    for (const a of scheduled) {
      expect(text).not.toContain(JSON.stringify(a.slug))
      expect(text).not.toContain(JSON.stringify(a.title))
    }
    expect(text).not.toContain('Late Edition')
  })

  it('are the same bytes on every build of the same corpus', async () => {
    const [a, b] = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'dateline-pieces-')))
    const first = (await writeShards(corpus, a, BUILT)).corpus
    const second = (await writeShards(corpus, b, BUILT)).corpus
    expect(second).toEqual(first)
    expect(first.shards?.base).toBe('/_dateline/v1')
    const files = allFiles(a).map((f) => f.slice(a.length))
    expect(files.length).toBeGreaterThan(50)
    const differ = files.filter((f) => !readFileSync(join(b, f)).equals(readFileSync(join(a, f))))
    expect(differ).toEqual([])
  })

  it('are rewritten only where they change, and the pieces nothing names any more are removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    // The newest stored article, not yet written, then published: a newsroom's next build.
    const newest = corpus.articles.findIndex((a) => Date.parse(a.date) <= BUILT)
    const before = { ...corpus, articles: corpus.articles.filter((_, i) => i !== newest) }
    const first = await writeShards(before, dir, BUILT)
    expect(first.stats.written).toBe(first.stats.files)
    expect((await writeShards(before, dir, BUILT)).stats.written).toBe(0)
    const next = await writeShards(corpus, dir, BUILT)
    const a = corpus.articles[newest]
    // Its chunk, its slug file, the last index file and the recent file of each of its tags and
    // authors.
    expect(next.stats.written).toBeGreaterThanOrEqual(2)
    expect(next.stats.written).toBeLessThanOrEqual(2 + 2 * (a.tags.length + a.authors.length))
    // Back to an older, smaller corpus: exactly the files a fresh build of it writes.
    const older = { ...corpus, articles: corpus.articles.slice(Math.floor(corpus.articles.length / 2)) }
    await writeShards(older, dir, BUILT)
    const fresh = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    await writeShards(older, fresh, BUILT)
    const listing = (root: string) =>
      allFiles(root)
        .map((f) => f.slice(root.length))
        .sort()
    expect(listing(dir)).toEqual(listing(fresh))
    const differ = listing(dir).filter(
      (f) => !readFileSync(join(dir, f)).equals(readFileSync(join(fresh, f))),
    )
    expect(differ).toEqual([])
  })

  it('are read once each: a warm app answers from memory, and a memoised document reads nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    const { corpus: manifest } = await writeShards(corpus, dir, BUILT)
    const fetchShard = filePieces(dir)
    const app = createApp({ corpus: manifest, siteUrl: SITE_URL, clock: () => BUILT, fetchShard })
    const slug = corpus.articles[100].slug
    const paths = [
      '/rss.xml',
      '/atom.xml',
      '/archive/3/feed.json',
      `/articles/${encodeURIComponent(slug)}`,
      '/',
    ]
    for (const path of paths) expect((await app.request(path)).status, path).toBe(200)
    // The site feed's chunk(s), the archive page's, the slug file and the article's chunk: each
    // read once, and only those.
    expect(new Set(fetchShard.reads).size).toBe(fetchShard.reads.length)
    expect(fetchShard.reads.length).toBeLessThanOrEqual(8)
    // A tag's feed: its recent file alone. An archive page of it: its index file, then one
    // chunk per article at most.
    const tag = manifest.shards?.scopes.find((s) => s.kind === 'tag' && s.count > 20)
    let read = fetchShard.reads.length
    expect((await app.request(`/tags/${tag?.slug}/rss.xml`)).status).toBe(200)
    expect(fetchShard.reads.slice(read)).toEqual([expect.stringMatching(/\/recent\.json$/)])
    read = fetchShard.reads.length
    expect((await app.request(`/tags/${tag?.slug}/archive/1/rss.xml`)).status).toBe(200)
    expect(fetchShard.reads.length - read).toBeLessThanOrEqual(1 + corpus.site.items)
    const before = fetchShard.reads.length
    for (const path of paths) expect((await app.request(path)).status, path).toBe(200)
    expect(fetchShard.reads.length).toBe(before)
  })

  it('answer 503 with Retry-After, not 500, while a piece cannot be read, and are read again after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    const { corpus: manifest } = await writeShards(corpus, dir, BUILT)
    const files = filePieces(dir)
    let broken = true
    const fetchShard = (path: string) =>
      broken ? Promise.reject(new Error('ASSETS answered 404')) : files(path)
    const app = createApp({ corpus: manifest, siteUrl: SITE_URL, clock: () => BUILT, fetchShard })
    const errors: unknown[] = []
    const log = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      for (const path of ['/rss.xml', '/tags/', '/articles/x', '/archive/2/rss.xml']) {
        const res = await app.request(path)
        if (path === '/tags/') {
          expect(res.status).toBe(404)
          continue
        }
        expect(res.status, path).toBe(503)
        expect(res.headers.get('Retry-After')).toBe('60')
        const body = await res.text()
        expect(body).not.toMatch(/Error|_dateline|at /)
      }
    } finally {
      console.error = log
    }
    expect(errors.length).toBe(3)
    broken = false
    expect((await app.request('/rss.xml')).status).toBe(200)
  })

  it('are required: an app over a corpus in pieces without a way to read them is refused at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    const { corpus: manifest } = await writeShards(corpus, dir, BUILT)
    expect(() => createApp({ corpus: manifest })).toThrow(/fetchShard/)
  })
})
