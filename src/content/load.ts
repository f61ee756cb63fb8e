/**
 * Reads a content folder into a `Corpus` (Node only). Never stops at the first bad file, and
 * never drops one without a word: every article file ends as exactly one outcome (published,
 * scheduled, draft, expired, ignored by a rule, or a problem), each named in `files`, and the
 * caller gets all problems and warnings at once. The files an article's image and enclosure name
 * in the folder are measured here, so the corpus carries their lengths to the Worker.
 */
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { type Article, type Corpus, compareArticles, type Site } from '../core/corpus.ts'
import type { ArticleCache } from './article-cache.ts'
import type { LocalFile } from './enclosure-fields.ts'
import { ignoreRule } from './ignore-rules.ts'
import { checkLinks } from './link-check.ts'
import { measureLocalFiles } from './media-files.ts'
import { ARTICLE_EXTENSIONS, type FileOutcome, failed } from './outcome.ts'
import type { Problem } from './problem.ts'
import { processFiles } from './process-files.ts'
import { isUnpublishedName } from './published-names.ts'
import { parseSiteConfig } from './site-yaml.ts'
import type { Warning } from './warning.ts'

/** What became of one article file, as `check` reports it. */
export type FileReport = {
  /** The path as problems show it. */
  file: string
  outcome: 'published' | 'scheduled' | 'draft' | 'expired' | 'ignored' | 'problem'
  /** Why it is a draft, expired or ignored. */
  reason?: string
  warnings: Warning[]
}

export type LoadResult = {
  corpus: Corpus
  /** Problems with articles: those files are left out; everything else is published. */
  problems: Problem[]
  /** Problems with `site.yaml`: nothing may be published until they are fixed. */
  siteProblems: Problem[]
  warnings: string[]
  /** What was changed or left out of published files on the way, and data files not read. */
  fileWarnings: Warning[]
  /** Every article file with its outcome, in file order. */
  files: FileReport[]
  /** The site's `static` folders that exist (absolute): their media are published at the root too. */
  staticDirs: string[]
  /** Sources (relative paths) of the files left out because of a problem. */
  rejected: string[]
  /** Article files read, and drafts left out. */
  counts: { files: number; drafts: number }
  /**
   * When the first published article reaches its `expiryDate` (ms since the epoch): the corpus
   * must be loaded (or built) again by then, or it would still be served.
   */
  nextExpiry?: number
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
  /** The moment that decides what is scheduled and what has expired; default: now. */
  now?: number
  /** Warnings are problems: the files that have them are left out (`--strict`). */
  strict?: boolean
}

/**
 * Loads every article under `dir`.
 * @example const { corpus, problems } = await loadContent('content')
 */
