import { describe, expect, it } from 'vitest'
import { rfc822, rfc3339 } from '../../src/formats/dates.ts'

// Corpus dates, dates in other ISO forms, days past the end of a month (which Date rolls over),
// hour 24, and the edges of the four-digit years.
const DATES = [
  '2024-05-01T09:30:00.000Z',
  '2024-02-29T23:59:59.999Z',
  '2023-02-29T00:00:00.000Z',
  '1900-02-29T00:00:00.000Z',
  '2000-02-29T00:00:00.000Z',
  '2024-04-31T12:00:00.000Z',
  '2024-12-31T24:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '2024-05-01T09:30:00Z',
  '2024-05-01T11:30:00+02:00',
  '2024-05-01',
]

describe('rfc3339', () => {
  it('writes what toISOString writes, for corpus dates and any other date Date reads', () => {
    for (const iso of DATES) expect(rfc3339(iso), iso).toBe(new Date(iso).toISOString())
  })

  it('throws for what is not a date, as toISOString does', () => {
    expect(() => rfc3339('2024-13-01T00:00:00.000Z')).toThrow(RangeError)
  })
})

describe('rfc822', () => {
  it('writes what toUTCString writes, weekday included', () => {
    for (const iso of DATES) expect(rfc822(iso), iso).toBe(new Date(iso).toUTCString())
    expect(rfc822('2024-05-01T09:30:00.000Z')).toBe('Wed, 01 May 2024 09:30:00 GMT')
  })
})
