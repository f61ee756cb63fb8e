import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type FolderWatcher, watchFolder } from '../../src/runtime/watch-tree.ts'
import { eventually } from '../support/content-dir.ts'

let watcher: FolderWatcher | undefined
let root: string | undefined
afterEach(async () => {
  watcher?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('watchFolder', () => {
  it('reports a change once per burst of writes', async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-watch-'))
    const changes: (string | undefined)[] = []
    watcher = watchFolder(root, (name) => changes.push(name), { debounceMs: 100 })
    for (let i = 0; i < 5; i++) await writeFile(join(root, 'a.md'), `version ${i}`)
    await eventually(async () => changes.length > 0)
    await new Promise((r) => setTimeout(r, 300))
    expect(changes).toEqual(['a.md'])
  })

  it('notices the folder going away and watches it again when it is back', async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-watch-'))
    const dir = join(root, 'content')
    await mkdir(dir)
    const changes: (string | undefined)[] = []
    let missing = 0
    watcher = watchFolder(dir, (name) => changes.push(name), {
      debounceMs: 50,
      pollMs: 50,
      onMissing: () => missing++,
    })
    await rm(dir, { recursive: true })
    await eventually(async () => missing === 1)
    await mkdir(dir)
    // Coming back counts as a change: the folder may hold anything now.
    await eventually(async () => changes.includes(undefined))
    await writeFile(join(dir, 'b.md'), 'new')
    await eventually(async () => changes.includes('b.md'))
    expect(missing).toBe(1)
  })

  it('does not throw for a folder that does not exist yet, and picks it up when it appears', async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-watch-'))
    const dir = join(root, 'later')
    const changes: (string | undefined)[] = []
    watcher = watchFolder(dir, (name) => changes.push(name), { debounceMs: 50, pollMs: 50 })
    await mkdir(dir)
    await eventually(async () => changes.includes(undefined))
  })
})
