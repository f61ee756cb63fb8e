/**
 * Reads a content folder into a `Corpus` (Node only). Never stops at the first bad file: every
 * file becomes an article, a draft or problems, and the caller gets all problems at once. The
 * files an article's image and enclosure name in the folder are measured here, so the corpus
 * carries their lengths to the Worker.
 */
import { createHash } from 'node:crypto'
import { constants, type FileHandle, open, readdir, readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { type Article, type Corpus, compareArticles, type Site } from '../corpus.ts'
import { parseSiteConfig } from '../site.ts'
import { parseDateline } from './dateline.ts'
import { parseMarkdown } from './markdown.ts'
import { measureLocalFiles } from './media-files.ts'
import { normalise, type ParsedFile } from './normalise.ts'
import type { Problem } from './problem.ts'

export type LoadResult = {
  corpus: Corpus
  /** Problems with articles: those files are left out; everything else is published. */
  problems: Problem[]
  /** Problems with `site.yaml`: nothing may be published until they are fixed. */
  siteProblems: Problem[]
  warnings: string[]
  /** Sources (relative paths) of the files left out because of a problem. */
  rejected: string[]
  /** Article files read, and drafts left out. */
  counts: { files: number; drafts: number }
}

const PARSERS: Record<string, typeof parseMarkdown> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.txt': parseDateline,
}

/** How `loadContent` reports as it goes. */
export type LoadOptions = {
  /**
   * For progress displays: called with `(done, total)` before each article file is read and once
   * more when all are read, where `done` is how many have been read and `total` how many there are.
   */
  onProgress?: (done: number, total: number) => void
}

/**
 * Loads every article under `dir`.
 * @example const { corpus, problems } = await loadContent('content')
 */
export async function loadContent(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { onProgress } = options
  // Paths as the user would type them: relative to the working directory when inside it.
  const shown = (path: string) => {
    const rel = relative(process.cwd(), path)
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
  }
  const siteFile = join(dir, 'site.yaml')
  const siteText = await readFile(siteFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined
    throw e
  })
  const { config, problems: siteProblems, warnings } = parseSiteConfig(siteText, shown(siteFile))
  const files = await listArticleFiles(dir)
  const problems: Problem[] = []
  const articles: Article[] = []
  const rejected = new Set<string>()
  let drafts = 0
  for (const [done, path] of files.entries()) {
    onProgress?.(done, files.length)
    const file = shown(path)
    const source = relative(dir, path).split(sep).join('/')
    const read = await readText(path, file, config.maxFileSize)
    if (typeof read !== 'string') {
      problems.push(read)
      rejected.add(source)
      continue
    }
    try {
      const parsed = PARSERS[extname(source).toLowerCase()](read, file, source)
      if ('message' in parsed) {
        problems.push(parsed)
        rejected.add(source)
        continue
      }
      const result = normalise(parsed as ParsedFile, config.site)
      if (result.kind === 'draft') drafts++
      else if (result.kind === 'article') {
        const missing = await measureLocalFiles(dir, result.local, file, shown(dir))
        if (missing.length === 0) articles.push(result.article)
        else {
          problems.push(...missing)
          rejected.add(source)
        }
      } else {
        problems.push(...result.problems)
        rejected.add(source)
      }
    } catch (e) {
      // Whatever one file does to a parser (or a media file vanishing while it is measured)
      // must not end the load of all the others: it becomes that file's problem (DESIGN.md).
      const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]
      problems.push({
        file,
        message: `dateline failed on this file (${reason}); please report it with the file`,
      })
      rejected.add(source)
    }
  }
  onProgress?.(files.length, files.length)
  const unique = dropDuplicates(articles, problems, (a) => shown(join(dir, a.source)))
  const kept = new Set(unique)
  for (const a of articles) if (!kept.has(a)) rejected.add(a.source)
  return {
    corpus: makeCorpus(config.site, unique),
    problems,
    siteProblems,
    warnings,
    rejected: [...rejected],
    counts: { files: files.length, drafts },
  }
}

/** Sorts the articles and stamps the corpus with the hash of its content. */
export function makeCorpus(site: Site, articles: Article[]): Corpus {
  const sorted = [...articles].sort(compareArticles)
  const hash = createHash('sha256')
    .update(JSON.stringify({ site, articles: sorted }))
    .digest('hex')
  return { site, articles: sorted, hash }
}

