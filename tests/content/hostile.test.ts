/**
 * Hostile content: every file in tests/fixtures/hostile/ is loaded and held to its row in
 * `expected.ts` (published with these fields, or rejected with these problems), nothing is lost,
 * and every published article renders as well-formed RSS, Atom and JSON Feed with no active
 * content left. Links, races and huge files are made at test time in temporary copies.
 */
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LoadResult, listFiles, loadContent } from '../../src/content/load.ts'
import type { Problem } from '../../src/content/problem.ts'
import type { Article, Corpus } from '../../src/core/corpus.ts'
import { scopePaths, scopesOf } from '../../src/feeds/catalog.ts'
import { createApp, published, renderFeed, siteFeedView, slugify } from '../../src/index.ts'
import { EXPECTED, type Row } from '../fixtures/hostile/expected.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url))
const SITE_URL = 'https://hostile.example'
/** After every fixture's date, 9999-12-31T09:59:59Z included. */
const FAR_FUTURE = Date.UTC(9999, 11, 31, 23, 59, 59, 999)
const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt'])

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** A fresh copy of the fixtures (outside the working directory: problems name absolute paths). */
function copyFixtures(): string {
  const dir = tempDir('dateline-hostile-')
  cpSync(FIXTURES, dir, { recursive: true })
  return dir
}

/**
 * Loads `dir`, failing if it takes over `ms` instead of hanging the run: this catches a load that
 * waits forever (the old loader opening a file that had become a FIFO). Work that blocks the event
 * loop cannot be interrupted; it shows as a slow test.
 */
async function loadWithin(dir: string, options: Parameters<typeof loadContent>[1] = {}, ms = 20_000) {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`loadContent did not finish within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([loadContent(dir, options), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** The source (relative path with `/`) of a problem's file in `dir`. */
const sourceOf = (dir: string, p: Problem) => relative(dir, p.file).split(sep).join('/')

const rows = (outcome: Row['outcome']) => EXPECTED.filter((r) => r.outcome === outcome)
const PUBLISHED = rows('published').length
const REJECTED = rows('rejected').length
const DRAFTS = rows('draft').length

/** Every problem grouped by the source it names. */
function problemsBySource(dir: string, r: LoadResult): Map<string, Problem[]> {
  const by = new Map<string, Problem[]>()
  for (const p of r.problems) {
    const source = sourceOf(dir, p)
    by.set(source, [...(by.get(source) ?? []), p])
  }
  return by
}

// ---------------------------------------------------------------------------------------------
// What counts as active content in HTML that a feed carries.

const FORBIDDEN_TAGS = new Set(
  'script style iframe frame frameset object embed applet form input button textarea select option link meta base svg math template noscript xmp title video audio source param'.split(
    ' ',
  ),
)
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'poster',
  'xlink:href',
  'srcset',
])
const TAG = /<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g
const ATTRIBUTE = /([^\s"'=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g

const decodeRefs = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) =>
      String.fromCodePoint(Math.min(Number.parseInt(h, 16), 0x10ffff)),
    )
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(
      /&(colon|tab|newline);/gi,
      (_, n: string) => ({ colon: ':', tab: '\t', newline: '\n' })[n.toLowerCase()] ?? '',
    )
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/**
 * The active content left in an HTML fragment: `<script` anywhere (text has `<` escaped, so a
 * literal one is a tag), forbidden elements, `on*`/`style` attributes, and URL attributes whose
 * scheme, once references, white space and controls are taken out, is not http(s), mailto or tel.
 * With `absolute`, a root-relative URL counts too (feeds must carry absolute URLs); `allow` names
 * elements a page's own head has (`meta`, `title`, `link`, `style`) and the empty icon `data:,`.
 */
function activeContent(html: string, absolute = false, allow: string[] = []): string[] {
  const found: string[] = []
  if (/<\s*script/i.test(html)) found.push('<script')
  for (const tag of html.matchAll(TAG)) {
    const name = tag[1].toLowerCase()
    if (FORBIDDEN_TAGS.has(name) && !allow.includes(name)) found.push(`<${name}>`)
    for (const a of tag[2].matchAll(ATTRIBUTE)) {
      const attr = a[1].toLowerCase()
      const raw = (a[2] ?? '').replace(/^["']|["']$/g, '')
      // Browsers drop white space and controls inside a scheme (`jav&#x09;ascript:`): so does this.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      const value = decodeRefs(raw).replace(/[\s\u0000-\u001f]/g, '')
      if (attr.startsWith('on') || attr === 'style' || attr === 'srcdoc') found.push(`${name} ${attr}`)
      if (!URL_ATTRIBUTES.has(attr) || allow.includes(`${name} ${attr}=${value}`)) continue
      if (/^(javascript|vbscript|data|file):/i.test(value)) found.push(`${name} ${attr}=${raw}`)
      else if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^(https?|mailto|tel):/i.test(value)) {
        found.push(`${name} ${attr} scheme ${raw}`)
      } else if (absolute && !/^(https?:\/\/|mailto:|tel:)/i.test(value))
        found.push(`${name} ${attr} relative ${raw}`)
    }
  }
  return found
}

