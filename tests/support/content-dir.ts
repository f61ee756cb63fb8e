/** A throw-away copy of a content folder, so tests can edit and break files freely. */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const SAMPLE_CONTENT = new URL('../../content', import.meta.url).pathname

export async function copyOfSample(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'dateline-'))
  const dir = join(root, 'content')
  await cp(SAMPLE_CONTENT, dir, { recursive: true })
  return { dir, remove: () => rm(root, { recursive: true, force: true }) }
}

/** Polls `check` until it is true or `ms` pass; bounded, so a broken watcher fails the test. */
export async function eventually(check: () => Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`condition not met within ${ms} ms`)
}
