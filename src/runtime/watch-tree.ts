/**
 * Watches a folder tree and calls back, debounced, when something in it changes. It survives the
 * folder going away: `fs.watch` stops for good when the watched folder is deleted or renamed (as
 * a deploy that swaps folders does), so the watcher then polls until the folder is back, watches
 * it again and reports one change, so whatever came back is loaded.
 */
import { existsSync, type FSWatcher, watch } from 'node:fs'

export type FolderWatcher = { close: () => void }

export type WatchOptions = {
  /** Editors write a file in several steps; wait this long after the last event. */
  debounceMs?: number
  /** How often to look for the folder while it is missing. */
  pollMs?: number
  /** Called once when the folder disappears, before polling starts. */
  onMissing?: () => void
}

export function watchFolder(
  dir: string,
  onChange: (name: string | undefined) => void,
  { debounceMs = 150, pollMs = 500, onMissing }: WatchOptions = {},
): FolderWatcher {
  let watcher: FSWatcher | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let poll: ReturnType<typeof setInterval> | undefined
  let closed = false

  const lost = () => {
    if (closed || poll) return
    watcher?.close()
    watcher = undefined
    onMissing?.()
    poll = setInterval(() => {
      if (!existsSync(dir)) return
      clearInterval(poll)
      poll = undefined
      start()
      if (watcher) onChange(undefined)
    }, pollMs)
    poll.unref?.()
  }

  const start = () => {
    try {
      watcher = watch(dir, { recursive: true }, (_event, name) => {
        clearTimeout(timer)
        timer = setTimeout(() => (existsSync(dir) ? onChange(name ?? undefined) : lost()), debounceMs)
      })
      // An unhandled 'error' event would end the process: a lost folder is not a crash.
      watcher.on('error', lost)
    } catch {
      lost()
    }
  }

  start()
  return {
    close: () => {
      closed = true
      clearTimeout(timer)
      clearInterval(poll)
      watcher?.close()
    },
  }
}
