/**
 * `dateline check | build | export | serve | ping | help`: reads the command line, runs the
 * command and turns what happened into an exit code: 0 done, 1 problems in the content (or a
 * failed step), 2 a usage error (unknown command or option, bad value).
 */
import { nearest, parseOptions, splitCommand, wantsHelp } from './args.ts'
import { build } from './build.ts'
import { check } from './check.ts'
import { type Command, UsageError, type Values } from './command.ts'
import { exportCommand } from './export.ts'
import { defaultIo, type Io } from './io.ts'
import { ping } from './ping.ts'
import { serve } from './serve.ts'
import { commandUsage, overview, synopsis } from './usage.ts'

/** Every command, in the order the overview lists them. */
export const COMMANDS: Command[] = [check, build, exportCommand, serve, ping]

const NAMES = `the commands are ${COMMANDS.map((c) => c.name).join(', ')} and help`

/** Runs one command; resolves to the exit code (serve resolves once the server listens). */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const { name, rest } = splitCommand(argv, COMMANDS)
  if (name === undefined) {
    if (wantsHelp(rest)) return help(io, overview(COMMANDS))
    return usageError(io, `no command given; ${NAMES}`, overview(COMMANDS))
  }
  if (name === 'help') {
    const [topic, extra] = rest.filter((a) => !a.startsWith('-'))
    if (topic === undefined) return help(io, overview(COMMANDS))
    const command = COMMANDS.find((c) => c.name === topic)
    if (!command || extra !== undefined) {
      return usageError(io, `no help for "${extra ?? topic}"; ${NAMES}`, overview(COMMANDS))
    }
    return help(io, commandUsage(command))
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    const near = nearest(name, [...COMMANDS.map((c) => c.name), 'help'])
    const hint = near ? `did you mean "${near}"? ` : ''
    return usageError(io, `unknown command "${name}"; ${hint}${NAMES}`, overview(COMMANDS))
  }
  if (wantsHelp(rest)) return help(io, commandUsage(command))
  let values: Values
  try {
    values = parseOptions(command, rest, COMMANDS)
  } catch (e) {
    if (e instanceof UsageError) return commandError(io, command, e.message)
    throw e
  }
  try {
    return await command.run(values, io)
  } catch (e) {
    if (e instanceof UsageError) return commandError(io, command, e.message)
    const message = (e as Error).message
    io.err(message.startsWith('[dateline]') ? message : `[dateline] ${message}`)
    return 1
  }
}

function help(io: Io, text: string): number {
  io.out(text)
  return 0
}

function usageError(io: Io, message: string, usage: string): number {
  io.err(`[dateline] ${message}\n\n${usage}`)
  return 2
}

function commandError(io: Io, command: Command, message: string): number {
  io.err(
    `[dateline] ${command.name}: ${message}\n\n${synopsis(command)}\nRun "dateline ${command.name} --help" for what each option does.`,
  )
  return 2
}
