// A loader worker (pool.ts): processes the batches of article files it is sent, in order. Plain
// JavaScript, because a worker thread does not inherit the tsx loader of the thread that starts
// it: this registers tsx, then imports the TypeScript.
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { processBatch } = await import('./process-file.ts')
parentPort.on('message', ({ id, tasks, hash }) => {
  parentPort.postMessage({ id, ...processBatch(tasks, workerData.site, hash) })
})
parentPort.postMessage({ ready: true })
