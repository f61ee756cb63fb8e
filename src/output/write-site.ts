/**
 * What `build` and `export` write. Both write a file only when its bytes change, so re-running
 * them on unchanged content leaves every file (and its mtime) alone.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { listFiles } from '../content/load.ts'
import { MEDIA_TYPES } from '../content/mime-types.ts'
import type { Corpus } from '../core/corpus.ts'
import { normaliseSiteUrl } from '../core/site-url.ts'
import { SHARDS_ROOT } from '../shards/layout.ts'
import { type ShardStats, writeShards } from '../shards/write.ts'

/** Writes `bytes` to `path` unless the file already holds exactly them; true when written. */
export async function writeIfChanged(path: string, bytes: Uint8Array): Promise<boolean> {
  const old = await readFile(path).catch(() => null)
  if (old && Buffer.compare(old, bytes) === 0) return false
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, bytes)
  return true
}

/**
 * Copies the media files of the content folder (images, audio, video, PDF: the extensions of
 * `MEDIA_TYPES`) to `out`, keeping their paths, so `/media/ferry.svg` is served from
 * `{out}/media/ferry.svg`; then those of the site's `static` folders, at the root as well.
 * Returns how many there are and how many changed.
 */
export async function copyMedia(
  contentDir: string,
  out: string,
  staticDirs: string[] = [],
): Promise<{ files: number; changed: number }> {
  const isMedia = (ext: string) => Object.hasOwn(MEDIA_TYPES, ext.slice(1))
  // The content folder's file wins over a static folder's at the same path, as on the server.
  const written = new Set<string>()
  let changed = 0
  for (const root of [contentDir, ...staticDirs]) {
    for (const path of await listFiles(root, isMedia)) {
      const to = relative(root, path)
      if (written.has(to)) continue
      written.add(to)
      if (await writeIfChanged(join(out, to), await readFile(path))) changed++
    }
  }
  await mkdir(out, { recursive: true })
  return { files: written.size, changed }
}

/**
 * Above about this much JSON, the corpus goes to static assets in pieces (src/shards) instead of
 * into the Worker's bundle. Every new isolate parses the bundled corpus before its first answer:
 * JSON.parse alone of 4 MB (about 1,000 articles) takes ~10 ms of CPU on this kind of machine, and
 * the bundle carries it as a JavaScript object literal, slower to parse; the free plan's bundle
 * limit (3 MB compressed) is ~5,000 articles.
 */
export const SHARD_ABOVE = 4 * 1024 * 1024

export type ShardMode = 'auto' | 'always' | 'never'

export type WrittenCorpus = {
  /** The path of corpus.json when it changed, else null. */
  path: string | null
  /** Set when the articles went to static assets in pieces. */
  shards?: ShardStats
}

/**
 * Writes the corpus the Worker imports, `JSON.stringify(corpus)` and a newline. A big corpus
 * (`SHARD_ABOVE`, or `shards: 'always'`) leaves its articles dated up to `now` in pieces under
 * `{out}/public/_dateline/` (src/shards/write.ts) and corpus.json holds the rest and the map of
 * the pieces. Written a piece at a time: 100,000 articles make more JSON than V8 can hold in one
 * string.
 */
export async function writeCorpus(
  corpus: Corpus,
  out: string,
  { shards = 'auto', now = Date.now() }: { shards?: ShardMode; now?: number } = {},
): Promise<WrittenCorpus> {
  const path = join(out, 'corpus.json')
  const publicDir = join(out, 'public')
  let written = corpus
  let stats: ShardStats | undefined
  if (shards === 'always' || (shards === 'auto' && approximateJson(corpus) > SHARD_ABOVE)) {
    ;({ corpus: written, stats } = await writeShards(corpus, publicDir, now))
  } else {
    // Pieces of an earlier, bigger build would be uploaded for nothing.
    rmSync(join(publicDir, SHARDS_ROOT), { recursive: true, force: true })
  }
  const changed = await writeStreamIfChanged(path, corpusJson(written))
  return { path: changed ? path : null, ...(stats ? { shards: stats } : {}) }
}

/** About how long the corpus's JSON is, without making it: its text fields and ~400 per article. */
function approximateJson(corpus: Corpus): number {
  let n = 0
  for (const a of corpus.articles) n += a.html.length + a.summary.length + a.title.length + 400
  return n
}

/** About how many characters of JSON are encoded and written at a time. */
const PIECE = 1 << 20

/** `JSON.stringify(corpus)` and a newline, in pieces of about `PIECE` characters. */
function* corpusJson(corpus: Corpus): Generator<string> {
  let piece = ''
  let first = true
  for (const [key, value] of Object.entries(corpus)) {
    if (value === undefined) continue
    piece += `${first ? '{' : ','}${JSON.stringify(key)}:`
    first = false
    if (key !== 'articles') {
      piece += JSON.stringify(value)
      continue
    }
    for (const [i, article] of corpus.articles.entries()) {
      piece += `${i === 0 ? '[' : ','}${JSON.stringify(article)}`
      if (piece.length >= PIECE) {
        yield piece
        piece = ''
      }
    }
    piece += corpus.articles.length === 0 ? '[]' : ']'
  }
  yield `${first ? '{' : ''}${piece}}\n`
}

