import { describe, expect, it } from 'vitest'
import { parseDateline, TITLE_LENGTH } from '../../src/content/dateline.ts'
import { articleOf, makeSite, normaliseDateline, parsed, problem, problemsOf } from './helpers.ts'

const parse = (text: string) => parseDateline(text, 'content/a.txt', 'a.txt')

describe('parseDateline', () => {
  it('reads the dateline, the paragraphs and the derived title', () => {
    const p = parsed(
      parse('date 2020-10-19 By Ann Lee\n\nFirst sentence here. More text.\n\nSecond paragraph.\n'),
    )
    expect(p.file).toBe('content/a.txt')
    expect(p.source).toBe('a.txt')
    expect(p.derived).toEqual({
      title: 'First sentence here',
      date: '2020-10-19',
      dateLine: 1,
      authors: ['Ann Lee'],
    })
    expect(p.html).toBe('<p>First sentence here. More text.</p>\n<p>Second paragraph.</p>')
  })

  it('accepts leading blank lines, leading spaces, any spacing and lower-case "by"', () => {
    const p = parsed(parse('\n\n   \n   date   2021-01-02    by    Bo   Diddley   \nText.'))
    expect(p.derived).toMatchObject({ date: '2021-01-02', dateLine: 4, authors: ['Bo Diddley'] })
    expect(p.html).toBe('<p>Text.</p>')
  })

  it('accepts tabs and any case in the keywords', () => {
    const p = parsed(parse('\tDATE\t2021-01-02\tBY\tAnn\n\nText.'))
    expect(p.derived).toMatchObject({ date: '2021-01-02', authors: ['Ann'] })
  })

  it('makes every block between blank lines a paragraph, keeping its lines', () => {
    const p = parsed(parse('date 2020-10-19 By A\nOne.\n\n\n\nTwo, line one\nline two.\n  \t\nThree.'))
    expect(p.html).toBe('<p>One.</p>\n<p>Two, line one\nline two.</p>\n<p>Three.</p>')
  })

  it('escapes paragraph text as plain text, never as markup', () => {
    const p = parsed(parse('date 2020-10-19 By A\n\n<script>alert("x")</script> & <b>bold</b> it\'s'))
    expect(p.html).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; it&#39;s</p>',
    )
  })

  it('titles the article with the first sentence of the first paragraph, without its full stop', () => {
    const p = parsed(
      parse('date 2020-10-19 By A\n\nDr. Who met the U.S. envoy in Paris. They talked.\n\nMore.'),
    )
    expect(p.derived.title).toBe('Dr. Who met the U.S. envoy in Paris')
  })

  it('keeps a question or exclamation mark in the title', () => {
    expect(parsed(parse('date 2020-10-19 By A\n\nWho won? Nobody knows.')).derived.title).toBe('Who won?')
    expect(parsed(parse('date 2020-10-19 By A\n\nWe won! Fans cheered.')).derived.title).toBe('We won!')
  })

  it('cuts a long first sentence at a word boundary to at most 110 characters with …', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`)
    const sentence = words.join(' ')
    const title = parsed(parse(`date 2020-10-19 By A\n\n${sentence}. Second.`)).derived.title ?? ''
    expect(TITLE_LENGTH).toBe(110)
    expect([...title].length).toBeLessThanOrEqual(110)
    expect(title.endsWith('…')).toBe(true)
    const kept = title.slice(0, -1)
    expect(sentence.startsWith(`${kept} `)).toBe(true)
    // Nothing more would fit: the next word would take it past the limit.
    const next = words[kept.split(' ').length]
    expect([...`${kept} ${next}…`].length).toBeGreaterThan(110)
  })

  it('does not cut a first sentence of exactly 110 characters', () => {
    const sentence = `${'a'.repeat(50)} ${'b'.repeat(59)}`
    expect(sentence.length).toBe(110)
    expect(parsed(parse(`date 2020-10-19 By A\n\n${sentence}. Next.`)).derived.title).toBe(sentence)
  })

  it('reports a missing dateline with the line of the first non-blank line', () => {
    const p = problem(parse('\n\nJust some text.\n\nMore.'))
    expect(p).toMatchObject({ file: 'content/a.txt', line: 3 })
    expect(p.message).toMatch(/date YYYY-MM-DD By Author Name/)
    expect(p.message).toContain('"Just some text."')
  })

  it.each([
    ['date 2020-10-19', 'no author'],
    ['date 2020-10-19 By', 'an empty author'],
    ['By Ann 2020-10-19', 'the wrong order'],
    ['dated 2020-10-19 By Ann', 'a different keyword'],
    ['date 2020-10-19 from Ann', 'no "By"'],
  ])('reports a malformed dateline %j (%s) with its line', (line) => {
    const p = problem(parse(`\n${line}\n\nText.`))
    expect(p.line).toBe(2)
    expect(p.message).toMatch(/dateline/)
  })

  it('reports an article with no text at all', () => {
    const p = problem(parse('\n   \n'))
    expect(p.message).toMatch(/no text/)
  })

  it('reports a dateline with no paragraphs after it, with the dateline line', () => {
    const p = problem(parse('\ndate 2020-10-19 By Ann\n\n  \n'))
    expect(p).toMatchObject({ line: 2 })
    expect(p.message).toMatch(/no paragraphs/)
  })

  it('counts front matter lines in the line numbers', () => {
    const p = problem(parse('---\ntitle: T\n---\n\nNot a dateline.\n'))
    expect(p.line).toBe(5)
  })

  it('makes the dateline optional when the front matter has a date', () => {
    const p = parsed(parse('---\ndate: 2022-02-02\n---\nFirst paragraph. Yes.\n\nSecond.'))
    expect(p.data.date).toBe('2022-02-02')
    expect(p.derived.date).toBeUndefined()
    expect(p.derived.title).toBe('First paragraph')
    expect(p.html).toBe('<p>First paragraph. Yes.</p>\n<p>Second.</p>')
  })

  it('reports ---js front matter without running it', () => {
    const g = globalThis as { __datelineTxtRan?: unknown }
    const p = problem(parse("---js\n{ date: (globalThis.__datelineTxtRan = 1, '2020-01-01') }\n---\nText."))
    expect(g.__datelineTxtRan).toBeUndefined()
    expect(p.message).toMatch(/---js/)
  })
})

describe('dateline articles', () => {
  it('become articles with the dateline date, author and derived title', () => {
    const a = articleOf(
      normaliseDateline(
        'date 2020-10-19 By Ann Lee\n\nThe bridge opened today. Crowds came.\n\nMore.',
        'bridge.txt',
      ),
    )
    expect(a).toMatchObject({
      slug: 'bridge',
      title: 'The bridge opened today',
      date: '2020-10-19T00:00:00.000Z',
      updated: '2020-10-19T00:00:00.000Z',
      authors: [{ name: 'Ann Lee' }],
      summary: 'The bridge opened today. Crowds came.',
      html: '<p>The bridge opened today. Crowds came.</p>\n<p>More.</p>',
    })
  })

  it('read the dateline date in the site time zone', () => {
    const site = makeSite({ timezone: 'Europe/Paris' })
    const a = articleOf(normaliseDateline('date 2024-07-01 By A\n\nText.', 'a.txt', site))
    expect(a.date).toBe('2024-06-30T22:00:00.000Z')
  })

  it('let front matter win over the dateline', () => {
    const text = [
      '---',
      'title: Chosen title',
      'date: 2023-03-03',
      'author: Front Author',
      '---',
      'date 2020-10-19 By Dateline Author',
      '',
      'Derived title. Text.',
    ].join('\n')
    const a = articleOf(normaliseDateline(text))
    expect(a.title).toBe('Chosen title')
    expect(a.date).toBe('2023-03-03T00:00:00.000Z')
    expect(a.authors).toEqual([{ name: 'Front Author' }])
    // The dateline is still the dateline, not a paragraph.
    expect(a.html).toBe('<p>Derived title. Text.</p>')
  })

  it('take what the front matter leaves out from the dateline', () => {
    const a = articleOf(normaliseDateline('---\ntags: [x]\n---\ndate 2020-10-19 By Ann\n\nHello there. Bye.'))
    expect(a).toMatchObject({ title: 'Hello there', date: '2020-10-19T00:00:00.000Z', tags: ['x'] })
    expect(a.authors).toEqual([{ name: 'Ann' }])
  })

  it('report an impossible dateline date with the dateline line', () => {
    const problems = problemsOf(normaliseDateline('\n\ndate 2024-02-30 By Ann\n\nText.'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'content/post.txt', line: 3 })
    expect(problems[0].message).toContain('2024-02-30')
  })

  it('report a dateline date that is not a date at all', () => {
    const problems = problemsOf(normaliseDateline('date yesterday By Ann\n\nText.'))
    expect(problems[0]).toMatchObject({ line: 1 })
    expect(problems[0].message).toContain('"yesterday"')
  })

  it('report the dateline line after front matter when its date is bad', () => {
    const problems = problemsOf(normaliseDateline('---\ntags: x\n---\n\ndate 2024-13-01 By Ann\n\nText.'))
    expect(problems[0].line).toBe(5)
  })
})
