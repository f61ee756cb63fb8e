/**
 * JSON front matter as Hugo reads it: the object that starts the file, its mistakes with their
 * lines, and Markdown that merely starts with a brace left alone.
 */
import { describe, expect, it } from 'vitest'
import { readFrontMatter } from '../../src/content/front-matter.ts'
import { parseMarkdown } from '../../src/content/markdown.ts'
import { bad, decoded, ok } from './front-matter-support.ts'
import { articleOf, normaliseMarkdown, parsed } from './helpers.ts'

const HUGO = `{
  "title": "Winter {draft} notes",
  "date": "2019-05-15T10:00:00+02:00",
  "draft": false,
  "tags": ["a", "b"],
  "params": {
    "author": "Ada \\"the\\" Writer"
  }
}

The body, in *Markdown*.
`

describe('JSON front matter', () => {
  it('reads a Hugo post: the object, then the body after the line of its closing brace', () => {
    const fm = ok(readFrontMatter(HUGO, 'content/a.md'))
    expect(fm.data).toEqual({
      title: 'Winter {draft} notes',
      date: '2019-05-15T10:00:00+02:00',
      draft: false,
      tags: ['a', 'b'],
      params: { author: 'Ada "the" Writer' },
    })
    expect(fm.body).toBe('\nThe body, in *Markdown*.\n')
    expect(fm.bodyLine).toBe(10)
  })

  it('gives the line of top-level keys and of keys in objects', () => {
    const fm = ok(readFrontMatter(HUGO, 'a.md'))
    expect(fm.lineOf('title')).toBe(2)
    expect(fm.lineOf('tags')).toBe(5)
    expect(fm.lineOf('params')).toBe(6)
    expect(fm.lineOf('params.author')).toBe(7)
    expect(fm.lineOf('author')).toBeUndefined()
    expect(fm.lineOf('a')).toBeUndefined()
  })

  it('reads an object on one line, and an empty one', () => {
    expect(ok(readFrontMatter('{"title": "One"}\nBody', 'a.md'))).toMatchObject({
      data: { title: 'One' },
      body: 'Body',
      bodyLine: 2,
    })
    expect(ok(readFrontMatter('{}\nBody', 'a.md'))).toMatchObject({ data: {}, body: 'Body', bodyLine: 2 })
  })

  it('leaves Markdown that merely starts with a brace as the body', () => {
    for (const text of ['{curly} text\n\nMore.', '{.class}\n# Title', '{ not: json }\nBody', '{']) {
      expect(ok(readFrontMatter(text, 'a.md'))).toMatchObject({ data: {}, body: text, bodyLine: 1 })
    }
  })

  it('reports a missing comma on its line, with the column and how to fix it', () => {
    const text = '{\n  "title": "A",\n  "date": "2024-05-01"\n  "draft": true\n}\nBody'
    const p = bad(readFrontMatter(text, 'content/a.md'))
    expect(p).toMatchObject({ file: 'content/a.md', line: 4 })
    expect(p.message).toBe(
      "front matter is not valid JSON: Expected ',' or '}' after property value (column 3); quote every key and text value in double quotes, put a comma between entries (none after the last) and end the object with } at the end of a line",
    )
  })

  it('finds the line of a mistake that JSON.parse names without its position', () => {
    const p = bad(readFrontMatter('{\n  "title": "A",\n  "draft": yes\n}\nBody', 'a.md'))
    expect(p.line).toBe(3)
    expect(p.message).toMatch(/^front matter is not valid JSON: Unexpected token 'y' \(column 12\); /)
  })

  it('reports a comma after the last entry, unquoted keys and a missing closing brace', () => {
    expect(bad(readFrontMatter('{\n  "title": "A",\n}\nBody', 'a.md')).line).toBe(3)
    expect(bad(readFrontMatter('{\n  title: "A"\n}\nBody', 'a.md')).line).toBe(2)
    expect(bad(readFrontMatter('{\n  "title": "A"\n\nBody', 'a.md')).line).toBe(4)
  })

  it('reports text after the closing brace on its line', () => {
    const p = bad(readFrontMatter('{"title": "A"} and more\nBody', 'a.md'))
    expect(p.line).toBe(1)
    expect(p.message).toMatch(/must end its line; move "and more" to the next line/)
  })

  it('reads CRLF line endings and a BOM', () => {
    const fm = ok(readFrontMatter(decoded('\ufeff{\r\n  "title": "A"\r\n}\r\nBody\r\n'), 'a.md'))
    expect(fm).toMatchObject({ data: { title: 'A' }, body: 'Body\n', bodyLine: 4 })
    expect(fm.lineOf('title')).toBe(2)
  })

  it('keeps __proto__ a plain key', () => {
    const fm = ok(readFrontMatter('{"__proto__": {"polluted": true}}\n', 'a.md'))
    expect(Object.hasOwn(fm.data, '__proto__')).toBe(true)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })
})

describe('JSON front matter through parseMarkdown', () => {
  it('gives the data and the rendered body', () => {
    const p = parsed(parseMarkdown(HUGO, 'content/x.md', 'x.md'))
    expect(p.data.tags).toEqual(['a', 'b'])
    expect(p.html).toBe('<p>The body, in <em>Markdown</em>.</p>\n')
    expect(p.bodyLine).toBe(10)
  })

  it('publishes the post with its offset date and Hugo params author', () => {
    const article = articleOf(normaliseMarkdown(HUGO, 'winter.md'))
    expect(article.title).toBe('Winter {draft} notes')
    expect(article.date).toBe('2019-05-15T08:00:00.000Z')
    expect(article.authors).toEqual([{ name: 'Ada "the" Writer' }])
  })

  it('renders a body that starts with a brace as Markdown', () => {
    const p = parsed(parseMarkdown('{curly} text', 'content/x.md', 'x.md'))
    expect(p.data).toEqual({})
    expect(p.html).toBe('<p>{curly} text</p>\n')
  })
})
