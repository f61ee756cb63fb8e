/**
 * Reads the command line: which command, then that command's own options. Every mistake is a
 * `UsageError` whose message names the option and the fix (an option of another command says
 * whose it is, a near miss suggests the real name).
 */
import { type Command, type OptionSpec, UsageError, type Values } from './command.ts'

/** `-h` and `--help`, anywhere before `--`. */
export function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--')
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '-h' || a === '--help')
}

/**
 * The command (the first argument that is neither an option nor an option's value, so
 * `dateline --content DIR check` works too) and the arguments left for it.
 */
export function splitCommand(argv: string[], commands: Command[]): { name?: string; rest: string[] } {
  const takesValue = new Set(commands.flatMap((c) => c.options.filter((o) => o.value).map((o) => o.name)))
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      const name = argv[i + 1]
      return name === undefined ? { rest: argv } : { name, rest: [...argv.slice(0, i), ...argv.slice(i + 2)] }
    }
    if (arg.startsWith('--')) {
      if (!arg.includes('=') && takesValue.has(arg.slice(2))) i++
    } else if (!arg.startsWith('-') || arg === '-') {
      return { name: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] }
    }
  }
  return { rest: argv }
}

/** Parses `args` against `command`'s options (`--name VALUE`, `--name=VALUE`, flags). */
export function parseOptions(command: Command, args: string[], all: Command[]): Values {
  const values: Values = {}
  const positionals: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      positionals.push(...args.slice(i + 1))
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg)
      continue
    }
    if (arg === '-h') continue
    if (!arg.startsWith('--')) throw new UsageError(unknownOption(command, arg, all))
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    const inline = eq === -1 ? undefined : arg.slice(eq + 1)
    if (name === 'help') continue
    const spec = command.options.find((o) => o.name === name)
    if (!spec) throw new UsageError(unknownOption(command, `--${name}`, all))
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value; write --${name} alone`)
      values[name] = true
      continue
    }
    const value = inline ?? args[i + 1]
    if (inline === undefined) {
      if (value === undefined || (value.startsWith('-') && value !== '-')) {
        throw new UsageError(`--${name} needs a value: --${name} ${spec.value}${missing(value, name)}`)
      }
      i++
    }
    if (value === '') throw new UsageError(`--${name} needs a value: --${name} ${spec.value}`)
    const wrong = spec.check?.(value)
    if (wrong) throw new UsageError(wrong)
    values[name] = value
  }
  if (positionals.length > 0) {
    const hint = command.options.some((o) => o.name === 'content')
      ? `; to read the content from it, write --content ${positionals[0]}`
      : ''
    throw new UsageError(`unexpected argument "${positionals[0]}": ${command.name} takes only options${hint}`)
  }
  return values
}

/** After `--name`, the next argument was an option or nothing. */
const missing = (next: string | undefined, name: string) =>
  next === undefined ? '' : ` (for a value that starts with "-", write --${name}=${next})`

function unknownOption(command: Command, option: string, all: Command[]): string {
  const name = option.replace(/^-+/, '')
  const own = command.options.map((o) => `--${o.name}`)
  const list = `${command.name} takes ${[...own, '--help'].join(', ')}`
  const owners = all.filter((c) => c.options.some((o) => o.name === name)).map((c) => c.name)
  if (owners.length > 0) {
    return `${option} is an option of ${owners.join(' and ')}, not of ${command.name}; ${list}`
  }
  const near = nearest(
    name,
    command.options.map((o: OptionSpec) => o.name),
  )
  return `unknown option '${option}'${near ? `; did you mean --${near}?` : ''} (${list})`
}

/** The candidate `word` is probably a typo of (one or two letters off), if any. */
export function nearest(word: string, candidates: string[]): string | undefined {
  return candidates.find((c) => distance(c, word) <= (word.length > 4 ? 2 : 1))
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    row = next
  }
  return row[b.length]
}