/**
 * `writeIfChanged` for content that comes in pieces: compares them with the old file as they come,
 * and only after the first difference writes, to a temporary file renamed over the old one (so a
 * reader never sees half a file). Never holds the old or the new content whole. Synchronous file
 * calls: a megabyte at a time, they cost less than the promises around them.
 */
async function writeStreamIfChanged(path: string, pieces: Iterable<string>): Promise<boolean> {
  const old = existsSync(path) ? openSync(path, 'r') : null
  const temporary = `${path}.${process.pid}.tmp`
  let out: number | null = null
  // How many bytes of the new content are the same as the old file's first bytes.
  let same = 0
  const startWriting = () => {
    mkdirSync(dirname(path), { recursive: true })
    const fd = openSync(temporary, 'w')
    if (old !== null && same > 0) copyStart(old, fd, same)
    return fd
  }
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8')
      if (out === null && old !== null) {
        const had = Buffer.allocUnsafe(bytes.length)
        if (readSync(old, had, 0, bytes.length, same) === bytes.length && had.equals(bytes)) {
          same += bytes.length
          continue
        }
      }
      out ??= startWriting()
      writeSync(out, bytes)
    }
    if (out === null) {
      if (old !== null && fstatSync(old).size === same) return false
      out = startWriting()
    }
    closeSync(out)
    out = null
    renameSync(temporary, path)
    return true
  } catch (e) {
    if (out !== null) closeSync(out)
    rmSync(temporary, { force: true })
    throw e
  } finally {
    if (old !== null) closeSync(old)
  }
}

/** Copies the first `length` bytes of the file `from` to the file `to`. */
function copyStart(from: number, to: number, length: number): void {
  const buffer = Buffer.allocUnsafe(Math.min(length, 1 << 22))
  for (let at = 0; at < length; ) {
    const read = readSync(from, buffer, 0, Math.min(buffer.length, length - at), at)
    if (read === 0)
      throw new Error('[dateline] the old corpus.json shrank while it was compared; build again')
    writeSync(to, buffer.subarray(0, read))
    at += read
  }
}

/**
 * Writes every feed and page as the app serves them (the same bytes, by construction: each file
 * is the body of a request to the app), as of `now`, and `_headers` with the response headers
 * the app sends. Where the app answers an article's old address (an alias) with a 301, it writes
 * `_redirects` and a page at that address that moves the browser on (src/output/redirects.ts).
 * `onProgress(done, total)` is called before each document and once more when all are written,
 * for progress displays.
 */
export async function exportSite(
  corpus: Corpus,
  out: string,
  siteUrl: string | undefined,
  now: number = Date.now(),
  onProgress?: (done: number, total: number) => void,
): Promise<{ documents: number; files: number; changed: number }> {
  // The app is loaded here, not with this module: `build` needs only the functions above, and
  // loading Hono and the renderers cost every build about a tenth of a second.
  const [{ createApp }, { siteAddresses, siteRedirects }, { staticHeaders }, moves] = await Promise.all([
    import('../http/app.ts'),
    import('./site-map.ts'),
    import('./static-headers.ts'),
    import('./redirects.ts'),
  ])
  const app = createApp({ corpus, siteUrl, clock: () => now })
  const targets = siteAddresses(corpus, now)
  let changed = 0
  for (const [done, { path, file }] of targets.entries()) {
    onProgress?.(done, targets.length)
    const res = await app.request(path)
    if (res.status !== 200) throw new Error(`[dateline] export: ${path} answered ${res.status}`)
    if (await writeIfChanged(join(out, file), new Uint8Array(await res.arrayBuffer()))) changed++
  }
  // The headers the app sends, for hosts that read _headers (static-headers.ts): a file, not a
  // document.
  const headers = new TextEncoder().encode(await staticHeaders(corpus, now))
  if (await writeIfChanged(join(out, '_headers'), headers)) changed++
  const redirects = siteRedirects(corpus, now, targets)
  const base = normaliseSiteUrl(siteUrl)
  const encode = (text: string) => new TextEncoder().encode(text)
  for (const { file, to } of redirects) {
    const page = moves.redirectPage(corpus.site.language, base + to)
    if (await writeIfChanged(join(out, file), encode(page))) changed++
  }
  const list = redirects.map(({ path, to }) => ({ from: path, to }))
  if (list.length && (await writeIfChanged(join(out, '_redirects'), encode(moves.formatRedirects(list))))) {
    changed++
  }
  onProgress?.(targets.length, targets.length)
  const files = targets.length + 1 + redirects.length + (list.length ? 1 : 0)
  return { documents: targets.length, files, changed }
}
