import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeCorpus } from '../../src/content/load.ts'
import type { Article } from '../../src/core/corpus.ts'
import { copyMedia, writeCorpus } from '../../src/output/write-site.ts'
import { contentDir, makeSite } from '../content/helpers.ts'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function outDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-output-'))
  dirs.push(dir)
  return dir
}

/** `n` articles of about 4 KB each, some of them not ASCII: a corpus of many written pieces. */
function corpusOf(n: number, edit = -1) {
  const articles: Article[] = Array.from({ length: n }, (_, i) => ({
    source: `a${i}.md`,
    slug: `a${i}`,
    id: null,
    title: i === edit ? `Edited ${i}` : `Article ${i} — ünïcödé`,
    date: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    updated: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    authors: [{ name: 'Desk' }],
    tags: ['x'],
    summary: 'Summary.',
    html: `<p>${'Text 東京 🌤 '.repeat(300)}</p>`,
  }))
  return makeCorpus(makeSite(), articles)
}

describe('writeCorpus', () => {
  it('writes JSON.stringify(corpus) and a newline, a piece at a time', async () => {
    const out = await outDir()
    for (const corpus of [corpusOf(0), corpusOf(2), corpusOf(800)]) {
      expect((await writeCorpus(corpus, out)).path).toBe(join(out, 'corpus.json'))
      expect(await readFile(join(out, 'corpus.json'), 'utf8')).toBe(`${JSON.stringify(corpus)}\n`)
    }
    expect(readdirSync(out)).toEqual(['corpus.json'])
  })

  it('leaves the file (and its mtime) alone when the bytes are the same', async () => {
    const out = await outDir()
    await writeCorpus(corpusOf(800), out)
    const before = (await stat(join(out, 'corpus.json'))).mtimeMs
    await new Promise((r) => setTimeout(r, 20))
    expect((await writeCorpus(corpusOf(800), out)).path).toBeNull()
    expect((await stat(join(out, 'corpus.json'))).mtimeMs).toBe(before)
  })

  it('rewrites the file when it differs anywhere: early, late, longer or shorter', async () => {
    const out = await outDir()
    const path = join(out, 'corpus.json')
    const cases = [corpusOf(800, 3), corpusOf(800, 790), corpusOf(900), corpusOf(700), corpusOf(700)]
    await writeCorpus(corpusOf(800), out)
    for (const [k, corpus] of cases.entries()) {
      expect((await writeCorpus(corpus, out)).path).toBe(k === 4 ? null : path)
      expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(corpus)}\n`)
    }
    // The old file with something after the same bytes: the extra is cut.
    await writeFile(path, `${JSON.stringify(cases[4])}\n{}`)
    expect((await writeCorpus(cases[4], out)).path).toBe(path)
    expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(cases[4])}\n`)
    expect(existsSync(join(out, `corpus.json.${process.pid}.tmp`))).toBe(false)
  })
})

describe('copyMedia', () => {
  it("copies the content folder's media, then the static folders', the content folder's first", async () => {
    const root = contentDir({
      'content/a.md': '---\ntitle: A\n---\n',
      'content/img/shared.png': 'from content',
      'static/img/shared.png': 'from static',
      'static/img/only.svg': '<svg/>',
      'static/notes.txt': 'not media',
    })
    const out = join(root, 'out')
    const first = await copyMedia(join(root, 'content'), out, [join(root, 'static')])
    expect(first).toEqual({ files: 2, changed: 2 })
    expect(await readFile(join(out, 'img/shared.png'), 'utf8')).toBe('from content')
    expect(await readFile(join(out, 'img/only.svg'), 'utf8')).toBe('<svg/>')
    expect(existsSync(join(out, 'notes.txt'))).toBe(false)
    expect(await copyMedia(join(root, 'content'), out, [join(root, 'static')])).toEqual({
      files: 2,
      changed: 0,
    })
  })
})
