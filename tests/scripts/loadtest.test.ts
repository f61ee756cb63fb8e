import { execFile } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const SCRIPT = new URL('../../scripts/loadtest.mjs', import.meta.url).pathname

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [SCRIPT, ...args], { timeout: 90_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

// `npm run loadtest` runs a minute; this is the same script for three seconds, so a change that
// breaks it (or a server that fails its checks under load) shows in the test suite.
describe('scripts/loadtest.mjs', () => {
  it('drives the server with the whole mix while content changes, and reports every figure', async () => {
    const { code, stdout, stderr } = await run('--duration', '3', '--articles', '80', '--edit-every', '1')
    expect(code, stdout + stderr).toBe(0)
    expect(stdout).toMatch(/^statuses: 200=\d+ 304=\d+ 404=\d+ \(HEAD requests among them: [1-9]\d*\)$/m)
    expect(stdout).toMatch(/^edits landed: [1-9]/m)
    expect(stdout).toMatch(/^etag mismatches: 0$/m)
    expect(stdout).toMatch(/^unexpected statuses: 0$/m)
    expect(stdout).toMatch(/^latency: p50 \d+ ms, p99 \d+ ms/m)
    expect(stdout).toMatch(
      /^memory \(server RSS\): start [\d.]+ MB, end [\d.]+ MB, peak [\d.]+ MB; floor of the first quarter [\d.]+ MB, of the last [\d.]+ MB \(flat\)$/m,
    )
    expect(stdout).toMatch(/^loadtest: ok$/m)
  }, 120_000)

  it('refuses an unknown option with its usage', async () => {
    const { code, stderr } = await run('--seconds', '3')
    expect(code).toBe(2)
    expect(stderr).toContain('usage: npm run loadtest -- [--duration N]')
  })
})
