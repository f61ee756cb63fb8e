import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import { createApp } from '../../src/http/app.ts'
import { siteAddresses } from '../../src/output/site-map.ts'
import { run, workspace } from './helpers.ts'

describe('dateline export', () => {
  it('writes every feed, archive page and HTML page, exactly the bytes the app serves', async () => {
    const { root, content } = await workspace()
    const env = { SITE_URL: 'https://news.example.com' }
    const r = await run(['export', '--out', 'dist'], root, env)
    expect(r.code).toBe(0)
    const files = (await readdir(join(root, 'dist'), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(join(root, 'dist'), join(e.parentPath, e.name)))
      .sort()
    expect(files).toEqual(
      expect.arrayContaining([
        'atom.xml',
        'index.html',
        'articles/ferry-timetable.html',
        'tags/cənubi-qafqaz/feed.json',
        'tags/cənubi-qafqaz/index.html',
        'authors/tom-eriksen/rss.xml',
      ]),
    )
    const now = Date.now()
    const corpus = (await loadContent(content)).corpus
    const app = createApp({ corpus, siteUrl: env.SITE_URL, clock: () => now })
    const addresses = siteAddresses(corpus, now)
    // _headers (src/output/static-headers.ts) goes beside the documents for hosts that read it.
    expect(files).toEqual(
      [...addresses.map((a) => a.file), '_headers', 'media/barrier.svg', 'media/ferry.svg'].sort(),
    )
    // Every scope of the sample fits in its feed: complete feeds, no archive pages.
    expect(files.some((f) => f.includes('/archive/') || f.startsWith('archive/'))).toBe(false)
    for (const { path, file } of addresses) {
      const served = Buffer.from(await (await app.request(path)).arrayBuffer())
      expect(Buffer.compare(served, await readFile(join(root, 'dist', file))), file).toBe(0)
    }
    expect(r.stdout).toMatch(
      new RegExp(
        `^\\[dateline\\] export: .* 0 problems, 0 warnings; ${addresses.length + 3} files in dist/, ${files.length} changed; 6 files read, ${addresses.length} documents written in [\\d.]+ m?s\n$`,
      ),
    )
  })
})
