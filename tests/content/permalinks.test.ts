/**
 * An article's page path, old paths and item id path from its front matter and the site's rules
 * (src/content/permalinks.ts): placeholders, the checks on a written path, Hugo's and Jekyll's
 * readings of aliases, and Jekyll's post id.
 */
import { describe, expect, it } from 'vitest'
import { jekyllSlug } from '../../src/content/permalink-pattern.ts'
import { type PermalinkOptions, readPermalink, slugOfPath } from '../../src/content/permalinks.ts'
import { type ContentRules, DEFAULT_RULES } from '../../src/content/rules.ts'
import { articleOf, normaliseMarkdown } from './helpers.ts'

const BASE: PermalinkOptions = {
  data: {},
  slug: 'hello',
  date: '2019-05-15T09:00:00.000Z',
  timezone: 'UTC',
  source: '_posts/2019-05-15-hello.md',
  rules: DEFAULT_RULES,
}

const read = (
  data: Record<string, unknown>,
  rules: Partial<ContentRules> = {},
  more: Partial<PermalinkOptions> = {},
) => readPermalink({ ...BASE, ...more, data, rules: { ...DEFAULT_RULES, ...rules } })

describe('readPermalink: where the page is', () => {
  it('gives no path without a permalink anywhere: the article stays at /articles/{slug}', () => {
    expect(read({})).toEqual({ paths: {}, problems: [] })
  })

  it("fills the site's pattern with the date and the slug", () => {
    expect(read({}, { permalink: '/:year/:month/:day/:title/' }).paths).toEqual({
      path: '/2019/05/15/hello/',
    })
    expect(read({}, { permalink: '/:short_year/:i_month/:i_day/:slug.html' }).paths.path).toBe(
      '/19/5/15/hello.html',
    )
  })

  it("takes the date in the site's time zone, as Jekyll does", () => {
    const late = { date: '2019-05-15T23:30:00.000Z' }
    const rules = { permalink: '/:year/:month/:day/:title/' }
    expect(read({}, rules, { ...late, timezone: 'Europe/Berlin' }).paths.path).toBe('/2019/05/16/hello/')
    expect(read({}, rules, { ...late, timezone: 'America/New_York' }).paths.path).toBe('/2019/05/15/hello/')
  })

  it(':title keeps the slug as it is; :slug is slugified as Jekyll does it', () => {
    const more = { slug: 'Hello_World' }
    expect(read({}, { permalink: '/:title/' }, more).paths.path).toBe('/Hello_World/')
    expect(read({}, { permalink: '/:slug/' }, more).paths.path).toBe('/hello-world/')
    expect(jekyllSlug('Ça va? Très bien!')).toBe('ça-va-très-bien')
  })

  it("lets the article's own permalink or url win over the site's pattern", () => {
    const rules = { permalink: '/:year/:title/' }
    expect(read({ permalink: '/about/' }, rules).paths.path).toBe('/about/')
    expect(read({ url: '/about/' }, rules).paths.path).toBe('/about/')
    expect(read({ permalink: '/blog/:year/:title.html' }, rules).paths.path).toBe('/blog/2019/hello.html')
  })

  it('keeps /x/ and /x.html as written, and reads /x/index.html as /x/', () => {
    expect(read({ permalink: '/x/' }).paths.path).toBe('/x/')
    expect(read({ permalink: '/x.html' }).paths.path).toBe('/x.html')
    expect(read({ permalink: '/x' }).paths.path).toBe('/x')
    expect(read({ permalink: 'posts/x/index.html' }).paths.path).toBe('/posts/x/')
  })

  it("gives Hugo's url without an extension a trailing slash, as Hugo publishes it", () => {
    expect(read({ url: 'articles/my-first-article' }).paths.path).toBe('/articles/my-first-article/')
    expect(read({ url: 'articles/my-first-article.html' }).paths.path).toBe('/articles/my-first-article.html')
    expect(read({ url: '/about' }).paths.path).toBe('/about/')
    expect(read({ url: '/about.html' }).paths.path).toBe('/about.html')
    expect(read({ url: 'my\\:example' }).paths.path).toBe('/my:example/')
  })

  it('percent-encodes non-ASCII once, whatever the spelling it was written in', () => {
    expect(read({ permalink: '/café/' }).paths.path).toBe('/caf%C3%A9/')
    expect(read({ permalink: '/caf%c3%a9/' }).paths.path).toBe('/caf%C3%A9/')
    expect(read({ permalink: '/a%20b/' }).paths.path).toBe('/a%20b/')
  })

  it("reads Eleventy's permalink: false as none of its own, and permalink.build as the path", () => {
    expect(read({ permalink: false }, { permalink: '/:title/' }).paths.path).toBe('/hello/')
    expect(read({ permalink: false }).paths).toEqual({})
    expect(read({ permalink: { build: '/posts/hello/' } }).paths.path).toBe('/posts/hello/')
  })

  it('leaves a url that is a whole address alone (a link post), but refuses one as a permalink', () => {
    expect(read({ url: 'https://elsewhere.example/story' })).toEqual({ paths: {}, problems: [] })
    expect(read({ permalink: 'https://elsewhere.example/story' }).problems[0].key).toBe('permalink')
  })

  it('reads the key the site maps to permalink first', () => {
    const r = read({ link: '/from-link/', permalink: '/ignored/' }, { fields: { permalink: 'link' } })
    expect(r.paths.path).toBe('/from-link/')
  })

  it.each([
    ['/a b/', 'spaces'],
    ['/a\tb/', 'spaces'],
    ['/a?b=1', '?'],
    ['/a#top', '?'],
    ['/a\\b', '?'],
    ['/a/../b/', '/../'],
    ['/a//b/', '//'],
    ['/a/./b/', '/./'],
    ['/a%2Fb/', 'encoded /'],
    ['/a%zz/', 'percent-encoding'],
    ['/x/{{ page.fileSlug }}/', 'template'],
    ['/:collection/:title/', ':collection'],
    ['/tags/x/', 'serves itself'],
    ['/rss.xml', 'serves itself'],
    ['/archive/2019/', 'serves itself'],
    ['/', 'serves itself'],
    ['/photo.jpg', 'media file'],
  ])('refuses %j (%s) with a problem under its key', (written, part) => {
    const r = read({ permalink: written })
    expect(r.paths).toEqual({})
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0].key).toBe('permalink')
    expect(r.problems[0].message).toContain(part)
  })

  it('refuses a value that is not a path', () => {
    for (const value of [42, true, ['/a/'], { serverless: '/a/' }]) {
      expect(read({ permalink: value }).problems, JSON.stringify(value)).toHaveLength(1)
    }
  })
})

