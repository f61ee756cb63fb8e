import { describe, expect, it } from 'vitest'
import { etagMatches, notModifiedSince } from '../../src/http/conditional.ts'

describe('etagMatches', () => {
  it('matches the same strong tag', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true)
  })

  it('uses the weak comparison: W/ on either side still matches', () => {
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true)
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true)
  })

  it('accepts a list and *', () => {
    expect(etagMatches('"x", W/"abc" , "y"', '"abc"')).toBe(true)
    expect(etagMatches('*', '"abc"')).toBe(true)
  })

  it('does not match another tag or a prefix of it', () => {
    expect(etagMatches('"ab"', '"abc"')).toBe(false)
    expect(etagMatches('"x", "y"', '"abc"')).toBe(false)
  })
})

describe('notModifiedSince', () => {
  const lm = 'Wed, 25 Nov 2026 00:00:00 GMT'

  it('is true when the document is as old as the header or older', () => {
    expect(notModifiedSince(lm, lm)).toBe(true)
    expect(notModifiedSince('Thu, 26 Nov 2026 00:00:00 GMT', lm)).toBe(true)
  })

  it('is false when the document changed after the header date', () => {
    expect(notModifiedSince('Tue, 24 Nov 2026 23:59:59 GMT', lm)).toBe(false)
  })

  it('ignores an unparseable header', () => {
    expect(notModifiedSince('yesterday-ish', lm)).toBe(false)
  })
})
