import { describe, expect, it } from 'vitest'
import { normalise, SUMMARY_LENGTH } from '../../src/content/normalise.ts'
import { articleOf, makeSite, md, normaliseDateline, normaliseMarkdown, problemsOf } from './helpers.ts'

const base = ['title: Hello', 'date: 2024-05-01']
const article = (frontMatter: string[], body?: string, name?: string, site = makeSite()) =>
  articleOf(normaliseMarkdown(md(frontMatter, body), name, site))
const problems = (frontMatter: string[], body?: string, name?: string) =>
  problemsOf(normaliseMarkdown(md(frontMatter, body), name))

describe('normalise', () => {
  it('builds a complete article from front matter', () => {
    const a = article(
      [
        'title: Full',
        'date: 2024-05-01T09:30:00+02:00',
        'updated: 2024-05-02',
        'author: { name: Ann, email: ann@example.com, url: "https://ann.example" }',
        'tags: [news, local]',
        'summary: Short summary.',
        'slug: full-post',
        'id: tag:example.com,2024:full',
        'image: pics/a.jpg',
      ],
      'Body *text*.',
      'posts/2024-05-01-ignored.md',
    )
    expect(a).toEqual({
      source: 'posts/2024-05-01-ignored.md',
      slug: 'full-post',
      id: 'tag:example.com,2024:full',
      title: 'Full',
      date: '2024-05-01T07:30:00.000Z',
      updated: '2024-05-02T00:00:00.000Z',
      authors: [{ name: 'Ann', email: 'ann@example.com', url: 'https://ann.example/' }],
      tags: ['news', 'local'],
      summary: 'Short summary.',
      html: '<p>Body <em>text</em>.</p>\n',
      image: '/posts/pics/a.jpg',
      // A local file: the loader measures its length.
      enclosures: [{ url: '/posts/pics/a.jpg', type: 'image/jpeg', role: 'image' }],
    })
  })

  it('leaves out optional fields that are not set', () => {
    const a = article(base)
    expect(a.id).toBeNull()
    expect(a.tags).toEqual([])
    expect(a).not.toHaveProperty('image')
    expect(a).not.toHaveProperty('enclosures')
  })

  describe('text fields', () => {
    it('takes a number or a date-like value in a text field as its text', () => {
      const a = article(['title: 2024', 'date: 2024-05-01', 'summary: 42', 'tags: 7', 'author: 1984'])
      expect(a.title).toBe('2024')
      expect(a.summary).toBe('42')
      expect(a.tags).toEqual(['7'])
      expect(a.authors).toEqual([{ name: '1984' }])
    })

    it('squashes white space in the title', () => {
      expect(article(['title: "  Spaced \\t  out  "', 'date: 2024-05-01']).title).toBe('Spaced out')
    })

    it('reports a missing title in a Markdown file', () => {
      const p = problems(['date: 2024-05-01'])
      expect(p).toHaveLength(1)
      expect(p[0].message).toMatch(/"title" is missing/)
    })
  })

  describe('dates', () => {
    it('defaults updated to date', () => {
      const a = article(['title: T', 'date: 2024-05-01T10:00:00Z'])
      expect(a.updated).toBe(a.date)
      expect(a.updated).toBe('2024-05-01T10:00:00.000Z')
    })

    it('reads lastmod when updated is absent, and prefers updated', () => {
      expect(article([...base, 'lastmod: 2024-06-01']).updated).toBe('2024-06-01T00:00:00.000Z')
      expect(article([...base, 'updated: 2024-07-01', 'lastmod: 2024-06-01']).updated).toBe(
        '2024-07-01T00:00:00.000Z',
      )
    })

    it('applies the site time zone to dates without an offset', () => {
      const paris = makeSite({ timezone: 'Europe/Paris' })
      const summer = article(
        ['title: T', 'date: 2024-07-01T12:00', 'updated: 2024-07-02'],
        'x',
        'a.md',
        paris,
      )
      expect(summer.date).toBe('2024-07-01T10:00:00.000Z')
      expect(summer.updated).toBe('2024-07-01T22:00:00.000Z')
      const winter = article(['title: T', 'date: 2024-01-15T12:00'], 'x', 'a.md', paris)
      expect(winter.date).toBe('2024-01-15T11:00:00.000Z')
      const ny = makeSite({ timezone: 'America/New_York' })
      expect(article(['title: T', 'date: 2024-07-01T12:00'], 'x', 'a.md', ny).date).toBe(
        '2024-07-01T16:00:00.000Z',
      )
      expect(article(['title: T', 'date: 2024-01-15T12:00'], 'x', 'a.md', ny).date).toBe(
        '2024-01-15T17:00:00.000Z',
      )
    })

    it('keeps an explicit offset whatever the site time zone', () => {
      const ny = makeSite({ timezone: 'America/New_York' })
      expect(article(['title: T', 'date: 2024-07-01T12:00:00+02:00'], 'x', 'a.md', ny).date).toBe(
        '2024-07-01T10:00:00.000Z',
      )
    })

    it('falls back to a YYYY-MM-DD- file name prefix, in the site time zone', () => {
      expect(article(['title: T'], 'x', '2024-03-04-spring.md').date).toBe('2024-03-04T00:00:00.000Z')
      const paris = makeSite({ timezone: 'Europe/Paris' })
      expect(article(['title: T'], 'x', '2024-07-01-summer.md', paris).date).toBe('2024-06-30T22:00:00.000Z')
    })

    it('prefers the front matter date to the file name prefix', () => {
      expect(article(['title: T', 'date: 2025-01-01'], 'x', '2024-03-04-spring.md').date).toBe(
        '2025-01-01T00:00:00.000Z',
      )
    })

    it('reports a file with no date anywhere, naming the date key and a line', () => {
      const p = problems(['title: T'], 'x', 'undated.md')
      expect(p).toHaveLength(1)
      expect(p[0]).toMatchObject({ file: 'content/undated.md', line: 1 })
      expect(p[0].message).toMatch(/date: YYYY-MM-DD/)
    })

    it.each([
      ['2024-02-30', 'no such day'],
      ['yesterday', 'YYYY-MM-DD'],
      ['2024', 'YYYY-MM-DD'],
    ])('reports the unparseable date %j with the key and its line, once', (value, reason) => {
      const p = problems(['title: T', 'tags: x', `date: ${value}`])
      expect(p).toHaveLength(1)
      expect(p[0]).toMatchObject({ file: 'content/post.md', line: 4 })
      expect(p[0].message).toContain('"date"')
      expect(p[0].message).toContain(`"${value}"`)
      expect(p[0].message).toContain(reason)
    })

    it('reports a date that is not text at all', () => {
      const p = problems(['title: T', 'date: [2024-05-01]'])
      expect(p[0]).toMatchObject({ line: 3 })
      expect(p[0].message).toMatch(/^"date" must be a date/)
    })

    it('reports a bad date even when the file name has a good prefix', () => {
      const p = problems(['title: T', 'date: 2024-02-30'], 'x', '2024-03-04-x.md')
      expect(p).toHaveLength(1)
      expect(p[0].message).toContain('"date"')
    })

    it('reports an impossible file name prefix once', () => {
      const p = problems(['title: T'], 'x', '2024-02-30-x.md')
      expect(p).toHaveLength(1)
      expect(p[0].message).toContain('2024-02-30')
    })

    it('reports a bad updated or lastmod with its key and line', () => {
      const p = problems([...base, 'updated: soon'])
      expect(p).toHaveLength(1)
      expect(p[0]).toMatchObject({ line: 4 })
      expect(p[0].message).toMatch(/^"updated" is not a date/)
      const q = problems([...base, 'lastmod: 2024-99-01'])
      expect(q[0].message).toMatch(/^"lastmod"/)
    })

    it('reports an update before the publication date', () => {
      const p = problems([...base, 'updated: 2024-04-01'])
      expect(p[0]).toMatchObject({ line: 4 })
      expect(p[0].message).toMatch(/^"updated" is before "date"/)
      expect(problems([...base, 'lastmod: 2024-04-01'])[0].message).toMatch(/^"lastmod" is before/)
    })

    it('keeps articles dated in the future', () => {
      expect(article(['title: T', 'date: 2999-01-01']).date).toBe('2999-01-01T00:00:00.000Z')
    })
  })

  describe('authors', () => {
    it('reads author as a string, authors as a list, and objects', () => {
      expect(article([...base, 'author: Ann']).authors).toEqual([{ name: 'Ann' }])
      expect(article([...base, 'authors: [Ann, Bob]']).authors).toEqual([{ name: 'Ann' }, { name: 'Bob' }])
      expect(
        article([...base, 'authors:', '  - name: Ann', '    email: ann@example.com', '  - Bob']).authors,
      ).toEqual([{ name: 'Ann', email: 'ann@example.com' }, { name: 'Bob' }])
    })

    it('prefers authors to author', () => {
      expect(article([...base, 'author: Ann', 'authors: [Bob]']).authors).toEqual([{ name: 'Bob' }])
    })

    it('falls back to the site author', () => {
      expect(article(base).authors).toEqual([{ name: 'Site Author' }])
      expect(article([...base, 'authors: []']).authors).toEqual([{ name: 'Site Author' }])
    })

    it('reports a bad author with its key and line', () => {
      const p = problems([...base, 'author:', '  name: Ann', '  email: nope'])
      expect(p).toHaveLength(1)
      expect(p[0]).toMatchObject({ line: 4 })
      expect(p[0].message).toMatch(/^"author" "nope" is not an e-mail address/)
    })

    it('reports an author url that cannot be parsed rather than throwing', () => {
      const p = problems([...base, 'author: { name: Ann, url: "https://[bad" }'])
      expect(p[0].message).toMatch(/^"author" author url/)
    })
  })

  describe('tags', () => {
    it('splits a string at commas and reads lists', () => {
      expect(article([...base, 'tags: news, local, news']).tags).toEqual(['news', 'local'])
      expect(article([...base, 'tags: [a, b]']).tags).toEqual(['a', 'b'])
    })

    it('reads categories as tags, preferring tags', () => {
      expect(article([...base, 'categories: [x, y]']).tags).toEqual(['x', 'y'])
      // Merged: Jekyll sites write both, and dropping one lost every category.
      expect(article([...base, 'tags: a', 'categories: [x]']).tags).toEqual(['a', 'x'])
    })

    it('reports bad tags with the key and line', () => {
      const p = problems([...base, 'categories: [{ a: 1 }]'])
      expect(p[0]).toMatchObject({ line: 4 })
      expect(p[0].message).toMatch(/^"categories"/)
    })
  })

  describe('summary', () => {
    it('uses summary, else description, from the front matter', () => {
      expect(article([...base, 'summary: From summary.', 'description: From description.']).summary).toBe(
        'From summary.',
      )
      expect(article([...base, 'description: From description.']).summary).toBe('From description.')
    })

    it('otherwise takes the first paragraph as plain text', () => {
      const a = article(base, '# Heading\n\nFirst *para* with [a link](x) &amp; <b>bold</b>.\n\nSecond para.')
      expect(a.summary).toBe('First para with a link & bold.')
    })

    it('trims a long first paragraph to about 300 characters at a word boundary', () => {
      const words = Array.from({ length: 100 }, (_, i) => `w${i}`)
      const paragraph = words.join(' ')
      const s = article(base, paragraph).summary
      expect(SUMMARY_LENGTH).toBe(300)
      expect([...s].length).toBeLessThanOrEqual(300)
      expect([...s].length).toBeGreaterThan(280)
      expect(s.endsWith('…')).toBe(true)
      expect(paragraph.startsWith(`${s.slice(0, -1)} `)).toBe(true)
    })

    it('keeps a short first paragraph whole', () => {
      expect(article(base, 'Short.\n\nOther.').summary).toBe('Short.')
    })

    it('does not truncate a front matter summary', () => {
      const long = 'x '.repeat(200).trim()
      expect(article([...base, `summary: ${long}`]).summary).toBe(long)
    })
  })

  describe('slug', () => {
    it('defaults to the file name without extension and date prefix', () => {
      expect(article(base, 'x', 'posts/my-post.md').slug).toBe('my-post')
      expect(article(base, 'x', '2024-05-01-my-post.md').slug).toBe('my-post')
      expect(article(base, 'x', 'My Post.markdown').slug).toBe('My-Post')
    })

    it('uses an explicit slug', () => {
      expect(article([...base, 'slug: chosen'], 'x', 'file.md').slug).toBe('chosen')
    })

    it('reports a slug that is not one path segment, with its line', () => {
      const p = problems([...base, 'slug: a/b'])
      expect(p[0]).toMatchObject({ line: 4 })
      expect(p[0].message).toMatch(/^"slug" must be one path segment/)
    })

    it('reports a slug that could not go in a URL instead of throwing', () => {
      const p = problems([...base, 'slug: "bad\\uD800"'])
      expect(p[0].message).toMatch(/^"slug"/)
    })

    it('reports a file name that gives no slug', () => {
      const p = problems(base, 'x', '2024-05-01-.md')
      expect(
        p.some((x) => /the file name gives the slug "", which cannot be a URL segment/.test(x.message)),
      ).toBe(true)
    })
  })

  describe('id', () => {
    it('accepts an absolute URI', () => {
      expect(article([...base, 'id: urn:uuid:1234']).id).toBe('urn:uuid:1234')
    })

    it('reports an id that is not an absolute URI, with its line', () => {
      const p = problems([...base, 'id: my-post'])
      expect(p[0]).toMatchObject({ line: 4 })
      expect(p[0].message).toMatch(/^"id" must be an absolute URI/)
    })
  })

  describe('draft', () => {
    it('leaves drafts out whatever else is wrong with them', () => {
      expect(normaliseMarkdown(md([...base, 'draft: true'])).kind).toBe('draft')
      expect(normaliseMarkdown(md(['draft: yes', 'date: nonsense'])).kind).toBe('draft')
    })

    it('publishes draft: false', () => {
      expect(article([...base, 'draft: false']).title).toBe('Hello')
    })

    it('reports a draft value that is not true or false', () => {
      const p = problems([...base, 'draft: maybe'])
      expect(p[0]).toMatchObject({ line: 4, message: '"draft" must be true or false' })
    })
  })

  describe('image', () => {
    it('resolves relative and protocol-relative images', () => {
      expect(article([...base, 'image: media/a.png']).image).toBe('/media/a.png')
      expect(article([...base, 'image: //cdn.example/a.png']).image).toBe('https://cdn.example/a.png')
      expect(article([...base, 'image: https://example.com/a.png']).image).toBe('https://example.com/a.png')
    })

    it('reports an image that is not http(s) or a path', () => {
      const p = problems([...base, 'image: javascript:alert(1)'])
      expect(p[0]).toMatchObject({ line: 4 })
      expect(p[0].message).toMatch(/^"image"/)
      expect(problems([...base, 'image: [a]'])[0].message).toMatch(/^"image" must be a URL/)
    })
  })

  it('reports every problem in a file at once', () => {
    const p = problems([
      'date: 2024-02-30',
      'slug: a b',
      'id: nope',
      'draft: perhaps',
      'author: { email: x@y.z }',
    ])
    const messages = p.map((x) => x.message)
    expect(messages.some((m) => m.startsWith('"date"'))).toBe(true)
    expect(messages.some((m) => m.startsWith('"slug"'))).toBe(true)
    expect(messages.some((m) => m.startsWith('"id"'))).toBe(true)
    expect(messages.some((m) => m.startsWith('"draft"'))).toBe(true)
    expect(messages.some((m) => m.startsWith('"author"'))).toBe(true)
    expect(messages.some((m) => m.startsWith('"title" is missing'))).toBe(true)
    expect(p.every((x) => x.file === 'content/post.md')).toBe(true)
  })

  describe('XML-forbidden characters', () => {
    // Lone surrogates: a low one first, then a high one not followed by a low one.
    const bad = '\u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uDFFF\uD800'
    // Whether `text` has a character outside XML 1.0 `Char` (checked code point by code point).
    const hasInvalid = (text: string) =>
      [...text].some((c) => {
        const cp = c.codePointAt(0) ?? 0
        if (cp < 0x20) return cp !== 0x09 && cp !== 0x0a && cp !== 0x0d
        return (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff
      })

    it('removes them from title, summary, html, author names and tags', () => {
      const a = articleOf(
        normalise(
          {
            file: 'content/x.md',
            source: 'x.md',
            data: {
              title: `Ti${bad}tle`,
              date: '2024-05-01',
              authors: [`A${bad}nn`, { name: `B${bad}ob`, email: 'bob@example.com' }],
              tags: [`t${bad}ag`],
            },
            lineOf: () => undefined,
            html: `<p>Bo${bad}dy</p>`,
            derived: {},
          },
          makeSite(),
        ),
      )
      expect(a.title).toBe('Title')
      expect(a.summary).toBe('Body')
      expect(a.html).toBe('<p>Body</p>')
      expect(a.authors).toEqual([{ name: 'Ann' }, { name: 'Bob', email: 'bob@example.com' }])
      expect(a.tags).toEqual(['tag'])
    })

    it('removes them from a front matter summary', () => {
      expect(article([...base, 'summary: "Sum\\u0001mary\\uFFFE"']).summary).toBe('Summary')
    })

    it('removes forbidden characters written as character references in raw HTML', () => {
      const a = article(base, '<div title="x&#1;y">a&#1;b&#xFFFE;c&#11;d</div>\n\nPara &#2; text.')
      expect(hasInvalid(a.html)).toBe(false)
      expect(a.html).toContain('abcd')
      expect(hasInvalid(a.summary)).toBe(false)
    })

    it('removes them from a dateline article, its derived title and author', () => {
      const a = articleOf(
        normaliseDateline(`date 2020-10-19 By An\u0001n\n\nHel\u0002lo\uD800 world. More\u000B.`),
      )
      expect(a.title).toBe('Hello world')
      expect(a.authors).toEqual([{ name: 'Ann' }])
      expect(a.html).toBe('<p>Hello world. More.</p>')
      expect(a.summary).toBe('Hello world. More.')
    })

    it('keeps valid characters such as emoji and accents', () => {
      const a = article(['title: "Café 😀"', 'date: 2024-05-01', 'tags: [naïve]'], 'Crème 😀 brûlée.')
      expect(a.title).toBe('Café 😀')
      expect(a.tags).toEqual(['naïve'])
      expect(a.html).toBe('<p>Crème 😀 brûlée.</p>\n')
    })
  })
})
