import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { compiledCli, ROOT, sourceKey } from '../../bin/compile-cache.js'
import { BIN } from './helpers.ts'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A project of two entries, the second importing the first lazily. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'dateline-compile-'))
  dirs.push(root)
  mkdirSync(join(root, 'src/cli'), { recursive: true })
  writeFileSync(
    join(root, 'src/cli/main.ts'),
    "export const where: string = import.meta.url\nexport const later = () => import('./later.ts')\n",
  )
  writeFileSync(join(root, 'src/cli/later.ts'), 'export const answer: number = 42\n')
  writeFileSync(join(root, 'src/cli/worker.ts'), "export const worker = 'ok'\n")
  return root
}

const ENTRIES = { main: 'src/cli/main.ts', 'load-worker': 'src/cli/worker.ts' }
const compile = (root: string) => compiledCli({ root, entries: ENTRIES })

describe('compiledCli', () => {
  it('compiles once per version of the source, and the bundle behaves as the source', async () => {
    const root = project()
    const first = await compile(root)
    expect(first.compiled).toBe(true)
    const again = await compile(root)
    expect(again).toEqual({ ...first, compiled: false })
    const mod = await import(first.main.href)
    // import.meta.url is the source's, and the lazy import is a chunk of its own.
    expect(mod.where).toBe(pathToFileURL(join(root, 'src/cli/main.ts')).href)
    expect((await mod.later()).answer).toBe(42)
    const files = readdirSync(first.dir)
    expect(files).toEqual(expect.arrayContaining(['main.mjs', 'main.mjs.map', 'load-worker.mjs']))
    expect(files.filter((f) => f.endsWith('.mjs')).length).toBeGreaterThan(2)

    writeFileSync(join(root, 'src/cli/later.ts'), 'export const answer: number = 43\n')
    const edited = await compile(root)
    expect(edited.compiled).toBe(true)
    expect(edited.dir).not.toBe(first.dir)
    expect((await (await import(edited.main.href)).later()).answer).toBe(43)
  })

  it('lets two compiles of the same version race, leaving one folder and no temporary ones', async () => {
    const root = project()
    const results = await Promise.all([compile(root), compile(root), compile(root)])
    expect(new Set(results.map((r) => r.dir)).size).toBe(1)
    const cache = join(root, 'node_modules/.cache/dateline')
    expect(readdirSync(cache)).toEqual([results[0].dir.slice(cache.length + 1)])
    expect(existsSync(results[0].main)).toBe(true)
  })

  it('fails on source that cannot be compiled, and leaves nothing behind', async () => {
    const root = project()
    writeFileSync(join(root, 'src/cli/later.ts'), 'export const = ;\n')
    await expect(compile(root)).rejects.toThrow()
    expect(readdirSync(join(root, 'node_modules/.cache/dateline'))).toEqual([])
  })

  it('keys the version on every source file', () => {
    const root = project()
    const before = sourceKey(root, ENTRIES)
    expect(sourceKey(root, ENTRIES)).toBe(before)
    writeFileSync(join(root, 'src/cli/unused.ts'), 'export {}\n')
    expect(sourceKey(root, ENTRIES)).not.toBe(before)
  })
})

describe('bin/dateline.js', () => {
  it('runs the compiled CLI of the current source', async () => {
    const { dir } = await compiledCli()
    expect(dir.startsWith(join(ROOT, 'node_modules/.cache/dateline/cli-'))).toBe(true)
    const stderr = await new Promise<string>((resolve) =>
      execFile('node', [BIN, 'help'], { env: { PATH: process.env.PATH } }, (_, _out, err) => resolve(err)),
    )
    // No warning: the tsx fallback was not needed.
    expect(stderr).toBe('')
  })
})
