/** The help texts: the overview (`dateline --help`) and each command's (`dateline check --help`). */
import type { Command, OptionSpec } from './command.ts'

const EXIT_CODES = 'Exit codes: 0 done, 1 problems in the content or a failed step, 2 a usage error.'
const ENVIRONMENT =
  'Environment: SITE_URL (the public URL; default http://localhost:8787), CONTENT_DIR, PORT;\n' +
  'progress is shown on stderr only when it is a terminal and CI is not set.'

/** `dateline --help`: every command in one line each. */
export function overview(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2
  return [
    'Usage: dateline <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`),
    `  ${'help'.padEnd(width)} this overview; "dateline help <command>" for one command`,
    '',
    'Run "dateline <command> --help" for its options, exit codes and an example.',
    EXIT_CODES,
    ENVIRONMENT,
  ].join('\n')
}

/** `Usage: dateline check [--content DIR] [--json]`: the line shown with a usage error. */
export function synopsis(command: Command): string {
  const options = command.options.map((o) => `[--${o.name}${o.value ? ` ${o.value}` : ''}]`)
  return `Usage: dateline ${[command.name, ...options].join(' ')}`
}

/** `dateline <command> --help`: what it does, its options with defaults, exit codes, examples. */
export function commandUsage(command: Command): string {
  const help: OptionSpec = { name: 'help', help: 'show this help' }
  const rows = [...command.options, help].map((o) => {
    const left = o.name === 'help' ? '-h, --help' : `--${o.name}${o.value ? ` ${o.value}` : ''}`
    return [left, o.default === undefined ? o.help : `${o.help} (default: ${o.default})`] as const
  })
  const width = Math.max(...rows.map(([left]) => left.length)) + 2
  return [
    synopsis(command),
    '',
    command.description,
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    '',
    'Exit codes:',
    ...command.exits.map((e) => `  ${e}`),
    '',
    command.examples.length === 1 ? 'Example:' : 'Examples:',
    ...command.examples.map((e) => `  ${e}`),
  ].join('\n')
}
