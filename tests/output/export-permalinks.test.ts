/**
 * `export` of a site whose articles live at paths of their own: each page at the file a static
 * host serves that path from, `_redirects` and a page at each old address, and `_headers` rules
 * that never give one file a header twice.
 */

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/http/app.ts'
import { pageFile, siteAddresses } from '../../src/output/site-map.ts'
import { exportSite } from '../../src/output/write-site.ts'
import { article, corpusOf } from '../support/corpus.ts'
import { headersFor, parseHeaders } from '../support/headers-file.ts'
import { serveAssets } from '../support/wrangler-assets.ts'

const SITE = 'https://news.example.com'
const NOW = Date.parse('2026-06-01T00:00:00Z')

const corpus = corpusOf([
  article('2019-05-15-hello', '2019-05-15T09:00:00.000Z', {
    path: '/2019/05/15/hello/',
    aliases: ['/old/hello.html', '/legacy/hello/', '/2019/05/15/hello'],
  }),
  article('2019-06-01-hello', '2019-06-01T09:00:00.000Z', { path: '/2019/06/01/hello.html' }),
  article('posts-third', '2019-06-02T09:00:00.000Z', { path: '/posts/third/' }),
  article('about', '2019-06-03T09:00:00.000Z', { path: '/about.html', aliases: ['/about', '/me/'] }),
  article('plain', '2019-07-01T09:00:00.000Z'),
  article('soon', '2026-07-01T00:00:00.000Z', { path: '/2026/07/01/soon/', aliases: ['/soon/'] }),
])

let root: string | undefined
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true })
  root = undefined
})

async function exported() {
  root = await mkdtemp(join(tmpdir(), 'dateline-export-paths-'))
  const dir = join(root, 'dist')
  const result = await exportSite(corpus, dir, SITE, NOW)
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort()
  return { dir, result, files, read: (file: string) => readFile(join(dir, file), 'utf8') }
}

/** The names of the headers `_headers` gives a path, by every rule that matches it. */
const headerNames = (text: string) => {
  const rules = parseHeaders(text)
  return (path: string) => Object.keys(headersFor(rules, path))
}

describe('export of articles at paths of their own', () => {
  it('writes each page at the file a host serves its path from, as the app answers it', async () => {
    const { files, read } = await exported()
    expect(pageFile('/2019/05/15/hello/')).toBe('2019/05/15/hello/index.html')
    expect(pageFile('/2019/06/01/hello.html')).toBe('2019/06/01/hello.html')
    expect(pageFile('/articles/plain')).toBe('articles/plain.html')
    const app = createApp({ corpus, siteUrl: SITE, clock: () => NOW })
    for (const { path, file } of siteAddresses(corpus, NOW)) {
      expect(files, file).toContain(file)
      expect(await read(file), path).toBe(await (await app.request(path)).text())
    }
    expect(files).not.toContain('2026/07/01/soon/index.html')
  })

  it('writes _redirects and a page at each old address that moves to the article', async () => {
    const { files, read, result } = await exported()
    expect((await read('_redirects')).split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      '/me/ /about.html 301',
      '/old/hello.html /2019/05/15/hello/ 301',
      '/legacy/hello/ /2019/05/15/hello/ 301',
      '/2019/05/15/hello /2019/05/15/hello/ 301',
    ])
    // /about is served from about.html, the article's own page: no page and no line for it.
    for (const [file, to] of [
      ['old/hello.html', '/2019/05/15/hello/'],
      ['legacy/hello/index.html', '/2019/05/15/hello/'],
      ['2019/05/15/hello.html', '/2019/05/15/hello/'],
      ['me/index.html', '/about.html'],
    ]) {
      expect(files, file).toContain(file)
      const page = await read(file)
      expect(page, file).toContain(`<link rel="canonical" href="${SITE}${to}">`)
      expect(page, file).toContain(`<meta http-equiv="refresh" content="0; url=${SITE}${to}">`)
    }
    expect(files).not.toContain('soon/index.html')
    expect(result.files).toBe(files.length)
  })

  it('gives no exported file a header twice, and covered pages the headers the app sends', async () => {
    const { files, read } = await exported()
    const headersOf = headerNames(await read('_headers'))
    for (const file of files) {
      const names = headersOf(`/${file}`)
      expect(new Set(names).size, file).toBe(names.length)
    }
    const app = createApp({ corpus, siteUrl: SITE, clock: () => NOW })
    const sent = [...(await app.request('/2019/05/15/hello/')).headers.keys()]
    for (const path of [
      '/2019/05/15/hello/',
      '/2019/05/15/hello/index.html',
      '/posts/third/',
      '/2019/06/01/hello.html',
    ]) {
      const names = headersOf(path)
      expect(names.length, path).toBeGreaterThan(0)
      for (const name of names) expect(sent, `${path} ${name}`).toContain(name)
    }
  })
})

describe('export of articles at paths of their own on Workers static assets', () => {
  it("is served by Cloudflare's own engine (wrangler dev): pages with their headers, old addresses moved", async () => {
    const { dir } = await exported()
    const server = await serveAssets(dir, root as string)
    const { base } = server
    const log = server.log()
    try {
      expect(log).not.toMatch(/invalid (header|redirect) rule/i)
      const app = createApp({ corpus, siteUrl: SITE, clock: () => NOW })
      for (const path of ['/2019/05/15/hello/', '/posts/third/', '/2019/06/01/hello.html', '/about.html']) {
        const served = await fetch(base + path, { signal: AbortSignal.timeout(10_000) })
        const sent = await app.request(path)
        expect(served.status, path).toBe(200)
        expect(await served.text(), path).toBe(await sent.text())
        // Cloudflare moves `….html` to the path without it (html_handling), which no safe pattern
        // matches (page-rules.ts): those pages keep its default caching, always revalidated.
        const cacheControl = path.endsWith('.html')
          ? 'public, max-age=0, must-revalidate'
          : sent.headers.get('Cache-Control')
        expect(served.headers.get('Cache-Control'), path).toBe(cacheControl)
      }
      for (const [from, to] of [
        ['/old/hello.html', '/2019/05/15/hello/'],
        ['/legacy/hello/', '/2019/05/15/hello/'],
        ['/me/', '/about.html'],
      ]) {
        const moved = await fetch(base + from, { redirect: 'manual', signal: AbortSignal.timeout(10_000) })
        expect(moved.status, from).toBe(301)
        expect(new URL(moved.headers.get('Location') ?? '', base).pathname, from).toBe(to)
      }
    } finally {
      await server.stop()
    }
  }, 120_000)
})
