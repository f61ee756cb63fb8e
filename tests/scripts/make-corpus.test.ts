import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'

const SCRIPT = new URL('../../scripts/make-corpus.mjs', import.meta.url).pathname

let root = ''
afterEach(() => rm(root, { recursive: true, force: true }))

function make(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [SCRIPT, ...args], (err, stdout, stderr) =>
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr }),
    )
  })
}

/** Every file under `dir` with its bytes, by relative path. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
  const out = new Map<string, string>()
  for (const e of files)
    out.set(join(e.parentPath, e.name).slice(dir.length), await readFile(join(e.parentPath, e.name), 'utf8'))
  return out
}

describe('make-corpus', () => {
  it('does write N valid articles, Markdown and dateline, with drafts, a scheduled one and many tags', async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-corpus-'))
    const r = await make('600', join(root, 'a'))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^\[dateline\] make-corpus: 600 articles \([\d.]+ MB\) and site\.yaml in /)
    const files = await snapshot(join(root, 'a'))
    const names = [...files.keys()]
    expect(names).toContain('/site.yaml')
    expect(names.filter((n) => n.endsWith('.md'))).toHaveLength(400)
    expect(names.filter((n) => n.endsWith('.txt'))).toHaveLength(200)
    for (const [name, text] of files) {
      if (name === '/site.yaml') continue
      const size = Buffer.byteLength(text)
      expect(size, name).toBeGreaterThanOrEqual(1000)
      expect(size, name).toBeLessThanOrEqual(6000)
    }
    const { corpus, problems, counts } = await loadContent(join(root, 'a'))
    expect(problems).toEqual([])
    expect(counts).toEqual({ files: 600, drafts: 3 })
    expect(corpus.articles).toHaveLength(597)
    expect(corpus.articles.filter((a) => a.date.startsWith('2099'))).toHaveLength(1)
    expect(new Set(corpus.articles.flatMap((a) => a.tags)).size).toBeGreaterThan(20)
    expect(new Set(corpus.articles.flatMap((a) => a.authors.map((x) => x.name))).size).toBeGreaterThan(15)
  })

  it('does write the same bytes for the same N', async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-corpus-'))
    await make('50', join(root, 'a'))
    await make('50', join(root, 'b'))
    expect(await snapshot(join(root, 'b'))).toEqual(await snapshot(join(root, 'a')))
  })

  it('does refuse a bad N or a folder that is not empty, with exit 2', async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-corpus-'))
    await writeFile(join(root, 'keep.txt'), 'mine')
    const full = await make('5', root)
    expect(full.code).toBe(2)
    expect(full.stderr).toContain(`${root} is not empty; remove it or pick another folder`)
    expect((await stat(join(root, 'keep.txt'))).size).toBe(4)
    for (const n of ['0', 'ten', '1.5']) {
      const bad = await make(n, join(root, 'x'))
      expect(bad.code, n).toBe(2)
      expect(bad.stderr).toContain(`N must be a whole number from 1 to 1000000, not "${n}"`)
    }
    expect((await make()).code).toBe(2)
  })
})
