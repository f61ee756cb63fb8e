import { describe, expect, it } from 'vitest'
import { parseOptions, splitCommand, wantsHelp } from '../../src/cli/args.ts'
import { UsageError } from '../../src/cli/command.ts'
import { COMMANDS } from '../../src/cli/main.ts'

const command = (name: string) => COMMANDS.find((c) => c.name === name) ?? COMMANDS[0]

describe('splitCommand', () => {
  it('does find the first argument that is neither an option nor its value', () => {
    expect(splitCommand(['check', '--json'], COMMANDS)).toEqual({ name: 'check', rest: ['--json'] })
    expect(splitCommand(['--content', 'x', 'check'], COMMANDS)).toEqual({
      name: 'check',
      rest: ['--content', 'x'],
    })
    expect(splitCommand(['--content=x', 'build', '--out', 'o'], COMMANDS)).toEqual({
      name: 'build',
      rest: ['--content=x', '--out', 'o'],
    })
    expect(splitCommand(['--json'], COMMANDS)).toEqual({ rest: ['--json'] })
    expect(splitCommand([], COMMANDS)).toEqual({ rest: [] })
  })
})

describe('wantsHelp', () => {
  it('does see -h and --help before "--" only', () => {
    expect(wantsHelp(['--content', 'x', '-h'])).toBe(true)
    expect(wantsHelp(['--help'])).toBe(true)
    expect(wantsHelp(['--', '--help'])).toBe(false)
    expect(wantsHelp(['--helpful'])).toBe(false)
  })
})

describe('parseOptions', () => {
  it("does read the command's own options in both forms; the last one wins", () => {
    expect(parseOptions(command('ping'), ['--state', 's.json', '--all', '--content=c'], COMMANDS)).toEqual({
      state: 's.json',
      all: true,
      content: 'c',
    })
    expect(parseOptions(command('serve'), ['--port', '1', '--port', '65535'], COMMANDS)).toEqual({
      port: '65535',
    })
    expect(parseOptions(command('check'), [], COMMANDS)).toEqual({})
  })

  it('does throw a UsageError for everything else', () => {
    for (const args of [['--json=1'], ['--out', 'x'], ['--nope'], ['-q'], ['extra'], ['--', '--json']]) {
      expect(() => parseOptions(command('check'), args, COMMANDS), args.join(' ')).toThrow(UsageError)
    }
  })
})