const listArticleFiles = (dir: string) => listFiles(dir, (ext) => ext in PARSERS)

/**
 * Every file under `dir` whose extension (lower case, with the dot) `accept`s, in code-point
 * order; names starting with `.` and `node_modules` are skipped, and links are not followed.
 */
export async function listFiles(dir: string, accept: (ext: string) => boolean): Promise<string[]> {
  const found: string[] = []
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    // A folder removed after its parent was listed has no files any more.
    if (entry.isDirectory()) found.push(...(await listFiles(path, accept).catch(ifGone)))
    else if (entry.isFile() && accept(extname(entry.name).toLowerCase())) found.push(path)
  }
  return found
}

function ifGone(e: NodeJS.ErrnoException): string[] {
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return []
  throw e
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

// The folder is listed before its files are read, and a file may change in between (an editor
// saving, a sync tool, `serve` reloading while the user works). Opening with O_NOFOLLOW refuses a
// file that has become a symbolic link, so that nothing outside the folder is ever read (listFiles
// does not follow links either), and O_NONBLOCK keeps a file that has become a FIFO from blocking
// the open. Windows has neither flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** The file's text (BOM removed, line endings made `\n`), or why it cannot be an article. */
async function readText(path: string, file: string, maxSize: number): Promise<string | Problem> {
  let handle: FileHandle
  try {
    handle = await open(path, OPEN_FLAGS)
  } catch (e) {
    return { file, message: unreadable(e) }
  }
  let bytes: Buffer
  try {
    // The open file, not the path: what is measured is what is read, whatever the path becomes.
    const info = await handle.stat()
    if (!info.isFile()) {
      return {
        file,
        message: 'the file was replaced by something that is not a file while it was being read',
      }
    }
    if (info.size > maxSize) return tooBig(file, info.size, maxSize)
    bytes = await readAtMost(handle, maxSize + 1, info.size)
    // It grew past the limit while it was read.
    if (bytes.length > maxSize) return tooBig(file, (await handle.stat()).size, maxSize)
  } catch (e) {
    return { file, message: unreadable(e) }
  } finally {
    await handle.close()
  }
  if (bytes.includes(0))
    return { file, message: 'the file is binary, not text; remove it or save it as UTF-8 text' }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { file, message: 'the file is not valid UTF-8; save it with UTF-8 encoding' }
  }
  text = text.replace(/\r\n?/g, '\n')
  if (text.trim() === '') return { file, message: 'the file is empty; write the article or remove the file' }
  return text
}

function tooBig(file: string, size: number, maxSize: number): Problem {
  return {
    file,
    message: `the file is ${size} bytes, over the limit of ${maxSize}; split it or raise max_file_size in site.yaml`,
  }
}

/**
 * Up to `limit` bytes from the start of the file, read in chunks of the `expected` size: a file
 * that grows while it is read stops at the limit instead of filling memory.
 */
async function readAtMost(handle: FileHandle, limit: number, expected: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, Math.max(expected - total + 1, 4096)))
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total)
    if (bytesRead === 0) break
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
  }
  return Buffer.concat(chunks, total)
}

/** Why a listed file could not be opened or read, and what to do about it. */
function unreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return 'the file disappeared while the folder was being read; it is left out until it is back'
  if (code === 'ELOOP') {
    return 'the file was replaced by a symbolic link while the folder was being read; links are not followed, so copy the file into the folder instead'
  }
  if (code === 'EACCES' || code === 'EPERM')
    return 'the file cannot be read (permission denied); let dateline read it'
  return `the file cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`
}

/** Two articles with the same slug or id are both left out, each problem naming the other. */
function dropDuplicates(articles: Article[], problems: Problem[], fileOf: (a: Article) => string): Article[] {
  const clashes = new Set<Article>()
  const check = (key: (a: Article) => string | null, what: string) => {
    const seen = new Map<string, Article>()
    for (const a of articles) {
      const k = key(a)
      if (k === null) continue
      const other = seen.get(k)
      if (!other) {
        seen.set(k, a)
        continue
      }
      for (const [x, y] of [
        [other, a],
        [a, other],
      ]) {
        problems.push({
          file: fileOf(x),
          message: `${what} "${k}" is also used by ${fileOf(y)}; give one of them another ${what}`,
        })
        clashes.add(x)
      }
    }
  }
  check((a) => a.slug, 'slug')
  check((a) => a.id, 'id')
  return articles.filter((a) => !clashes.has(a))
}
