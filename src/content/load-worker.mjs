// A loader worker (pool.ts) run from the source: a worker thread does not inherit the tsx loader
// of the thread that starts it, so this plain JavaScript registers tsx, then imports the
// TypeScript. The compiled CLI starts its own compiled load-worker.ts instead.
import { register } from 'tsx/esm/api'

register()
await import('./load-worker.ts')
