import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../src/cli/main.ts'
import { commandUsage, overview, synopsis } from '../../src/cli/usage.ts'

describe('usage', () => {
  it('lists every command in the overview, with exit codes and the environment', () => {
    const text = overview(COMMANDS)
    expect(text.split('\n')[0]).toBe('Usage: dateline <command> [options]')
    for (const c of COMMANDS) expect(text).toContain(`  ${c.name}`)
    expect(text).toContain('Exit codes: 0 done, 1 problems in the content or a failed step, 2 a usage error.')
    expect(text).toContain('SITE_URL')
  })

  it("gives each command's options with defaults, its exit codes and an example", () => {
    for (const c of COMMANDS) {
      const text = commandUsage(c)
      expect(text.startsWith(`${synopsis(c)}\n\n${c.description}\n`), c.name).toBe(true)
      for (const o of c.options) {
        const line = text.split('\n').find((l) => l.startsWith(`  --${o.name}`))
        expect(line, `${c.name} --${o.name}`).toBeDefined()
        if (o.default) expect(line).toContain(`(default: ${o.default})`)
      }
      expect(text).toContain('  -h, --help')
      expect(text).toMatch(/\nExit codes:\n {2}0 .*\n {2}1 .*\n {2}2 {2}a usage error\n/)
      expect(text).toMatch(/\nExamples?:\n {2}(\S+=\S+ )?dateline /)
    }
  })

  it('shows the defaults a reader needs', () => {
    const byName = Object.fromEntries(COMMANDS.map((c) => [c.name, commandUsage(c)]))
    expect(byName.build).toMatch(/--out DIR +where to write \(default: build\)/)
    expect(byName.export).toMatch(/--out DIR +where to write \(default: dist\)/)
    expect(byName.serve).toMatch(/--port N .*\(default: \$PORT, else 8787\)/)
    expect(byName.ping).toContain('(default: .dateline/websub-state.json)')
    expect(synopsis(COMMANDS[0])).toBe('Usage: dateline check [--content DIR] [--strict] [--json]')
  })
})
