import { afterEach, describe, expect, it } from 'vitest'
import { type FrontMatter, readFrontMatter } from '../../src/content/front-matter.ts'
import { parseMarkdown } from '../../src/content/markdown.ts'
import type { Problem } from '../../src/content/problem.ts'
import { bad, decoded, ok } from './front-matter-support.ts'
import { articleOf, normaliseMarkdown, parsed } from './helpers.ts'

const marker = globalThis as { __datelineFrontMatterRan?: unknown }
afterEach(() => {
  delete marker.__datelineFrontMatterRan
})

describe('readFrontMatter', () => {
  it('returns the whole text as body when there is no front matter', () => {
    const fm = ok(readFrontMatter('Just text.\n\nMore.', 'a.md'))
    expect(fm.data).toEqual({})
    expect(fm.body).toBe('Just text.\n\nMore.')
    expect(fm.bodyLine).toBe(1)
    expect(fm.lineOf('title')).toBeUndefined()
  })

  it('parses YAML front matter and gives the body and its first line', () => {
    const fm = ok(readFrontMatter('---\ntitle: Hello\ntags: [a, b]\n---\nBody line.\n', 'a.md'))
    expect(fm.data).toEqual({ title: 'Hello', tags: ['a', 'b'] })
    expect(fm.body).toBe('Body line.\n')
    expect(fm.bodyLine).toBe(5)
  })

  it('gives the file line of each top-level key, including quoted keys', () => {
    const fm = ok(
      readFrontMatter('---\ntitle: Hello\n\nsummary: >\n  folded\n"date": 2024-05-01\n---\nx', 'a.md'),
    )
    expect(fm.lineOf('title')).toBe(2)
    expect(fm.lineOf('summary')).toBe(4)
    expect(fm.lineOf('date')).toBe(6)
    expect(fm.lineOf('missing')).toBeUndefined()
  })

  it('keeps dates and times as text so the site time zone can apply (YAML 1.2 core schema)', () => {
    const fm = ok(readFrontMatter('---\ndate: 2024-05-01\nupdated: 2024-05-01T10:00:00\n---\n', 'a.md'))
    expect(fm.data.date).toBe('2024-05-01')
    expect(fm.data.updated).toBe('2024-05-01T10:00:00')
  })

  it('keeps every scalar as the text written (failsafe schema), so 1.10 stays 1.10', () => {
    const fm = ok(
      readFrontMatter('---\ndraft: true\ntitle: 1.10\ndate: 2024-05-01\nnote: yes\n---\n', 'a.md'),
    )
    expect(fm.data).toEqual({ draft: 'true', title: '1.10', date: '2024-05-01', note: 'yes' })
  })

  it('reads the plain null forms and an empty value as null (YAML 1.2.2 §10.3.2)', () => {
    const text = '---\na: ~\nb: null\nc: Null\nd: NULL\ne:\nf: [~, x, null]\ng:\n  - \n  - ~\n---\n'
    const fm = ok(readFrontMatter(text, 'a.md'))
    expect(fm.data).toEqual({
      a: null,
      b: null,
      c: null,
      d: null,
      e: null,
      f: [null, 'x', null],
      g: [null, null],
    })
  })

  it('keeps quoted, tagged and other spellings of null as text', () => {
    const text = '---\na: \'~\'\nb: "null"\nc: !!str ~\nd: nULL\ne: ~x\nf: none\n~: key\n---\n'
    const fm = ok(readFrontMatter(text, 'a.md'))
    expect(fm.data).toEqual({ a: '~', b: 'null', c: '~', d: 'nULL', e: '~x', f: 'none', '~': 'key' })
  })

  it('takes a null summary and author for absent ones', () => {
    const text = '---\ntitle: T\ndate: 2024-05-01\nsummary: ~\nauthor: ~\n---\nThe first words.\n'
    const article = articleOf(normaliseMarkdown(text))
    expect(article.summary).toBe('The first words.')
    expect(article.authors).toEqual([{ name: 'Site Author' }])
  })

  it('reads CRLF line endings, and a file with a BOM once read-file.ts has decoded it', () => {
    const crlf = ok(readFrontMatter('---\r\ntitle: a\r\ndate: b\r\n---\r\nBody\r\nmore', 'a.md'))
    expect(crlf).toMatchObject({ data: { title: 'a', date: 'b' }, body: 'Body\nmore', bodyLine: 5 })
    expect(crlf.lineOf('date')).toBe(3)
    const bom = ok(readFrontMatter(decoded('\ufeff---\ntitle: a\n---\nBody'), 'a.md'))
    expect(bom).toMatchObject({ data: { title: 'a' }, body: 'Body', bodyLine: 4 })
    expect(bad(readFrontMatter(decoded('\ufeff---js\r\n{ title: "x" }\r\n---\r\n'), 'a.md')).line).toBe(1)
    // A second BOM is a character of the text, before the ---: no front matter.
    expect(ok(readFrontMatter(decoded('\ufeff\ufeff---\ntitle: a\n---\n'), 'a.md')).data).toEqual({})
  })

  it('treats an empty front matter block as no data', () => {
    const fm = ok(readFrontMatter('---\n---\nBody', 'a.md'))
    expect(fm.data).toEqual({})
    expect(fm.body).toBe('Body')
    expect(fm.bodyLine).toBe(3)
  })

  it('reports invalid YAML with its line and a hint', () => {
    const p = bad(readFrontMatter('---\ntitle: ok\nsummary: one: two\n---\nBody', 'content/a.md'))
    expect(p.file).toBe('content/a.md')
    expect(p.line).toBe(3)
    expect(p.message).toMatch(/not valid YAML/)
    expect(p.message).toMatch(/quote values/)
  })

  it('reports an unknown tag instead of dropping it from the value', () => {
    // Found by tests/content/properties.test.ts: `title: !important news` published "news".
    const p = bad(readFrontMatter('---\ntitle: !important news\n---\nBody', 'content/a.md'))
    expect(p.line).toBe(2)
    expect(p.message).toMatch(/not valid YAML: Unresolved tag: !important .*start with "!"/)
  })

  it('reports front matter that is not a mapping', () => {
    const p = bad(readFrontMatter('---\n- a\n- b\n---\nBody', 'a.md'))
    expect(p.message).toMatch(/must be a YAML mapping/)
    expect(p.line).toBe(2)
    expect(bad(readFrontMatter('---\njust text\n---\nBody', 'a.md')).message).toMatch(/mapping/)
  })

  it('does not take ---- (a rule) as front matter', () => {
    const fm = ok(readFrontMatter('----\ntitle: x\n----\n', 'a.md'))
    expect(fm.data).toEqual({})
  })

  it('gives the data and the rendered body through parseMarkdown', () => {
    const text = '---\ntitle: Hello\ndate: 2019-05-15T10:00:00+02:00\ntags: [a, b]\n---\n\nSome *text*.\n'
    const p = parsed(parseMarkdown(text, 'content/x.md', 'x.md'))
    expect(p.data).toEqual({ title: 'Hello', date: '2019-05-15T10:00:00+02:00', tags: ['a', 'b'] })
    expect(p.html).toBe('<p>Some <em>text</em>.</p>\n')
    expect(p.bodyLine).toBe(6)
    expect(p.lineOf('tags')).toBe(4)
  })

  describe('JavaScript front matter', () => {
    it('refuses a ---js block and never runs it (expression that sets a global)', () => {
      const text = "---js\n{ title: (globalThis.__datelineFrontMatterRan = 'expression', 'x') }\n---\nBody\n"
      const p = bad(readFrontMatter(text, 'content/evil.md'))
      expect(marker.__datelineFrontMatterRan).toBeUndefined()
      expect(p).toMatchObject({ file: 'content/evil.md', line: 1 })
      expect(p.message).toMatch(/JavaScript front matter \(---js\) is not allowed and was not run/)
    })

    it('never runs statements either (gray-matter retries them unwrapped)', () => {
      const text = "---js\nglobalThis.__datelineFrontMatterRan = 'statement'; ({ title: 'x' })\n---\nBody\n"
      bad(readFrontMatter(text, 'evil.md'))
      expect(marker.__datelineFrontMatterRan).toBeUndefined()
    })

    it('does not let code in the block throw out of the parser', () => {
      const text = "---js\n(() => { throw new Error('DATELINE-EVALUATED-FRONT-MATTER') })()\n---\nBody\n"
      let result: FrontMatter | Problem | undefined
      expect(() => {
        result = readFrontMatter(text, 'evil.md')
      }).not.toThrow()
      const p = bad(result as FrontMatter | Problem)
      expect(p.message).not.toContain('DATELINE-EVALUATED-FRONT-MATTER')
      expect(p.message).toMatch(/---js/)
    })

    it.each([
      ['---javascript', 'javascript'],
      ['--- js', 'spaced js'],
      ['---JS', 'upper-case JS'],
      ['---JavaScript', 'mixed-case JavaScript'],
      ['---js\r', 'CRLF js'],
    ])('refuses %s and does not run it', (open, label) => {
      const text = `${open}\n{ title: (globalThis.__datelineFrontMatterRan = '${label}', 'x') }\n---\nBody\n`
      const p = bad(readFrontMatter(text, 'evil.md'))
      expect(marker.__datelineFrontMatterRan).toBeUndefined()
      expect(p.message).toMatch(/JavaScript front matter/)
    })

    it('refuses an empty ---js block too', () => {
      expect(bad(readFrontMatter('---js\n---\nBody\n', 'evil.md')).message).toMatch(/JavaScript front matter/)
    })
  })
})
