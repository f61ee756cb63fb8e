/**
 * The text of the CLI's progress line and its timings, as pure functions of counts and elapsed
 * milliseconds (the clock is the caller's), so every frame can be tested exactly.
 */

/** What one progress frame shows. */
export type FrameInput = {
  /** What is being done: `reading`, `writing`. */
  label: string
  /** What is counted: `files`, `documents`. */
  unit: string
  done: number
  total: number
  /** The recent rate, items per second; null when not known yet. */
  perSecond: number | null
  /** Width of the terminal; the frame is kept narrower so it never wraps. */
  columns: number
}

const BAR_MAX = 30
const BAR_MIN = 8

/**
 * One progress line; `done` is padded to the width of `total`, so the line does not jitter.
 * @example progressFrame({ label: 'reading', unit: 'files', done: 500, total: 2000, perSecond: 2000, columns: 80 })
 * // 'reading   500/2,000 files [######-------------------]  25%  2,000/s  ETA 1s'
 */
export function progressFrame(f: FrameInput): string {
  const all = formatCount(f.total)
  const head = `${f.label} ${formatCount(f.done).padStart(all.length)}/${all} ${f.unit}`
  const percent = f.total > 0 ? Math.floor((100 * Math.min(f.done, f.total)) / f.total) : 100
  const left = formatEta(eta(f.done, f.total, f.perSecond))
  // Fixed widths, so the bar does not change length as the rate and the ETA do.
  const tail = `${String(percent).padStart(3)}%  ${formatRate(f.perSecond).padStart(7)}  ETA ${left.padEnd(6)}`
  const width = Math.max(f.columns, 20) - 1
  // head, space, [bar], space, tail (whose percent is padded to three places)
  const room = Math.min(BAR_MAX, width - head.length - tail.length - 4)
  const line = room >= BAR_MIN ? `${head} ${bar(f.done / (f.total || 1), room)} ${tail}` : `${head} ${tail}`
  return line.slice(0, width).trimEnd()
}

/** Items per second: `done` items in `elapsedMs`; null before there is anything to measure. */
export function rate(done: number, elapsedMs: number): number | null {
  return done > 0 && elapsedMs > 0 ? (done * 1000) / elapsedMs : null
}

/** Seconds left at `perSecond`: 0 when done, null when the rate is not known yet. */
export function eta(done: number, total: number, perSecond: number | null): number | null {
  if (done >= total) return 0
  return perSecond ? (total - done) / perSecond : null
}

/** `[#####-----]` with `width` cells between the brackets, `fraction` of them filled. */
export function bar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(Math.max(fraction, 0), 1) * width)
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`
}

/** `12345` → `12,345`, the same in every locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** `4210.6` → `4,211/s`, `35.2` → `35/s`, `3.44` → `3.4/s`, unknown → `--/s`. */
export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return '--/s'
  return perSecond >= 10 ? `${formatCount(perSecond)}/s` : `${perSecond.toFixed(1)}/s`
}

/** Seconds left, rounded up: `8s`, `1m05s`, `2h03m`, unknown → `--`. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--'
  const s = Math.ceil(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

/** An elapsed time for a summary line: `45 ms`, `1.2 s`, `12.3 s`, `2 min 05 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
}
