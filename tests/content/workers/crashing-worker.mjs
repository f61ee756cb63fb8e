// A loader worker (as src/content/load-worker.mjs) that dies on any batch holding a file named
// crash.md, as a worker does when a parser exhausts its memory or a library ends its thread.
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { processBatch } = await import('../../../src/content/process-file.ts')
parentPort.on('message', ({ id, tasks, hash }) => {
  if (tasks.some((t) => t.source.endsWith('crash.md'))) throw new Error('the test worker fails on crash.md')
  parentPort.postMessage({ id, ...processBatch(tasks, workerData.site, hash) })
})
parentPort.postMessage({ ready: true })
