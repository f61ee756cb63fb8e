/** `dateline serve`: the app on Node, reloading when the content changes (what `npm start` runs). */
import { CONTENT, type Command, contentDirOf, text, UsageError } from './command.ts'
import { now } from './io.ts'
import { formatDuration } from './progress.ts'

/** Why `value` is not a port, naming where it came from; undefined when it is one. */
export function portProblem(value: string, source: string): string | undefined {
  const port = Number(value)
  return /^\d+$/.test(value.trim()) && Number.isInteger(port) && port >= 0 && port <= 65535
    ? undefined
    : `${source} must be a whole number from 0 to 65535, not "${value}"`
}

export const serve: Command = {
  name: 'serve',
  summary: 'serve the content on Node, reloading on change (what npm start runs)',
  description:
    'Serves the feeds and pages over HTTP on Node and reloads when a file under the content folder\n' +
    'changes; a file that breaks keeps its last good version until it is fixed. Links use SITE_URL\n' +
    '(default http://localhost:{port}). Runs until stopped with Ctrl-C.',
  options: [
    CONTENT,
    {
      name: 'port',
      value: 'N',
      help: 'the port to listen on; 0 picks a free one',
      default: '$PORT, else 8787',
      check: (value) => portProblem(value, '--port'),
    },
  ],
  exits: [
    '0  never while serving (stop it with Ctrl-C)',
    '1  site.yaml has problems, or the port is taken',
    '2  a usage error',
  ],
  examples: ['PORT=3000 dateline serve --content content'],
  async run(values, io) {
    const started = now(io)
    const contentDir = contentDirOf(values, io)
    const portText = text(values, 'port') ?? (io.env.PORT || '8787')
    const wrong = text(values, 'port') ? undefined : portProblem(portText, 'PORT')
    if (wrong) throw new UsageError(`${wrong}; fix PORT or pass --port N`)
    const { startNodeServer } = await import('../runtime/node-server.ts')
    const server = await startNodeServer({
      contentDir,
      port: Number(portText),
      siteUrl: io.env.SITE_URL,
      log: io.out,
    })
    io.out(
      `[dateline] serving ${contentDir} at ${server.url} (started in ${formatDuration(now(io) - started)}; Ctrl-C to stop)`,
    )
    return 0
  },
}
