import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type ArticleCache, cacheKey, createArticleCache } from '../../src/content/article-cache.ts'
import { readArticleCache, writeArticleCache } from '../../src/content/article-cache-file.ts'
import { type LoadResult, loadContent } from '../../src/content/load.ts'
import { contentDir, makeSite, md, writeFiles } from './helpers.ts'

const SITE = 'title: Cached\nauthor: Desk\ntimezone: UTC\n'

/** A folder with an article of each kind, a draft, a problem and an image in the folder. */
const folder = () =>
  contentDir({
    'site.yaml': SITE,
    'a.md': md(['title: Alpha', 'date: 2024-05-01 09:00']),
    'b.md': md(['title: Beta', 'date: 2024-05-02', 'image: /media/b.png']),
    'wire.txt': 'date 2024-05-03 By Ann Lee\n\nWire story. More.\n',
    'draft.md': md(['title: Later', 'draft: true']),
    'broken.md': md(['title: Broken', 'date: 2024-02-30']),
    'media/b.png': new Uint8Array(100).fill(1),
  })

/** Everything a load returns, as the bytes that must not depend on the cache. */
const bytesOf = (r: LoadResult) => JSON.stringify(r)

const articleNamed = (r: LoadResult, source: string) => r.corpus.articles.find((a) => a.source === source)

describe('loadContent with a cache', () => {
  it('parses nothing again when nothing changed, with the same result as without a cache', async () => {
    const dir = folder()
    const cache = createArticleCache()
    const first = await loadContent(dir, { cache })
    expect(cache.unsaved.size).toBeGreaterThan(0)
    expect([...cache.entries.keys()].sort()).toEqual(['a.md', 'b.md', 'broken.md', 'draft.md', 'wire.txt'])
    cache.unsaved.clear()
    const second = await loadContent(dir, { cache })
    expect(cache.unsaved.size).toBe(0)
    // A hit is the very object the first load made: it was not parsed again.
    expect(articleNamed(second, 'a.md')).toBe(articleNamed(first, 'a.md'))
    expect(bytesOf(second)).toBe(bytesOf(first))
    expect(bytesOf(await loadContent(dir))).toBe(bytesOf(first))
  })

  it('parses an edited file again, and only that one', async () => {
    const dir = folder()
    const cache = createArticleCache()
    const first = await loadContent(dir, { cache })
    cache.unsaved.clear()
    writeFiles(dir, { 'a.md': md(['title: Alpha, corrected', 'date: 2024-05-01 09:00']) })
    const second = await loadContent(dir, { cache })
    expect([...cache.unsaved]).toEqual(['a.md'])
    expect(articleNamed(second, 'a.md')?.title).toBe('Alpha, corrected')
    expect(articleNamed(second, 'wire.txt')).toBe(articleNamed(first, 'wire.txt'))
    expect(bytesOf(second)).toBe(bytesOf(await loadContent(dir)))
  })

  it('parses everything again when site.yaml changes the time zone or the default author', async () => {
    const dir = folder()
    const cache = createArticleCache()
    const first = await loadContent(dir, { cache })
    writeFiles(dir, { 'site.yaml': SITE.replace('UTC', 'Asia/Tokyo') })
    const tokyo = await loadContent(dir, { cache })
    expect(articleNamed(tokyo, 'a.md')?.date).toBe('2024-05-01T00:00:00.000Z')
    expect(articleNamed(first, 'a.md')?.date).toBe('2024-05-01T09:00:00.000Z')
    expect(bytesOf(tokyo)).toBe(bytesOf(await loadContent(dir)))

    writeFiles(dir, { 'site.yaml': SITE.replace('Desk', 'Night desk').replace('UTC', 'Asia/Tokyo') })
    const night = await loadContent(dir, { cache })
    expect(articleNamed(night, 'a.md')?.authors).toEqual([{ name: 'Night desk' }])
    expect(bytesOf(night)).toBe(bytesOf(await loadContent(dir)))
  })

  it('keeps its entries when a site field that articles do not depend on changes', async () => {
    const dir = folder()
    const cache = createArticleCache()
    const first = await loadContent(dir, { cache })
    writeFiles(dir, { 'site.yaml': `${SITE}description: Another one\nitems: 5\n` })
    const second = await loadContent(dir, { cache })
    expect(articleNamed(second, 'a.md')).toBe(articleNamed(first, 'a.md'))
    expect(cacheKey(makeSite({ title: 'A', items: 3 }))).toBe(cacheKey(makeSite({ title: 'B', items: 9 })))
    expect(cacheKey(makeSite({ timezone: 'UTC' }))).not.toBe(cacheKey(makeSite({ timezone: 'Asia/Tokyo' })))
  })

  it('measures a local image again on every load, so a new size shows though the article is cached', async () => {
    const dir = folder()
    const cache = createArticleCache()
    const first = await loadContent(dir, { cache })
    expect(articleNamed(first, 'b.md')?.enclosures?.[0].length).toBe(100)
    writeFiles(dir, { 'media/b.png': new Uint8Array(250).fill(1) })
    cache.unsaved.clear()
    const second = await loadContent(dir, { cache })
    expect(cache.unsaved.size).toBe(0)
    expect(articleNamed(second, 'b.md')?.enclosures?.[0].length).toBe(250)
    expect(second.corpus.hash).not.toBe(first.corpus.hash)
    // The cached outcome is left as parsed: the first corpus still says 100.
    expect(articleNamed(first, 'b.md')?.enclosures?.[0].length).toBe(100)
    rmSync(join(dir, 'media/b.png'))
    const third = await loadContent(dir, { cache })
    expect(articleNamed(third, 'b.md')?.enclosures).toBeUndefined()
    expect(third.fileWarnings).toContainEqual(expect.objectContaining({ kind: 'missing-image' }))
    expect(bytesOf(third)).toBe(bytesOf(await loadContent(dir)))
  })

  it('drops the entries of files that are gone', async () => {
    const dir = folder()
    const cache = createArticleCache()
    await loadContent(dir, { cache })
    cache.unsaved.clear()
    rmSync(join(dir, 'wire.txt'))
    await loadContent(dir, { cache })
    expect(cache.unsaved.size).toBe(0)
    expect([...cache.entries.keys()].sort()).toEqual(['a.md', 'b.md', 'broken.md', 'draft.md'])
  })

  it('is not fooled by a file that is unchanged but now shown under another path', async () => {
    const dir = folder()
    const cache = createArticleCache()
    await loadContent(dir, { cache })
    for (const entry of cache.entries.values()) entry.file = `elsewhere/${entry.file}`
    const r = await loadContent(dir, { cache })
    expect(r.problems[0].file).toBe(join(dir, 'broken.md'))
  })
})

