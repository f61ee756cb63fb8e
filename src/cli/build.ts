/** `dateline build`: the corpus the Worker imports, and the media it serves as static assets. */
import { join } from 'node:path'
import { CACHE_FILE, readArticleCache, writeArticleCache } from '../content/article-cache-file.ts'
import { copyMedia, type ShardMode, writeCorpus } from '../output/write-site.ts'
import type { ShardStats } from '../shards/write.ts'
import {
  CONTENT,
  type Command,
  contentDirOf,
  flag,
  type OptionSpec,
  out,
  SKIP_INVALID,
  STRICT,
  text,
  UsageError,
} from './command.ts'
import { now } from './io.ts'
import { loadForOutput, summary } from './load-site.ts'
import { formatDuration } from './progress.ts'

const SHARDS: OptionSpec = {
  name: 'shards',
  value: 'WHEN',
  help: 'keep the articles in pieces in {out}/public/_dateline/ instead of the bundle: auto, always, never',
  default: 'auto (above about 4 MB of corpus, ~1,000 articles)',
}
const SHARD_MODES: ShardMode[] = ['auto', 'always', 'never']

export const build: Command = {
  name: 'build',
  summary: 'write the corpus the Worker imports (default out: build/)',
  description:
    'Loads the content and writes {out}/corpus.json, which the Worker imports, and copies the\n' +
    "media files to {out}/public (wrangler.toml's static assets). Writes nothing while there are\n" +
    'problems, unless --skip-invalid; a file is rewritten only when its bytes change. What each\n' +
    'article file became is kept in {out}/.cache/, so the next build parses only changed files.\n' +
    'A big corpus stays out of the bundle: the articles dated up to now go to the static assets in\n' +
    'pieces, and the Worker reads only the pieces a request needs (README, "Big sites").',
  options: [CONTENT, out('build'), SKIP_INVALID, STRICT, SHARDS],
  exits: [
    '0  written (or already up to date)',
    '1  problems in the content; nothing written',
    '2  a usage error',
  ],
  examples: ['dateline build --content content --out build'],
  async run(values, io) {
    const started = now(io)
    const contentDir = contentDirOf(values, io)
    const dir = text(values, 'out') ?? 'build'
    const shards = (text(values, 'shards') ?? 'auto') as ShardMode
    if (!SHARD_MODES.includes(shards)) throw new UsageError(`--shards takes ${SHARD_MODES.join(', ')}`)
    // Written only when the build writes: one with problems writes nothing at all.
    const cacheFile = join(dir, '.cache', CACHE_FILE)
    const cache = readArticleCache(cacheFile)
    const result = await loadForOutput(contentDir, flag(values, 'skip-invalid'), io, {
      cache,
      strict: flag(values, 'strict'),
    })
    if (!result) return 1
    const written = await writeCorpus(result.corpus, dir, { shards })
    writeArticleCache(cache, cacheFile)
    // wrangler.toml serves build/public as static assets, before the Worker runs.
    const media = await copyMedia(contentDir, join(dir, 'public'), result.staticDirs)
    io.out(
      `[dateline] build: ${summary(result)}; ${written.path ? 'wrote' : 'unchanged'} ${written.path ?? `${dir}/corpus.json`}${piecesNote(written.shards)}; ${media.files} media files, ${media.changed} changed; ${result.counts.files} files read in ${formatDuration(now(io) - started)}`,
    )
    return 0
  },
}

function piecesNote(stats: ShardStats | undefined): string {
  if (!stats) return ''
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`
  return ` and ${stats.files} pieces (${mb(stats.bytes)}, largest ${mb(stats.largest)}) in public/_dateline`
}
