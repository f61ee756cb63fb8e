/**
 * Permalinks through the loader: the slug an article at its own path takes, the problems of a bad
 * permalink with their lines, and two articles that would answer at one address.
 */
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import { DEFAULT_RULES } from '../../src/content/rules.ts'
import { articleOf, contentDir, md, normaliseMarkdown, problemsOf } from './helpers.ts'

const PATTERN = { ...DEFAULT_RULES, permalink: '/:year/:month/:day/:title/' }

describe('normalise with permalinks', () => {
  it('gives an article at its own path a slug made of the path, even when it has one written', () => {
    const at = articleOf(normaliseMarkdown(md(['title: A']), '2019-05-15-hello.md', undefined, PATTERN))
    expect(at).toMatchObject({ slug: '2019-05-15-hello', path: '/2019/05/15/hello/' })
    const written = articleOf(
      normaliseMarkdown(md(['title: A', 'slug: hi']), '2019-05-15-hello.md', undefined, PATTERN),
    )
    // The written slug makes the path; the key is the path's, so two posts may share a slug.
    expect(written).toMatchObject({ slug: '2019-05-15-hi', path: '/2019/05/15/hi/' })
    const again = articleOf(
      normaliseMarkdown(md(['title: B', 'slug: hi']), '2020-01-02-other.md', undefined, PATTERN),
    )
    expect(again).toMatchObject({ slug: '2020-01-02-hi', path: '/2020/01/02/hi/' })
    const plain = articleOf(normaliseMarkdown(md(['title: A', 'date: 2019-05-15']), 'hello.md'))
    expect(plain.slug).toBe('hello')
    expect(plain).not.toHaveProperty('path')
  })

  it('carries aliases and the id path into the article', () => {
    const rules = { ...PATTERN, ids: 'jekyll' as const }
    const a = articleOf(
      normaliseMarkdown(md(['title: A', 'redirect_from: /old/']), '2019-05-15-hello.md', undefined, rules),
    )
    expect(a).toMatchObject({ aliases: ['/old/'], idPath: '/2019/05/15/hello' })
  })

  it('reports a bad permalink or alias on its line, and publishes nothing', () => {
    const problems = problemsOf(
      normaliseMarkdown(md(['title: A', 'date: 2019-05-15', 'permalink: /a b/', 'aliases: [/rss.xml]'])),
    )
    expect(problems.map((p) => [p.line, p.message.split(' ')[0]])).toEqual([
      [4, '"permalink"'],
      [5, '"aliases"'],
    ])
  })
})

describe('loadContent with permalinks', () => {
  it('keeps two posts with one file name on two days apart', async () => {
    const dir = contentDir({
      'site.yaml': 'permalink: /:year/:month/:day/:title/\n',
      '_posts/2019-05-15-hello.md': md(['title: One']),
      '_posts/2019-06-01-hello.md': md(['title: Two']),
    })
    const { corpus, problems } = await loadContent(dir)
    expect(problems).toEqual([])
    expect(corpus.articles.map((a) => [a.slug, a.path])).toEqual([
      ['2019-06-01-hello', '/2019/06/01/hello/'],
      ['2019-05-15-hello', '/2019/05/15/hello/'],
    ])
  })

  it('leaves out both articles that answer at one address, naming each other', async () => {
    const dir = contentDir({
      'a.md': md(['title: A', 'date: 2019-05-15', 'permalink: /same/']),
      'b.md': md(['title: B', 'date: 2019-05-16', 'aliases: [/same/]']),
      'c.md': md(['title: C', 'date: 2019-05-17', 'permalink: /page']),
      'd.md': md(['title: D', 'date: 2019-05-18', 'permalink: /page.html']),
      'e.md': md(['title: E', 'date: 2019-05-19', 'redirect_from: /articles/f']),
      'f.md': md(['title: F', 'date: 2019-05-20']),
      'g.md': md(['title: G', 'date: 2019-05-21', 'permalink: /g/', 'aliases: [/old-g/]']),
    })
    const { corpus, problems, rejected } = await loadContent(dir)
    expect(corpus.articles.map((a) => a.title)).toEqual(['G'])
    expect(rejected.sort()).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'])
    const about = (file: string) => problems.filter((p) => p.file.endsWith(`/${file}`)).map((p) => p.message)
    expect(about('a.md')).toEqual([
      expect.stringMatching(/^path "\/same\/" is also used by .*b\.md; give one/),
    ])
    // Their slugs, made of the paths, are the same too.
    expect(about('d.md')).toContainEqual(
      expect.stringMatching(/^path "\/page\.html" is also used by .*c\.md \(as "\/page"\)/),
    )
    expect(about('f.md')).toEqual([expect.stringMatching(/^path "\/articles\/f" is also used by .*e\.md/)])
  })

  it('leaves out two articles with one item id path (ids: jekyll)', async () => {
    const dir = contentDir({
      'site.yaml': 'ids: jekyll\n',
      '2019-05-15-hello.md': md(['title: A', 'permalink: /2019/05/15/hello.html']),
      'other.md': md(['title: B', 'date: 2019-05-16', 'slug: hello', 'permalink: /2019/05/15/hello-again/']),
    })
    const { problems } = await loadContent(dir)
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^item id "\/2019\/05\/15\/hello" is also used by/),
      expect.stringMatching(/^item id "\/2019\/05\/15\/hello" is also used by/),
    ])
  })
})
