/**
 * The cache `build` keeps in `{out}/.cache/` (Node only): JSON Lines, a header with the cache key
 * and then one entry per line, a later line for a source replacing an earlier one. A build that
 * parsed a few files appends their entries; the file is written anew (to a temporary file renamed
 * over the old one) when the key changed or when more than half of its lines are stale.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { type ArticleCache, type CacheEntry, createArticleCache } from './article-cache.ts'

/** The file name under `{out}/.cache/`; the number changes when the format does. */
export const CACHE_FILE = 'articles-v1.jsonl'

type Header = { dateline: 'article-cache'; key: string }
type Line = { source: string } & CacheEntry

/**
 * Reads the cache file at `path`. Never fails: a missing, unreadable or damaged file is an empty
 * cache (every file is parsed again), and a damaged line loses only its entry.
 */
export function readArticleCache(path: string): ArticleCache {
  const cache = createArticleCache()
  let lines = 0
  let header: Header | undefined
  try {
    forEachLine(path, (line) => {
      if (!header) {
        header = JSON.parse(line) as Header
        if (header.dateline !== 'article-cache' || typeof header.key !== 'string') throw new Error('no cache')
        return
      }
      lines++
      try {
        const { source, hash, file, outcome } = JSON.parse(line) as Line
        if (
          typeof source === 'string' &&
          typeof hash === 'string' &&
          typeof file === 'string' &&
          outcome?.kind
        ) {
          cache.entries.set(source, { hash, file, outcome })
        }
      } catch {
        // A damaged line (a build stopped while appending): that file is parsed again.
      }
    })
  } catch {
    return createArticleCache()
  }
  if (!header) return cache
  cache.key = header.key
  cache.saved = { key: header.key, lines }
  return cache
}

/**
 * Saves what changed in `cache` since it was read or written: appends the entries of the files
 * parsed since, or writes the file anew. Returns whether it wrote.
 */
export function writeArticleCache(cache: ArticleCache, path: string): boolean {
  const { saved, entries, unsaved } = cache
  const anew = !saved || saved.key !== cache.key || saved.lines + unsaved.size > 2 * entries.size + 100
  if (!anew && unsaved.size === 0) return false
  mkdirSync(dirname(path), { recursive: true })
  const target = anew ? `${path}.${process.pid}.tmp` : path
  const fd = openSync(target, anew ? 'w' : 'a+')
  let lines = anew ? 0 : saved.lines
  try {
    const header: Header = { dateline: 'article-cache', key: cache.key }
    // Appended lines start on a line of their own, even after one a stopped build left half
    // written.
    let chunk = anew ? `${JSON.stringify(header)}\n` : endsLine(fd) ? '' : '\n'
    for (const source of anew ? entries.keys() : unsaved) {
      const entry = entries.get(source)
      if (!entry) continue
      chunk += `${JSON.stringify({ source, ...entry })}\n`
      lines++
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }
    writeSync(fd, chunk)
  } catch (e) {
    closeSync(fd)
    if (anew) rmSync(target, { force: true })
    throw e
  }
  closeSync(fd)
  if (anew) renameSync(target, path)
  cache.saved = { key: cache.key, lines }
  unsaved.clear()
  return true
}

/** Whether the open file is empty or ends with a line feed. */
function endsLine(fd: number): boolean {
  const size = fstatSync(fd).size
  const last = Buffer.alloc(1)
  return size === 0 || (readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 10)
}

/**
 * Calls `take` with each non-empty line of the UTF-8 file at `path`, read a few megabytes at a
 * time. A line feed byte is never part of a longer UTF-8 sequence, so lines are cut on bytes.
 */
function forEachLine(path: string, take: (line: string) => void): void {
  const fd = openSync(path, 'r')
  try {
    let buffer = Buffer.allocUnsafe(8 << 20)
    let filled = 0
    for (;;) {
      if (filled === buffer.length) {
        // A line longer than the buffer: make room for the rest of it.
        const bigger = Buffer.allocUnsafe(buffer.length * 2)
        buffer.copy(bigger, 0, 0, filled)
        buffer = bigger
      }
      const read = readSync(fd, buffer, filled, buffer.length - filled, null)
      filled += read
      const view = buffer.subarray(0, filled)
      let start = 0
      for (let end = view.indexOf(10); end !== -1; end = view.indexOf(10, start)) {
        if (end > start) take(view.toString('utf8', start, end))
        start = end + 1
      }
      if (read === 0) {
        if (filled > start) take(buffer.toString('utf8', start, filled))
        return
      }
      buffer.copy(buffer, 0, start, filled)
      filled -= start
    }
  } finally {
    closeSync(fd)
  }
}
