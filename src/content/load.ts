/**
 * Reads a content folder into a `Corpus` (Node only). Never stops at the first bad file: every
 * file becomes an article, a draft or problems, and the caller gets all problems at once. The
 * files an article's image and enclosure name in the folder are measured here, so the corpus
 * carries their lengths to the Worker.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, sep } from 'node:path'
import { type Article, type Corpus, compareArticles, type Site } from '../corpus.ts'
import { parseSiteConfig } from '../site.ts'
import type { ArticleCache } from './cache.ts'
import type { LocalFile } from './enclosures.ts'
import { measureLocalFiles } from './media-files.ts'
import { ARTICLE_EXTENSIONS, type FileOutcome, failed } from './outcome.ts'
import type { Problem } from './problem.ts'
import { processFiles } from './process-files.ts'
import { isUnpublishedName } from './published-names.ts'

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

/** How `loadContent` reports as it goes, and what it may reuse. */
export type LoadOptions = {
  /**
   * For progress displays: called with `(done, total)` before each article file is read and once
   * more when all are read and parsed, where `done` is how many have been read and `total` how
   * many there are.
   */
  onProgress?: (done: number, total: number) => void
  /**
   * What each file became in earlier loads (`cache.ts`): a file whose bytes are unchanged is not
   * parsed again. Updated in place with this load's files.
   */
  cache?: ArticleCache
  /**
   * Worker threads that parse files beside this one. `'auto'` (the default): one fewer than the
   * cores, once there are `WORKER_THRESHOLD` files to parse (`process-files.ts`); a number: that
   * many, whatever the count (0: none).
   */
  workers?: number | 'auto'
  /** The workers' module (`pool.ts`); for tests. */
  workerEntry?: URL
}

/**
 * Loads every article under `dir`.
 * @example const { corpus, problems } = await loadContent('content')
 */
export async function loadContent(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { onProgress } = options
  // Paths as the user would type them: relative to the working directory when inside it.
  const cwd = process.cwd()
  const shown = (path: string) => {
    const rel = relative(cwd, path)
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path
  }
  const siteFile = join(dir, 'site.yaml')
  const siteText = await readFile(siteFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined
    throw e
  })
  const { config, problems: siteProblems, warnings } = parseSiteConfig(siteText, shown(siteFile))
  const files = await listArticleFiles(dir)
  const sources = files.map((path) => relative(dir, path).split(sep).join('/'))
  const shownFiles = files.map(shown)
  const outcomes = await processFiles(files, sources, shownFiles, config.site, config.maxFileSize, options)
  onProgress?.(files.length, files.length)

  const problems: Problem[] = []
  const articles: Article[] = []
  const rejected = new Set<string>()
  let drafts = 0
  const shownDir = shown(dir)
  for (const [i, outcome] of outcomes.entries()) {
    const source = sources[i]
    if (outcome.kind === 'draft') drafts++
    else if (outcome.kind === 'expired' || outcome.kind === 'ignored') continue
    else if (outcome.kind === 'problems') {
      problems.push(...outcome.problems)
      rejected.add(source)
    } else {
      const measured = await measure(dir, outcome, shownFiles[i], shownDir)
      if ('article' in measured) articles.push(measured.article)
      else {
        problems.push(...measured.problems)
        rejected.add(source)
      }
    }
  }
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

/**
 * The article of `outcome` with the lengths of its files in the content folder, or why they
 * cannot be measured. The outcome itself is left as it is (the cache keeps it).
 */
async function measure(
  dir: string,
  outcome: Extract<FileOutcome, { kind: 'article' }>,
  file: string,
  shownDir: string,
): Promise<{ article: Article } | { problems: Problem[] }> {
  if (outcome.local.length === 0) return { article: outcome.article }
  const enclosures = (outcome.article.enclosures ?? []).map((e) => ({ ...e }))
  const local: LocalFile[] = outcome.local.map(({ index, key, line, path }) => ({
    enclosure: enclosures[index],
    key,
    line,
    path,
  }))
  try {
    const problems = await measureLocalFiles(dir, local, file, shownDir)
    return problems.length ? { problems } : { article: { ...outcome.article, enclosures } }
  } catch (e) {
    // A media file vanishing while it is measured must not end the load of all the others.
    return failed(file, e)
  }
}

/** Sorts the articles and stamps the corpus with the hash of its content. */
export function makeCorpus(site: Site, articles: Article[]): Corpus {
  const sorted = [...articles].sort(compareArticles)
  // Every article here came through normalise, which strips what XML cannot carry from the HTML.
  return { site, articles: sorted, hash: hashCorpus(site, sorted), htmlClean: true }
}

/**
 * Each article's SHA-256, by article object. A reload in `serve` takes the articles of unchanged
 * files from the cache as the same objects, so it hashes only the ones that changed: hashing all
 * 100,000 articles' JSON again held the server for ~2.5 s on every reload. Articles are never
 * changed once made.
 */
const digests = new WeakMap<Article, Buffer>()

/**
 * SHA-256 of the site's JSON and each article's SHA-256 (of its JSON), in order: any change to the
 * site or to an article, and any change of order, changes it.
 */
export function hashCorpus(site: Site, articles: Article[]): string {
  const hash = createHash('sha256').update('dateline corpus v2\0').update(JSON.stringify(site))
  for (const a of articles) {
    let digest = digests.get(a)
    if (!digest) {
      digest = createHash('sha256').update(JSON.stringify(a)).digest()
      digests.set(a, digest)
    }
    hash.update(digest)
  }
  return hash.digest('hex')
}

const isArticle = (ext: string) => (ARTICLE_EXTENSIONS as readonly string[]).includes(ext)
const listArticleFiles = (dir: string) => listFiles(dir, isArticle)

/**
 * Every file under `dir` whose extension (lower case, with the dot) `accept`s, in code-point
 * order; names starting with `.` and `node_modules` are skipped, and links are not followed.
 */
export async function listFiles(dir: string, accept: (ext: string) => boolean): Promise<string[]> {
  const found: string[] = []
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (isUnpublishedName(entry.name)) continue
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
