/**
 * A corpus in pieces whose articles live at paths of their own answers every path request exactly
 * as the same corpus in memory: pages, moves from aliases, from the other slash form and from
 * /articles/{slug}, and 404s, before and after scheduled articles go live; a path costs one slug
 * file and one chunk.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { articlePath, otherSlashForm } from '../../src/core/article-paths.ts'
import type { Corpus } from '../../src/core/corpus.ts'
import { createApp } from '../../src/http/app.ts'
import { writeShards } from '../../src/shards/write.ts'
import { BUILT, filePieces, madeUpCorpus, withPaths } from './support.ts'

const SITE_URL = 'https://news.example.com'
const HOUR = 3_600_000

let corpus: Corpus
beforeAll(async () => {
  corpus = withPaths(await madeUpCorpus(120, 6))
}, 60_000)

async function answer(app: ReturnType<typeof createApp>, path: string) {
  const res = await app.request(path)
  return { status: res.status, headers: [...res.headers], body: await res.text() }
}

describe('a corpus in pieces with permalinks and aliases', () => {
  it('answers every path of every article as the corpus in memory, before and after scheduled ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    const { corpus: manifest } = await writeShards(corpus, dir, BUILT)
    expect(manifest.shards?.paths).toBe(true)
    const paths = corpus.articles.flatMap((a) => [
      articlePath(a),
      `/articles/${encodeURIComponent(a.slug)}`,
      ...(a.aliases ?? []),
      otherSlashForm(articlePath(a)) as string,
    ])
    expect(corpus.articles.filter((a) => a.path).length).toBeGreaterThan(40)
    expect(corpus.articles.filter((a) => a.aliases).length).toBeGreaterThan(5)
    const misses = ['/2001/01/01/nope/', '/old/nope.html', '/nope', '/%E0%A4%A']
    for (const now of [BUILT, BUILT + 9 * HOUR]) {
      const clock = () => now
      const memory = createApp({ corpus, siteUrl: SITE_URL, clock })
      const pieces = createApp({ corpus: manifest, siteUrl: SITE_URL, clock, fetchShard: filePieces(dir) })
      const statuses = new Set<number>()
      for (const path of [...paths, ...misses]) {
        const want = await answer(memory, path)
        statuses.add(want.status)
        expect(await answer(pieces, path), path).toEqual(want)
      }
      expect([...statuses].sort()).toEqual([200, 301, 404])
    }
  }, 120_000)

  it('reads one slug file and one chunk for a path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pieces-'))
    const { corpus: manifest } = await writeShards(corpus, dir, BUILT)
    const stored = corpus.articles.find((a) => a.aliases && Date.parse(a.date) <= BUILT)
    if (!stored?.aliases) throw new Error('no stored article with an alias')
    for (const path of [stored.path as string, stored.aliases[0]]) {
      const fetchShard = filePieces(dir)
      const app = createApp({ corpus: manifest, siteUrl: SITE_URL, clock: () => BUILT, fetchShard })
      expect((await app.request(path)).status, path).toBe(path === stored.path ? 200 : 301)
      expect(
        fetchShard.reads.map((r) => r.split('/').at(-2)),
        path,
      ).toEqual(['slugs', 'articles'])
    }
  })
})