export async function loadContent(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { onProgress, now = Date.now(), strict = false } = options
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
  const { articles: listed, data, hidden } = await listContentFiles(dir)
  // Where media are published from besides the content folder (Hugo's static/, Astro's public/).
  const staticDirs: string[] = []
  for (const folder of config.rules.static) {
    const path = resolve(dir, folder)
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) staticDirs.push(path)
    else
      warnings.push(
        `static: "${folder}" in ${shown(siteFile)} is not a folder (${shown(path)}); nothing is published from it`,
      )
  }
  const all = listed.map((path) => ({ path, source: relative(dir, path).split(sep).join('/') }))
  const ignored = ignoreRule(config.rules, {
    jekyll: existsSync(join(dir, '_posts')),
    sources: all.map((f) => f.source),
  })
  const reasons = all.map(({ source }) => ignored(source))
  const kept = all.filter((_, i) => reasons[i] === undefined)
  const outcomes = new Map<string, FileOutcome>()
  const parsed = await processFiles(
    kept.map((f) => f.path),
    kept.map((f) => f.source),
    kept.map((f) => shown(f.path)),
    config.site,
    config.maxFileSize,
    options,
    config.rules,
  )
  for (const [i, f] of kept.entries()) outcomes.set(f.source, parsed[i])
  onProgress?.(listed.length, listed.length)

  const problems: Problem[] = []
  const articles: Article[] = []
  const links = new Map<Article, NonNullable<Extract<FileOutcome, { kind: 'article' }>['links']>>()
  const rejected = new Set<string>()
  const files: FileReport[] = []
  const reportOf = new Map<string, FileReport>()
  const expiryOf = new Map<string, number>()
  let drafts = 0
  const shownDir = shown(dir)
  for (const [i, { path, source }] of all.entries()) {
    const file = shown(path)
    const report: FileReport = { file, outcome: 'problem', warnings: [] }
    files.push(report)
    reportOf.set(source, report)
    const reason = reasons[i]
    const outcome = outcomes.get(source)
    if (reason !== undefined || !outcome || outcome.kind === 'ignored') {
      Object.assign(report, {
        outcome: 'ignored',
        reason: reason ?? (outcome as { reason?: string })?.reason,
      })
      continue
    }
    report.warnings.push(...(outcome.warnings ?? []))
    if (outcome.kind === 'draft') {
      drafts++
      Object.assign(report, { outcome: 'draft', reason: outcome.reason })
    } else if (outcome.kind === 'problems') {
      problems.push(...outcome.problems)
      rejected.add(source)
    } else if (outcome.expires !== undefined && Date.parse(outcome.expires) <= now) {
      Object.assign(report, { outcome: 'expired', reason: `expired on ${outcome.expires}` })
    } else {
      const measured = await measure(dir, outcome, file, shownDir, staticDirs)
      if ('article' in measured) {
        articles.push(measured.article)
        report.warnings.push(...measured.warnings)
        if (outcome.expires !== undefined) expiryOf.set(source, Date.parse(outcome.expires))
        if (outcome.links) links.set(measured.article, outcome.links)
      } else {
        problems.push(...measured.problems)
        rejected.add(source)
      }
    }
  }
  for (const path of hidden) {
    files.push({
      file: shown(path),
      outcome: 'ignored',
      reason: 'a hidden name (starting with .): never published',
      warnings: [],
    })
  }
  const unique = dropDuplicates(articles, problems, (a) => shown(join(dir, a.source)))
  const uniqueSet = new Set(unique)
  for (const a of articles) if (!uniqueSet.has(a)) rejected.add(a.source)
  // Links are checked against the articles that are published (and scheduled) only.
  const checked = checkLinks(
    unique.map((article) => ({
      article,
      links: links.get(article) ?? [],
      file: shown(join(dir, article.source)),
    })),
    { isFile: fileChecker([dir, ...staticDirs]) },
  )
  const published: Article[] = []
  let nextExpiry: number | undefined
  for (const [i, article] of checked.articles.entries()) {
    const report = reportOf.get(article.source) as FileReport
    report.warnings.push(...checked.warnings[i])
    if (strict && report.warnings.length > 0) {
      problems.push(
        ...report.warnings.map(({ kind, ...w }) => ({ ...w, message: `${w.message} [${kind}, --strict]` })),
      )
      rejected.add(article.source)
      continue
    }
    published.push(article)
    report.outcome = Date.parse(article.date) > now ? 'scheduled' : 'published'
    const expires = expiryOf.get(article.source)
    if (expires !== undefined && (nextExpiry === undefined || expires < nextExpiry)) nextExpiry = expires
  }
  const fileWarnings = [...dataFileWarnings(data.map(shown)), ...files.flatMap((f) => f.warnings)]
  return {
    corpus: makeCorpus(config.site, published),
    problems,
    siteProblems,
    warnings,
    fileWarnings,
    files,
    staticDirs,
    rejected: [...rejected],
    counts: { files: listed.length + hidden.length, drafts },
    ...(nextExpiry === undefined ? {} : { nextExpiry }),
  }
}

/** Whether a root-relative path names a file in the content folder (memoised for one load). */
function fileChecker(roots: string[]): (path: string) => boolean {
  const known = new Map<string, boolean>()
  return (path) => {
    let hit = known.get(path)
    if (hit === undefined) {
      const parts = path.split('/').filter(Boolean)
      hit =
        !parts.some((p) => p === '..' || isUnpublishedName(p)) &&
        roots.some((root) => statSync(join(root, ...parts), { throwIfNoEntry: false })?.isFile() ?? false)
      known.set(path, hit)
    }
    return hit
  }
}

/**
 * Eleventy's directory data files (`posts/posts.11tydata.js`) set fields for every file of their
 * folder (`eleventyExcludeFromCollections`, `tags`, `permalink`) where the front matter cannot be
 * seen to: dateline never runs JavaScript and does not merge them, so each is named.
 */
