import { describe, expect, it } from 'vitest'
import { slugify } from '../../src/feeds/slug.ts'

describe('slugify', () => {
  it('keeps letters of every script, lower-cased, words joined by -', () => {
    expect(slugify('Cənubi Qafqaz')).toBe('cənubi-qafqaz')
    expect(slugify('Бакы')).toBe('бакы')
    expect(slugify('東京 オリンピック')).toBe('東京-オリンピック')
    expect(slugify('Town centre')).toBe('town-centre')
  })

  it('turns every run of other characters into one - and trims it', () => {
    expect(slugify('  C++ & Rust!  ')).toBe('c-rust')
    expect(slugify('a / b \\ c')).toBe('a-b-c')
  })

  it('folds compatibility forms and case, so spellings of one name meet', () => {
    expect(slugify('ＡＢＣ')).toBe('abc')
    expect(slugify('ﬁsh')).toBe('fish')
    expect(slugify('CƏNUBI QAFQAZ')).toBe(slugify('Cənubi Qafqaz'))
    // Composed and decomposed forms of the same letter give the same slug.
    expect(slugify('Cafe\u0301')).toBe(slugify('Café'))
  })

  it('gives a name with no letter or digit a stable hex slug', () => {
    expect(slugify('!!!')).toBe('x-212121')
    expect(slugify('!!!')).toBe(slugify('!!!'))
  })
})
