/**
 * What a CLI command is: its name, its help text, its options and what it runs. Each command
 * file exports one; `main.ts` lists them and `usage.ts` prints their help from the same data.
 */
import type { Io } from './io.ts'

/** One `--name [VALUE]` option. */
export type OptionSpec = {
  name: string
  /** The placeholder of the value (`DIR`); an option without one is a flag. */
  value?: string
  /** What it does, for --help. */
  help: string
  /** The default, for --help. */
  default?: string
  /** Why the value is wrong, as a sentence that names the option; undefined when it is fine. */
  check?: (value: string) => string | undefined
}

/** Option values by name: a string for options with a value, `true` for flags given. */
export type Values = Record<string, string | true | undefined>

export type Command = {
  name: string
  /** One line for the overview. */
  summary: string
  /** What it does, for its --help. */
  description: string
  options: OptionSpec[]
  /** Its exit codes, one line each (`0 …`). */
  exits: string[]
  examples: string[]
  /** Runs the command; resolves to the exit code. */
  run: (values: Values, io: Io) => Promise<number>
}

/** A mistake on the command line (exit 2); the message says how to fix it. */
export class UsageError extends Error {}

export const CONTENT: OptionSpec = {
  name: 'content',
  value: 'DIR',
  help: 'the content folder',
  default: '$CONTENT_DIR, else content',
}

export const STRICT: OptionSpec = {
  name: 'strict',
  help: 'treat every warning (content changed or left out on the way) as a problem',
}

export const SKIP_INVALID: OptionSpec = {
  name: 'skip-invalid',
  help: 'leave out the files with problems (and list them) instead of writing nothing',
}

/** The `--out DIR` option of a command that writes to `fallback` by default. */
export const out = (fallback: string): OptionSpec => ({
  name: 'out',
  value: 'DIR',
  help: 'where to write',
  default: fallback,
})

/** The content folder the command reads: --content, else $CONTENT_DIR, else `content`. */
export function contentDirOf(values: Values, io: Io): string {
  return text(values, 'content') ?? io.env.CONTENT_DIR ?? 'content'
}

/** The value of an option that takes one. */
export const text = (values: Values, name: string): string | undefined => {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}

/** Whether a flag was given. */
export const flag = (values: Values, name: string): boolean => values[name] === true
