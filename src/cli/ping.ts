/** `dateline ping`: tell the site's WebSub hub which feeds changed since the last ping. */
import { formatProblem } from '../content/problem.ts'
import { normaliseSiteUrl } from '../core/site-url.ts'
import { ping as announce } from '../websub/publish-ping.ts'
import { DEFAULT_STATE_FILE, readState, sameHub, writeState } from '../websub/state.ts'
import { CONTENT, type Command, contentDirOf, flag, text } from './command.ts'
import { now } from './io.ts'
import { load } from './load-site.ts'
import { formatDuration } from './progress.ts'

/**
 * Announces the feeds that changed since the last ping to the site's WebSub hub (WebSub §5), one
 * line per feed, and records what was announced in the state file. Exit 1 when any announcement
 * failed.
 */
export const ping: Command = {
  name: 'ping',
  summary: 'tell the WebSub hub (site.yaml hub:) which feeds changed since the last ping',
  description:
    "Renders every subscription feed (the site's, each tag's and each author's, in all three\n" +
    'formats) as of now, and POSTs hub.mode=publish for each one whose ETag differs from the one\n' +
    'last announced. Prints "notified", "unchanged" or "failed" per feed. Needs SITE_URL (the\n' +
    'public URL a hub can fetch) and hub: in site.yaml.',
  options: [
    CONTENT,
    {
      name: 'state',
      value: 'FILE',
      help: 'what was last announced; keep it between runs',
      default: DEFAULT_STATE_FILE,
    },
    { name: 'all', help: 'announce every feed, changed or not' },
  ],
  exits: [
    '0  every changed feed announced',
    '1  an announcement failed, no hub configured, or site.yaml has problems',
    '2  a usage error',
  ],
  examples: ['SITE_URL=https://news.example.com dateline ping --state .dateline/websub-state.json'],
  async run(values, io) {
    const started = now(io)
    const contentDir = contentDirOf(values, io)
    const stateFile = text(values, 'state') ?? DEFAULT_STATE_FILE
    const all = flag(values, 'all')
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
    // Loaded here, not at start-up: it renders through the app, which other commands do not need.
    const { feedDocuments } = await import('../websub/feeds.ts')
    const { documents, skipped } = await feedDocuments(result.corpus, siteUrl, Date.now())
    for (const s of skipped) io.err(`[dateline] warning: not announced ${s.url}: ${s.reason}`)
    const { state: previous, warning } = await readState(stateFile)
    if (warning) io.err(`[dateline] warning: ${warning}`)
    if (previous && !sameHub(previous.hub, hub) && !all) {
      io.err(`[dateline] ${stateFile} is for the hub ${previous.hub}; announcing every feed to ${hub}`)
    }
    const { results, state } = await announce({ hub, documents, previous, all })
    const count = { notified: 0, unchanged: 0, failed: 0 }
    for (const r of results) {
      count[r.status]++
      io.out(r.status === 'failed' ? `failed ${r.url}: ${r.reason}` : `${r.status} ${r.url}`)
    }
    await writeState(stateFile, state)
    const skippedNote = skipped.length > 0 ? `, ${skipped.length} not served` : ''
    io.out(
      `[dateline] ping: ${count.notified} notified, ${count.unchanged} unchanged, ${count.failed} failed${skippedNote}; done in ${formatDuration(now(io) - started)}`,
    )
    return count.failed > 0 ? 1 : 0
  },
}
