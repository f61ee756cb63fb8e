import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { createArticleCache } from '../../src/content/article-cache.ts'
import { type LoadResult, loadContent } from '../../src/content/load.ts'
import { contentDir, md } from './helpers.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url))
const CRASHING = new URL('./workers/crashing-worker.mjs', import.meta.url)
const BROKEN = new URL('./workers/broken-worker.mjs', import.meta.url)

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A copy of the hostile fixtures: every kind of article, draft and problem, and media files. */
function hostile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-workers-'))
  dirs.push(dir)
  cpSync(FIXTURES, dir, { recursive: true })
  return dir
}

/** Enough small articles for several batches on each thread. */
function many(n: number, extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { 'site.yaml': 'title: Many\ntimezone: Europe/Paris\n', ...extra }
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    files[`posts/${String(i).padStart(4, '0')}.md`] = md(
      [`title: Post ${i}`, `date: 2024-03-${day} 0${i % 10}:00`, `tags: [t${i % 7}]`],
      `Text of **post ${i}** with a [link](../other) and <b onclick="x()">raw HTML</b>.\n\n- one\n- two`,
    )
  }
  return contentDir(files)
}

const bytesOf = (r: LoadResult) => JSON.stringify(r)

describe('loadContent on worker threads', () => {
  it('gives the same result, byte for byte, with and without workers', async () => {
    const dir = hostile()
    const alone = await loadContent(dir, { workers: 0 })
    expect(alone.problems.length).toBeGreaterThan(10)
    expect(bytesOf(await loadContent(dir, { workers: 2 }))).toBe(bytesOf(alone))
    const big = many(300)
    expect(bytesOf(await loadContent(big, { workers: 2 }))).toBe(
      bytesOf(await loadContent(big, { workers: 0 })),
    )
  })

  it('fills the same cache from workers as on its own thread', async () => {
    const dir = many(150)
    const cache = createArticleCache()
    const cold = await loadContent(dir, { workers: 2, cache })
    cache.unsaved.clear()
    const warm = await loadContent(dir, { workers: 0, cache })
    expect(cache.unsaved.size).toBe(0)
    expect(bytesOf(warm)).toBe(bytesOf(cold))
  })

  it('reports progress for every file, and once more at the end', async () => {
    const dir = many(100)
    const seen: [number, number][] = []
    await loadContent(dir, { workers: 2, onProgress: (done, total) => seen.push([done, total]) })
    expect(seen).toEqual([...Array.from({ length: 101 }, (_, i) => [i, 100])])
  })

  it('makes a file that kills its worker that file’s problem, and loses nothing else', async () => {
    const crash = md(['title: Crash', 'date: 2024-03-01'])
    const dir = many(100, { 'posts/0050-crash.md': crash })
    const r = await loadContent(dir, { workers: 2, workerEntry: CRASHING })
    expect(r.problems).toEqual([
      {
        file: join(dir, 'posts/0050-crash.md'),
        message: expect.stringMatching(
          /^dateline stopped while reading this file \(the test worker fails on crash\.md\); please report it/,
        ),
      },
    ])
    expect(r.rejected).toEqual(['posts/0050-crash.md'])
    expect(r.counts.files).toBe(101)
    const alone = await loadContent(dir, { workers: 0 })
    expect(r.corpus.articles).toEqual(alone.corpus.articles.filter((a) => a.title !== 'Crash'))
  })

  it('does the work on its own thread when a worker cannot start', async () => {
    const dir = many(80)
    const r = await loadContent(dir, { workers: 2, workerEntry: BROKEN })
    expect(bytesOf(r)).toBe(bytesOf(await loadContent(dir, { workers: 0 })))
  })
})
