/**
 * The progress line for real: the CLI under a pseudo-terminal (util-linux `script`), against the
 * same command through pipes. Skipped where `script` is missing.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasScript, MAKE_CORPUS, run, runInTerminal } from './helpers.ts'

const ARTICLES = 800
let root = ''

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-progress-'))
  execFileSync('node', [MAKE_CORPUS, String(ARTICLES), join(root, 'content')])
})
afterAll(() => rm(root, { recursive: true, force: true }))

const CLEAR = '\x1b[K'

/** The frames drawn (each starts with `\r` and ends by clearing the rest of the line). */
const frames = (transcript: string, label: string) =>
  transcript
    .split('\r')
    .filter((f) => f.startsWith(label) && f.endsWith(CLEAR))
    .map((f) => f.slice(0, -CLEAR.length))

/** A frame; until the rate is known it shows `--/s` and `ETA --`. */
const FRAME = (label: string, total: string, unit: string) =>
  new RegExp(
    `^${label} +[\\d,]+/${total} ${unit} (\\[[#-]+\\] )? *\\d+% +([\\d,.]+|--)/s {2}ETA (\\d+s|\\d+m\\d\\ds|--)$`,
  )
/** A frame with a measured rate and ETA. */
const MEASURED = /\d+% +[\d,.]+\/s {2}ETA (\d+s|\d+m\d\ds)$/

describe.skipIf(!hasScript)('progress on a terminal', () => {
  it('does redraw reading progress in place on a TTY, then clear it for one summary line', async () => {
    const r = await runInTerminal(['build', '--content', 'content', '--out', 'tty-build'], root)
    expect(r.code, r.transcript).toBe(0)
    const drawn = frames(r.transcript, 'reading')
    expect(drawn.length, r.transcript).toBeGreaterThan(0)
    for (const f of drawn) expect(f).toMatch(FRAME('reading', '800', 'files'))
    // The last frame is wiped (\r, clear line) before the summary, which is the only other line.
    const after = r.transcript.slice(r.transcript.lastIndexOf(`\r${CLEAR}`) + 1 + CLEAR.length)
    expect(after).toMatch(
      /^\[dateline\] build: .* 0 problems, \d+ warnings?; wrote tty-build\/corpus\.json; .* in [\d.]+ m?s\r\n$/,
    )
    expect(r.transcript.match(/\[dateline\]/g)).toHaveLength(1)
  })

  it('does show writing progress while export renders documents', async () => {
    const r = await runInTerminal(['export', '--content', 'content', '--out', 'tty-dist'], root)
    expect(r.code, r.transcript).toBe(0)
    expect(frames(r.transcript, 'reading').length).toBeGreaterThan(0)
    const drawn = frames(r.transcript, 'writing')
    expect(drawn.length, r.transcript).toBeGreaterThan(0)
    for (const f of drawn) expect(f).toMatch(FRAME('writing', '[\\d,]+', 'documents'))
    // Writing takes seconds, so some frames have a measured rate and ETA (reading may be too quick).
    expect(
      drawn.some((f) => MEASURED.test(f)),
      drawn.join('\n'),
    ).toBe(true)
    const after = r.transcript.slice(r.transcript.lastIndexOf(`\r${CLEAR}`) + 1 + CLEAR.length)
    expect(after).toMatch(/^\[dateline\] export: [^\r\n]* documents written in [\d.]+ m?s\r\n$/)
  })

  it('does stay quiet on a TTY when CI is set', async () => {
    const r = await runInTerminal(['build', '--content', 'content', '--out', 'ci-build'], root, {
      CI: 'true',
    })
    expect(r.code, r.transcript).toBe(0)
    expect(r.transcript).toMatch(/^\[dateline\] build: [^\r\n]*\r\n$/)
  })
})

describe('progress through a pipe', () => {
  it('does print no progress, only the summary line', async () => {
    for (const command of ['build', 'export']) {
      const r = await run([command, '--content', 'content', '--out', `pipe-${command}`], root)
      expect(r.code, r.stderr).toBe(0)
      expect(r.stderr).toBe('')
      expect(r.stdout).toMatch(new RegExp(`^\\[dateline\\] ${command}: [^\\r\\n]* in [\\d.]+ m?s\\n$`))
    }
  })
})
