/**
 * Worker threads that run `processBatch` (Node only), so a cold load of a large folder uses
 * every core. The loader hands out batches of files and keeps working itself. A worker that dies
 * never ends the load: its files are retried one by one on a fresh worker, and a file that still
 * kills its worker becomes that file's problem. A worker that cannot start at all (its entry fails
 * to load) turns the pool off, and the loader does the work on its own thread.
 */
import { Worker } from 'node:worker_threads'
import type { Site } from '../core/corpus.ts'
import { type BatchResult, type FileTask, failed, hashBytes } from './outcome.ts'
import type { processBatch } from './process-file.ts'
import type { ContentRules } from './rules.ts'

export type PoolOptions = {
  size: number
  site: Site
  rules: ContentRules
  /** Whether to hash each task's bytes (for the cache). */
  hash: boolean
  /** The worker's module; tests pass one that fails on purpose. */
  entry?: URL
  /** Parses a batch on this thread, once the pool is off (the caller has the parsers loaded). */
  processBatch: typeof processBatch
}

export type Pool = {
  /** Whether a worker can take another batch now without it waiting behind two others. */
  hasRoom: () => boolean
  /** Runs a batch on the least busy worker (on this thread once the pool is off). */
  run: (tasks: FileTask[]) => Promise<BatchResult>
  close: () => Promise<void>
}

/**
 * The compiled `load-worker.ts`, where bin/compile-cache.js compiled the CLI (it defines this
 * constant); undefined when running from the source.
 */
declare const DATELINE_LOAD_WORKER: string | undefined

/**
 * The worker's module: the compiled one beside the compiled CLI, else `load-worker.mjs`, which
 * registers tsx and imports `load-worker.ts`.
 */
export const WORKER_ENTRY = new URL(
  typeof DATELINE_LOAD_WORKER === 'string' ? DATELINE_LOAD_WORKER : './load-worker.mjs',
  import.meta.url,
)

/** Batches queued per worker: one running and one waiting, so a worker never idles between two. */
const QUEUE = 2

type Job = { tasks: FileTask[]; resolve: (r: BatchResult) => void }
type Slot = { worker: Worker; jobs: Map<number, Job>; ready: boolean; error?: Error }

/** Starts `size` workers; they load in the background while the caller works. */
export function startPool(options: PoolOptions): Pool {
  const { size, site, rules, hash, entry = WORKER_ENTRY, processBatch } = options
  let slots: Slot[] = []
  let off = false
  let closing = false
  let nextId = 0

  const spawn = () => {
    // A smaller stack than this thread's (984 KB): whatever a worker parses without running out
    // of stack, this thread would too, and what runs out is parsed again here (reachedStackLimit).
    const worker = new Worker(entry, { workerData: { site, rules }, resourceLimits: { stackSizeMb: 1 } })
    const slot: Slot = { worker, jobs: new Map(), ready: false }
    worker.on('message', (m: { ready?: true; id: number } & BatchResult) => {
      if (m.ready) slot.ready = true
      const job = slot.jobs.get(m.id)
      if (!job) return
      slot.jobs.delete(m.id)
      job.resolve(m)
    })
    worker.on('error', (e) => {
      slot.error = e
    })
    // Node delivers every message a worker sent before 'exit': by then `ready` is known.
    worker.on('exit', (code) => lost(slot, slot.error ?? new Error(`its thread exited with code ${code}`)))
    slots.push(slot)
  }

  const lost = (slot: Slot, e: Error) => {
    slots = slots.filter((s) => s !== slot)
    if (closing) return
    // A worker that never started will not start the next time either: work here instead.
    if (!slot.ready) off = true
    if (!off) spawn()
    // The worker runs its batches in order: the first was running, the others had not started.
    const [running, ...waiting] = slot.jobs.values()
    if (running) retry(running, e)
    for (const job of waiting) void run(job.tasks).then(job.resolve)
  }

  // A lost worker's batch, file by file: only a file that kills a worker on its own is reported,
  // and the others come out as they would have.
  const retry = (job: Job, e: Error) => {
    if (off) job.resolve(processBatch(job.tasks, site, hash, rules))
    else if (job.tasks.length > 1) {
      void Promise.all(job.tasks.map((task) => run([task]))).then((results) =>
        job.resolve({
          outcomes: results.flatMap((r) => r.outcomes),
          ...(hash ? { hashes: results.flatMap((r) => r.hashes ?? []) } : {}),
        }),
      )
    } else {
      const [task] = job.tasks
      job.resolve({
        outcomes: [failed(task.file, e, 'dateline stopped while reading this file')],
        ...(hash ? { hashes: [hashBytes(task.bytes)] } : {}),
      })
    }
  }

  const run = (tasks: FileTask[]): Promise<BatchResult> =>
    new Promise((resolve) => {
      if (off || slots.length === 0) {
        resolve(processBatch(tasks, site, hash, rules))
        return
      }
      const slot = slots.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a))
      const id = nextId++
      slot.jobs.set(id, { tasks, resolve })
      slot.worker.postMessage({ id, tasks, hash })
    })

  for (let i = 0; i < size; i++) spawn()
  return {
    hasRoom: () => !off && slots.some((s) => s.jobs.size < QUEUE),
    run,
    close: async () => {
      closing = true
      await Promise.all(slots.map((s) => s.worker.terminate()))
      slots = []
    },
  }
}
