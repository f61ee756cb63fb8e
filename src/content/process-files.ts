/**
 * Every article file of a load → what it became, in file order (Node only): read here, one at a
 * time and in order; taken from the cache when its bytes are unchanged; else parsed in batches,
 * on this thread or on a worker (`pool.ts`), whichever is free.
 */
import { availableParallelism } from 'node:os'
import type { Site } from '../core/corpus.ts'
import { type CacheEntry, cacheKey } from './article-cache.ts'
import type { LoadOptions } from './load.ts'
import { type BatchResult, type FileOutcome, type FileTask, hashBytes, reachedStackLimit } from './outcome.ts'
import { startPool } from './pool.ts'
import { readArticleBytes } from './read-file.ts'
import { type ContentRules, DEFAULT_RULES } from './rules.ts'

/** Fewer files to parse than this are parsed on this thread: starting a worker costs more. */
export const WORKER_THRESHOLD = 1000

/** Files read and parsed per batch: the unit of work a worker takes. */
const BATCH = 32

/** Files read between two turns of the event loop when they need no parsing. */
const YIELD_EVERY = 256

/**
 * The parsers (marked, gray-matter, yaml, sanitize-html), imported when the first file needs
 * parsing: a load whose files are all in the cache never loads them (about a tenth of a second).
 */
let parsers: Promise<typeof import('./process-file.ts')> | undefined
const loadParsers = () => {
  parsers ??= import('./process-file.ts')
  return parsers
}

/** Resolves on the event loop's next turn. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/**
 * Reads every file and turns it into its outcome, in file order: from the cache when its bytes
 * are unchanged, else parsed in batches, here or on a worker. Updates the cache.
 */
export async function processFiles(
  files: string[],
  sources: string[],
  shownFiles: string[],
  site: Site,
  maxFileSize: number,
  options: LoadOptions,
  rules: ContentRules = DEFAULT_RULES,
): Promise<FileOutcome[]> {
  const { onProgress, cache, workers = 'auto' } = options
  const key = cache ? cacheKey(site, rules) : ''
  if (cache && cache.key !== key) {
    cache.entries.clear()
    cache.unsaved.clear()
    cache.key = key
  }
  const previous = cache?.entries
  const outcomes: FileOutcome[] = new Array(files.length)
  // The hash of each file's bytes, for the cache: unset for a file that could not be read.
  const hashes: (string | undefined)[] = new Array(files.length)
  const size = workers === 'auto' ? availableParallelism() - 1 : workers
  const cold = !previous?.size
  let pool: ReturnType<typeof startPool> | undefined
  let misses = 0
  const pending: Promise<void>[] = []
  let batch: { i: number; task: FileTask }[] = []
  const deep: { i: number; task: FileTask }[] = []

  const flush = async () => {
    const b = batch
    batch = []
    if (b.length === 0) return
    misses += b.length
    const { processBatch } = await loadParsers()
    if (!pool && size > 0) {
      const enough = workers !== 'auto' || (cold ? files.length : misses) >= WORKER_THRESHOLD
      if (enough)
        pool = startPool({ size, site, rules, hash: !!cache, entry: options.workerEntry, processBatch })
    }
    const place = (r: BatchResult) => {
      for (const [k, { i, task }] of b.entries()) {
        outcomes[i] = r.outcomes[k]
        hashes[i] = r.hashes?.[k]
        if (reachedStackLimit(outcomes[i])) deep.push({ i, task })
      }
    }
    const tasks = b.map((x) => x.task)
    if (pool?.hasRoom()) pending.push(pool.run(tasks).then(place))
    else {
      place(processBatch(tasks, site, !!cache, rules))
      // Lets the workers' results in (and, in `serve`, requests).
      await nextTurn()
    }
  }

  try {
    for (const [i, path] of files.entries()) {
      onProgress?.(i, files.length)
      // Cache hits never wait: let other work in now and then (in `serve`, requests).
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn()
      const file = shownFiles[i]
      const source = sources[i]
      const bytes = readArticleBytes(path, file, maxFileSize)
      if (!(bytes instanceof Uint8Array)) {
        outcomes[i] = { kind: 'problems', problems: [bytes] }
        continue
      }
      const old = previous?.get(source)
      if (old && old.file === file) {
        const hash = hashBytes(bytes)
        if (hash === old.hash) {
          outcomes[i] = old.outcome
          hashes[i] = hash
          continue
        }
      }
      batch.push({ i, task: { file, source, bytes } })
      if (batch.length === BATCH) await flush()
    }
    await flush()
    await Promise.all(pending)
  } finally {
    await pool?.close()
  }
  // A parser that ran out of stack got as far as the stack let it, which depends on the thread
  // and on how deep the call came in: such files are parsed again from the bottom of this
  // thread's stack, so that what they become does not depend on where they were first parsed.
  if (deep.length > 0) {
    const { processFile } = await loadParsers()
    for (const { i, task } of deep) {
      outcomes[i] = await new Promise((resolve) =>
        setImmediate(() => resolve(processFile(task, site, rules))),
      )
    }
  }
  if (cache) {
    // The entries of the files there are now, in their order; those parsed are not saved yet.
    const entries = new Map<string, CacheEntry>()
    const unsaved = new Set<string>()
    for (const [i, hash] of hashes.entries()) {
      if (hash === undefined) continue
      const source = sources[i]
      const old = previous?.get(source)
      const entry = old?.outcome === outcomes[i] ? old : { hash, file: shownFiles[i], outcome: outcomes[i] }
      entries.set(source, entry)
      if (entry !== old || cache.unsaved.has(source)) unsaved.add(source)
    }
    cache.entries = entries
    cache.unsaved = unsaved
  }
  return outcomes
}
