/**
 * Dates written with the month's English name, as Astro's blog template (`Jul 08 2022`), RFC 822
 * (`Fri, 08 Jul 2022 10:00:00 +0000`, RSS 2.0's own form) and people (`July 8, 2022`,
 * `8 July 2022`) write them. Each has one meaning: the name says which number is the month. A
 * weekday, when given, must be the date's own (a wrong one means the date is not what the author
 * thinks). Returns the same groups as `article-dates.ts`'s numeric form, for it to check and convert.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

const MONTH = '([A-Za-z]{3,9})\\.?'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
const TIME = '(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?)?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?'
const WEEKDAY = '(?:([A-Za-z]{3,9}),?\\s+)?'

// `Jul 08 2022`, `July 8, 2022`, `Friday, July 8, 2022 10:00`
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY},?\\s+(\\d{4})${TIME}$`, 'i')
// `8 July 2022`, `Fri, 08 Jul 2022 10:00:00 +0000`
const DAY_FIRST = new RegExp(`^${WEEKDAY}${DAY}\\s+${MONTH},?\\s+(\\d{4})${TIME}$`, 'i')

/** The index (0–11) of an English month name or its three-letter abbreviation; -1 otherwise. */
function monthIndex(name: string): number {
  const lower = name.toLowerCase()
  const i = MONTHS.indexOf(lower.slice(0, 3))
  if (i === -1) return -1
  const full = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' })
    .format(Date.UTC(2000, i, 1))
    .toLowerCase()
  // `Sept` is common for September; any other word must be the abbreviation or the full name.
  return lower.length === 3 || lower === full || (i === 8 && lower === 'sept') ? i : -1
}

/**
 * `[whole, year, month, day, hour, minute, second, fraction, offset]` of a date written with the
 * month's name, or undefined when `text` is not one (or names no month, or the wrong weekday).
 * @example namedMonthDate('Jul 08 2022') // ['Jul 08 2022', '2022', '7', '08', …]
 */
export function namedMonthDate(text: string): (string | undefined)[] | undefined {
  const a = MONTH_FIRST.exec(text)
  const b = a ? undefined : DAY_FIRST.exec(text)
  const m = a ?? b
  if (!m) return undefined
  const [weekday, month, day] = a ? [m[1], m[2], m[3]] : [m[1], m[3], m[2]]
  const [year, hour, minute, second, fraction, offset] = m.slice(4)
  const index = monthIndex(month)
  if (index === -1) return undefined
  if (weekday !== undefined) {
    const w = WEEKDAYS.indexOf(weekday.slice(0, 3).toLowerCase())
    if (w === -1 || new Date(Date.UTC(Number(year), index, Number(day))).getUTCDay() !== w) return undefined
  }
  return [text, year, String(index + 1), day, hour, minute, second, fraction, offset]
}
