/**
 * Loading the content folder for a command: the progress line while files are read, warnings,
 * the counts of a summary line, and the rule that build and export write nothing while there are
 * problems.
 */
import { type FileReport, type LoadOptions, type LoadResult, loadContent } from '../content/load.ts'
import { formatProblem } from '../content/problem.ts'
import { formatWarning } from '../content/warning.ts'
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

/**
 * What a load found, counted as `check` reports it; `published` and `scheduled` as of `now`.
 * `files` is the sum of the outcomes' counts of files (published, scheduled, drafts, expired,
 * ignored and the files with problems); `problems` counts problems, several in one file too.
 */
export function tally(result: LoadResult, now: number = Date.now()) {
  const live = published(result.corpus, now).articles.length
  const count = (outcome: FileReport['outcome']) => result.files.filter((f) => f.outcome === outcome).length
  return {
    files: result.counts.files,
    published: live,
    scheduled: result.corpus.articles.length - live,
    drafts: result.counts.drafts,
    expired: count('expired'),
    ignored: count('ignored'),
    problems: result.problems.length + result.siteProblems.length,
    /** Files left out because of their problems. */
    rejected: count('problem'),
    warnings: result.fileWarnings.length,
  }
}

/** `4 published, 1 scheduled, 1 drafts, 0 expired, 2 ignored, 0 problems, 3 warnings`. */
export function summary(result: LoadResult): string {
  const t = tally(result)
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return `${t.published} published, ${t.scheduled} scheduled, ${t.drafts} drafts, ${t.expired} expired, ${t.ignored} ignored, ${plural(t.problems, 'problem')}, ${plural(t.warnings, 'warning')}`
}

/** The warnings counted by kind, most first: `3 template-tag, 1 broken-link`. */
export function warningKinds(result: LoadResult): Record<string, number> {
  const kinds: Record<string, number> = {}
  for (const w of result.fileWarnings) kinds[w.kind] = (kinds[w.kind] ?? 0) + 1
  return Object.fromEntries(Object.entries(kinds).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
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
  for (const w of result.fileWarnings) io.err(formatWarning(w))
  for (const p of result.problems) io.err(formatProblem(p))
  if (result.problems.length > 0 && !skipInvalid) {
    io.err(
      `[dateline] ${result.problems.length} problem(s); nothing written. Fix them, or pass --skip-invalid`,
    )
    return null
  }
  if (result.rejected.length > 0) io.err(`[dateline] skipped: ${result.rejected.join(', ')}`)
  if (result.nextExpiry !== undefined) {
    io.err(
      `[dateline] note: an article expires at ${new Date(result.nextExpiry).toISOString()}: build (or export) and deploy again then, or it stays published there`,
    )
  }
  return result
}
