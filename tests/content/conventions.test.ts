import { describe, expect, it } from 'vitest'
import { DEFAULT_RULES } from '../../src/content/rules.ts'
import { articleOf, makeSite, md, normaliseMarkdown, problemsOf } from './helpers.ts'

// Front matter as each generator's users write it, read into the same article (docs/fields.md).
const article = (lines: string[], name = 'posts/hello.md', body = 'Body text.') =>
  articleOf(normaliseMarkdown(md(lines, body), name))

describe('the fields of other generators', () => {
  it('reads Astro: pubDate, updatedDate, description', () => {
    const a = article([
      'title: Hi',
      "pubDate: 'Jul 08 2022'",
      'updatedDate: 2022-07-10',
      'description: Short.',
    ])
    expect(a).toMatchObject({
      date: '2022-07-08T00:00:00.000Z',
      updated: '2022-07-10T00:00:00.000Z',
      summary: 'Short.',
    })
  })

  it('reads Hugo: publishDate wins over date, lastmod, keys in any case, params.author', () => {
    const a = article([
      'title: Hi',
      'date: 2020-01-01',
      'publishdate: 2020-02-01',
      'lastMod: 2020-03-01',
      'params:',
      '  author: william',
    ])
    expect(a).toMatchObject({
      date: '2020-02-01T00:00:00.000Z',
      updated: '2020-03-01T00:00:00.000Z',
      authors: [{ name: 'william' }],
    })
  })

  it('reads Jekyll: a date from the file name, excerpt, category and categories merged with tags', () => {
    const a = article(
      ['title: Hi', 'excerpt: The gist.', 'category: Release Notes', 'tags: [ruby]', 'categories: a'],
      '_posts/2013-11-22-hello.md',
    )
    expect(a).toMatchObject({ slug: 'hello', date: '2013-11-22T00:00:00.000Z', summary: 'The gist.' })
    expect(a.tags).toEqual(['ruby', 'a', 'Release Notes'])
  })

  it("splits a Jekyll post's space-separated tags, and nobody else's", () => {
    expect(article(['title: Hi', 'date: 2020-01-01', 'tags: ruby release'], '_posts/x.md').tags).toEqual([
      'ruby',
      'release',
    ])
    expect(article(['title: Hi', 'date: 2020-01-01', 'tags: Breaking News']).tags).toEqual(['Breaking News'])
    expect(article(['title: Hi', 'date: 2020-01-01', 'tags: a, b c']).tags).toEqual(['a', 'b c'])
  })

  it("reads Jekyll's Ruby date with a one-digit hour and an offset", () => {
    expect(article(['title: Hi', 'date: 2013-11-22 5:00:00 +0000']).date).toBe('2013-11-22T05:00:00.000Z')
  })

  it('reads Zola taxonomies and a date prefix with an underscore', () => {
    const a = article(
      ['title: Hi', 'taxonomies:', '  tags: [rust, release]', '  categories: [news]'],
      'blog/2019-05-15_hello.md',
    )
    expect(a).toMatchObject({
      slug: 'hello',
      date: '2019-05-15T00:00:00.000Z',
      tags: ['rust', 'release', 'news'],
    })
  })

  it('dates an article by its folders, and names a page bundle by its folder', () => {
    expect(article(['title: Hi'], 'archive/2019/05/15/hello.md')).toMatchObject({
      slug: 'hello',
      date: '2019-05-15T00:00:00.000Z',
    })
    expect(article(['title: Hi'], 'posts/2020-02-10-big-release/index.md')).toMatchObject({
      slug: 'big-release',
      date: '2020-02-10T00:00:00.000Z',
    })
    expect(article(['title: Hi', 'date: 2020-01-01'], 'posts/bundle/index.md').slug).toBe('bundle')
  })

  it('takes null and ~ as absent, not as text', () => {
    const a = article(['title: Hi', 'date: 2020-01-01', 'summary: ~', 'author: null'], 'x.md', 'First words.')
    expect(a.summary).toBe('First words.')
    expect(a.authors).toEqual([makeSite().author])
  })

  it("reads a site's own field names first (fields: in site.yaml)", () => {
    const rules = { ...DEFAULT_RULES, fields: { title: 'newstitle', date: 'posted' } }
    const r = normaliseMarkdown(md(['newstitle: Own', 'posted: 2021-04-01']), 'x.md', makeSite(), rules)
    expect(articleOf(r)).toMatchObject({ title: 'Own', date: '2021-04-01T00:00:00.000Z' })
  })

  it('reads an image object as themes write it, and warns of the keys it does not use', () => {
    const r = normaliseMarkdown(
      md(['title: Hi', 'date: 2020-01-01', 'image:', '  path: /img/a.jpg', '  thumbnail: /img/t.jpg']),
    )
    expect(articleOf(r).image).toBe('/img/a.jpg')
    expect(r.kind === 'article' && r.warnings).toEqual([
      expect.objectContaining({
        kind: 'unknown-field',
        line: 4,
        message: expect.stringContaining('"thumbnail"'),
      }),
    ])
  })

  it('names every date key in the message when there is none', () => {
    expect(problemsOf(normaliseMarkdown(md(['title: Hi']), 'x.md'))[0].message).toMatch(
      /publishDate, pubDate, date/,
    )
  })
})

