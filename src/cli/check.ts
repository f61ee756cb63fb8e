/** `dateline check`: every problem and warning in the content, as lines or as JSON. */
import { formatProblem } from '../content/problem.ts'
import { formatWarning, WARNING_KINDS } from '../content/warning.ts'
import { checkReport } from './check-report.ts'
import { CONTENT, type Command, contentDirOf, flag, STRICT } from './command.ts'
import { now } from './io.ts'
import { load, summary, warningKinds } from './load-site.ts'
import { formatDuration } from './progress.ts'

const KINDS = Object.entries(WARNING_KINDS)
  .map(([kind, meaning]) => `  ${kind.padEnd(16)}${meaning}`)
  .join('\n')

export const check: Command = {
  name: 'check',
  summary: 'list every problem and warning in the content; exit 1 if there is a problem',
  description:
    'Reads every article and site.yaml and prints each problem as "path:line: message" and each\n' +
    'warning as "path:line: warning [kind]: message", then one line of warnings by kind and one\n' +
    'summary line. Every article file (.md, .markdown, .mdx, .txt) ends as exactly one outcome:\n' +
    '  published   in the feeds now\n' +
    '  scheduled   dated in the future: in the feeds at its time, without a rebuild\n' +
    '  drafts      draft: true, published: false, or in a _drafts/ folder\n' +
    '  expired     past its expiryDate: out of every feed\n' +
    '  ignored     not an article, by a rule: ignore: in site.yaml, a section page (_index.md),\n' +
    '              a Jekyll page outside _posts/, a template folder, eleventyExcludeFromCollections,\n' +
    "              a page bundle's other files, a hidden name (.drafts/; .git is never read)\n" +
    '  problems    left out, each reason printed with its file and line\n' +
    'Warnings name what was changed or left out of a published file on the way; they do not stop a\n' +
    'build, and --strict makes them problems. The kinds:\n' +
    `${KINDS}\n` +
    'Writes nothing.',
  options: [
    CONTENT,
    STRICT,
    {
      name: 'json',
      help: 'print the report as one JSON object instead: { problems, warnings, counts, warningKinds, files }',
    },
  ],
  exits: [
    '0  no problems',
    '1  any problem (any warning with --strict), or no content folder',
    '2  a usage error',
  ],
  examples: ['dateline check --content content', 'dateline check --json > report.json'],
  async run(values, io) {
    const started = now(io)
    const json = flag(values, 'json')
    const result = await load(contentDirOf(values, io), io, json, { strict: flag(values, 'strict') })
    const failed = result.siteProblems.length + result.problems.length > 0
    if (json) {
      io.out(JSON.stringify(checkReport(result), null, 2))
      return failed ? 1 : 0
    }
    for (const p of [...result.siteProblems, ...result.problems]) io.out(formatProblem(p))
    for (const w of result.fileWarnings) io.out(formatWarning(w))
    const kinds = Object.entries(warningKinds(result))
    if (kinds.length > 0) io.out(`warnings by kind: ${kinds.map(([k, n]) => `${n} ${k}`).join(', ')}`)
    const took = formatDuration(now(io) - started)
    io.out(`${summary(result)}; ${result.counts.files} files checked in ${took}`)
    return failed ? 1 : 0
  },
}
