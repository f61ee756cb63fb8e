/**
 * Loading the content folder for a command: the progress line while files are read, warnings,
 * the counts of a summary line, and the rule that build and export write nothing while there are
 * problems.
 */
import { type LoadOptions, type LoadResult, loadContent } from '../content/load.ts'
import { formatProblem } from '../content/problem.ts'
import { published } from '../feeds/select.ts'
import type { Io } from './io.ts'
import { startProgress } from './progress-line.ts'

/**
 * Loads `contentDir`, showing progress on a terminal; `quiet` leaves the warnings to the caller.
 * `options` go to `loadContent` (a cache, workers).
 */
export async function load(
  contentDir: string,
  io: Io,
  quiet = false,
  options: Omit<LoadOptions, 'onProgress'> = {},
): Promise<LoadResult> {
  const progress = startProgress(io, 'reading', 'files')
  const result = await loadContent(contentDir, { ...options, onProgress: progress.update })
    .catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') {
        throw new Error(
          `[dateline] content folder "${contentDir}" not found; pass --content DIR or set CONTENT_DIR`,
        )
      }
      throw e
    })
    .finally(progress.end)
  if (!quiet) for (const w of result.warnings) io.err(`[dateline] warning: ${w}`)
  return result
}

/** What a load found, counted as `check` reports it; `published` and `scheduled` as of `now`. */
export function tally(result: LoadResult, now: number = Date.now()) {
  const live = published(result.corpus, now).articles.length
  return {
    files: result.counts.files,
    published: live,
    scheduled: result.corpus.articles.length - live,
    drafts: result.counts.drafts,
    problems: result.problems.length + result.siteProblems.length,
  }
}

/** `4 published, 1 scheduled, 1 drafts, 0 problems`. */
export function summary(result: LoadResult): string {
  const t = tally(result)
  return `${t.published} published, ${t.scheduled} scheduled, ${t.drafts} drafts, ${t.problems} problem${t.problems === 1 ? '' : 's'}`
}

/** Loads and applies the build rules: refuse on any problem unless skipping invalid files. */
export async function loadForOutput(
  contentDir: string,
  skipInvalid: boolean,
  io: Io,
  options: Omit<LoadOptions, 'onProgress'> = {},
): Promise<LoadResult | null> {
  const result = await load(contentDir, io, false, options)
  for (const p of result.siteProblems) io.err(formatProblem(p))
  if (result.siteProblems.length > 0) return null
  for (const p of result.problems) io.err(formatProblem(p))
  if (result.problems.length > 0 && !skipInvalid) {
    io.err(
      `[dateline] ${result.problems.length} problem(s); nothing written. Fix them, or pass --skip-invalid`,
    )
    return null
  }
  if (result.rejected.length > 0) io.err(`[dateline] skipped: ${result.rejected.join(', ')}`)
  return result
}
