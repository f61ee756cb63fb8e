/**
 * Article dates: `YYYY-MM-DD`, or a date-time with or without an offset (RFC 3339 §5.6, with a
 * space allowed for the `T` as §5.6 NOTE permits). Without an offset, the site's time zone
 * applies. Never "now" and never a file's mtime: dates must be the same on every machine.
 *
 * Also the forms other generators accept, each of which has one meaning (docs/fields.md): a
 * one-digit month, day or hour and a space before the offset (`2013-11-22 5:00:00 +0000`, as
 * Jekyll's Ruby writes it), `/` for `-` with the year first, `UTC`/`GMT` for `Z`, and the month
 * by its English name (`Jul 08 2022`, `July 8, 2022`, `8 July 2022`, RFC 822's
 * `Fri, 08 Jul 2022 10:00:00 +0000`; `date-forms.ts`). Day-first and month-first numbers
 * (`05/06/2022`) stay problems: they mean two different days.
 */
import { namedMonthDate } from './date-forms.ts'

const DATE_TIME =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[Tt ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/

export type ParsedDate = { iso: string } | { error: string }

/**
 * Parses an article date into an ISO 8601 UTC string.
 * @example parseDate('2020-10-19', 'UTC') // { iso: '2020-10-19T00:00:00.000Z' }
 */
export function parseDate(text: string, timeZone: string): ParsedDate {
  const trimmed = text.trim()
  const numeric = DATE_TIME.exec(trimmed)
  const m = numeric ? [numeric[0], numeric[1], ...numeric.slice(3)] : namedMonthDate(trimmed)
  if (!m) return { error: 'use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][offset]' }
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((v) => (v ? Number(v) : 0))
  const ms = m[7] ? Math.floor(Number(m[7]) * 1000) : 0
  const local = Date.UTC(y, mo - 1, d, h, mi, s, ms)
  const check = new Date(local)
  if (y < 1000 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { error: 'no such day or time' }
  }
  const offset = m[8]
  if (!offset) return inRange(zonedToUtc(local, timeZone))
  if (/^(z|utc|gmt)$/i.test(offset)) return inRange(local)
  const sign = offset[0] === '-' ? -1 : 1
  const digits = offset.slice(1).replace(':', '').padEnd(4, '0')
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))
  if (minutes >= 24 * 60 || Number(digits.slice(2)) > 59) return { error: `offset ${offset} is out of range` }
  return inRange(local - sign * minutes * 60_000)
}

// The last instant with a four-digit year in UTC. RFC 3339 §5.6 `date-fullyear` is 4DIGIT, and
// the corpus compares dates as ISO strings: past it, `toISOString()` writes `+010000-…`, which
// no feed can carry and which sorts before every other date.
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** The UTC instant `utc` as an ISO string, or an error when its year, in UTC, has five digits. */
function inRange(utc: number): ParsedDate {
  if (utc > LAST_INSTANT) return { error: 'in UTC it is after the year 9999, which feed dates cannot write' }
  return { iso: new Date(utc).toISOString() }
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** Milliseconds that `timeZone` is ahead of UTC at the instant `utc`. */
function offsetAt(utc: number, timeZone: string): number {
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(utc)) parts[p.type] = Number(p.value)
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return wall - Math.floor(utc / 1000) * 1000
}

/**
 * The UTC instant at which the wall clock in `timeZone` shows `wall` (given as if it were UTC).
 * A wall time skipped by a DST jump maps to the instant just after the jump.
 */
function zonedToUtc(wall: number, timeZone: string): number {
  const first = wall - offsetAt(wall, timeZone)
  const second = wall - offsetAt(first, timeZone)
  return first === second ? first : Math.max(first, second)
}
