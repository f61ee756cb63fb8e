/**
 * `dateline check | build | export | serve | ping`. Exit codes: 0 done, 1 problems in the content
 * (or a failed ping), 2 a usage error (unknown command or flag, bad value).
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { type LoadResult, loadContent } from './content/load.ts'
import { formatProblem } from './content/problem.ts'
import { published } from './feeds/select.ts'
import { copyMedia, exportSite, writeCorpus } from './output.ts'
import { normaliseSiteUrl } from './site-url.ts'
import { feedDocuments } from './websub/feeds.ts'
import { ping } from './websub/ping.ts'
import { DEFAULT_STATE_FILE, readState, sameHub, writeState } from './websub/state.ts'

type Io = {
  out: (line: string) => void
  err: (line: string) => void
  env: Record<string, string | undefined>
}

const USAGE = `Usage: dateline <command> [options]

Commands:
  check    list every problem in the content; exit 1 if there is any
  build    write the corpus the Worker imports (default out: build/)
  export   write static feeds and pages for any host (default out: dist/)
  serve    serve the content on Node, reloading on change (what npm start runs)
  ping     tell the WebSub hub (site.yaml hub:) which feeds changed since the last ping

Options:
  --content DIR     content folder (default: $CONTENT_DIR or content)
  --out DIR         output folder (build, export)
  --skip-invalid    build/export: leave out files with problems instead of failing
  --port N          serve: port (default: $PORT or 8787)
  --all             ping: announce every feed, changed or not
  --state FILE      ping: what was last announced (default: .dateline/websub-state.json)
  -h, --help        show this help

Environment: SITE_URL (the public URL; default http://localhost:8787), CONTENT_DIR, PORT.`

class UsageError extends Error {}

/** Runs one command; resolves to the exit code (serve resolves once the server listens). */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (e) {
    io.err(`[dateline] ${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { command, values } = parsed
  if (values.help || command === 'help') {
    io.out(USAGE)
    return 0
  }
  const contentDir = values.content ?? io.env.CONTENT_DIR ?? 'content'
  try {
    switch (command) {
      case 'check':
        return await check(contentDir, io)
      case 'build':
        return await build(contentDir, values.out ?? 'build', values['skip-invalid'] ?? false, io)
      case 'export':
        return await exportCommand(contentDir, values.out ?? 'dist', values['skip-invalid'] ?? false, io)
      case 'serve':
        return await serveCommand(contentDir, values.port ?? io.env.PORT ?? '8787', io)
      case 'ping':
        return await pingCommand(contentDir, values.state ?? DEFAULT_STATE_FILE, values.all ?? false, io)
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given')
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`[dateline] ${e.message}\n\n${USAGE}`)
      return 2
    }
    io.err(
      (e as Error).message.startsWith('[dateline]')
        ? (e as Error).message
        : `[dateline] ${(e as Error).message}`,
    )
    return 1
  }
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      port: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      all: { type: 'boolean' },
      state: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (positionals.length > 1) throw new Error(`unexpected argument "${positionals[1]}"`)
  return { command: positionals[0], values }
}

async function load(contentDir: string, io: Io): Promise<LoadResult> {
  const result = await loadContent(contentDir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') {
      throw new Error(
        `[dateline] content folder "${contentDir}" not found; pass --content DIR or set CONTENT_DIR`,
      )
    }
    throw e
  })
  for (const w of result.warnings) io.err(`[dateline] warning: ${w}`)
  return result
}

function summary(result: LoadResult): string {
  const now = Date.now()
  const live = published(result.corpus, now).articles.length
  const scheduled = result.corpus.articles.length - live
  const problems = result.problems.length + result.siteProblems.length
  return `${live} published, ${scheduled} scheduled, ${result.counts.drafts} drafts, ${problems} problem${problems === 1 ? '' : 's'}`
}

async function check(contentDir: string, io: Io): Promise<number> {
  const result = await load(contentDir, io)
  for (const p of [...result.siteProblems, ...result.problems]) io.out(formatProblem(p))
  io.out(summary(result))
  return result.siteProblems.length + result.problems.length > 0 ? 1 : 0
}

/** Loads and applies the build rules: refuse on any problem unless skipping invalid files. */
async function loadForOutput(contentDir: string, skipInvalid: boolean, io: Io): Promise<LoadResult | null> {
  const result = await load(contentDir, io)
  for (const p of result.siteProblems) io.err(formatProblem(p))
  if (result.siteProblems.length > 0) return null
  for (const p of result.problems) io.err(formatProblem(p))
  if (result.problems.length > 0 && !skipInvalid) {
    io.err(
      `[dateline] ${result.problems.length} problem(s); nothing written. Fix them, or pass --skip-invalid`,
    )
    return null
  }
  if (result.rejected.length > 0) io.err(`[dateline] skipped: ${result.rejected.join(', ')}`)
  return result
}

async function build(contentDir: string, out: string, skipInvalid: boolean, io: Io): Promise<number> {
  const result = await loadForOutput(contentDir, skipInvalid, io)
  if (!result) return 1
  const written = await writeCorpus(result.corpus, out)
  // wrangler.toml serves build/public as static assets, before the Worker runs.
  const media = await copyMedia(contentDir, join(out, 'public'))
  io.out(
    `[dateline] build: ${summary(result)}; ${written ? 'wrote' : 'unchanged'} ${written ?? `${out}/corpus.json`}; ${media.files} media files, ${media.changed} changed`,
  )
  return 0
}

async function exportCommand(contentDir: string, out: string, skipInvalid: boolean, io: Io): Promise<number> {
  const result = await loadForOutput(contentDir, skipInvalid, io)
  if (!result) return 1
  const pages = await exportSite(result.corpus, out, io.env.SITE_URL)
  const media = await copyMedia(contentDir, out)
  const files = pages.files + media.files
  io.out(
    `[dateline] export: ${summary(result)}; ${files} files in ${out}/, ${pages.changed + media.changed} changed`,
  )
  return 0
}

async function serveCommand(contentDir: string, portText: string, io: Io): Promise<number> {
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${portText}"`)
  }
  const { startNodeServer } = await import('./node.ts')
  const server = await startNodeServer({ contentDir, port, siteUrl: io.env.SITE_URL, log: io.out })
  io.out(`[dateline] serving ${contentDir} at ${server.url} (Ctrl-C to stop)`)
  return 0
}