// ---------------------------------------------------------------------------------------------

let dir: string
let result: LoadResult
const PWNED_FILE = join(tmpdir(), 'dateline-pwned.txt')

beforeAll(async () => {
  rmSync(PWNED_FILE, { force: true })
  dir = copyFixtures()
  result = await loadWithin(dir)
}, 60_000)

describe('hostile fixtures: the table', () => {
  it('has one row for every article file in the folder, and a file for every row', async () => {
    const files = await listFiles(FIXTURES, (ext) => ARTICLE_EXTENSIONS.has(ext))
    const sources = files.map((f) => relative(FIXTURES, f).split(sep).join('/')).sort()
    const listed = EXPECTED.map((r) => r.file).sort()
    expect(new Set(listed).size).toBe(listed.length)
    expect(listed).toEqual(sources)
    expect(EXPECTED.length).toBeGreaterThanOrEqual(45)
  })
})

describe('hostile fixtures: loading', () => {
  it('loads the whole folder without throwing, and loses nothing', () => {
    expect(result.siteProblems).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.counts).toEqual({ files: EXPECTED.length, drafts: DRAFTS })
    expect(result.corpus.articles).toHaveLength(PUBLISHED)
    expect(result.corpus.articles.map((a) => a.source).sort()).toEqual(
      rows('published')
        .map((r) => r.file)
        .sort(),
    )
    expect([...result.rejected].sort()).toEqual(
      rows('rejected')
        .map((r) => r.file)
        .sort(),
    )
    expect(PUBLISHED + REJECTED + DRAFTS).toBe(EXPECTED.length)
    // Every problem is about a rejected file.
    const rejectedFiles = new Set(rows('rejected').map((r) => r.file))
    for (const p of result.problems) expect(rejectedFiles).toContain(sourceOf(dir, p))
  })

  it('sorts the corpus newest first with four-digit years only', () => {
    const dates = result.corpus.articles.map((a) => a.date)
    expect(dates).toEqual([...dates].sort().reverse())
    for (const a of result.corpus.articles) {
      expect(a.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      expect(a.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    }
  })

  it.each(EXPECTED)('$file: $outcome ($reason)', (row) => {
    const problems = problemsBySource(dir, result).get(row.file) ?? []
    const article = result.corpus.articles.find((a) => a.source === row.file)
    if (row.outcome === 'rejected') {
      expect(article).toBeUndefined()
      expect(problems.map((p) => p.line)).toEqual(row.problems.map((p) => p.line))
      row.problems.forEach((want, i) => {
        if (typeof want.message === 'string') expect(problems[i].message).toContain(want.message)
        else expect(problems[i].message).toMatch(want.message)
      })
      return
    }
    expect(problems).toEqual([])
    expect(result.rejected).not.toContain(row.file)
    if (row.outcome === 'draft') {
      expect(article).toBeUndefined()
      return
    }
    if (!article) throw new Error(`${row.file} was not published`)
    expect(article).toMatchObject(row.article)
    expect(activeContent(article.html)).toEqual([])
    if (row.html?.is !== undefined) expect(article.html).toBe(row.html.is)
    for (const part of row.html?.has ?? []) expect(article.html).toContain(part)
    for (const part of row.html?.lacks ?? []) expect(article.html).not.toContain(part)
    if (row.tagSlugs) expect(article.tags.map(slugify)).toEqual(row.tagSlugs)
    if (row.authorSlugs) expect(article.authors.map((p) => slugify(p.name))).toEqual(row.authorSlugs)
    // Every text field is free of the characters XML 1.0 cannot carry.
    const texts = [article.title, article.summary, ...article.tags, ...article.authors.map((p) => p.name)]
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    for (const text of texts) expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/)
  })

  it('never runs ---js or ---javascript front matter, nor lets keys reach Object.prototype', () => {
    expect((globalThis as { __datelinePwned?: unknown }).__datelinePwned).toBeUndefined()
    expect(process.env.DATELINE_PWNED).toBeUndefined()
    expect(existsSync(PWNED_FILE)).toBe(false)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})

// ---------------------------------------------------------------------------------------------
// Rendering: every published hostile article, in every format.

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) =>
    ['item', 'entry', 'link', 'category', 'dc:creator', 'author', 'enclosure'].includes(name),
})