describe('readPermalink: old addresses', () => {
  it('reads aliases and redirect_from, one or a list, normalised like paths and without repeats', () => {
    const r = read({ permalink: '/new/', aliases: ['/old/', '/caf%c3%a9'], redirect_from: '/old/' })
    expect(r.paths.aliases).toEqual(['/old/', '/caf%C3%A9'])
    expect(read({ redirect_from: '/a.html' }).paths.aliases).toEqual(['/a.html'])
  })

  it('drops an alias that is the path itself', () => {
    expect(read({ permalink: '/new/', aliases: ['/new/', '/old/'] }).paths.aliases).toEqual(['/old/'])
  })

  it("resolves Hugo's relative aliases against the page's folder, and redirect_from's against the root", () => {
    const r = read({ url: '/posts/hello/', aliases: ['old-name', '../legacy/path/'] })
    expect(r.paths.aliases).toEqual(['/posts/old-name', '/legacy/path/'])
    expect(read({ redirect_from: 'old-name' }).paths.aliases).toEqual(['/old-name'])
  })

  it('without a permalink, resolves them against the folder Hugo published the source in', () => {
    expect(read({ aliases: ['old'] }, {}, { source: 'posts/hello.md' }).paths.aliases).toEqual(['/posts/old'])
    expect(read({ aliases: ['old'] }, {}, { source: 'posts/hello/index.md' }).paths.aliases).toEqual([
      '/posts/old',
    ])
    expect(read({ aliases: ['old'] }, {}, { source: 'hello.md' }).paths.aliases).toEqual(['/old'])
  })

  it('may point an old /articles/ address at the article (a slug that changed)', () => {
    expect(read({ permalink: '/new/', aliases: ['/articles/hello'] }).paths.aliases).toEqual([
      '/articles/hello',
    ])
  })

  it('refuses aliases that climb above the root, are addresses, or are paths the app serves', () => {
    for (const alias of ['../../up', 'https://old.example/x', '/feed', '/a b']) {
      const r = read({ aliases: [alias] }, {}, { source: 'posts/hello.md' })
      expect(
        r.problems.map((p) => p.key),
        alias,
      ).toEqual(['aliases'])
    }
    expect(read({ aliases: [{ path: '/x' }] }).problems[0].message).toContain('list of paths')
  })
})

