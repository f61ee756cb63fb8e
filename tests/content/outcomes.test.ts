import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type FileReport, loadContent } from '../../src/content/load.ts'
import { contentDir, md } from './helpers.ts'

const post = (lines: string[] = [], body = 'Body text.') =>
  md(
    ['title: A post', ...(lines.some((l) => l.startsWith('date:')) ? [] : ['date: 2020-01-01']), ...lines],
    body,
  )
// The path inside the content folder.
const outcomes = (files: FileReport[]) =>
  Object.fromEntries(files.map((f) => [f.file.replace(/^.*?dateline-test-[^/]+\//, ''), f.outcome]))
const bySuffix = (files: FileReport[], suffix: string) =>
  files.find((f) => f.file.endsWith(suffix)) as FileReport

describe('what every article file becomes', () => {
  it('names the outcome of every file, with the reason of those not published', async () => {
    const dir = contentDir({
      'site.yaml': 'ignore: ["README.md", "notes/**"]\n',
      'README.md': '# Not an article\n',
      'notes/todo.md': 'nothing\n',
      'posts/_index.md': '---\ntitle: Posts\n---\n',
      'posts/live.md': post(),
      'posts/later.md': post(['date: 2999-01-01']),
      'posts/gone.md': post(['expiryDate: 2021-01-01']),
      'posts/wip.md': post(['draft: true']),
      'posts/bad.md': '---\ntitle: Bad\n---\nNo date.\n',
      '_layouts/post.md': 'a template\n',
    })
    const r = await loadContent(dir, { now: Date.parse('2022-01-01T00:00:00Z') })
    expect(outcomes(r.files)).toEqual({
      'README.md': 'ignored',
      'notes/todo.md': 'ignored',
      'posts/_index.md': 'ignored',
      'posts/live.md': 'published',
      'posts/later.md': 'scheduled',
      'posts/gone.md': 'expired',
      'posts/wip.md': 'draft',
      'posts/bad.md': 'problem',
      '_layouts/post.md': 'ignored',
    })
    expect(bySuffix(r.files, 'README.md').reason).toBe('ignore: README.md (site.yaml)')
    expect(bySuffix(r.files, '_index.md').reason).toMatch(/section page/)
    expect(bySuffix(r.files, '_layouts/post.md').reason).toMatch(/_layouts/)
    expect(bySuffix(r.files, 'gone.md').reason).toBe('expired on 2021-01-01T00:00:00.000Z')
    expect(r.corpus.articles.map((a) => a.slug).sort()).toEqual(['later', 'live'])
  })

  it('publishes an article until its expiry date, and says when the next one expires', async () => {
    const dir = contentDir({ 'a.md': post(['expiryDate: 2030-06-01']) })
    const before = await loadContent(dir, { now: Date.parse('2030-01-01T00:00:00Z') })
    expect(before.corpus.articles).toHaveLength(1)
    expect(before.nextExpiry).toBe(Date.parse('2030-06-01T00:00:00Z'))
    const after = await loadContent(dir, { now: Date.parse('2030-06-01T00:00:00Z') })
    expect(after.corpus.articles).toHaveLength(0)
    expect(after.files[0].outcome).toBe('expired')
  })

  it("treats a Jekyll site's root as Jekyll does: posts in _posts/ and _drafts/, the rest pages", async () => {
    const dir = contentDir({
      '_posts/2020-01-01-hello.md': md(['title: Hello']),
      'news/_posts/2020-01-02-more.md': md(['title: More']),
      '_drafts/soon.md': md(['title: Soon']),
      'about.md': md(['title: About']),
      'index.md': md(['layout: home']),
    })
    const r = await loadContent(dir)
    expect(outcomes(r.files)).toEqual({
      '_posts/2020-01-01-hello.md': 'published',
      'news/_posts/2020-01-02-more.md': 'published',
      '_drafts/soon.md': 'draft',
      'about.md': 'ignored',
      'index.md': 'ignored',
    })
    expect(bySuffix(r.files, 'about.md').reason).toBe('a Jekyll page outside _posts/, not a post')
  })

  it("ignores the other text files of a page bundle: they are the page's resources", async () => {
    const dir = contentDir({
      'posts/hello/index.md': post(),
      'posts/hello/notes.txt': 'Just notes.\n',
      'posts/hello/data/table.md': '| a |\n',
      'posts/other.md': post(),
      'index.md': post(),
    })
    const r = await loadContent(dir)
    expect(outcomes(r.files)).toEqual({
      'index.md': 'published',
      'posts/hello/data/table.md': 'ignored',
      'posts/hello/index.md': 'published',
      'posts/hello/notes.txt': 'ignored',
      'posts/other.md': 'published',
    })
    expect(bySuffix(r.files, 'notes.txt').reason).toBe(
      'a file of the page bundle posts/hello/, not an article of its own',
    )
  })

  it('names an Eleventy data file that it does not read', async () => {
    const dir = contentDir({ 'posts/posts.11tydata.js': 'module.exports = {}\n', 'posts/a.md': post() })
    const r = await loadContent(dir)
    expect(r.fileWarnings).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/posts\.11tydata\.js$/), kind: 'data-file' }),
    ])
  })

  it('adds up: every article file has exactly one outcome, whatever the mix', async () => {
    const kinds = {
      live: post(),
      later: post(['date: 2999-01-01']),
      draft: post(['draft: true']),
      hidden: post(['published: false']),
      gone: post(['expiryDate: 2001-01-01']),
      excluded: post(['eleventyExcludeFromCollections: true']),
      broken: '---\ntitle: [unclosed\n---\n',
      undated: '---\ntitle: No date\n---\n',
      empty: '',
      linked: post([], '[x](nowhere.md) ![y](missing.png)'),
    }
    const names = Object.keys(kinds) as (keyof typeof kinds)[]
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...names),
            section: fc.constantFrom('', 'a/', '_drafts/', 'b/_index'),
          }),
          {
            maxLength: 12,
          },
        ),
        async (picks) => {
          const files: Record<string, string> = { 'site.yaml': 'ignore: ["b/**/*.txt"]\n' }
          picks.forEach(({ kind, section }, i) => {
            files[section === 'b/_index' ? `b${i}/_index.md` : `${section}${kind}-${i}.md`] = kinds[kind]
          })
          const r = await loadContent(contentDir(files), { workers: 0 })
          expect(r.files).toHaveLength(r.counts.files)
          expect(r.counts.files).toBe(picks.length)
          const count = (o: string) => r.files.filter((f) => f.outcome === o).length
          expect(count('published') + count('scheduled')).toBe(r.corpus.articles.length)
          expect(count('draft')).toBe(r.counts.drafts)
          expect(new Set(r.files.filter((f) => f.outcome === 'problem').map((f) => f.file)).size).toBe(
            new Set(r.problems.map((p) => p.file)).size,
          )
        },
      ),
      { numRuns: 25 },
    )
  })
})

