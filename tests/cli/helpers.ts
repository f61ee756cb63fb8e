/** Running the real `bin/dateline.js` in tests: through pipes, or under a pseudo-terminal. */
import { execFile, execFileSync } from 'node:child_process'
import { dirname } from 'node:path'
import { afterEach } from 'vitest'
import type { Io } from '../../src/cli/io.ts'
import { main } from '../../src/cli/main.ts'
import { copyOfSample } from '../support/content-dir.ts'

export const BIN = new URL('../../bin/dateline.js', import.meta.url).pathname
export const MAKE_CORPUS = new URL('../../scripts/make-corpus.mjs', import.meta.url).pathname

export type Run = { code: number; stdout: string; stderr: string }

/** Runs the real CLI in `cwd` with a clean environment apart from `env` (so no CI, no TTY). */
export function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'node',
      [BIN, ...args],
      { cwd, env: { PATH: process.env.PATH, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? (err.code as number) : 0, stdout, stderr }),
    )
  })
}

/** Runs `main` in this process with captured output: for help and usage errors, which do no work. */
export async function runMain(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env }
  const code = await main(argv, io)
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') }
}

/** Whether util-linux `script` is here to give a command a pseudo-terminal. */
export const hasScript = (() => {
  try {
    return /util-linux/.test(execFileSync('script', ['--version'], { encoding: 'utf8' }))
  } catch {
    return false
  }
})()

/**
 * Runs `node bin/dateline.js …args` under a pseudo-terminal (`script -qfec`), so stdout and stderr
 * are a TTY; resolves to the terminal's transcript (both streams, `\r\n` line ends) and exit code.
 */
export function runInTerminal(args: string[], cwd: string, env: Record<string, string> = {}) {
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`
  const command = ['node', BIN, ...args].map(quote).join(' ')
  return new Promise<{ code: number; transcript: string }>((resolve) => {
    execFile(
      'script',
      ['-qfec', command, '/dev/null'],
      { cwd, env: { PATH: process.env.PATH, TERM: 'xterm', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout) => resolve({ code: err ? (err.code as number) : 0, transcript: stdout }),
    )
  })
}

let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  const pending = cleanups
  cleanups = []
  for (const c of pending.reverse()) await c()
})

/** Runs `fn` after the current test. */
export function after(fn: () => Promise<void>) {
  cleanups.push(fn)
}

/** A throw-away copy of the sample content; `root` holds `content/`. Removed after the test. */
export async function workspace() {
  const { dir, remove } = await copyOfSample()
  after(remove)
  return { root: dirname(dir), content: dir }
}