describe('the cache file', () => {
  const made: string[] = []
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  const cacheFile = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-cache-'))
    made.push(dir)
    return join(dir, '.cache/articles.jsonl')
  }
  const lineCount = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).length

  it('gives back what was written, and a load from it is the same as one without', async () => {
    const dir = folder()
    const path = await cacheFile()
    const cache = createArticleCache()
    const first = await loadContent(dir, { cache })
    expect(writeArticleCache(cache, path)).toBe(true)
    expect(writeArticleCache(cache, path)).toBe(false)
    const read = readArticleCache(path)
    expect(read.key).toBe(cache.key)
    expect(read.entries).toEqual(cache.entries)
    const again = await loadContent(dir, { cache: read })
    expect(read.unsaved.size).toBe(0)
    expect(bytesOf(again)).toBe(bytesOf(first))
  })

  it('appends the files parsed since, and is written anew when the key changes', async () => {
    const dir = folder()
    const path = await cacheFile()
    const cache = createArticleCache()
    await loadContent(dir, { cache })
    writeArticleCache(cache, path)
    expect(lineCount(path)).toBe(6)
    writeFiles(dir, { 'a.md': md(['title: Alpha, corrected', 'date: 2024-05-01 09:00']) })
    const edited = readArticleCache(path)
    const second = await loadContent(dir, { cache: edited })
    expect(writeArticleCache(edited, path)).toBe(true)
    expect(lineCount(path)).toBe(7)
    const read = readArticleCache(path)
    expect(read.entries.get('a.md')?.hash).toBe(edited.entries.get('a.md')?.hash)
    expect(bytesOf(await loadContent(dir, { cache: read }))).toBe(bytesOf(second))
    writeFiles(dir, { 'site.yaml': SITE.replace('UTC', 'Asia/Tokyo') })
    await loadContent(dir, { cache: read })
    writeArticleCache(read, path)
    expect(lineCount(path)).toBe(6)
  })

  it('is written anew when more than half of it is stale', async () => {
    const files: Record<string, string> = { 'site.yaml': SITE }
    for (let i = 0; i < 300; i++) files[`p${i}.md`] = md([`title: P${i}`, 'date: 2024-05-01'])
    const dir = contentDir(files)
    const path = await cacheFile()
    const cache = createArticleCache()
    await loadContent(dir, { cache })
    writeArticleCache(cache, path)
    for (let i = 100; i < 300; i++) rmSync(join(dir, `p${i}.md`))
    const fewer = readArticleCache(path)
    await loadContent(dir, { cache: fewer })
    expect(writeArticleCache(fewer, path)).toBe(false)
    writeFiles(dir, { 'p1.md': md(['title: P1 again', 'date: 2024-05-01']) })
    await loadContent(dir, { cache: fewer })
    expect(writeArticleCache(fewer, path)).toBe(true)
    expect(lineCount(path)).toBe(101)
  })

  it('reads a missing or damaged file as an empty cache, and loses only a damaged line', async () => {
    const path = await cacheFile()
    const empty = (c: ArticleCache) => expect(c.entries.size).toBe(0)
    empty(readArticleCache(path))
    const dir = folder()
    const cache = createArticleCache()
    const first = await loadContent(dir, { cache })
    writeArticleCache(cache, path)
    const lines = readFileSync(path, 'utf8').split('\n')
    writeFileSync(path, `not json\n${lines.slice(1).join('\n')}`)
    empty(readArticleCache(path))
    // A build stopped half-way through appending a line.
    writeFileSync(path, [...lines.slice(0, -2), lines.at(-2)?.slice(0, 50)].join('\n'))
    const damaged = readArticleCache(path)
    expect(damaged.entries.size).toBe(cache.entries.size - 1)
    expect(bytesOf(await loadContent(dir, { cache: damaged }))).toBe(bytesOf(first))
    writeArticleCache(damaged, path)
    expect(readArticleCache(path).entries).toEqual(cache.entries)
  })
})
