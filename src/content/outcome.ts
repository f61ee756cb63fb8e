/**
 * What an article file becomes, and the small helpers around it that need no parser: the loader
 * imports this eagerly, and `process-file.ts` (marked, gray-matter, yaml, sanitize-html) only when
 * a file has to be parsed, so a load served from the cache never loads the parsers.
 */
import { createHash } from 'node:crypto'
import type { Article } from '../core/corpus.ts'
import type { LocalLink } from './local-links.ts'
import type { Problem } from './problem.ts'
import type { Warning } from './warning.ts'

/** The extensions of article files (lower case, with the dot); `process-file.ts` parses each. */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt'] as const

/**
 * A file in the content folder that an article's image or enclosure names: `index` is its entry
 * in `article.enclosures`, whose `length` the loader measures (`media-files.ts`).
 */
export type LocalRef = { index: number; key: string; line?: number; path: string }

/**
 * What one file becomes: exactly one of these, never nothing (docs/migrating.md). Plain data: it
 * crosses to and from workers and into the cache. An article dated in the future, or past its
 * `expiryDate`, is `article` too: whether it is published, scheduled or expired depends on the
 * moment it is looked at (`load.ts`).
 * `warnings`: what was changed or left out of it on the way.
 */
export type FileOutcome =
  /** `local`: the article's files in the content folder, not yet measured. */
  | {
      kind: 'article'
      article: Article
      local: LocalRef[]
      /** Its links and images into the site, checked once every file is read. */
      links?: LocalLink[]
      warnings?: Warning[]
      /** When it leaves every feed (`expiryDate`), ISO UTC: compared with the time of the load. */
      expires?: string
    }
  /** `reason`: which flag made it one (`draft: true`, `published: false`, the `_drafts/` folder). */
  | { kind: 'draft'; reason: string; warnings?: Warning[] }
  /** Not an article, by a rule: an `ignore` glob, a section page (`_index.md`), a flag. */
  | { kind: 'ignored'; reason: string }
  | { kind: 'problems'; problems: Problem[]; warnings?: Warning[] }

/** The kinds of outcome, in the order `check` counts them. */
export type OutcomeKind = FileOutcome['kind']

/** One file to process: `file` is the path problems show, `source` the path in the folder. */
export type FileTask = { file: string; source: string; bytes: Uint8Array }

/**
 * The fields of `Site` that `normalise` reads; an outcome depends on these, the `ContentRules`
 * and the bytes only.
 */
export const SITE_FIELDS = ['timezone', 'author'] as const

/** What a batch of tasks comes back as: an outcome per task, and its hash when asked for. */
export type BatchResult = { outcomes: FileOutcome[]; hashes?: string[] }

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

/** The cache key of a file's bytes: SHA-256, base64url. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url')
}