describe('readPermalink: the item id path (ids: jekyll)', () => {
  const jekyll = (data: Record<string, unknown>, permalink?: string) =>
    read(data, { ids: 'jekyll', ...(permalink ? { permalink } : {}) }).paths

  it("is the path's folder and the slug, whatever the ending", () => {
    expect(jekyll({}, '/:year/:month/:day/:title.html').idPath).toBe('/2019/05/15/hello')
    expect(jekyll({}, '/:year/:month/:day/:title/').idPath).toBe('/2019/05/15/hello')
    expect(jekyll({}, '/:title.html').idPath).toBe('/hello')
  })

  it('takes the slug, not the last segment, as Jekyll does', () => {
    expect(jekyll({ permalink: '/about/me/' }).idPath).toBe('/about/hello')
  })

  it('is absent when it would be the path itself, or with ids: url', () => {
    expect(jekyll({ permalink: '/posts/hello' }).idPath).toBeUndefined()
    expect(read({}, { permalink: '/:title.html' }).paths.idPath).toBeUndefined()
    expect(jekyll({}).idPath).toBeUndefined()
  })
})

describe('slugOfPath', () => {
  it('joins the segments into one readable slug', () => {
    expect(slugOfPath('/2019/05/15/hello/')).toBe('2019-05-15-hello')
    expect(slugOfPath('/posts/hello.html')).toBe('posts-hello')
    expect(slugOfPath('/caf%C3%A9/a%25b/')).toBe('café-a-b')
  })
})

describe('Zola', () => {
  it("reads `path` as the page's URL from the root, its relative aliases from the root, and its date", () => {
    const text = [
      '+++',
      'path = "2014/12/12/1.0-Timeline"',
      'title = "Scheduling the trains"',
      'aliases = ["2014/12/12/1.0-Timeline.html"]',
      '+++',
      '',
      'Body.',
    ].join('\n')
    const a = articleOf(normaliseMarkdown(text, 'content/1.0-Timeline.md'))
    expect(a).toMatchObject({
      path: '/2014/12/12/1.0-Timeline/',
      aliases: ['/2014/12/12/1.0-Timeline.html'],
      date: '2014-12-12T00:00:00.000Z',
    })
  })
})

describe(':path', () => {
  it("gives Hugo's default URL: the file's path in its section, a bundle's folder", () => {
    const rules = { ...DEFAULT_RULES, permalink: '/blog/:path/' }
    const at = (source: string) =>
      readPermalink({ data: {}, slug: 'x', date: '2021-09-30T00:00:00.000Z', timezone: 'UTC', source, rules })
        .paths.path
    expect(at('2021/0930-linkerd-hero/index.md')).toBe('/blog/2021/0930-linkerd-hero/')
    expect(at('2023/0930-linkerd-hero/index.md')).toBe('/blog/2023/0930-linkerd-hero/')
    expect(at('notes/hello.md')).toBe('/blog/notes/hello/')
  })
})

describe(':categories', () => {
  const at = (data: Record<string, unknown>, source = '_posts/2014-01-02-hello.md') =>
    readPermalink({
      data,
      slug: 'hello',
      date: '2014-01-02T00:00:00.000Z',
      timezone: 'UTC',
      source,
      rules: { ...DEFAULT_RULES, permalink: '/:categories/:title/' },
    }).paths.path

  it("makes Jekyll's hierarchy of the post's categories, in lower case, and drops it when there is none", () => {
    expect(at({ categories: ['Mastering Paper', 'tips'] })).toBe('/mastering%20paper/tips/hello/')
    expect(at({ categories: 'news releases' })).toBe('/news/releases/hello/')
    expect(at({ category: 'Work Notes' })).toBe('/work%20notes/hello/')
    expect(at({}, 'paperfaces/_posts/2014-01-02-hello.md')).toBe('/paperfaces/hello/')
    expect(at({})).toBe('/hello/')
  })
})
