import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContent, makeCorpus } from '../../src/content/load.ts'
import { article } from '../support/corpus.ts'
import { contentDir, makeSite, writeFiles } from './helpers.ts'

const SITE = 'title: Test Site\ndescription: D\nlanguage: en\nauthor: Desk\n'

/** The path `load` shows in problems for a file in `dir`. */
// The temp folders are outside the working directory, so problems name them by absolute path.
const shown = (dir: string, file: string) => join(dir, file)

const post = (title: string, date: string, extra: string[] = []) =>
  `---\ntitle: ${title}\ndate: ${date}\n${extra.join('\n')}${extra.length ? '\n' : ''}---\n${title} body.\n`

describe('loadContent', () => {
  it('counts a dateline draft without a dateline as a draft, not a problem', async () => {
    const dir = contentDir({
      'site.yaml': SITE,
      'notes.txt': '---\ndraft: true\n---\nNotes, no dateline yet.\n',
    })
    const r = await loadContent(dir)
    expect(r.problems).toEqual([])
    expect(r.counts.drafts).toBe(1)
  })

  it('reports a file name that cannot be a URL segment, naming the fix', async () => {
    const dir = contentDir({ 'site.yaml': SITE, 'a#b.md': post('Hash', '2024-01-01') })
    const r = await loadContent(dir)
    expect(r.problems).toEqual([
      { file: shown(dir, 'a#b.md'), message: expect.stringContaining('rename the file or set "slug"') },
    ])
    expect(r.corpus.articles).toEqual([])
  })

  it('loads Markdown and dateline articles into a corpus', async () => {
    const dir = contentDir({
      'site.yaml': SITE,
      'first.md': post('First', '2024-01-01'),
      'wire.txt': 'date 2024-02-01 By Ann Lee\n\nWire story here. More.\n\nSecond.\n',
      'nested/deeper/third.markdown': post('Third', '2024-03-01'),
    })
    const r = await loadContent(dir)
    expect(r.problems).toEqual([])
    expect(r.siteProblems).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.rejected).toEqual([])
    expect(r.counts).toEqual({ files: 3, drafts: 0 })
    expect(r.corpus.site.title).toBe('Test Site')
    expect(r.corpus.articles.map((a) => [a.source, a.slug, a.title])).toEqual([
      ['nested/deeper/third.markdown', 'third', 'Third'],
      ['wire.txt', 'wire', 'Wire story here'],
      ['first.md', 'first', 'First'],
    ])
    expect(r.corpus.articles[1].authors).toEqual([{ name: 'Ann Lee' }])
    expect(r.corpus.articles[2].authors).toEqual([{ name: 'Desk' }])
    expect(r.corpus.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('sorts newest first, ties by slug, whatever the file names', async () => {
    const dir = contentDir({
      'a.md': post('A', '2024-01-01', ['slug: zulu']),
      'b.md': post('B', '2024-01-01', ['slug: alpha']),
      'c.md': post('C', '2023-12-31T23:59:59Z'),
      'd.md': post('D', '2024-01-01T00:00:01Z'),
    })
    const { corpus } = await loadContent(dir)
    expect(corpus.articles.map((a) => a.slug)).toEqual(['d', 'alpha', 'zulu', 'c'])
  })

  it('ignores other files, and names the article files under hidden names it never publishes', async () => {
    const dir = contentDir({
      'a.md': post('A', '2024-01-01'),
      'notes.html': '<p>x</p>',
      'image.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]),
      '.hidden.md': '',
      '.drafts/next.md': post('Next', '2024-01-03'),
      '.drafts/.deeper/more.txt': 'x',
      '.git/x.md': '',
      'node_modules/pkg/readme.md': '',
      'UPPER.MD': post('Upper', '2024-01-02'),
    })
    const r = await loadContent(dir)
    expect(r.problems).toEqual([])
    expect(r.counts.files).toBe(5)
    expect(r.corpus.articles.map((a) => a.source)).toEqual(['UPPER.MD', 'a.md'])
    // .git and node_modules are never looked into; the rest is named as ignored.
    const hidden = r.files.filter((f) => f.reason?.startsWith('a hidden name'))
    expect(hidden.map((f) => f.file.slice(dir.length + 1)).sort()).toEqual([
      '.drafts/.deeper/more.txt',
      '.drafts/next.md',
      '.hidden.md',
    ])
    expect(hidden.every((f) => f.outcome === 'ignored')).toBe(true)
  })

  it('reports every bad file at once and still publishes the good ones', async () => {
    const dir = contentDir({
      'site.yaml': SITE,
      'good.md': post('Good', '2024-01-01'),
      'empty.md': '',
      'blank.txt': '  \n\n \t\n',
      'binary.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
      'latin1.md': new Uint8Array([...Buffer.from('---\ntitle: Caf'), 0xe9, ...Buffer.from('\n---\nx\n')]),
      'no-date.md': '---\ntitle: No date\n---\nBody.\n',
      'bad-date.md': '---\ntitle: Bad\ndate: 2024-02-30\n---\nBody.\n',
      'no-dateline.txt': 'Just text.\n',
      'evil.md': "---js\n{ title: (globalThis.__datelineLoadRan = true, 'x') }\n---\nBody\n",
      'bad-yaml.md': '---\ntitle: a: b\n---\nBody\n',
      'wire.txt': 'date 2024-01-02 By Ann\n\nFine.\n',
    })
    const r = await loadContent(dir)
    expect((globalThis as { __datelineLoadRan?: unknown }).__datelineLoadRan).toBeUndefined()
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['wire', 'good'])
    const byFile = new Map(r.problems.map((p) => [p.file, p]))
    const expectProblem = (file: string, message: RegExp, line?: number) => {
      const p = byFile.get(shown(dir, file))
      expect(p, file).toBeDefined()
      expect(p?.message).toMatch(message)
      if (line !== undefined) expect(p?.line).toBe(line)
    }
    expectProblem('empty.md', /empty/)
    expectProblem('blank.txt', /empty/)
    expectProblem('binary.md', /binary/)
    expectProblem('latin1.md', /not valid UTF-8/)
    expectProblem('no-date.md', /no date/, 1)
    expectProblem('bad-date.md', /"date" is not a date \("2024-02-30"\)/, 3)
    expectProblem('no-dateline.txt', /dateline/, 1)
    expectProblem('evil.md', /---js/, 1)
    expectProblem('bad-yaml.md', /not valid YAML/, 2)
    expect(r.problems).toHaveLength(9)
    expect([...r.rejected].sort()).toEqual(
      [
        'bad-date.md',
        'bad-yaml.md',
        'binary.md',
        'blank.txt',
        'empty.md',
        'evil.md',
        'latin1.md',
        'no-date.md',
        'no-dateline.txt',
      ].sort(),
    )
    expect(r.counts).toEqual({ files: 11, drafts: 0 })
  })

  it('rejects files over the default limit of 2 MB', async () => {
    const limit = 2 * 1024 * 1024
    const sized = (title: string, bytes: number) => {
      const head = `---\ntitle: ${title}\ndate: 2024-01-01\n---\n`
      return head + 'x'.repeat(bytes - head.length)
    }
    const dir = contentDir({ 'big.md': sized('Big', limit + 1), 'fits.md': sized('Fits', limit) })
    const r = await loadContent(dir)
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0].file).toBe(shown(dir, 'big.md'))
    expect(r.problems[0].message).toContain(`${limit + 1} bytes`)
    expect(r.problems[0].message).toContain('max_file_size')
    expect(r.rejected).toEqual(['big.md'])
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['fits'])
  })

  it('takes the size limit from max_file_size in site.yaml', async () => {
    const dir = contentDir({
      'site.yaml': `${SITE}max_file_size: 1KB\n`,
      'small.md': post('Small', '2024-01-01'),
      'large.md': post('Large', '2024-01-01', [`summary: ${'y'.repeat(1100)}`]),
    })
    const r = await loadContent(dir)
    expect(r.siteProblems).toEqual([])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0].file).toBe(shown(dir, 'large.md'))
    expect(r.problems[0].message).toMatch(/over the limit of 1024/)
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['small'])
  })

  it('accepts a UTF-8 BOM and CRLF line endings, keeping line numbers right', async () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n')
    const dir = contentDir({
      'bom.md': `\uFEFF${crlf(post('With BOM', '2024-01-01'))}`,
      'crlf.txt': `\uFEFF${crlf('\n date 2024-01-02  by  Ann\n\nOne line\nnext line. More.\n\nTwo.\n')}`,
      'cr.txt': 'date 2024-01-03 By Bo\r\rOld Mac line endings.\r',
      'bad.md': `\uFEFF${crlf('---\ntitle: Bad\n\ndate: 2024-13-01\n---\nBody\n')}`,
      'bad.txt': crlf('\n\n\ndate 2024-02-30 By Ann\n\nText.\n'),
    })
    const r = await loadContent(dir)
    const bom = r.corpus.articles.find((a) => a.slug === 'bom')
    expect(bom?.title).toBe('With BOM')
    const wire = r.corpus.articles.find((a) => a.slug === 'crlf')
    expect(wire?.html).toBe('<p>One line\nnext line. More.</p>\n<p>Two.</p>')
    expect(wire?.title).toBe('One line next line')
    expect(wire?.authors).toEqual([{ name: 'Ann' }])
    expect(r.corpus.articles.find((a) => a.slug === 'cr')?.html).toBe('<p>Old Mac line endings.</p>')
    expect(r.problems).toEqual([
      { file: shown(dir, 'bad.md'), line: 4, message: expect.stringContaining('"date" is not a date') },
      { file: shown(dir, 'bad.txt'), line: 4, message: expect.stringContaining('"2024-02-30"') },
    ])
  })

  it('leaves drafts out and counts them, and keeps future-dated articles', async () => {
    const dir = contentDir({
      'draft.md': post('Draft', '2024-01-01', ['draft: true']),
      'draft.txt': '---\ndraft: yes\n---\ndate 2024-01-01 By A\n\nText.\n',
      'not-draft.md': post('Not draft', '2024-01-01', ['draft: false']),
      'future.md': post('Future', '2999-12-31'),
    })
    const r = await loadContent(dir)
    expect(r.problems).toEqual([])
    expect(r.rejected).toEqual([])
    expect(r.counts).toEqual({ files: 4, drafts: 2 })
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['future', 'not-draft'])
  })

  it('leaves out both articles that share a slug, naming both files', async () => {
    const dir = contentDir({
      'one/post.md': post('One', '2024-01-01'),
      'two/2024-02-02-post.md': post('Two', '2024-02-02'),
      'three.md': post('Three', '2024-01-03', ['slug: other']),
    })
    const r = await loadContent(dir)
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['other'])
    const a = shown(dir, 'one/post.md')
    const b = shown(dir, 'two/2024-02-02-post.md')
    expect(r.problems).toHaveLength(2)
    expect(r.problems.find((p) => p.file === a)?.message).toBe(
      `slug "post" is also used by ${b}; give one of them another slug`,
    )
    expect(r.problems.find((p) => p.file === b)?.message).toContain(a)
    expect([...r.rejected].sort()).toEqual(['one/post.md', 'two/2024-02-02-post.md'])
  })

  it('leaves out every article in a three-way slug clash', async () => {
    const dir = contentDir({
      'a.md': post('A', '2024-01-01', ['slug: same']),
      'b.md': post('B', '2024-01-02', ['slug: same']),
      'c.txt': '---\nslug: same\n---\ndate 2024-01-03 By A\n\nC.\n',
    })
    const r = await loadContent(dir)
    expect(r.corpus.articles).toEqual([])
    expect([...r.rejected].sort()).toEqual(['a.md', 'b.md', 'c.txt'])
    for (const f of ['a.md', 'b.md', 'c.txt'])
      expect(r.problems.some((p) => p.file === shown(dir, f))).toBe(true)
  })

  it('leaves out both articles that share an id, naming both files', async () => {
    const dir = contentDir({
      'a.md': post('A', '2024-01-01', ['id: urn:x:1']),
      'b.md': post('B', '2024-01-02', ['id: urn:x:1']),
      'c.md': post('C', '2024-01-03', ['id: urn:x:2']),
    })
    const r = await loadContent(dir)
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['c'])
    expect(r.problems.map((p) => [p.file, p.message])).toEqual([
      [shown(dir, 'a.md'), `id "urn:x:1" is also used by ${shown(dir, 'b.md')}; give one of them another id`],
      [shown(dir, 'b.md'), `id "urn:x:1" is also used by ${shown(dir, 'a.md')}; give one of them another id`],
    ])
    expect([...r.rejected].sort()).toEqual(['a.md', 'b.md'])
  })

  it('does not let one broken file stop the others, even one that used to throw', async () => {
    const dir = contentDir({
      'bad-url.md': post('Bad URL', '2024-01-01', ['author: { name: A, url: "https://[x" }']),
      'bad-slug.md': post('Bad slug', '2024-01-01', ['slug: "x\\uD800"']),
      'ok.md': post('OK', '2024-01-01'),
    })
    const r = await loadContent(dir)
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['ok'])
    expect([...r.rejected].sort()).toEqual(['bad-slug.md', 'bad-url.md'])
  })

  it('gives the same hash for the same content and a new one when an article changes', async () => {
    const files = {
      'site.yaml': SITE,
      'a.md': post('A', '2024-01-01'),
      'b.txt': 'date 2024-01-02 By Ann\n\nB text.\n',
    }
    const dir = contentDir(files)
    const first = await loadContent(dir)
    const second = await loadContent(dir)
    expect(second.corpus.hash).toBe(first.corpus.hash)
    expect(second.corpus).toEqual(first.corpus)
    // The same content in another folder, written in another order, hashes the same.
    const elsewhere = contentDir({ 'b.txt': files['b.txt'], 'a.md': files['a.md'], 'site.yaml': SITE })
    expect((await loadContent(elsewhere)).corpus.hash).toBe(first.corpus.hash)

    writeFiles(dir, { 'b.txt': 'date 2024-01-02 By Ann\n\nB text, edited.\n' })
    const edited = await loadContent(dir)
    expect(edited.corpus.hash).not.toBe(first.corpus.hash)
    writeFiles(dir, { 'b.txt': files['b.txt'], 'site.yaml': SITE.replace('Test Site', 'Renamed') })
    expect((await loadContent(dir)).corpus.hash).not.toBe(first.corpus.hash)
  })

  it('warns and uses defaults when site.yaml is missing', async () => {
    const dir = contentDir({ 'a.md': post('A', '2024-01-01') })
    const r = await loadContent(dir)
    expect(existsSync(join(dir, 'site.yaml'))).toBe(false)
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toContain(shown(dir, 'site.yaml'))
    expect(r.warnings[0]).toMatch(/title, description, language, author/)
    expect(r.corpus.site.title).toBe('dateline')
    expect(r.corpus.articles).toHaveLength(1)
  })

  it('reports site.yaml mistakes separately from article problems', async () => {
    const dir = contentDir({
      'site.yaml': 'title: T\nitems: 0\ntimezone: Mars/Base\n',
      'a.md': post('A', '2024-01-01'),
    })
    const r = await loadContent(dir)
    expect(r.problems).toEqual([])
    expect(r.siteProblems.map((p) => [p.file, p.line]).sort()).toEqual([
      [shown(dir, 'site.yaml'), 2],
      [shown(dir, 'site.yaml'), 3],
    ])
  })

  it('applies the site time zone from site.yaml', async () => {
    const dir = contentDir({
      'site.yaml': `${SITE}timezone: America/New_York\n`,
      'a.md': post('A', '2024-07-01T12:00'),
      '2024-01-15-b.md': '---\ntitle: B\n---\nB.\n',
    })
    const { corpus } = await loadContent(dir)
    expect(corpus.articles.map((a) => [a.slug, a.date])).toEqual([
      ['a', '2024-07-01T16:00:00.000Z'],
      ['b', '2024-01-15T05:00:00.000Z'],
    ])
  })
})