function dataFileWarnings(files: string[]): Warning[] {
  return files.map((file) => ({
    file,
    kind: 'data-file',
    message:
      "a generator's data file for the files of its folder, not read (JavaScript is never run): set what it sets (tags, visibility) in each file's front matter, or ignore: the files it hides",
  }))
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
  staticDirs: string[],
): Promise<{ article: Article; warnings: Warning[] } | { problems: Problem[] }> {
  if (outcome.local.length === 0) return { article: outcome.article, warnings: [] }
  const enclosures = (outcome.article.enclosures ?? []).map((e) => ({ ...e }))
  const local: LocalFile[] = outcome.local.map(({ index, key, line, path }) => ({
    enclosure: enclosures[index],
    key,
    line,
    path,
  }))
  try {
    // An enclosure that is not there is a problem (a podcast episode without its audio); an image
    // that is not there is left out with a warning: an archive's posts must not all be lost to a
    // theme's way of naming its pictures (`image: { feature: x.jpg }` under /images/).
    const images = local.filter((f) => f.key === 'image')
    const problems = await measureLocalFiles(
      dir,
      local.filter((f) => f.key !== 'image'),
      file,
      shownDir,
      staticDirs,
    )
    if (problems.length) return { problems }
    const missing = await measureLocalFiles(dir, images, file, shownDir, staticDirs)
    if (missing.length === 0) return { article: { ...outcome.article, enclosures }, warnings: [] }
    const warnings = missing.map((p) => ({
      ...p,
      kind: 'missing-image' as const,
      message: `${p.message}; the article is published without it`,
    }))
    const kept = enclosures.filter((e) => e.role !== 'image')
    const { image: _, enclosures: __, ...rest } = outcome.article
    return { article: { ...rest, ...(kept.length ? { enclosures: kept } : {}) }, warnings }
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
const DATA_FILE = /\.11tydata\.(js|cjs|mjs|json)$/

/** The article files under `dir`, and the generators' data files that would apply to them. */
async function listContentFiles(
  dir: string,
): Promise<{ articles: string[]; data: string[]; hidden: string[] }> {
  const data: string[] = []
  const hidden: string[] = []
  const articles = await listFiles(
    dir,
    isArticle,
    (path) => {
      if (DATA_FILE.test(path)) data.push(path)
    },
    (path) => hidden.push(path),
  )
  return { articles, data, hidden }
}

// Never looked into, whatever they hold: a repository's history and installed packages.
const NOT_CONTENT = new Set(['.git', 'node_modules'])

/** The article files at or under a hidden path (`.drafts/`, `.notes.md`), for `hidden`. */
async function listHidden(path: string, isDirectory: boolean, hidden: (path: string) => void): Promise<void> {
  if (!isDirectory) {
    if (isArticle(extname(path).toLowerCase())) hidden(path)
    return
  }
  // A folder removed after its parent was listed has nothing in it any more.
  const entries = await readdir(path, { withFileTypes: true }).catch(() => [])
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (NOT_CONTENT.has(entry.name)) continue
    if (entry.isDirectory() || entry.isFile())
      await listHidden(join(path, entry.name), entry.isDirectory(), hidden)
  }
}

/**
 * Every file under `dir` whose extension (lower case, with the dot) `accept`s, in code-point
 * order; names starting with `.` and `node_modules` are skipped, and links are not followed.
 */
export async function listFiles(
  dir: string,
  accept: (ext: string) => boolean,
  other?: (path: string) => void,
  hidden?: (path: string) => void,
): Promise<string[]> {
  const found: string[] = []
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (isUnpublishedName(entry.name)) {
      // Never published, but an article file there is named (`hidden`), not passed over.
      if (hidden && !NOT_CONTENT.has(entry.name) && (entry.isDirectory() || entry.isFile())) {
        await listHidden(path, entry.isDirectory(), hidden)
      }
      continue
    }
    // A folder removed after its parent was listed has no files any more.
    if (entry.isDirectory()) found.push(...(await listFiles(path, accept, other, hidden).catch(ifGone)))
    else if (entry.isFile() && accept(extname(entry.name).toLowerCase())) found.push(path)
    else if (entry.isFile()) other?.(path)
  }
  return found
}

function ifGone(e: NodeJS.ErrnoException): string[] {
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return []
  throw e
}

/**
 * Two articles with the same slug or id, or answering at the same path (a permalink, the
 * `/articles/{slug}` of one without, or an alias: one address cannot answer for two), or with the
 * same item id path (`ids: jekyll`), are both left out, each problem naming the other. `/x` and
 * `/x.html` are one path: an export serves both from `x.html`.
 */
function dropDuplicates(articles: Article[], problems: Problem[], fileOf: (a: Article) => string): Article[] {
  const clashes = new Set<Article>()
  // An /articles/{slug} page clashes with another only when their slugs do, which is reported.
  const byDefault = (a: Article, shown: string) => a.path === undefined && shown === defaultPathOf(a)
  const defaultPathOf = (a: Article) => `/articles/${encodeURIComponent(a.slug)}`
  const check = (keys: (a: Article) => string[], what: string, fix = what) => {
    const seen = new Map<string, { article: Article; shown: string }>()
    for (const a of articles) {
      for (const shown of keys(a)) {
        const k = what === 'path' ? shown.replace(/\.html?$/, '') : shown
        const other = seen.get(k)
        if (!other) {
          seen.set(k, { article: a, shown })
          continue
        }
        if (other.article === a || (byDefault(a, shown) && byDefault(other.article, other.shown))) continue
        const also = other.shown === shown ? '' : ` (as "${other.shown}")`
        for (const [x, y] of [
          [other.article, a],
          [a, other.article],
        ]) {
          problems.push({
            file: fileOf(x),
            message: `${what} "${shown}" is also used by ${fileOf(y)}${also}; give one of them another ${fix}`,
          })
          clashes.add(x)
        }
      }
    }
  }
  check((a) => [a.slug], 'slug')
  check((a) => (a.id === null ? [] : [a.id]), 'id')
  check((a) => [a.path ?? defaultPathOf(a), ...(a.aliases ?? [])], 'path', 'permalink, or remove the alias')
  check((a) => (a.idPath ? [a.idPath] : []), 'item id', 'permalink or slug')
  return articles.filter((a) => !clashes.has(a))
}
