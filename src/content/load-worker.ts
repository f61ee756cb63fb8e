/**
 * A loader thread (`pool.ts`): processes the batches of article files it is sent, in order, and
 * says when it is ready. The CLI starts it compiled (bin/compile-cache.js); from the source,
 * `load-worker.mjs` registers tsx and imports it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Site } from '../core/corpus.ts'
import type { FileTask } from './outcome.ts'
import { processBatch } from './process-file.ts'
import type { ContentRules } from './rules.ts'

const port = parentPort
if (!port) throw new Error('[dateline] load-worker.ts runs only as a worker thread (pool.ts)')
const { site, rules } = workerData as { site: Site; rules: ContentRules }
port.on('message', ({ id, tasks, hash }: { id: number; tasks: FileTask[]; hash: boolean }) => {
  port.postMessage({ id, ...processBatch(tasks, site, hash, rules) })
})
port.postMessage({ ready: true })
