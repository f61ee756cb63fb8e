/**
 * The Node-only part of the package (`import { loadContent } from 'dateline/node'`): reading a
 * content folder and the Node server. Kept out of the main entry (src/index.ts) because both
 * import `node:fs`, `node:path` and `node:crypto`, which a Workers bundle must not carry.
 * @example
 * import { dateline } from 'dateline'
 * import { formatProblem, loadContent } from 'dateline/node'
 * const { corpus, problems } = await loadContent('content')
 * for (const p of problems) console.warn(formatProblem(p))
 * app.route('/news', dateline({ corpus, siteUrl: 'https://example.com/news' }))
 */
export { type LoadOptions, type LoadResult, loadContent } from './content/load.ts'
export { formatProblem, type Problem } from './content/problem.ts'
export { type NodeServer, type NodeServerOptions, startNodeServer } from './runtime/node-server.ts'
