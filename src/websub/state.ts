/**
 * What `dateline ping` remembers between runs: the hub it announced to, and for each feed URL the
 * `ETag` of the document it last announced. A feed whose tag still matches has not changed since
 * the hub was told, so it is not announced again (WebSub §5: the publisher informs the hub when a
 * topic has been updated).
 */
import { randomUUID } from 'node:crypto'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export type PingState = {
  /** The hub the tags below were announced to. */
  hub: string
  /** Feed URL → the `ETag` of the document last announced for it. */
  etags: Record<string, string>
}

/** Where the state lives unless `--state FILE` says otherwise, relative to the current folder. */
export const DEFAULT_STATE_FILE = '.dateline/websub-state.json'

const VERSION = 1

/**
 * Reads the state file. A missing file is an empty state (`null`); a file that is not a state
 * (bad JSON, wrong shape) is also `null`, with a warning saying so, because the worst that an
 * empty state causes is announcing every feed once more. Any other read error throws.
 */
export async function readState(file: string): Promise<{ state: PingState | null; warning?: string }> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: null }
    throw new Error(`[dateline] cannot read the ping state ${file}: ${(e as Error).message}`)
  }
  const why = (reason: string) => ({
    state: null,
    warning: `${file} is not a ping state file (${reason}); treating it as empty, so every feed counts as changed`,
  })
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return why(`invalid JSON: ${(e as Error).message}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return why('not a JSON object')
  const { version, hub, etags } = data as Record<string, unknown>
  if (version !== VERSION) return why(`"version" is ${JSON.stringify(version)}, expected ${VERSION}`)
  if (typeof hub !== 'string') return why('"hub" is not a string')
  if (typeof etags !== 'object' || etags === null || Array.isArray(etags)) {
    return why('"etags" is not an object')
  }
  for (const [url, etag] of Object.entries(etags)) {
    if (typeof etag !== 'string') return why(`the tag of ${url} is not a string`)
  }
  return { state: { hub, etags: { ...(etags as Record<string, string>) } } }
}

/**
 * Writes the state atomically: a temporary file in the same folder, flushed, then renamed over
 * the old one, so that a crash or a full disk never leaves half a file behind (rename(2) replaces
 * the target in one step). Keys are sorted so the file diffs cleanly; a file that already holds
 * this state is left alone.
 */
export async function writeState(file: string, state: PingState): Promise<void> {
  const etags = Object.fromEntries(
    Object.entries(state.etags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  )
  const text = `${JSON.stringify({ version: VERSION, hub: state.hub, etags }, null, 2)}\n`
  // Unchanged state: the file (and its mtime) stay as they are.
  if ((await readFile(file, 'utf8').catch(() => null)) === text) return
  const dir = dirname(file)
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`)
  try {
    await mkdir(dir, { recursive: true })
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (e) {
    await rm(temp, { force: true })
    throw new Error(
      `[dateline] cannot write the ping state ${file}: ${(e as Error).message}; the next ping will announce these feeds again (pass --state FILE to keep it elsewhere)`,
    )
  }
}

/** Whether two hub URLs are the same hub (compared as parsed URLs: `https://H` = `https://h/`). */
export function sameHub(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href
  } catch {
    return a === b
  }
}

/**
 * The tags already announced to `hub`. A state kept for another hub says nothing about what this
 * hub was told, so it counts as empty and every feed is announced.
 */
export function announcedTo(state: PingState | null, hub: string): Record<string, string> {
  return state && sameHub(state.hub, hub) ? state.etags : {}
}
