import { describe, expect, it } from 'vitest'
import { firstSentence, squash, truncateAtWord } from '../../src/content/text.ts'

describe('squash', () => {
  it('collapses runs of white space, newlines and tabs to one space and trims', () => {
    expect(squash('  one \n\t two   three\r\n')).toBe('one two three')
  })
})

describe('truncateAtWord', () => {
  it('returns text that fits unchanged, including text exactly at the limit', () => {
    expect(truncateAtWord('short', 10)).toBe('short')
    expect(truncateAtWord('exactly ten', 11)).toBe('exactly ten')
  })

  it('cuts at the last word boundary and appends an ellipsis', () => {
    expect(truncateAtWord('one two three', 9)).toBe('one two…')
    expect(truncateAtWord('one two three', 8)).toBe('one two…')
  })

  it('never returns more than the limit, ellipsis included, and never cuts inside a word', () => {
    const text = 'the quick brown fox jumps over the lazy dog while the cat watches from the fence'
    for (let max = 10; max < text.length; max++) {
      const cut = truncateAtWord(text, max)
      expect([...cut].length).toBeLessThanOrEqual(max)
      expect(cut.endsWith('…')).toBe(true)
      const words = cut.slice(0, -1).split(' ')
      for (const word of words) expect(text.split(' ')).toContain(word)
    }
  })

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(truncateAtWord('alpha, beta gamma', 8)).toBe('alpha…')
    expect(truncateAtWord('alpha – beta gamma', 9)).toBe('alpha…')
  })

  it('cuts a single over-long word mid-word rather than leaving almost nothing', () => {
    expect(truncateAtWord('abcdefghijklmnop', 6)).toBe('abcde…')
    expect(truncateAtWord('a bcdefghijklmnop', 8)).toBe('a bcdef…')
  })

  it('counts code points, not UTF-16 units, and never splits a surrogate pair', () => {
    expect(truncateAtWord('😀😀😀😀😀', 3)).toBe('😀😀…')
    expect(truncateAtWord('😀 😀 😀 😀', 6)).toBe('😀 😀 😀…')
    expect(truncateAtWord('😀 😀 😀 😀', 5)).toBe('😀 😀…')
  })
})

describe('firstSentence', () => {
  it('ends at the first full stop and drops it', () => {
    expect(firstSentence('Hello world. Second sentence.')).toBe('Hello world')
  })

  it('keeps a final question or exclamation mark', () => {
    expect(firstSentence('Is it over? Yes it is.')).toBe('Is it over?')
    expect(firstSentence('What a day! It rained.')).toBe('What a day!')
  })

  it('does not end a sentence at abbreviations such as Dr., Mr. or etc.', () => {
    expect(firstSentence('Dr. Smith arrived today. He left.')).toBe('Dr. Smith arrived today')
    expect(firstSentence('Mr. and Mrs. Jones met Prof. Lee at St. Mary. Then they left.')).toBe(
      'Mr. and Mrs. Jones met Prof. Lee at St. Mary',
    )
  })

  it('does not end a sentence at initials such as U.S. or J. Smith', () => {
    expect(firstSentence('The U.S. economy grew quickly. Analysts agreed.')).toBe(
      'The U.S. economy grew quickly',
    )
    expect(firstSentence('J. R. Hartley found the book. It was rare.')).toBe('J. R. Hartley found the book')
  })

  it('ignores full stops that are not followed by white space', () => {
    expect(firstSentence('Version 2.5 is out. Update now.')).toBe('Version 2.5 is out')
    expect(firstSentence('See example.com for details. Thanks.')).toBe('See example.com for details')
  })

  it('keeps a closing quote or bracket after the end mark', () => {
    expect(firstSentence('He said "stop." Then he left.')).toBe('He said "stop"')
    expect(firstSentence('(It worked!) Everyone cheered.')).toBe('(It worked!)')
  })

  it('returns the whole paragraph, squashed, when it has no sentence end', () => {
    expect(firstSentence('  no end mark\n  at all  ')).toBe('no end mark at all')
  })

  it('treats a full stop at the very end as the end of the sentence', () => {
    expect(firstSentence('Only one sentence.')).toBe('Only one sentence')
  })
})