describe('links into the site, checked once every file is read', () => {
  it('turns links to source files, bundles and the article itself into article URLs', async () => {
    const dir = contentDir({
      'posts/a.md': post(['slug: first'], '[b](b.md) [bundle](../bundles/c/) [self](#notes) [b2](b)'),
      'posts/b.md': post(['slug: second']),
      'bundles/c/index.md': post([], '![d](diagram.svg)'),
      'bundles/c/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    })
    const r = await loadContent(dir)
    const a = r.corpus.articles.find((x) => x.slug === 'first')
    expect(a?.html).toContain('href="/articles/second"')
    expect(a?.html).toContain('href="/articles/c"')
    expect(a?.html).toContain('href="/articles/first#notes"')
    expect(r.corpus.articles.find((x) => x.slug === 'c')?.html).toContain('src="/bundles/c/diagram.svg"')
    expect(r.fileWarnings).toEqual([])
  })

  it('warns of a link or an image that points at nothing, with its line', async () => {
    const dir = contentDir({
      'a.md': post(
        [],
        'Intro.\n\n[gone](old-post.md)\n\n![lost](/assets/lost.png)\n\n[data](/files/data.zip)',
      ),
      'files/data.zip': 'PK',
    })
    const r = await loadContent(dir)
    expect(r.fileWarnings).toEqual([
      expect.objectContaining({
        kind: 'broken-link',
        line: 7,
        message: expect.stringContaining('/old-post.md'),
      }),
      expect.objectContaining({
        kind: 'missing-image',
        line: 9,
        message: expect.stringContaining('/assets/lost.png'),
      }),
      expect.objectContaining({
        kind: 'broken-link',
        line: 11,
        message: expect.stringContaining('not published'),
      }),
    ])
    expect(r.corpus.articles).toHaveLength(1)
  })

  it('makes warnings problems with strict, leaving the file out', async () => {
    const dir = contentDir({ 'a.md': post([], '![lost](lost.png)'), 'b.md': post() })
    const r = await loadContent(dir, { strict: true })
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['b'])
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 5, message: expect.stringMatching(/missing-image, --strict/) }),
    ])
    expect(r.rejected).toEqual(['a.md'])
  })

  it('resolves an internal reference by path, file name or slug, and warns of one that names nothing', async () => {
    const dir = contentDir({
      '_posts/2019-05-15-hello.md': md(['title: Hello']),
      '_posts/2019-06-01-refs.md': md(
        ['title: Refs'],
        '[a](/.dateline-ref/2019-05-15-hello) [b](/.dateline-ref/_posts%2F2019-05-15-hello.md#top) [c](/.dateline-ref/nope)',
      ),
    })
    const r = await loadContent(dir)
    const refs = r.corpus.articles.find((a) => a.slug === 'refs')
    expect(refs?.html).toContain('<a href="/articles/hello">a</a>')
    expect(refs?.html).toContain('<a href="/articles/hello#top">b</a>')
    expect(refs?.html).toContain('<a>c</a>')
    expect(r.fileWarnings).toEqual([expect.objectContaining({ kind: 'unresolved-ref', line: 4 })])
  })

  it("finds a root-relative file in the site's static folders, and measures an image there", async () => {
    const root = contentDir({
      'content/site.yaml': 'static: [../static, ../missing]\n',
      'content/a.md': post(['image: /img/cover.png'], '![x](/img/inline.png) [pdf](/files/doc.pdf)'),
      'static/img/cover.png': 'png!',
      'static/img/inline.png': 'png',
      'static/files/doc.pdf': '%PDF',
    })
    const r = await loadContent(join(root, 'content'))
    expect(r.fileWarnings).toEqual([])
    expect(r.problems).toEqual([])
    expect(r.staticDirs).toEqual([join(root, 'static')])
    expect(r.warnings).toEqual([expect.stringContaining('static: "../missing"')])
    expect(r.corpus.articles[0].enclosures?.[0]).toMatchObject({ url: '/img/cover.png', length: 4 })
  })
})

describe('links to an article by another of its addresses', () => {
  it('moves a link off an alias or the other slash form onto the page', async () => {
    const dir = contentDir({
      'site.yaml': 'permalink: /:year/:month/:day/:slug/\n',
      '2019-05-15-why.md': md(['title: Why', 'aliases: [/old/why.html]']),
      '2020-01-01-links.md': md(
        ['title: Links'],
        '[a](/2019/05/15/why#part) [b](/old/why.html) [c](/2019/05/15/why/)',
      ),
    })
    const r = await loadContent(dir)
    expect(r.fileWarnings).toEqual([])
    const html = r.corpus.articles.find((a) => a.title === 'Links')?.html
    expect(html).toContain('<a href="/2019/05/15/why/#part">a</a>')
    expect(html).toContain('<a href="/2019/05/15/why/">b</a>')
    expect(html).toContain('<a href="/2019/05/15/why/">c</a>')
  })
})
