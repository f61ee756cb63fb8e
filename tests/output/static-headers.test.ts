import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import type { Corpus } from '../../src/core/corpus.ts'
import { createApp } from '../../src/http/app.ts'
import { cacheControl, DEFAULT_CACHE_POLICY } from '../../src/http/cache-policy.ts'
import { withMedia } from '../../src/http/media-node.ts'
import { siteAddresses } from '../../src/output/site-map.ts'
import { MAX_RULES, staticHeaderRules } from '../../src/output/static-headers.ts'
import { copyMedia, exportSite } from '../../src/output/write-site.ts'
import { SAMPLE_CONTENT } from '../support/content-dir.ts'
import { article, corpusOf } from '../support/corpus.ts'
import { type HeaderRule, headersFor, parseHeaders } from '../support/headers-file.ts'
import { serveAssets } from '../support/wrangler-assets.ts'

const CARRIED = [
  'content-type',
  'cache-control',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'x-content-type-options',
]
const carried = (headers: Headers) =>
  Object.fromEntries(CARRIED.flatMap((name) => (headers.has(name) ? [[name, headers.get(name)]] : [])))

let sample: Corpus
let root: string | undefined
beforeAll(async () => {
  sample = (await loadContent(SAMPLE_CONTENT)).corpus
})
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true })
  root = undefined
})

/**
 * Exports `corpus` at `now` as `dateline export` does, to `dist/` in a new folder; returns both
 * and the rules of `dist/_headers`.
 */
async function exported(corpus: Corpus, now: number) {
  root = await mkdtemp(join(tmpdir(), 'dateline-export-'))
  const dir = join(root, 'dist')
  await exportSite(corpus, dir, 'https://news.example.com', now)
  await copyMedia(SAMPLE_CONTENT, dir)
  return { root, dir, rules: parseHeaders(await readFile(join(dir, '_headers'), 'utf8')) }
}

/**
 * Checks every exported document, at the app's path and at its file's, against what the app
 * sends, and every media file against the Node server.
 */
async function expectSameHeaders(corpus: Corpus, now: number, dir: string, rules: HeaderRule[]) {
  const app = createApp({ corpus, siteUrl: 'https://news.example.com', clock: () => now })
  const addresses = siteAddresses(corpus, now)
  for (const { path, file } of addresses) {
    const sent = carried((await app.request(path)).headers)
    expect(sent['content-type'], path).toBeDefined()
    expect(headersFor(rules, path), path).toEqual(sent)
    expect(headersFor(rules, encodeURI(`/${file}`)), file).toEqual(sent)
  }
  const media = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name !== '_headers')
    .map((e) => `/${relative(dir, join(e.parentPath, e.name))}`)
    .filter((path) => !addresses.some((a) => `/${a.file}` === path))
  expect(media).toEqual(['/media/barrier.svg', '/media/ferry.svg'])
  const server = withMedia(SAMPLE_CONTENT, () => new Response(null, { status: 404 }))
  for (const path of media) {
    const { 'content-type': type, ...sent } = carried((await server(new Request(`http://x${path}`))).headers)
    expect(type, path).toMatch(/^image\/svg\+xml/)
    // The host types media files by extension; the rules add the rest.
    expect(headersFor(rules, path), path).toEqual(sent)
  }
  return addresses.length
}

