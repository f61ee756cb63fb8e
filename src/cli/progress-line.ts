/**
 * The progress line of long commands: redrawn in place on stderr at most every `REDRAW_MS`, and
 * only for a person at a terminal, so CI logs and pipes never see it.
 */
import { type Io, now } from './io.ts'
import { progressFrame, rate } from './progress.ts'

/** The shortest time between two frames (at most ten a second). */
export const REDRAW_MS = 100

/** Reports one stage of work; `end` removes the line so other output starts on a clean one. */
export type Progress = {
  update: (done: number, total: number) => void
  end: () => void
}

const SILENT: Progress = { update: () => {}, end: () => {} }

/**
 * Whether to draw progress: stderr is a terminal, `CI` is unset (or empty, `0`, `false`), and
 * `TERM` is not `dumb` (which cannot redraw a line).
 */
export function progressWanted(io: Io): boolean {
  const ci = io.env.CI?.trim().toLowerCase()
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false'
  return io.terminal !== undefined && !inCi && io.env.TERM !== 'dumb'
}

/** The rate is measured over about this many recent milliseconds, so the ETA follows changes. */
export const RATE_WINDOW_MS = 5000

/**
 * Starts a progress line such as `reading 1,200/20,000 files […] 6% 4,100/s ETA 5s`; a no-op
 * unless `progressWanted(io)`. The first frame comes `REDRAW_MS` after the start, so work that
 * ends sooner shows nothing. The rate is counted from the first frame with work done, so a slow
 * start (the first document of an export sets up the whole site) does not inflate the ETA.
 */
export function startProgress(io: Io, label: string, unit: string): Progress {
  const terminal = io.terminal
  if (!terminal || !progressWanted(io)) return SILENT
  let last = now(io)
  const samples: { t: number; done: number }[] = []
  let drawn = false
  return {
    update(done, total) {
      const t = now(io)
      if (total === 0 || t - last < REDRAW_MS) return
      last = t
      if (done > 0) samples.push({ t, done })
      while (samples.length > 2 && t - samples[1].t >= RATE_WINDOW_MS) samples.shift()
      const perSecond = samples.length > 1 ? rate(done - samples[0].done, t - samples[0].t) : null
      const frame = progressFrame({ label, unit, done, total, perSecond, columns: terminal.columns() })
      terminal.write(`\r${frame}\x1b[K`)
      drawn = true
    },
    end() {
      if (drawn) terminal.write('\r\x1b[K')
      drawn = false
    },
  }
}
