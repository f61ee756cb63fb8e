import { describe, expect, it } from 'vitest'
import { toAuthors, toBoolean, toId, toSlug, toTags, toText } from '../../src/content/fields.ts'

describe('toText', () => {
  it('trims strings and treats blank strings as absent', () => {
    expect(toText('  Hello  ')).toBe('Hello')
    expect(toText('   ')).toBeUndefined()
  })

  it('takes a number or a date as its text', () => {
    expect(toText(2024)).toBe('2024')
    expect(toText(2.5)).toBe('2.5')
    expect(toText(0)).toBe('0')
    expect(toText(new Date('2024-05-01T00:00:00Z'))).toBe('2024-05-01T00:00:00.000Z')
  })

  it('returns undefined for values that are not text', () => {
    for (const v of [undefined, null, true, false, ['a'], { a: 1 }]) expect(toText(v)).toBeUndefined()
  })
})

describe('toAuthors', () => {
  it('reads one name', () => {
    expect(toAuthors('Ann Lee')).toEqual({ value: [{ name: 'Ann Lee' }] })
  })

  it('reads a list of names, numbers taken as text', () => {
    expect(toAuthors(['Ann', ' Bob ', 42])).toEqual({
      value: [{ name: 'Ann' }, { name: 'Bob' }, { name: '42' }],
    })
  })

  it('reads objects with name, email and url, and mixes them with names', () => {
    expect(
      toAuthors([
        { name: 'Ann', email: 'ann@example.com', url: 'https://ann.example' },
        'Bob',
        { name: 'Cy' },
      ]),
    ).toEqual({
      value: [
        { name: 'Ann', email: 'ann@example.com', url: 'https://ann.example/' },
        { name: 'Bob' },
        { name: 'Cy' },
      ],
    })
  })

  it('reads a single object', () => {
    expect(toAuthors({ name: 'Ann', url: 'http://ann.example/me' })).toEqual({
      value: [{ name: 'Ann', url: 'http://ann.example/me' }],
    })
  })

  it('rejects an entry without a name', () => {
    expect(toAuthors([{ email: 'ann@example.com' }])).toEqual({ error: 'every author needs a name' })
  })

  it('rejects a name of nothing but characters XML cannot carry, which would publish blank', () => {
    // Found by tests/content/properties.test.ts: `authors: ["\ud800"]` loaded as an author named "".
    expect(toAuthors(['\ud800'])).toHaveProperty('error')
    expect(toAuthors(['\u0001 \u0002'])).toHaveProperty('error')
    expect(toAuthors({ name: '\u001f' })).toEqual({ error: 'every author needs a name' })
  })

  it('rejects a bad e-mail address, naming it', () => {
    const r = toAuthors({ name: 'Ann', email: 'not-an-email' })
    expect(r).toHaveProperty('error')
    expect('error' in r && r.error).toContain('"not-an-email"')
  })

  it('rejects an author url that is not http(s)', () => {
    expect(toAuthors({ name: 'Ann', url: 'javascript:alert(1)' })).toHaveProperty('error')
    expect(toAuthors({ name: 'Ann', url: 'ann.example' })).toHaveProperty('error')
  })

  it('rejects an author url that cannot be parsed instead of throwing', () => {
    expect(() => toAuthors({ name: 'Ann', url: 'https://[bad' })).not.toThrow()
    expect(toAuthors({ name: 'Ann', url: 'https://[bad' })).toHaveProperty('error')
  })

  it('rejects values that are neither names nor entries', () => {
    for (const v of [true, [['nested']], [null], '']) expect(toAuthors(v)).toHaveProperty('error')
  })
})

describe('toTags', () => {
  it('splits one string at commas, trimming and skipping empty parts', () => {
    expect(toTags('news, local ,weather,, ')).toEqual({ value: ['news', 'local', 'weather'] })
  })

  it('reads a list, numbers as text, squashing white space and dropping duplicates', () => {
    expect(toTags(['news', 2024, 'big   story', 'news'])).toEqual({ value: ['news', '2024', 'big story'] })
  })

  it('does not split list items at commas', () => {
    expect(toTags(['a, b'])).toEqual({ value: ['a, b'] })
  })

  it('reads a single number', () => {
    expect(toTags(2024)).toEqual({ value: ['2024'] })
  })

  it('rejects entries that are not names', () => {
    expect(toTags([{ name: 'x' }])).toHaveProperty('error')
    expect(toTags(['ok', null])).toHaveProperty('error')
    expect(toTags(true)).toHaveProperty('error')
  })
})

describe('toBoolean', () => {
  it('reads booleans and true/false/yes/no in any case', () => {
    expect(toBoolean(true)).toEqual({ value: true })
    expect(toBoolean(false)).toEqual({ value: false })
    expect(toBoolean('Yes')).toEqual({ value: true })
    expect(toBoolean(' TRUE ')).toEqual({ value: true })
    expect(toBoolean('no')).toEqual({ value: false })
    expect(toBoolean('False')).toEqual({ value: false })
  })

  it('rejects anything else', () => {
    for (const v of ['maybe', 1, 0, '', null, []])
      expect(toBoolean(v)).toEqual({ error: 'must be true or false' })
  })
})

describe('toId', () => {
  it('accepts absolute URIs', () => {
    expect(toId('tag:example.com,2024:my-post')).toEqual({ value: 'tag:example.com,2024:my-post' })
    expect(toId('urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66')).toEqual({
      value: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
    })
    expect(toId('https://example.com/a')).toEqual({ value: 'https://example.com/a' })
  })

  it('rejects relative references and other text', () => {
    for (const v of ['my-post', '/articles/x', 'not a uri', 'tag: spaced', 42, '', null]) {
      const r = toId(v)
      expect(r).toHaveProperty('error')
      expect('error' in r && r.error).toMatch(/absolute URI/)
    }
  })
})

describe('toSlug', () => {
  it('accepts one path segment, numbers as text', () => {
    expect(toSlug('my-first-post')).toEqual({ value: 'my-first-post' })
    expect(toSlug(' café ')).toEqual({ value: 'café' })
    expect(toSlug(2024)).toEqual({ value: '2024' })
  })

  it('rejects slashes, spaces, ?, #, %, backslashes and dot segments', () => {
    for (const v of ['a/b', 'a b', 'a?b', 'a#b', 'a%20b', 'a\\b', '.', '..', '', null]) {
      expect(toSlug(v)).toHaveProperty('error')
    }
  })

  it('rejects control characters and lone surrogates, which cannot be put in a URL', () => {
    for (const v of ['a\u0001b', 'a\uD800b', 'a\uFFFEb']) expect(toSlug(v)).toHaveProperty('error')
  })
})

describe('toTags and XML-forbidden characters', () => {
  it('removes them before squashing and de-duplicating, so no tag gains a space or a twin', () => {
    expect(toTags(['tag', 't\u0001ag', 't\u000Bag', '\uFFFE'])).toEqual({ value: ['tag'] })
  })
})