describe('static headers', () => {
  const NOW = Date.parse('2026-12-01T00:00:00Z')

  it('give every exported file the headers the app sends for it, in at most 100 rules', async () => {
    const { dir, rules } = await exported(sample, NOW)
    expect(rules.length).toBeLessThanOrEqual(MAX_RULES)
    expect(await expectSameHeaders(sample, NOW, dir, rules)).toBeGreaterThan(20)
  })

  it('tell full archive pages (immutable) from the page being filled, per scope', async () => {
    const oneEach = { ...sample, site: { ...sample.site, items: 1 } }
    const { dir, rules } = await exported(oneEach, NOW)
    expect(rules.length).toBeLessThanOrEqual(MAX_RULES)
    await expectSameHeaders(oneEach, NOW, dir, rules)
    const immutable = cacheControl('archive', DEFAULT_CACHE_POLICY, null)
    // Four published articles: pages 1–4 are full, page 5 is the (empty) page being filled.
    expect(headersFor(rules, '/archive/4/atom.xml')['cache-control']).toBe(immutable)
    expect(headersFor(rules, '/archive/5/atom.xml')['cache-control']).not.toBe(immutable)
  })

  it('cap lifetimes at the next scheduled article as of the export, as the app does', async () => {
    const soon = Date.parse('2027-01-05T08:00:00Z') - 120_000
    const { dir, rules } = await exported(sample, soon)
    await expectSameHeaders(sample, soon, dir, rules)
    expect(headersFor(rules, '/rss.xml')['cache-control']).toMatch(/max-age=120, s-maxage=120,/)
  })

  it('give archive pages the feed policy where listing them would pass the rule limit', async () => {
    const many = Array.from({ length: 49 }, (_, i) =>
      article(`a${i}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()),
    )
    const corpus = corpusOf(many, { items: 1 })
    const { rules, notes } = await staticHeaderRules(corpus, NOW)
    expect(rules.length).toBeLessThanOrEqual(MAX_RULES)
    // The site's 50 pages are listed; the tag's and the author's as many are not.
    expect(notes).toEqual([
      'The 50 archive pages of tags have the feed policy: a rule per page would pass the rule limit.',
      'The 50 archive pages of authors have the feed policy: a rule per page would pass the rule limit.',
    ])
    const parsed = parseHeaders(
      rules
        .map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'))
        .join('\n'),
    )
    const feed = cacheControl('feed', DEFAULT_CACHE_POLICY, null)
    const immutable = cacheControl('archive', DEFAULT_CACHE_POLICY, null)
    expect(headersFor(parsed, '/archive/49/rss.xml')['cache-control']).toBe(immutable)
    expect(headersFor(parsed, '/archive/50/rss.xml')['cache-control']).toBe(feed)
    expect(headersFor(parsed, '/tags/news/archive/1/rss.xml')).toMatchObject({
      'cache-control': feed,
      'content-type': 'application/rss+xml; charset=utf-8',
    })
    expect(headersFor(parsed, '/authors/ann-author/archive/7/feed.json')['cache-control']).toBe(feed)
  })

  it('leave _headers untouched when exported again', async () => {
    const { dir } = await exported(sample, NOW)
    const before = await stat(join(dir, '_headers'))
    const again = await exportSite(sample, dir, 'https://news.example.com', NOW + 60_000)
    expect(again.changed).toBe(0)
    expect((await stat(join(dir, '_headers'))).mtimeMs).toBe(before.mtimeMs)
  })
})

describe('static headers on Workers static assets', () => {
  it("are applied by Cloudflare's own rules engine (wrangler dev) as the app sends them", async () => {
    // Full archive pages and the pages being filled, tags and authors: one article per page.
    const corpus = { ...sample, site: { ...sample.site, items: 1 } }
    const now = Date.now()
    const { root, dir, rules } = await exported(corpus, now)
    const server = await serveAssets(dir, root)
    const { base } = server
    const log = server.log()
    try {
      expect(log).toContain(`Parsed ${rules.length} valid header rules.`)
      expect(log).not.toMatch(/invalid header rule|Maximum number of rules/i)
      const app = createApp({ corpus, siteUrl: 'https://news.example.com', clock: () => now })
      for (const { path } of siteAddresses(corpus, now)) {
        const served = await fetch(base + path, { signal: AbortSignal.timeout(10_000) })
        expect(served.status, path).toBe(200)
        expect(carried(served.headers), path).toEqual(carried((await app.request(path)).headers))
      }
      const media = await fetch(`${base}/media/ferry.svg`)
      const server = withMedia(SAMPLE_CONTENT, () => new Response(null, { status: 404 }))
      const { 'content-type': _, ...sent } = carried(
        (await server(new Request('http://x/media/ferry.svg'))).headers,
      )
      expect(carried(media.headers)).toMatchObject(sent)
    } finally {
      await server.stop()
    }
  }, 120_000)
})