/**
 * Announces the feeds that changed since the last ping to the site's WebSub hub (WebSub §5), one
 * line per feed, and records what was announced in `stateFile`. Exit 1 when any announcement failed.
 */
async function pingCommand(contentDir: string, stateFile: string, all: boolean, io: Io): Promise<number> {
  const result = await load(contentDir, io)
  for (const p of result.siteProblems) io.err(formatProblem(p))
  if (result.siteProblems.length > 0) {
    io.err('[dateline] ping: fix site.yaml first; nothing was announced')
    return 1
  }
  // The valid articles are what the app publishes, so they are what is announced.
  for (const p of result.problems) io.err(formatProblem(p))
  const hub = result.corpus.site.hub
  if (!hub) {
    throw new Error(
      `[dateline] ping: no WebSub hub configured; add a line such as "hub: https://pubsubhubbub.appspot.com/" to ${contentDir}/site.yaml`,
    )
  }
  if (!io.env.SITE_URL?.trim()) {
    io.err(
      '[dateline] warning: SITE_URL is not set, so the feeds are announced as http://localhost:8787/…, which a hub cannot fetch; set SITE_URL to the public URL',
    )
  }
  const siteUrl = normaliseSiteUrl(io.env.SITE_URL)
  const { documents, skipped } = await feedDocuments(result.corpus, siteUrl, Date.now())
  for (const s of skipped) io.err(`[dateline] warning: not announced ${s.url}: ${s.reason}`)
  const { state: previous, warning } = await readState(stateFile)
  if (warning) io.err(`[dateline] warning: ${warning}`)
  if (previous && !sameHub(previous.hub, hub) && !all) {
    io.err(`[dateline] ${stateFile} is for the hub ${previous.hub}; announcing every feed to ${hub}`)
  }
  const { results, state } = await ping({ hub, documents, previous, all })
  const count = { notified: 0, unchanged: 0, failed: 0 }
  for (const r of results) {
    count[r.status]++
    io.out(r.status === 'failed' ? `failed ${r.url}: ${r.reason}` : `${r.status} ${r.url}`)
  }
  await writeState(stateFile, state)
  const skippedNote = skipped.length > 0 ? `, ${skipped.length} not served` : ''
  io.out(
    `[dateline] ping: ${count.notified} notified, ${count.unchanged} unchanged, ${count.failed} failed${skippedNote}`,
  )
  return count.failed > 0 ? 1 : 0
}

function defaultIo(): Io {
  return { out: (l) => console.log(l), err: (l) => console.error(l), env: process.env }
}
