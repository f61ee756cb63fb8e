/**
 * One article file's bytes → what it becomes: an article, a draft or its problems. Pure (no file
 * system, no shared state), and its result is plain data, so it runs the same on the main thread
 * or in a worker (`pool.ts`), and can be cached (`article-cache.ts`).
 */
import { extname } from 'node:path'
import type { Site } from '../core/corpus.ts'
import { parseDateline } from './dateline.ts'
import { parseMarkdown } from './markdown.ts'
import { normalise, type ParsedFile } from './normalise.ts'
import {
  type ARTICLE_EXTENSIONS,
  type BatchResult,
  type FileOutcome,
  type FileTask,
  failed,
  hashBytes,
} from './outcome.ts'
import { decodeArticle } from './read-file.ts'
import { type ContentRules, DEFAULT_RULES } from './rules.ts'

/** How each article extension (`ARTICLE_EXTENSIONS`) is parsed. */
export const PARSERS: Record<(typeof ARTICLE_EXTENSIONS)[number], typeof parseMarkdown> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.mdx': parseMarkdown,
  '.txt': parseDateline,
}

/** Decodes, parses and normalises one file; whatever it throws becomes the file's problem. */
export function processFile(task: FileTask, site: Site, rules: ContentRules = DEFAULT_RULES): FileOutcome {
  const { file, source } = task
  try {
    const text = decodeArticle(task.bytes, file)
    if (typeof text !== 'string') return { kind: 'problems', problems: [text] }
    const parsed = PARSERS[extname(source).toLowerCase() as keyof typeof PARSERS](text, file, source, rules)
    if ('message' in parsed) return { kind: 'problems', problems: [parsed] }
    const result = normalise(parsed as ParsedFile, site, rules)
    if (result.kind !== 'article') return result
    const local = result.local.map(({ enclosure, key, line, path }) => ({
      index: result.article.enclosures?.indexOf(enclosure) ?? -1,
      key,
      ...(line === undefined ? {} : { line }),
      path,
    }))
    const { article, links, warnings, expires } = result
    return {
      kind: 'article',
      article,
      local,
      ...(links ? { links } : {}),
      ...(warnings ? { warnings } : {}),
      ...(expires ? { expires } : {}),
    }
  } catch (e) {
    // Whatever one file does to a parser must not end the load of all the others: it becomes
    // that file's problem (DESIGN.md).
    return failed(file, e)
  }
}

/** Processes a batch of tasks in order: what a worker does with each batch it is sent. */
export function processBatch(
  tasks: FileTask[],
  site: Site,
  hash: boolean,
  rules: ContentRules = DEFAULT_RULES,
): BatchResult {
  return {
    outcomes: tasks.map((t) => processFile(t, site, rules)),
    ...(hash ? { hashes: tasks.map((t) => hashBytes(t.bytes)) } : {}),
  }
}