describe('visibility', () => {
  const outcome = (lines: string[], name = 'posts/x.md') => normaliseMarkdown(md(lines), name)

  it.each([
    [['draft: true'], 'posts/x.md', 'draft: true'],
    [['published: false'], 'posts/x.md', 'published: false'],
    [[], '_drafts/x.md', 'in a _drafts/ folder'],
    [[], 'blog/_drafts/2020-01-01-x.md', 'in a _drafts/ folder'],
  ])('%j in %s is a draft', (lines, name, reason) => {
    expect(outcome(['title: Hi', 'date: 2020-01-01', ...lines], name)).toEqual({ kind: 'draft', reason })
  })

  it('ignores a page that Eleventy or Hugo keeps out of its collections', () => {
    expect(outcome(['title: Hi', 'date: 2020-01-01', 'eleventyExcludeFromCollections: true'])).toEqual({
      kind: 'ignored',
      reason: 'eleventyExcludeFromCollections: true',
    })
    expect(outcome(['title: Hi', 'date: 2020-01-01', 'build:', '  list: never'])).toMatchObject({
      kind: 'ignored',
    })
  })

  it('publishes published: true, and reads Hugo published: DATE as the publication date', () => {
    expect(outcome(['title: Hi', 'date: 2020-01-01', 'published: true']).kind).toBe('article')
    expect(outcome(['title: Hi', 'date: 2020-01-01', 'draft: false']).kind).toBe('article')
  })

  it('carries expiryDate to the loader, which decides by the time of the load', () => {
    const r = outcome(['title: Hi', 'date: 2020-01-01', 'expiryDate: 2021-01-01'])
    expect(r).toMatchObject({ kind: 'article', expires: '2021-01-01T00:00:00.000Z' })
  })

  it('reports a bad visibility flag with its line instead of guessing', () => {
    expect(problemsOf(outcome(['title: Hi', 'date: 2020-01-01', 'draft: maybe']))[0]).toMatchObject({
      line: 4,
    })
  })
})

describe('titles written for HTML', () => {
  it('decodes the character references Jekyll and Eleventy authors write in titles', () => {
    const a = article(['title: "CVE-1 &amp; CVE-2 &#8212; what&#x2019;s&nbsp;new"', 'date: 2020-01-01'])
    expect(a.title).toBe('CVE-1 & CVE-2 — what’s new')
    expect(article(['title: "Keep &unknown; as written"', 'date: 2020-01-01']).title).toBe(
      'Keep &unknown; as written',
    )
  })
})

describe('plain Markdown without front matter', () => {
  it('takes the title from a leading level-1 heading, and still needs a date', () => {
    const a = articleOf(normaliseMarkdown('# Weekly issue 12\n\nThis week.\n', 'docs/2020-01-03-issue-12.md'))
    expect(a).toMatchObject({ title: 'Weekly issue 12', date: '2020-01-03T00:00:00.000Z' })
    expect(problemsOf(normaliseMarkdown('# Weekly issue 12\n\nThis week.\n', 'docs/issue-12.md'))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^no date/) }),
    ])
    // A heading further down is not the title.
    expect(problemsOf(normaliseMarkdown('Intro.\n\n# Later\n', 'x.md'))[0].message).toMatch(
      /"title" is missing/,
    )
  })
})