type Node = Record<string, unknown>
/** An element's text as parsed (XML references decoded; HTML escapes inside CDATA kept). */
const text = (v: unknown): string =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? text((v as Node)['#text'] ?? '') : ''

/** Parses an XML feed after checking it is well-formed. */
function parseXml(doc: string): Node {
  expect(XMLValidator.validate(doc)).toBe(true)
  return parser.parse(doc) as Node
}

/** Every value under a key that holds a URL, anywhere in a parsed document. */
function urlsIn(value: unknown, keys: Set<string>, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) urlsIn(v, keys, out)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (keys.has(k)) out.push(...(Array.isArray(v) ? v : [v]).map(text))
      else urlsIn(v, keys, out)
    }
  }
  return out
}

function checkRss(doc: string, articles: Article[]): void {
  const rss = parseXml(doc).rss as Node
  const items = ((rss.channel as Node).item ?? []) as Node[]
  expect(items).toHaveLength(articles.length)
  items.forEach((item, i) => {
    const a = articles[i]
    expect(text(item.title)).toBe(a.title)
    for (const html of [text(item.description), text(item['content:encoded'])]) {
      expect(activeContent(html, true)).toEqual([])
    }
    // The description is the plain summary, escaped as HTML.
    expect(decodeRefs(text(item.description))).toBe(a.summary)
    const guid = item.guid as Node
    expect(guid['@_isPermaLink']).toBe(a.id ? 'false' : 'true')
    expect(text(guid)).toBe(a.id ?? `${SITE_URL}/articles/${encodeURIComponent(a.slug)}`)
    expect(((item.category ?? []) as unknown[]).map(text)).toEqual(a.tags)
  })
  for (const url of urlsIn(rss, new Set(['link', '@_url', '@_href']))) expect(url).toMatch(/^https?:\/\//)
}

function checkAtom(doc: string, articles: Article[]): void {
  const feed = parseXml(doc).feed as Node
  const entries = (feed.entry ?? []) as Node[]
  expect(entries).toHaveLength(articles.length)
  entries.forEach((entry, i) => {
    const a = articles[i]
    expect(text(entry.id)).toBe(a.id ?? `${SITE_URL}/articles/${encodeURIComponent(a.slug)}`)
    // type="html": the plain title and summary are escaped once more, as HTML.
    expect(decodeRefs(text(entry.title))).toBe(a.title)
    for (const html of [text(entry.title), text(entry.summary), text(entry.content)]) {
      expect(activeContent(html, true)).toEqual([])
    }
    const names = ((entry.author ?? []) as Node[]).map((p) => text(p.name))
    expect(names).toEqual(a.authors.map((p) => p.name))
    expect(((entry.category ?? []) as Node[]).map((c) => c['@_term'])).toEqual(a.tags)
  })
  for (const url of urlsIn(feed, new Set(['@_href', 'uri']))) expect(url).toMatch(/^https?:\/\//)
}

function checkJson(doc: string, articles: Article[]): void {
  const feed = JSON.parse(doc) as { items: Node[] }
  expect(feed.items).toHaveLength(articles.length)
  feed.items.forEach((item, i) => {
    const a = articles[i]
    expect(item.id).toBe(a.id ?? `${SITE_URL}/articles/${encodeURIComponent(a.slug)}`)
    expect(item.url).toBe(`${SITE_URL}/articles/${encodeURIComponent(a.slug)}`)
    expect(item.title).toBe(a.title)
    expect(item.summary).toBe(a.summary)
    expect(activeContent(item.content_html as string, true)).toEqual([])
  })
  const keys = new Set([
    'url',
    'external_url',
    'image',
    'banner_image',
    'home_page_url',
    'feed_url',
    'next_url',
    'icon',
  ])
  for (const url of urlsIn(feed, keys)) expect(url).toMatch(/^https?:\/\//)
}

describe('hostile fixtures: rendering', () => {
  let corpus: Corpus
  let articles: Article[]
  beforeAll(() => {
    corpus = result.corpus
    articles = published(corpus, FAR_FUTURE).articles
  })

  it('publishes every article at a far-future clock', () => {
    expect(articles).toHaveLength(PUBLISHED)
  })

  it('renders RSS 2.0 that is well-formed, round-trips the text and carries no active content', () => {
    checkRss(renderFeed('rss', siteFeedView(corpus, SITE_URL, articles)), articles)
  })

  it('renders Atom that is well-formed, round-trips the text and carries no active content', () => {
    checkAtom(renderFeed('atom', siteFeedView(corpus, SITE_URL, articles)), articles)
  })

  it('renders JSON Feed that parses, round-trips the text and carries no active content', () => {
    checkJson(renderFeed('json', siteFeedView(corpus, SITE_URL, articles)), articles)
  })

  it('uses a javascript: id only as an id, never as a link', () => {
    const a = articles.find((x) => x.source === 'xml-id-opaque.md') as Article
    const link = `${SITE_URL}/articles/${a.slug}`
    const view = siteFeedView(corpus, SITE_URL, [a])
    const item = ((parseXml(renderFeed('rss', view)).rss as Node).channel as Node).item as Node[]
    expect((item[0].link as unknown[]).map(text)).toEqual([link])
    expect((item[0].guid as Node)['@_isPermaLink']).toBe('false')
    const entry = ((parseXml(renderFeed('atom', view)).feed as Node).entry as Node[])[0]
    expect((entry.link as Node[]).map((l) => l['@_href'])).toEqual([link])
    const json = JSON.parse(renderFeed('json', view)) as { items: Node[] }
    expect(json.items[0]).toMatchObject({ id: "javascript:alert('id')", url: link })
  })

  it('serves every scope feed and article page through the app, well-formed and inert', async () => {
    const app = createApp({ corpus, siteUrl: SITE_URL, clock: () => FAR_FUTURE })
    const scopes = scopesOf(articles)
    // Tags of every script, and the emoji tags, each get their own feeds.
    expect(scopes.length).toBeGreaterThan(40)
    for (const scope of scopes) {
      const paths = scopePaths(scope)
      for (const path of [paths.rss, paths.atom]) {
        const res = await app.request(path)
        expect(res.status, path).toBe(200)
        expect(XMLValidator.validate(await res.text()), path).toBe(true)
      }
      const res = await app.request(paths.json)
      expect(res.status, paths.json).toBe(200)
      const json = JSON.parse(await res.text()) as { items: Node[] }
      for (const item of json.items) expect(activeContent(item.content_html as string, true)).toEqual([])
    }
    for (const a of articles) {
      const path = `/articles/${encodeURIComponent(a.slug)}`
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      // The head has the page's own meta, title, link and style; the article's text is escaped.
      const [head, body] = (await res.text()).split(/<body[^>]*>/)
      expect(
        activeContent(head, false, ['meta', 'title', 'link', 'style', 'link href=data:,']),
        path,
      ).toEqual([])
      expect(activeContent(body), path).toEqual([])
    }
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------
// Made at test time: links, races, sizes and another time zone.

describe('hostile fixtures: links out of the folder', () => {
  it('never lists, follows or reads a link to a file or folder outside the content folder', async () => {
    const content = copyFixtures()
    const outside = tempDir('dateline-outside-')
    const SECRET = 'SECRET-6f1c2a-outside-the-content-folder'
    writeFileSync(join(outside, 'secret.md'), `---\ntitle: ${SECRET}\ndate: 2024-05-01\n---\n${SECRET}\n`)
    writeFileSync(join(outside, 'secret.jpg'), SECRET)
    mkdirSync(join(content, 'media'))
    symlinkSync(join(outside, 'secret.md'), join(content, 'linked-secret.md'))
    symlinkSync(outside, join(content, 'linked-folder'))
    symlinkSync(join(outside, 'secret.jpg'), join(content, 'media', 'outside.jpg'))
    const passwd = existsSync('/etc/passwd')
    if (passwd) symlinkSync('/etc/passwd', join(content, 'passwd.md'))

    const r = await loadWithin(content)
    expect(r.counts.files).toBe(EXPECTED.length)
    expect(r.corpus.articles).toHaveLength(PUBLISHED)
    expect(r.rejected).toHaveLength(REJECTED)
    // The image that now is a link out of the folder: never read, left out with a warning.
    const image = r.fileWarnings.filter((w) => w.file.endsWith('fm-image-missing-local.md'))
    expect(image.map((w) => [w.kind, w.message])).toEqual([
      [
        'missing-image',
        expect.stringContaining('"/media/outside.jpg" is a link to a file outside the content folder'),
      ],
    ])
    const articles = published(r.corpus, FAR_FUTURE).articles
    const everything = [
      JSON.stringify(r),
      ...(['rss', 'atom', 'json'] as const).map((f) =>
        renderFeed(f, siteFeedView(r.corpus, SITE_URL, articles)),
      ),
    ].join('\n')
    expect(everything).not.toContain('SECRET-6f1c2a')
    if (passwd) expect(everything).not.toMatch(/root:.*:0:0:/)
  })
})

describe('hostile fixtures: files that change while the folder is read', () => {
  it('reports a file that vanishes, turns into a folder, a link or a FIFO, and reads one rewritten', async () => {
    const content = copyFixtures()
    const outside = tempDir('dateline-outside-')
    writeFileSync(
      join(outside, 'secret.md'),
      '---\ntitle: RACE-SECRET-91b2\ndate: 2024-05-01\n---\nRACE-SECRET-91b2\n',
    )
    const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-06-01\n---\n${title}.\n`
    const racers = ['race-fifo.md', 'race-folder.md', 'race-link.md', 'race-rewrite.md', 'race-vanish.md']
    for (const name of racers) writeFileSync(join(content, name), post(`Before the race: ${name}`))
    const fifo = process.platform !== 'win32'
    const order = await listFiles(content, (ext) => ARTICLE_EXTENSIONS.has(ext))

    const seen: number[] = []
    const r = await loadWithin(content, {
      // Called before each file is read: change the one about to be read.
      onProgress: (done, total) => {
        seen.push(done)
        if (done === total) return
        const path = order[done]
        switch (basename(path)) {
          case 'race-vanish.md':
            unlinkSync(path)
            break
          case 'race-rewrite.md':
            writeFileSync(path, post('After the race, rewritten'))
            break
          case 'race-folder.md':
            unlinkSync(path)
            mkdirSync(path)
            break
          case 'race-link.md':
            unlinkSync(path)
            symlinkSync(join(outside, 'secret.md'), path)
            break
          case 'race-fifo.md':
            if (!fifo) break
            unlinkSync(path)
            execFileSync('mkfifo', [path])
            break
        }
      },
    })
    expect(seen).toEqual([...order.keys(), order.length])
    expect(r.counts.files).toBe(EXPECTED.length + racers.length)
    const gone = problemsBySource(content, r)
    const messages = (name: string) => gone.get(name)?.map((p) => p.message)
    expect(messages('race-vanish.md')).toEqual([
      expect.stringContaining('the file disappeared while the folder'),
    ])
    expect(messages('race-folder.md')).toEqual([
      expect.stringContaining('replaced by something that is not a file'),
    ])
    expect(messages('race-link.md')).toEqual([expect.stringContaining('replaced by a symbolic link')])
    if (fifo) expect(messages('race-fifo.md')).toEqual([expect.stringContaining('not a file')])
    const rewritten = r.corpus.articles.find((a) => a.source === 'race-rewrite.md')
    expect(rewritten?.title).toBe('After the race, rewritten')
    // Nothing else is lost: the fixtures come out as in the table, plus the rewritten file.
    expect(r.corpus.articles).toHaveLength(PUBLISHED + 1 + (fifo ? 0 : 1))
    expect(r.rejected).toHaveLength(REJECTED + (fifo ? 4 : 3))
    expect(JSON.stringify(r)).not.toContain('RACE-SECRET-91b2')
  })
})

describe('hostile fixtures: Markdown that is slow to render', () => {
  // Not fixed (a limit of marked 18, found with these fixtures): a list item with thousands of
  // continuation lines, or thousands of nested indented list levels, takes time that grows with
  // the square of its length or worse (marked re-runs its setext-heading regex on the rest of the
  // item for every line): 5,000 lines of 40 characters take about 4 s, 20,000 about 90 s, which a
  // 2 MB file allows. The loader does finish, but it blocks the event loop meanwhile.
  it.todo(
    'renders a 2 MB list item in linear time (needs a marked fix, or rendering in a worker with a deadline)',
  )
})

describe('hostile fixtures: huge files', () => {
  it('rejects a file over the default limit of 2 MiB without reading it as an article', async () => {
    const content = copyFixtures()
    writeFileSync(
      join(content, 'huge.md'),
      `---\ntitle: Huge\ndate: 2024-05-01\n---\n${'x'.repeat(3 * 1024 * 1024)}\n`,
    )
    const r = await loadWithin(content)
    expect(problemsBySource(content, r).get('huge.md')).toEqual([
      {
        file: join(content, 'huge.md'),
        message: expect.stringMatching(/^the file is 3145\d+ bytes, over the limit of 2097152;/),
      },
    ])
    expect(r.corpus.articles).toHaveLength(PUBLISHED)
    expect(r.rejected).toHaveLength(REJECTED + 1)
  })

  it('publishes and renders a 1 MB title and a 5 MB body when max_file_size allows them', async () => {
    const content = tempDir('dateline-huge-')
    writeFileSync(join(content, 'site.yaml'), 'title: Huge\nmax_file_size: 8MB\nitems: 10\n')
    const title = 'word '.repeat(200_000).trim()
    const body = `${'A sentence with <b>markup</b> & ]]> in it. '.repeat(110_000)}\n`
    writeFileSync(join(content, 'big.md'), `---\ntitle: "${title}"\ndate: 2024-05-01\n---\n${body}`)
    writeFileSync(
      join(content, 'too-big.md'),
      `---\ntitle: Too big\ndate: 2024-05-01\n---\n${'y'.repeat(9 * 1024 * 1024)}\n`,
    )
    const r = await loadWithin(content, {}, 60_000)
    expect(r.rejected).toEqual(['too-big.md'])
    expect(r.problems[0].message).toContain('over the limit of 8388608')
    expect(r.corpus.articles).toHaveLength(1)
    const [big] = r.corpus.articles
    expect(big.title).toBe(title)
    expect(big.html.length).toBeGreaterThan(5_000_000)
    const articles = published(r.corpus, FAR_FUTURE).articles
    checkRss(renderFeed('rss', siteFeedView(r.corpus, SITE_URL, articles)), articles)
    checkAtom(renderFeed('atom', siteFeedView(r.corpus, SITE_URL, articles)), articles)
    checkJson(renderFeed('json', siteFeedView(r.corpus, SITE_URL, articles)), articles)
  }, 120_000)
})

describe('hostile fixtures: dates in a site time zone with half-hour offsets and DST', () => {
  it('reads date-only and offset-less dates in America/St_Johns', async () => {
    const content = tempDir('dateline-st-johns-')
    writeFileSync(join(content, 'site.yaml'), 'title: St. John’s\ntimezone: America/St_Johns\n')
    // The Baku fixtures, now read in Newfoundland.
    cpSync(join(FIXTURES, 'date-only-baku.md'), join(content, 'date-only-baku.md'))
    cpSync(join(FIXTURES, 'date-leap-day-2024.md'), join(content, 'date-leap-day-2024.md'))
    cpSync(join(FIXTURES, 'date-offset-nepal.md'), join(content, 'date-offset-nepal.md'))
    const at = (name: string, date: string) =>
      writeFileSync(join(content, `${name}.md`), `---\ntitle: ${name}\ndate: ${date}\n---\n${name}.\n`)
    at('dst-gap', '2024-03-10T02:30') // skipped at 02:00 NST: the instant just after the jump
    at('dst-overlap', '2024-11-03T01:30') // happens twice: the first (NDT) is taken
    at('last-day', '9999-12-31') // 03:30Z the same day: still the year 9999
    at('past-the-end', '9999-12-31T23:00') // 10000-01-01T02:30Z
    writeFileSync(
      join(content, 'wire.txt'),
      'date 2024-07-01 By Newfoundland Desk\n\nCanada Day. Fireworks.\n',
    )

    const r = await loadWithin(content)
    const dates = Object.fromEntries(r.corpus.articles.map((a) => [a.source, a.date]))
    expect(dates).toEqual({
      'date-only-baku.md': '2024-05-01T02:30:00.000Z', // NDT, UTC−02:30
      'date-leap-day-2024.md': '2024-02-29T22:00:00.000Z', // 18:30 NST, UTC−03:30
      'date-offset-nepal.md': '2024-05-01T03:15:00.000Z', // its own offset wins
      'dst-gap.md': '2024-03-10T06:00:00.000Z',
      'dst-overlap.md': '2024-11-03T04:00:00.000Z',
      'last-day.md': '9999-12-31T03:30:00.000Z',
      'wire.txt': '2024-07-01T02:30:00.000Z',
    })
    expect(r.problems).toEqual([
      {
        file: join(content, 'past-the-end.md'),
        line: 3,
        message: expect.stringContaining('in UTC it is after the year 9999'),
      },
    ])
    expect(r.counts).toEqual({ files: 8, drafts: 0 })
  })
})
