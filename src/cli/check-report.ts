/**
 * The report of `dateline check --json`, a stable format for tools (one JSON object on stdout):
 *
 *     {
 *       "problems": [{ "file": "content/a.md", "line": 3, "message": "…" }],
 *       "warnings": [{ "message": "…" }],
 *       "counts": { "files": 6, "published": 4, "scheduled": 1, "drafts": 1, "problems": 1 }
 *     }
 *
 * `problems` are in the order the text report prints them (site.yaml's first); `line` is 1-based
 * and left out when unknown. Fields may be added later; none will be removed or renamed.
 */
import type { LoadResult } from '../content/load.ts'
import type { Problem } from '../content/problem.ts'
import { tally } from './load.ts'

export type CheckReport = {
  problems: Problem[]
  warnings: { message: string }[]
  counts: { files: number; published: number; scheduled: number; drafts: number; problems: number }
}

/** The report of a load, with `published` and `scheduled` counted as of `now`. */
export function checkReport(result: LoadResult, now: number = Date.now()): CheckReport {
  return {
    problems: [...result.siteProblems, ...result.problems].map((p) =>
      p.line ? { file: p.file, line: p.line, message: p.message } : { file: p.file, message: p.message },
    ),
    warnings: result.warnings.map((message) => ({ message })),
    counts: tally(result, now),
  }
}
