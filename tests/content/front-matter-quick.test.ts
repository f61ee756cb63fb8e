/**
 * The front matter fast path against the full one: for any front matter made of simple and tricky
 * pieces, `quickFrontMatter` either declines or gives exactly what gray-matter with the failsafe
 * YAML engine gives (the data, the block and the body).
 */
import fc from 'fast-check'
import matter from 'gray-matter'
import { describe, expect, it } from 'vitest'
import { parseDocument, visit } from 'yaml'
import { readFrontMatter } from '../../src/content/front-matter.ts'
import { quickFrontMatter } from '../../src/content/front-matter-quick.ts'

/** What front-matter.ts gets from gray-matter; undefined when the YAML is refused. */
function full(text: string) {
  try {
    const file = matter(text, {
      engines: {
        yaml: (block: string) => {
          const doc = parseDocument(block, { schema: 'failsafe' })
          if (doc.errors.length + doc.warnings.length > 0) throw new Error('refused')
          // Plain null forms are null (YAML 1.2.2 §10.3.2); every other scalar its text.
          visit(doc, {
            Scalar(key, node) {
              const nulls = ['null', 'Null', 'NULL', '~', '']
              if (key !== 'key' && node.type === 'PLAIN' && !node.tag && nulls.includes(String(node.value))) {
                node.value = null
              }
            },
          })
          return doc.toJS() as object
        },
      },
    })
    return { data: file.data, matter: file.matter, content: file.content }
  } catch {
    return undefined
  }
}

const piece = fc.constantFrom(
  'a',
  'Z',
  '0',
  ' ',
  '  ',
  ':',
  ': ',
  '#',
  ' #',
  '"',
  "'",
  "''",
  '\\',
  '\\n',
  ',',
  ', ',
  '-',
  '- ',
  '[',
  ']',
  '{',
  '}',
  '!',
  '&',
  '*',
  '|',
  '>',
  '%',
  '@',
  '`',
  '?',
  '.',
  '/',
  '+',
  '\t',
  '\u00e9',
  '\u2026',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\u0001',
  '\ud83d\ude00',
  '2024-05-01T09:30:00+02:00',
  'true',
  'null',
  'Null',
  'NULL',
  '~',
)
// Mostly text the fast path takes, with the tricky pieces mixed in.
const simple = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .:,'\-\u00e9\u2026]{0,10}$/)
const fragment = fc.oneof(
  { arbitrary: simple, weight: 3 },
  { arbitrary: fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), weight: 2 },
  { arbitrary: fc.tuple(simple, piece, simple).map((p) => p.join('')), weight: 2 },
)
const key = fc.oneof(fc.constantFrom('title', 'date', 'tags', 'x-y', '_k', 'title', '__proto__'), fragment)
const value = fc.oneof(
  fragment,
  fragment.map((t) => `"${t}"`),
  fragment.map((t) => `'${t}'`),
  fc.array(fragment, { maxLength: 3 }).map((items) => `[${items.map((t) => `"${t}"`).join(', ')}]`),
  fc.array(fragment, { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
)
const line = fc.oneof(
  {
    arbitrary: fc.tuple(key, fc.constantFrom(': ', ': ', ':  ', ':', ' : '), value).map((p) => p.join('')),
    weight: 8,
  },
  fc.constantFrom('', '# note', '  - item', '---', '----', '...', 'key:\n  nested: 1'),
)
const tricky = fc
  .tuple(
    fc.constantFrom('---\n', '--- \n', '----\n', '---yaml\n'),
    fc.array(line, { maxLength: 4 }),
    fc.constantFrom('\n---\n', '\n---\n\n', '\n---', '\n----\n', '\n--- x\n', ''),
    fc.constantFrom('Body', '', '\n\nBody\n---\nmore'),
  )
  .map(([open, lines, close, body]) => `${open}${lines.join('\n')}${close}${body}`)
// Front matter as articles have it, one tricky piece at most.
const plainKey = fc.stringMatching(/^[a-z][a-z_-]{0,6}$/)
const typical = fc
  .tuple(
    fc.uniqueArray(plainKey, { minLength: 1, maxLength: 5 }),
    fc.array(value, { minLength: 5, maxLength: 5 }),
  )
  .map(([keys, values]) => `---\n${keys.map((k, i) => `${k}: ${values[i]}`).join('\n')}\n---\n\nBody\n`)
const text = fc.oneof(typical, tricky)

describe('quickFrontMatter', () => {
  it('gives what gray-matter and the failsafe YAML give, or declines', () => {
    let taken = 0
    fc.assert(
      fc.property(text, (t) => {
        const quick = quickFrontMatter(t)
        if (quick === undefined) return
        taken++
        expect(quick).toEqual(full(t))
      }),
      { numRuns: 3000 },
    )
    expect(taken).toBeGreaterThan(100)
  })

  it('takes the front matter of a typical article', () => {
    const t =
      '---\ntitle: "Early school: plans"\ndate: 2018-03-14T12:37:31+01:00\nauthor: \'Duncan\'\ntags: ["Energy", "Weather"]\n---\n\nBody\n'
    expect(quickFrontMatter(t)).toEqual(full(t))
    expect(quickFrontMatter(t)?.data.tags).toEqual(['Energy', 'Weather'])
  })

  it('declines plain nulls, which the full parser makes null, and takes quoted ones as text', () => {
    for (const value of ['null', 'Null', 'NULL', '~']) {
      const t = `---\ntitle: T\nsummary: ${value}\n---\nBody`
      expect(quickFrontMatter(t)).toBeUndefined()
      expect(full(t)?.data).toEqual({ title: 'T', summary: null })
      expect(readFrontMatter(t, 'a.md')).toMatchObject({ data: { title: 'T', summary: null } })
    }
    for (const value of ['"null"', "'~'", 'nulls', 'null value']) {
      const t = `---\nsummary: ${value}\n---\n`
      expect(quickFrontMatter(t)).toEqual(full(t))
    }
  })

  it('declines what it does not read exactly', () => {
    for (const t of [
      '---\ntitle: "a\\"b"\n---\n',
      '---\ntitle: a # note\n---\n',
      '---\nauthor:\n  name: A\n---\n',
      '---\ntitle: A\ntitle: B\n---\n',
      '---\ntitle: !x A\n---\n',
      '---\ntitle: A\n',
    ]) {
      expect(quickFrontMatter(t)).toBeUndefined()
    }
  })
})
