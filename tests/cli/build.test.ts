import { existsSync } from 'node:fs'
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run, workspace } from './helpers.ts'

describe('dateline build', () => {
  it('writes the corpus, and leaves it untouched when nothing changed', async () => {
    const { root } = await workspace()
    const first = await run(['build'], root)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(
      /^\[dateline\] build: .* 0 problems, 0 warnings; wrote build\/corpus\.json; 2 media files, 2 changed; 6 files read in \d+(\.\d)? m?s\n$/,
    )
    const path = join(root, 'build/corpus.json')
    const corpus = JSON.parse(await readFile(path, 'utf8'))
    expect(corpus.articles).toHaveLength(5)
    // The media the Worker serves as static assets (wrangler.toml [assets]).
    const svg = await readFile(join(root, 'build/public/media/ferry.svg'))
    expect(svg.equals(await readFile(join(root, 'content/media/ferry.svg')))).toBe(true)
    const before = (await stat(path)).mtimeMs
    const again = await run(['build'], root)
    expect(again.stdout).toContain('unchanged')
    expect((await stat(path)).mtimeMs).toBe(before)
  })

  it('writes nothing while there are problems, unless --skip-invalid', async () => {
    const { root, content } = await workspace()
    await writeFile(join(content, 'broken.md'), '---js\n{ title: "x" }\n---\nText\n')
    const refused = await run(['build'], root)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('content/broken.md:1: JavaScript front matter (---js) is not allowed')
    expect(existsSync(join(root, 'build'))).toBe(false)
    const skipped = await run(['build', '--skip-invalid', '--out', 'out'], root)
    expect(skipped.code).toBe(0)
    expect(skipped.stderr).toContain('skipped: broken.md')
    expect(JSON.parse(await readFile(join(root, 'out/corpus.json'), 'utf8')).articles).toHaveLength(5)
  })

  it('keeps a cache in {out}/.cache, and a build from it writes what a build without it writes', async () => {
    const { root, content } = await workspace()
    expect((await run(['build'], root)).code).toBe(0)
    const cacheFile = join(root, 'build/.cache/articles-v1.jsonl')
    expect(existsSync(cacheFile)).toBe(true)
    const corpusFile = join(root, 'build/corpus.json')
    const text = await readFile(corpusFile, 'utf8')
    expect(text).toBe(`${JSON.stringify(JSON.parse(text))}\n`)
    // An edited article, and a time zone that moves every date written without an offset.
    await appendFile(join(content, 'flood-barrier-opens.md'), '\nA correction.\n')
    const site = await readFile(join(content, 'site.yaml'), 'utf8')
    for (const change of [
      () => {},
      () => writeFile(join(content, 'site.yaml'), site.replace('Europe/London', 'Asia/Tokyo')),
    ]) {
      await change()
      const cached = await run(['build'], root)
      expect(cached.code).toBe(0)
      expect(cached.stdout).toContain('wrote build/corpus.json')
      const fresh = await run(['build', '--out', 'fresh'], root)
      expect(fresh.code).toBe(0)
      expect(await readFile(corpusFile, 'utf8')).toBe(await readFile(join(root, 'fresh/corpus.json'), 'utf8'))
      await writeFile(join(root, 'fresh/.cache/articles-v1.jsonl'), '')
    }
    expect(await readFile(corpusFile, 'utf8')).toContain('A correction.')
  })
})
