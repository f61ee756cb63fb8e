/**
 * Dates as the XML formats write them. The corpus stores every date as `toISOString()` writes it
 * (`2024-05-01T09:30:00.000Z`, src/core/corpus.ts); formatting one through `Date` took a sixth of an
 * Atom render, so a date in that form is written from its own characters, and anything else goes
 * through `Date` as before.
 */

// `toISOString()` form, with each field in range. Days past the end of a month (`02-30`) match
// too: `Date` rolls them over into the next month, so `isCanonical` checks those.
const ISO = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/

/** Whether `new Date(iso).toISOString()` is `iso` itself. */
function isCanonical(iso: string): boolean {
  const m = ISO.exec(iso)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (day <= 28) return true
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const last =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  return day <= last
}

/**
 * An RFC 3339 date-time in UTC with milliseconds (RFC 4287 §3.3 Date Constructs).
 * @example rfc3339('2024-05-01T09:30:00Z') // '2024-05-01T09:30:00.000Z'
 */
export function rfc3339(iso: string): string {
  return isCanonical(iso) ? iso : new Date(iso).toISOString()
}

const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAY_MS = 86_400_000

/**
 * An RFC 822 date (RSS 2.0 "Elements of <item>"), as RFC 5322 §3.3 writes it and
 * `toUTCString()` does: `Wed, 01 May 2024 09:30:00 GMT`.
 * @example rfc822('2024-05-01T09:30:00.000Z') // 'Wed, 01 May 2024 09:30:00 GMT'
 */
export function rfc822(iso: string): string {
  if (!isCanonical(iso)) return new Date(iso).toUTCString()
  // 1970-01-01 was a Thursday (DAYS[0]).
  const weekday = DAYS[((Math.floor(Date.parse(iso) / DAY_MS) % 7) + 7) % 7]
  const month = MONTHS[Number(iso.slice(5, 7)) - 1]
  return `${weekday}, ${iso.slice(8, 10)} ${month} ${iso.slice(0, 4)} ${iso.slice(11, 19)} GMT`
}
