import { describe, expect, it } from 'vitest'
import { isTimeZone, parseDate } from '../../src/content/article-dates.ts'

const iso = (text: string, zone = 'UTC') => {
  const r = parseDate(text, zone)
  if ('error' in r) throw new Error(`"${text}" in ${zone}: ${r.error}`)
  return r.iso
}

describe('parseDate', () => {
  it('reads YYYY-MM-DD as midnight in the site time zone (UTC by default)', () => {
    expect(iso('2020-10-19')).toBe('2020-10-19T00:00:00.000Z')
    expect(iso('  2020-10-19  ')).toBe('2020-10-19T00:00:00.000Z')
  })

  it('reads date-times with a Z or numeric offset whatever the site time zone', () => {
    expect(iso('2024-05-01T09:30:00Z', 'Europe/Paris')).toBe('2024-05-01T09:30:00.000Z')
    expect(iso('2024-05-01t09:30z')).toBe('2024-05-01T09:30:00.000Z')
    expect(iso('2024-05-01T09:30:00+02:00', 'America/New_York')).toBe('2024-05-01T07:30:00.000Z')
    expect(iso('2024-05-01T09:30+0530')).toBe('2024-05-01T04:00:00.000Z')
    expect(iso('2024-05-01 09:30:15.250-05:00', 'Europe/Paris')).toBe('2024-05-01T14:30:15.250Z')
    expect(iso('2024-05-01T09:30:00 +01:00')).toBe('2024-05-01T08:30:00.000Z')
  })

  it('crosses the date line when an offset moves the instant into another day', () => {
    expect(iso('2024-01-01T01:00+03:00')).toBe('2023-12-31T22:00:00.000Z')
  })

  it('reads date-times without an offset as UTC by default', () => {
    expect(iso('2024-07-01T12:00')).toBe('2024-07-01T12:00:00.000Z')
    expect(iso('2024-07-01 12:00:30')).toBe('2024-07-01T12:00:30.000Z')
  })

  it('applies Europe/Paris summer (+02:00) and winter (+01:00) time to times without an offset', () => {
    expect(iso('2024-07-01T12:00', 'Europe/Paris')).toBe('2024-07-01T10:00:00.000Z')
    expect(iso('2024-01-15T12:00', 'Europe/Paris')).toBe('2024-01-15T11:00:00.000Z')
    expect(iso('2024-07-01', 'Europe/Paris')).toBe('2024-06-30T22:00:00.000Z')
    expect(iso('2024-01-15', 'Europe/Paris')).toBe('2024-01-14T23:00:00.000Z')
  })

  it('applies America/New_York daylight (-04:00) and standard (-05:00) time', () => {
    expect(iso('2024-07-01T12:00', 'America/New_York')).toBe('2024-07-01T16:00:00.000Z')
    expect(iso('2024-01-15T12:00', 'America/New_York')).toBe('2024-01-15T17:00:00.000Z')
    expect(iso('2024-12-31T23:30', 'America/New_York')).toBe('2025-01-01T04:30:00.000Z')
  })

  it('handles the hours around a daylight-saving change', () => {
    // 02:30 does not exist in Paris on 2024-03-31 (clocks jump 02:00 → 03:00): the instant after the jump.
    expect(iso('2024-03-31T02:30', 'Europe/Paris')).toBe('2024-03-31T01:30:00.000Z')
    expect(iso('2024-03-31T01:59', 'Europe/Paris')).toBe('2024-03-31T00:59:00.000Z')
    expect(iso('2024-03-31T03:00', 'Europe/Paris')).toBe('2024-03-31T01:00:00.000Z')
    // 02:30 happens twice on 2024-10-27: either instant is a correct reading.
    expect(['2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z']).toContain(
      iso('2024-10-27T02:30', 'Europe/Paris'),
    )
  })

  it('accepts 29 February in a leap year only', () => {
    expect(iso('2024-02-29')).toBe('2024-02-29T00:00:00.000Z')
    expect(parseDate('2023-02-29', 'UTC')).toEqual({ error: 'no such day or time' })
  })

  it.each([
    '2024-02-30',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-05-01T24:00',
    '2024-05-01T12:60',
    '2024-05-01T12:00:60',
    '0999-01-01',
  ])('rejects the impossible date %s', (text) => {
    expect(parseDate(text, 'UTC')).toEqual({ error: 'no such day or time' })
  })

  it.each([
    'yesterday',
    '',
    '01/05/2024',
    '05/01/2024 10:00',
    '2024-05-01T09:30+2',
    '2024-05-01 extra',
    '2024-05/01',
    'Foo 08 2022',
    'Mon, 08 Jul 2022',
    'Jul 08 22',
    '2022-07-08 10:00 EST',
  ])('rejects %j as not in a date format', (text) => {
    const r = parseDate(text, 'UTC')
    expect(r).toHaveProperty('error')
    expect('error' in r && r.error).toMatch(/YYYY-MM-DD/)
  })

  it('reads the forms other generators accept, each with one meaning', () => {
    // Jekyll (Ruby's Time.parse): one-digit hour, a space before an offset without a colon.
    expect(iso('2013-11-22 5:00:00 +0000')).toBe('2013-11-22T05:00:00.000Z')
    expect(iso('2013-11-22 05:00:00 -0500')).toBe('2013-11-22T10:00:00.000Z')
    expect(iso('2024-5-1')).toBe('2024-05-01T00:00:00.000Z')
    expect(iso('2024/05/01 9:30', 'Europe/Paris')).toBe('2024-05-01T07:30:00.000Z')
    expect(iso('2024-05-01T09:30:00+02')).toBe('2024-05-01T07:30:00.000Z')
    expect(iso('2024-05-01 09:30 UTC', 'Europe/Paris')).toBe('2024-05-01T09:30:00.000Z')
    // Astro's blog template, people, and RFC 822 as RSS writes it.
    expect(iso('Jul 08 2022')).toBe('2022-07-08T00:00:00.000Z')
    expect(iso('July 8, 2022', 'Europe/Paris')).toBe('2022-07-07T22:00:00.000Z')
    expect(iso('8 July 2022')).toBe('2022-07-08T00:00:00.000Z')
    expect(iso('Sept 3 2021')).toBe('2021-09-03T00:00:00.000Z')
    expect(iso('Fri, 08 Jul 2022 10:00:00 +0000')).toBe('2022-07-08T10:00:00.000Z')
    expect(iso('Friday, July 8, 2022 10:00 GMT')).toBe('2022-07-08T10:00:00.000Z')
  })

  it('rejects a named-month date that does not exist', () => {
    expect(parseDate('Feb 30 2023', 'UTC')).toEqual({ error: 'no such day or time' })
  })

  it('rejects offsets that are out of range', () => {
    expect(parseDate('2024-05-01T10:00+24:00', 'UTC')).toHaveProperty('error')
    expect(parseDate('2024-05-01T10:00+05:60', 'UTC')).toHaveProperty('error')
  })
})

describe('isTimeZone', () => {
  it('accepts IANA zones and UTC', () => {
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Europe/Paris')).toBe(true)
    expect(isTimeZone('America/New_York')).toBe(true)
  })

  it('rejects unknown zones', () => {
    expect(isTimeZone('Mars/Base')).toBe(false)
    expect(isTimeZone('')).toBe(false)
    expect(isTimeZone('not a zone')).toBe(false)
  })
})
