/** `dateline export`: every feed and page as static files, for any host. */
import { copyMedia, exportSite } from '../output/write-site.ts'
import { CONTENT, type Command, contentDirOf, flag, out, SKIP_INVALID, STRICT, text } from './command.ts'
import { now } from './io.ts'
import { loadForOutput, summary } from './load-site.ts'
import { formatDuration } from './progress.ts'
import { startProgress } from './progress-line.ts'

export const exportCommand: Command = {
  name: 'export',
  summary: 'write static feeds and pages for any host (default out: dist/)',
  description:
    'Writes every feed, archive page and HTML page the app serves at this moment, byte for byte\n' +
    "(rss.xml, atom.xml, feed.json, index.html, articles/{slug}.html or the page at an article's\n" +
    'permalink, tags/…, authors/…), the media files beside them, _headers with the response\n' +
    "headers for static hosts, and for articles' old addresses (aliases) _redirects and a page at\n" +
    'each that moves the browser on. Links use SITE_URL. Writes nothing while there are\n' +
    'problems, unless --skip-invalid; a file is rewritten only when its bytes change.',
  options: [CONTENT, out('dist'), SKIP_INVALID, STRICT],
  exits: [
    '0  written (or already up to date)',
    '1  problems in the content; nothing written',
    '2  a usage error',
  ],
  examples: ['SITE_URL=https://news.example.com dateline export --out dist'],
  async run(values, io) {
    const started = now(io)
    const contentDir = contentDirOf(values, io)
    const dir = text(values, 'out') ?? 'dist'
    const result = await loadForOutput(contentDir, flag(values, 'skip-invalid'), io, {
      strict: flag(values, 'strict'),
    })
    if (!result) return 1
    const progress = startProgress(io, 'writing', 'documents')
    const pages = await exportSite(result.corpus, dir, io.env.SITE_URL, Date.now(), progress.update).finally(
      progress.end,
    )
    const media = await copyMedia(contentDir, dir, result.staticDirs)
    const files = pages.files + media.files
    io.out(
      `[dateline] export: ${summary(result)}; ${files} files in ${dir}/, ${pages.changed + media.changed} changed; ${result.counts.files} files read, ${pages.documents} documents written in ${formatDuration(now(io) - started)}`,
    )
    return 0
  },
}
