/** `dateline check`: every problem in the content, as lines or as JSON. */
import { formatProblem } from '../content/problem.ts'
import { checkReport } from './check-report.ts'
import { CONTENT, type Command, contentDirOf, flag } from './command.ts'
import { now } from './io.ts'
import { load, summary } from './load.ts'
import { formatDuration } from './progress.ts'

export const check: Command = {
  name: 'check',
  summary: 'list every problem in the content; exit 1 if there is any',
  description:
    'Reads every article and site.yaml and prints each problem as "path:line: message", then one\n' +
    'summary line: articles published, scheduled and drafts, problems, files and time taken.\n' +
    'Writes nothing.',
  options: [
    CONTENT,
    {
      name: 'json',
      help: 'print the report as one JSON object instead: { problems, warnings, counts }',
    },
  ],
  exits: ['0  no problems', '1  any problem, or no content folder', '2  a usage error'],
  examples: ['dateline check --content content', 'dateline check --json > report.json'],
  async run(values, io) {
    const started = now(io)
    const json = flag(values, 'json')
    const result = await load(contentDirOf(values, io), io, json)
    const failed = result.siteProblems.length + result.problems.length > 0
    if (json) {
      io.out(JSON.stringify(checkReport(result), null, 2))
      return failed ? 1 : 0
    }
    for (const p of [...result.siteProblems, ...result.problems]) io.out(formatProblem(p))
    const took = formatDuration(now(io) - started)
    io.out(`${summary(result)}; ${result.counts.files} files checked in ${took}`)
    return failed ? 1 : 0
  },
}
