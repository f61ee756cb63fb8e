/**
 * The report of `dateline check --json`, a stable format for tools (one JSON object on stdout):
 *
 *     {
 *       "problems": [{ "file": "content/a.md", "line": 3, "message": "…" }],
 *       "warnings": [{ "message": "…" }, { "file": "content/b.md", "line": 9, "kind": "template-tag", "message": "…" }],
 *       "counts": { "files": 6, "published": 4, "scheduled": 1, "drafts": 1, "expired": 0,
 *                   "ignored": 0, "problems": 1, "rejected": 1, "warnings": 1 },
 *       "warningKinds": { "template-tag": 1 },
 *       "files": [{ "file": "content/a.md", "outcome": "problem", "warnings": [] }, …]
 *     }
 *
 * `problems` are in the order the text report prints them (site.yaml's first); `line` is 1-based
 * and left out when unknown. `warnings` holds the site's (a message only) and the files'. `files`
 * lists every article file with its outcome (published, scheduled, draft, expired, ignored,
 * problem), the reason of a draft, an expired or an ignored file, and its warnings. Fields may be
 * added later; none will be removed or renamed.
 */
import type { FileReport, LoadResult } from '../content/load.ts'
import type { Problem } from '../content/problem.ts'
import type { Warning } from '../content/warning.ts'
import { tally, warningKinds } from './load-site.ts'

export type CheckReport = {
  problems: Problem[]
  warnings: (Warning | { message: string })[]
  counts: ReturnType<typeof tally>
  warningKinds: Record<string, number>
  files: FileReport[]
}

const withLine = <T extends Problem>(p: T): T => {
  if (p.line) return p
  const { line: _, ...rest } = p
  return rest as T
}

/** The report of a load, with `published` and `scheduled` counted as of `now`. */
export function checkReport(result: LoadResult, now: number = Date.now()): CheckReport {
  return {
    problems: [...result.siteProblems, ...result.problems].map((p) =>
      withLine({ file: p.file, line: p.line, message: p.message }),
    ),
    warnings: [...result.warnings.map((message) => ({ message })), ...result.fileWarnings.map(withLine)],
    counts: tally(result, now),
    warningKinds: warningKinds(result),
    files: result.files.map((f) => ({ ...f, warnings: f.warnings.map(withLine) })),
  }
}