describe('makeCorpus', () => {
  it('marks the HTML clean: everything in it came through normalise', () => {
    expect(makeCorpus(makeSite(), []).htmlClean).toBe(true)
  })

  it('sorts the articles without changing the input and hashes them with the site', () => {
    const site = makeSite()
    const input = [article('old', '2020-01-01T00:00:00.000Z'), article('new', '2024-01-01T00:00:00.000Z')]
    const corpus = makeCorpus(site, input)
    expect(corpus.articles.map((a) => a.slug)).toEqual(['new', 'old'])
    expect(input.map((a) => a.slug)).toEqual(['old', 'new'])
    expect(makeCorpus(site, [...input].reverse()).hash).toBe(corpus.hash)
    expect(makeCorpus(makeSite({ title: 'Other' }), input).hash).not.toBe(corpus.hash)
    expect(makeCorpus(site, [input[0]]).hash).not.toBe(corpus.hash)
  })

  it('hashes the site and each article, in order, and an article of the same content the same way', () => {
    const site = makeSite()
    const make = (i: number, text = 'text') =>
      article(`a${i}`, new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString(), {
        html: `<p>Ünïcode “${text}” of a${i}.</p>\n`.repeat(40),
      })
    for (const n of [0, 1, 3000]) {
      const input = Array.from({ length: n }, (_, i) => make(i))
      const corpus = makeCorpus(site, input)
      const whole = createHash('sha256').update('dateline corpus v2\0').update(JSON.stringify(site))
      for (const a of corpus.articles) whole.update(createHash('sha256').update(JSON.stringify(a)).digest())
      expect(corpus.hash).toBe(whole.digest('hex'))
      // New objects with the same content: the same hash (nothing depends on object identity).
      expect(
        makeCorpus(
          site,
          input.map((a) => structuredClone(a)),
        ).hash,
      ).toBe(corpus.hash)
    }
    // One article's content changed, the same object for the others: another hash.
    const input = Array.from({ length: 50 }, (_, i) => make(i))
    const edited = input.map((a, i) => (i === 20 ? make(20, 'other') : a))
    expect(makeCorpus(site, edited).hash).not.toBe(makeCorpus(site, input).hash)
  })

  it('is plain serialisable data', () => {
    const corpus = makeCorpus(makeSite(), [article('a', '2024-01-01T00:00:00.000Z')])
    expect(JSON.parse(JSON.stringify(corpus))).toEqual(corpus)
  })
})
