/**
 * TOML front matter between `+++` lines, as Hugo and Zola posts write it: values, dates kept as
 * their text, the line of each key (dotted paths into tables too) and of each mistake.
 */
import { describe, expect, it } from 'vitest'
import { readFrontMatter } from '../../src/content/front-matter.ts'
import { parseMarkdown } from '../../src/content/markdown.ts'
import { bad, decoded, ok } from './front-matter-support.ts'
import { articleOf, normaliseMarkdown, parsed } from './helpers.ts'

const HUGO = `+++
title = "Spring in the valley"
date = 2019-05-15T10:00:00+02:00
draft = false
tags = ["a", "b"]
weight = 3
ratio = 0.5

[taxonomies]
series = ["seasons"]
+++

The body, in **Markdown**.
`

const ZOLA = `+++
title = "Notes from Zola"
date = 2019-05-15
description = 'A literal string, no \\escapes'

# Zola keeps taxonomies and free-form values in tables of their own.
[taxonomies]
tags = ["rust", "static sites"]
categories = ["tools"]

[extra]
image = "cover.png"
author.name = "Ada"
+++
First paragraph.
`

describe('TOML front matter', () => {
  it('reads a Hugo post: strings, booleans, plain numbers, arrays and tables', () => {
    const fm = ok(readFrontMatter(HUGO, 'content/a.md'))
    expect(fm.data).toEqual({
      title: 'Spring in the valley',
      date: '2019-05-15T10:00:00+02:00',
      draft: false,
      tags: ['a', 'b'],
      weight: 3,
      ratio: 0.5,
      taxonomies: { series: ['seasons'] },
    })
    expect(typeof fm.data.weight).toBe('number')
    expect(Object.getPrototypeOf(fm.data.taxonomies)).toBe(Object.prototype)
    expect(fm.body).toBe('\nThe body, in **Markdown**.\n')
    expect(fm.bodyLine).toBe(12)
  })

  it('reads a Zola post with [taxonomies] and [extra]', () => {
    const fm = ok(readFrontMatter(ZOLA, 'content/b.md'))
    expect(fm.data).toEqual({
      title: 'Notes from Zola',
      date: '2019-05-15',
      description: 'A literal string, no \\escapes',
      taxonomies: { tags: ['rust', 'static sites'], categories: ['tools'] },
      extra: { image: 'cover.png', author: { name: 'Ada' } },
    })
    expect(fm.body).toBe('First paragraph.\n')
    expect(fm.bodyLine).toBe(15)
  })

  it.each([
    ['offset date-time', '2019-05-15T10:00:00+02:00', '2019-05-15T10:00:00+02:00'],
    ['offset date-time in UTC', '2019-05-15 10:00:00z', '2019-05-15T10:00:00Z'],
    ['offset date-time with a fraction', '1979-05-27T00:32:00.999-07:00', '1979-05-27T00:32:00.999-07:00'],
    ['local date-time', '2019-05-15T10:00:00', '2019-05-15T10:00:00'],
    ['local date-time with a fraction', '2019-05-15T10:00:00.250', '2019-05-15T10:00:00.250'],
    ['local date', '2019-05-15', '2019-05-15'],
    ['local time', '07:32:00', '07:32:00'],
  ])('keeps a %s as its text (%s)', (_kind, written, text) => {
    expect(ok(readFrontMatter(`+++\ndate = ${written}\n+++\n`, 'a.md')).data.date).toBe(text)
  })

  it('turns dates in arrays and tables into text too', () => {
    const fm = ok(readFrontMatter('+++\ndates = [2019-05-15]\n[extra]\nat = 10:00:00\n+++\n', 'a.md'))
    expect(fm.data).toEqual({ dates: ['2019-05-15'], extra: { at: '10:00:00' } })
  })

  it('gives the line of top-level keys, of tables and of dotted paths into them', () => {
    const fm = ok(readFrontMatter(ZOLA, 'a.md'))
    expect(fm.lineOf('title')).toBe(2)
    expect(fm.lineOf('description')).toBe(4)
    expect(fm.lineOf('taxonomies')).toBe(7)
    expect(fm.lineOf('taxonomies.tags')).toBe(8)
    expect(fm.lineOf('taxonomies.categories')).toBe(9)
    expect(fm.lineOf('extra.image')).toBe(12)
    expect(fm.lineOf('extra.author')).toBe(13)
    expect(fm.lineOf('extra.author.name')).toBe(13)
    expect(fm.lineOf('tags')).toBeUndefined()
    expect(fm.lineOf('extra.missing')).toBeUndefined()
  })

  it('finds quoted keys and takes no key from inside a multi-line string or array', () => {
    const text = [
      '+++',
      'summary = """',
      'title = "not a key"',
      '[not.a.table]',
      '"""',
      'grid = [',
      '  [1],',
      ']',
      '"quoted key" = 1',
      "'literal'.x = 2",
      'title = "the key"',
      '+++',
    ].join('\n')
    const fm = ok(readFrontMatter(text, 'a.md'))
    expect(fm.data.title).toBe('the key')
    expect(fm.lineOf('title')).toBe(11)
    expect(fm.lineOf('not')).toBeUndefined()
    expect(fm.lineOf('1')).toBeUndefined()
    expect(fm.lineOf('grid')).toBe(6)
    expect(fm.lineOf('quoted key')).toBe(9)
    expect(fm.lineOf('literal.x')).toBe(10)
  })

  it('reports a broken key with its line in the file, its column and how to fix it', () => {
    const p = bad(
      readFrontMatter('+++\ntitle = "A"\ndate = 2019-05-15\nbad key = 1\n+++\nBody', 'content/a.md'),
    )
    expect(p).toMatchObject({ file: 'content/a.md', line: 4 })
    expect(p.message).toMatch(/^front matter is not valid TOML: .+ \(column \d+\); /)
    expect(p.message).toMatch(/key = value/)
  })

  it('reports a value without quotes and a key written twice on their lines', () => {
    expect(bad(readFrontMatter('+++\ntitle = "A"\nauthor = Ada\n+++\n', 'a.md')).line).toBe(3)
    expect(bad(readFrontMatter('+++\ntitle = "A"\n\ntitle = "B"\n+++\n', 'a.md')).line).toBe(4)
  })

  it('reports front matter that is never closed on line 1', () => {
    const p = bad(readFrontMatter('+++\ntitle = "A"\n\nBody without the closing line.\n', 'a.md'))
    expect(p.line).toBe(1)
    expect(p.message).toMatch(/never closed; add a line \+\+\+/)
    expect(bad(readFrontMatter('+++', 'a.md')).line).toBe(1)
  })

  it('reports text after the opening +++ on line 1', () => {
    const p = bad(readFrontMatter('+++ toml\ntitle = "A"\n+++\nBody', 'a.md'))
    expect(p).toMatchObject({ line: 1 })
    expect(p.message).toMatch(/must have nothing after it; move "toml" to the next line/)
  })

  it('accepts spaces after the delimiters, an empty block, CRLF line endings and a BOM', () => {
    expect(ok(readFrontMatter('+++  \ntitle = "A"\n+++ \nBody', 'a.md')).data).toEqual({ title: 'A' })
    expect(ok(readFrontMatter('+++\n+++\nBody', 'a.md'))).toMatchObject({
      data: {},
      body: 'Body',
      bodyLine: 3,
    })
    const crlf = ok(readFrontMatter('+++\r\ntitle = "A"\r\ndate = 2019-05-15\r\n+++\r\nBody\r\n', 'a.md'))
    expect(crlf).toMatchObject({ data: { title: 'A', date: '2019-05-15' }, body: 'Body\n', bodyLine: 5 })
    expect(crlf.lineOf('date')).toBe(3)
    const bom = ok(readFrontMatter(decoded('\ufeff+++\ntitle = "A"\n+++\nBody'), 'a.md'))
    expect(bom).toMatchObject({ data: { title: 'A' }, body: 'Body' })
  })

  it('does not take ++++ (a rule) as a delimiter', () => {
    expect(ok(readFrontMatter('++++\ntitle = "A"\n++++\n', 'a.md'))).toMatchObject({ data: {}, bodyLine: 1 })
  })

  it('keeps __proto__ a plain key', () => {
    const fm = ok(readFrontMatter('+++\n[__proto__]\npolluted = true\n+++\n', 'a.md'))
    expect(Object.hasOwn(fm.data, '__proto__')).toBe(true)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })

  it('reports nesting deeper than front matter needs instead of overflowing the stack', () => {
    const p = bad(readFrontMatter(`+++\nx = ${'['.repeat(5000)}${']'.repeat(5000)}\n+++\n`, 'a.md'))
    expect(p.line).toBe(2)
    expect(p.message).toMatch(/not valid TOML/)
  })
})

describe('TOML front matter through parseMarkdown', () => {
  it('gives the data and the rendered body of a Hugo post', () => {
    const p = parsed(parseMarkdown(HUGO, 'content/x.md', 'x.md'))
    expect(p.data.title).toBe('Spring in the valley')
    expect(p.data.date).toBe('2019-05-15T10:00:00+02:00')
    expect(p.html).toBe('<p>The body, in <strong>Markdown</strong>.</p>\n')
    expect(p.bodyLine).toBe(12)
    expect(p.lineOf('draft')).toBe(4)
  })

  it('publishes a Zola post with its taxonomies as tags and its local date in the site time zone', () => {
    const article = articleOf(normaliseMarkdown(ZOLA, 'notes.md'))
    expect(article.title).toBe('Notes from Zola')
    expect(article.date).toBe('2019-05-15T00:00:00.000Z')
    expect(article.tags).toEqual(['rust', 'static sites', 'tools'])
    expect(article.summary).toBe('A literal string, no \\escapes')
  })
})
