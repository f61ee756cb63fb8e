/**
 * One article file's bytes → what it becomes: an article, a draft or its problems. Pure (no file
 * system, no shared state), and its result is plain data, so it runs the same on the main thread
 * or in a worker (`pool.ts`), and can be cached (`cache.ts`).
 */
import { createHash } from 'node:crypto'
import { extname } from 'node:path'
import type { Article, Site } from '../corpus.ts'
import { parseDateline } from './dateline.ts'
import { parseMarkdown } from './markdown.ts'
import { normalise, type ParsedFile } from './normalise.ts'
import type { Problem } from './problem.ts'
import { decodeArticle } from './read-file.ts'

/** The extensions of article files (lower case, with the dot), and how each is parsed. */
export const PARSERS: Record<string, typeof parseMarkdown> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.txt': parseDateline,
}

/**
 * A file in the content folder that an article's image or enclosure names: `index` is its entry
 * in `article.enclosures`, whose `length` the loader measures (`media-files.ts`).
 */
export type LocalRef = { index: number; key: string; line?: number; path: string }

/** What one file becomes. Plain data: it crosses to and from workers and into the cache. */
export type FileOutcome =
  /** `local`: the article's files in the content folder, not yet measured. */
  | { kind: 'article'; article: Article; local: LocalRef[] }
  | { kind: 'draft' }
  | { kind: 'problems'; problems: Problem[] }

/** One file to process: `file` is the path problems show, `source` the path in the folder. */
export type FileTask = { file: string; source: string; bytes: Uint8Array }

/** The fields of `Site` that `normalise` reads; an outcome depends on these and the bytes only. */
export const SITE_FIELDS = ['timezone', 'author'] as const

/** Decodes, parses and normalises one file; whatever it throws becomes the file's problem. */
export function processFile(task: FileTask, site: Site): FileOutcome {
  const { file, source } = task
  try {
    const text = decodeArticle(task.bytes, file)
    if (typeof text !== 'string') return { kind: 'problems', problems: [text] }
    const parsed = PARSERS[extname(source).toLowerCase()](text, file, source)
    if ('message' in parsed) return { kind: 'problems', problems: [parsed] }
    const result = normalise(parsed as ParsedFile, site)
    if (result.kind !== 'article') return result
    const local = result.local.map(({ enclosure, key, line, path }) => ({
      index: result.article.enclosures?.indexOf(enclosure) ?? -1,
      key,
      ...(line === undefined ? {} : { line }),
      path,
    }))
    return { kind: 'article', article: result.article, local }
  } catch (e) {
    // Whatever one file does to a parser must not end the load of all the others: it becomes
    // that file's problem (DESIGN.md).
    return failed(file, e)
  }
}

/** The outcome of a file on which dateline itself failed, with the reason's first line. */
export function failed(
  file: string,
  e: unknown,
  what = 'dateline failed on this file',
): { kind: 'problems'; problems: Problem[] } {
  const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]
  return {
    kind: 'problems',
    problems: [{ file, message: `${what} (${reason}); please report it with the file` }],
  }
}

// V8's message for a stack overflow, and markdown.ts's for one in marked.
const STACK_LIMIT = /Maximum call stack size exceeded|nested too deeply to render/

/**
 * Whether the outcome came from a parser running out of stack: with more stack it may get further
 * (or fail elsewhere), so it depends on the thread and on the depth of the call. `process-files.ts`
 * parses such a file again from the bottom of its own thread's stack, the deepest there is:
 * workers have a smaller one (`pool.ts`).
 */
export function reachedStackLimit(outcome: FileOutcome): boolean {
  return outcome.kind === 'problems' && outcome.problems.some((p) => STACK_LIMIT.test(p.message))
}

/** What a batch of tasks comes back as: an outcome per task, and its hash when asked for. */
export type BatchResult = { outcomes: FileOutcome[]; hashes?: string[] }

/** Processes a batch of tasks in order: what a worker does with each batch it is sent. */
export function processBatch(tasks: FileTask[], site: Site, hash: boolean): BatchResult {
  return {
    outcomes: tasks.map((t) => processFile(t, site)),
    ...(hash ? { hashes: tasks.map((t) => hashBytes(t.bytes)) } : {}),
  }
}

/** The cache key of a file's bytes: SHA-256, base64url. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url')
}
