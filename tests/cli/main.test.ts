import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../src/cli/main.ts'
import { run, runMain, workspace } from './helpers.ts'

describe('main', () => {
  it('prints the overview for --help, -h and help, with exit 0', async () => {
    const real = await run(['--help'], '/')
    expect(real.code).toBe(0)
    expect(real.stdout).toContain('Usage: dateline <command>')
    for (const argv of [['-h'], ['help']]) {
      const r = await runMain(argv)
      expect(r.code, argv.join(' ')).toBe(0)
      expect(r.stdout).toBe(real.stdout)
    }
    for (const c of COMMANDS) expect(real.stdout).toContain(`  ${c.name.padEnd(7)}  ${c.summary}\n`)
  })

  it("prints a command's own help for --help, -h and help <command>, with exit 0", async () => {
    const real = await run(['check', '--help'], '/')
    expect(real.code).toBe(0)
    expect(real.stdout).toMatch(/^Usage: dateline check \[--content DIR\] \[--strict\] \[--json\]\n/)
    for (const argv of [
      ['check', '-h'],
      ['help', 'check'],
      ['--help', 'check'],
      ['check', '--all', '--help'],
    ]) {
      const r = await runMain(argv)
      expect(r.code, argv.join(' ')).toBe(0)
      expect(r.stdout, argv.join(' ')).toBe(real.stdout)
    }
  })

  it('finds the command after options that take a value', async () => {
    const { root } = await workspace()
    const r = await run(['--content', 'content', 'check'], root)
    expect(r.code, r.stderr).toBe(0)
  })

  it('exits 2 on an unknown command or none, naming the commands', async () => {
    const { root } = await workspace()
    const unknown = await run(['frobnicate'], root)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(
      /^\[dateline\] unknown command "frobnicate"; the commands are check, build, export, serve, ping and help\n\nUsage: dateline <command>/,
    )
    const none = await runMain([])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/^\[dateline\] no command given; the commands are/)
    expect((await runMain(['help', 'frobnicate'])).code).toBe(2)
    const typo = await runMain(['chekc'])
    expect(typo.code).toBe(2)
    expect(typo.stderr).toMatch(
      /^\[dateline\] unknown command "chekc"; did you mean "check"\? the commands are/,
    )
  })

  it('exits 2 on an unknown flag, naming it and what the command takes', async () => {
    const { root } = await workspace()
    const r = await run(['check', '--frobnicate'], root)
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      [
        "[dateline] check: unknown option '--frobnicate' (check takes --content, --strict, --json, --help)",
        '',
        'Usage: dateline check [--content DIR] [--strict] [--json]',
        'Run "dateline check --help" for what each option does.',
        '',
      ].join('\n'),
    )
    expect(r.stdout).toBe('')
  })

  it("rejects another command's flag, saying whose it is", async () => {
    const r = await runMain(['check', '--all'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      '[dateline] check: --all is an option of ping, not of check; check takes --content, --strict, --json, --help',
    )
    expect((await runMain(['build', '--port', '80'])).stderr).toContain(
      '--port is an option of serve, not of build',
    )
    expect((await runMain(['serve', '--out', 'x'])).stderr).toContain(
      '--out is an option of build and export, not of serve',
    )
  })

  it('suggests the option a typo was meant to be', async () => {
    const r = await runMain(['build', '--skip-invalud'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("unknown option '--skip-invalud'; did you mean --skip-invalid?")
  })

  it('exits 2 on bad values, naming the flag and the fix', async () => {
    const cases: [string[], string][] = [
      [['serve', '--port', 'eighty'], 'serve: --port must be a whole number from 0 to 65535, not "eighty"'],
      [['serve', '--port=70000'], 'serve: --port must be a whole number from 0 to 65535, not "70000"'],
      [['serve', '--port', '0x50'], 'serve: --port must be a whole number from 0 to 65535, not "0x50"'],
      [['check', '--content'], 'check: --content needs a value: --content DIR'],
      [['check', '--content='], 'check: --content needs a value: --content DIR'],
      [
        ['build', '--out', '--skip-invalid'],
        'build: --out needs a value: --out DIR (for a value that starts with "-", write --out=--skip-invalid)',
      ],
      [['ping', '--all=yes'], 'ping: --all takes no value; write --all alone'],
      [['check', '-x'], "check: unknown option '-x'"],
      [
        ['check', 'content'],
        'check: unexpected argument "content": check takes only options; to read the content from it, write --content content',
      ],
    ]
    for (const [argv, message] of cases) {
      const r = await runMain(argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr, argv.join(' ')).toContain(`[dateline] ${message}`)
    }
    const real = await run(['serve', '--port', 'eighty'], '/')
    expect(real.code).toBe(2)
    expect(real.stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty"')
  })

  it('takes --name=value, and a value starting with "-" in that form', async () => {
    const { root } = await workspace()
    const r = await run(['check', '--content=content'], root)
    expect(r.code, r.stderr).toBe(0)
    const dash = await runMain(['check', '--content=-nowhere'])
    expect(dash.code).toBe(1)
    expect(dash.stderr).toContain('content folder "-nowhere" not found')
  })
})
