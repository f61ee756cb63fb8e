/**
 * The site as a person sees it: Debian's Chromium, driven by playwright-core, against the real
 * Node server on the sample content. Skipped when /usr/bin/chromium is absent (CI installs it
 * with apt). Screenshots go to artifacts/screenshots/, a CI artefact that is never committed.
 * No traffic leaves 127.0.0.1.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import type { Article } from '../../src/core/corpus.ts'
import { inScope } from '../../src/feeds/catalog.ts'
import { published } from '../../src/feeds/select.ts'
import { slugify } from '../../src/feeds/slug.ts'
import { permalink } from '../../src/feeds/urls.ts'
import { renderArticle } from '../../src/http/pages.ts'
import { type NodeServer, startNodeServer } from '../../src/runtime/node-server.ts'
import { SAMPLE_CONTENT } from '../support/content-dir.ts'
import { article, SITE } from '../support/corpus.ts'
import { SAMPLE_NOW } from '../support/http-scenarios.ts'

// The functions given to page.evaluate run inside Chromium. The project's lib (ES2023, WebWorker)
// has no DOM, so the page's globals they use are declared here, loosely, for this file only.
// biome-ignore lint/suspicious/noExplicitAny: the browser's DOM, type-checked by nobody but Chromium
type Dom = any
declare const document: Dom
declare const DOMParser: Dom
declare const getComputedStyle: Dom

const CHROMIUM = '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]
const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url).pathname
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }
const NOW = Date.parse(SAMPLE_NOW)
const FEED_TYPES = {
  'application/rss+xml': 'application/rss+xml; charset=utf-8',
  'application/atom+xml': 'application/atom+xml; charset=utf-8',
  'application/feed+json': 'application/feed+json; charset=utf-8',
}

/** A port nobody listens on now, so the server can be started with its own URL as SITE_URL. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** Every console error, uncaught exception and failed load on the page, from now on. */
function problemsOf(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`)
  })
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`))
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`)
  })
  return problems
}

/** The whole page; or only the first screen for XML, where Playwright's full-page capture hangs. */
const screenshot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })

describe.skipIf(!existsSync(CHROMIUM))('the site in Chromium', () => {
  let server: NodeServer
  let site: string
  let articles: Article[]
  let profiles: string
  let desktop: BrowserContext
  let phone: BrowserContext

  const open = (profile: string, options: object) =>
    chromium.launchPersistentContext(join(profiles, profile), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      ...options,
    })

  beforeAll(async () => {
    const port = await freePort()
    site = `http://127.0.0.1:${port}`
    server = await startNodeServer({
      contentDir: SAMPLE_CONTENT,
      port,
      hostname: '127.0.0.1',
      siteUrl: site,
      watch: false,
      clock: () => NOW,
      log: () => {},
    })
    articles = published((await loadContent(SAMPLE_CONTENT)).corpus, NOW).articles
    await mkdir(SCREENSHOTS, { recursive: true })
    // A fresh profile per browser: nothing cached or remembered from an earlier run.
    profiles = await mkdtemp(join(tmpdir(), 'dateline-chromium-'))
    desktop = await open('desktop', { viewport: DESKTOP })
    phone = await open('phone', { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  }, 60_000)

  afterAll(async () => {
    await desktop?.close()
    await phone?.close()
    await server?.close()
    if (profiles) await rm(profiles, { recursive: true, force: true })
  })

  it('shows the index with its title, language, one h1 and autodiscovery for every format', async () => {
    const page = await desktop.newPage()
    const problems = problemsOf(page)
    await page.goto(`${site}/`)
    expect(await page.title()).toBe('Riverside Dispatch')
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB')
    expect(await page.locator('h1').allTextContents()).toEqual(['Riverside Dispatch'])
    const alternates = await page
      .locator('head link[rel="alternate"]')
      .evaluateAll((links) => links.map((l) => [l.getAttribute('type'), l.getAttribute('href')]))
    expect(alternates).toEqual([
      ['application/rss+xml', `${site}/rss.xml`],
      ['application/atom+xml', `${site}/atom.xml`],
      ['application/feed+json', `${site}/feed.json`],
    ])
    await screenshot(page, 'index-desktop')
    expect(problems).toEqual([])
    await page.close()
  })

  it('gets every autodiscovered feed from the page: 200, its media type, and it parses', async () => {
    const page = await desktop.newPage()
    await page.goto(`${site}/`)
    const results = await page.evaluate(async () => {
      const links: Dom[] = [...document.querySelectorAll('head link[rel="alternate"]')]
      return Promise.all(
        links.map(async (l) => {
          const res = await fetch(l.href)
          const body = await res.text()
          let root = ''
          if (l.type.endsWith('+json')) root = JSON.parse(body).version
          else {
            const doc = new DOMParser().parseFromString(body, 'application/xml')
            root = doc.querySelector('parsererror') ? 'parsererror' : doc.documentElement.localName
          }
          return { type: l.type, status: res.status, contentType: res.headers.get('Content-Type'), root }
        }),
      )
    })
    expect(results).toEqual([
      {
        type: 'application/rss+xml',
        status: 200,
        contentType: FEED_TYPES['application/rss+xml'],
        root: 'rss',
      },
      {
        type: 'application/atom+xml',
        status: 200,
        contentType: FEED_TYPES['application/atom+xml'],
        root: 'feed',
      },
      {
        type: 'application/feed+json',
        status: 200,
        contentType: FEED_TYPES['application/feed+json'],
        root: 'https://jsonfeed.org/version/1.1',
      },
    ])
    await page.close()
  })

  it('follows an article link, then back and a tag link, to pages that say what they are', async () => {
    const page = await desktop.newPage()
    const problems = problemsOf(page)
    await page.goto(`${site}/`)
    const first = articles[0]
    await page.locator('main article h2 a').first().click()
    await page.waitForURL(permalink(site, first))
    expect(await page.locator('h1').allTextContents()).toEqual([first.title])
    expect(await page.title()).toBe(`${first.title} — Riverside Dispatch`)
    const linksIn = (kind: string) =>
      page
        .locator(`article .meta a[href*="/${kind}/"]`)
        .evaluateAll((as: Dom[]) => as.map((a) => [a.textContent, a.href]))
    const scopeLink = (kind: string, name: string) => [
      name,
      `${site}/${kind}/${encodeURIComponent(slugify(name))}/`,
    ]
    expect(await linksIn('tags')).toEqual(first.tags.map((t) => scopeLink('tags', t)))
    expect(await linksIn('authors')).toEqual(first.authors.map((p) => scopeLink('authors', p.name)))
    for (const [, href] of [...(await linksIn('tags')), ...(await linksIn('authors'))]) {
      expect((await page.request.get(href as string)).status(), href as string).toBe(200)
    }
    await screenshot(page, 'article-desktop')

    await page.goBack()
    await page.waitForURL(`${site}/`)
    const tag = { kind: 'tag' as const, slug: 'riverside', name: 'Riverside' }
    await page.locator(`#tags + ul a[href="${site}/tags/riverside/"]`).click()
    await page.waitForURL(`${site}/tags/riverside/`)
    expect(await page.locator('h1').allTextContents()).toEqual(['Tagged “Riverside”'])
    const listed = await page.locator('main article h2 a').evaluateAll((as: Dom[]) => as.map((a) => a.href))
    const expected = articles.filter((a) => inScope(tag, a)).map((a) => permalink(site, a))
    expect(expected.length).toBeGreaterThan(1)
    expect(listed).toEqual(expected)
    const feeds = [
      `${site}/tags/riverside/rss.xml`,
      `${site}/tags/riverside/atom.xml`,
      `${site}/tags/riverside/feed.json`,
    ]
    const alternates = await page
      .locator('head link[rel="alternate"]')
      .evaluateAll((ls: Dom[]) => ls.map((l) => l.href))
    expect(alternates).toEqual(feeds)
    const subscribe = await page.locator('header .note a').evaluateAll((as: Dom[]) => as.map((a) => a.href))
    expect(subscribe).toEqual(feeds)
    for (const href of feeds) expect((await page.request.get(href)).status(), href).toBe(200)
    await screenshot(page, 'tag-desktop')
    expect(problems).toEqual([])
    await page.close()
  })

  it('gives every image alt text, every page one h1, and logs no errors on any page', async () => {
    const page = await desktop.newPage()
    const problems = problemsOf(page)
    const paths = ['/', '/tags/riverside/', '/authors/tom-eriksen/', ...articles.map((a) => permalink('', a))]
    let images = 0
    for (const path of paths) {
      await page.goto(site + path)
      expect(await page.locator('img:not([alt])').count(), path).toBe(0)
      expect(await page.locator('h1').count(), path).toBe(1)
      const broken = await page
        .locator('img')
        .evaluateAll((imgs: Dom[]) =>
          imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src),
        )
      expect(broken, path).toEqual([])
      images += await page.locator('img').count()
    }
    // The sample has images (the flood barrier's figure), so the checks above checked something.
    expect(images).toBeGreaterThan(0)
    expect(problems).toEqual([])
    await page.close()
  })

  it('shows where the keyboard is: a visible outline on the focused link', async () => {
    const page = await desktop.newPage()
    await page.goto(`${site}/`)
    await page.keyboard.press('Tab')
    const focus = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement)
      return {
        tag: document.activeElement?.localName,
        outline: style.outlineStyle,
        width: style.outlineWidth,
      }
    })
    expect(focus).toEqual({ tag: 'a', outline: 'solid', width: '2px' })
    await page.close()
  })

  it('fits a phone: no sideways scrolling on the index, an article or a tag page', async () => {
    const page = await phone.newPage()
    const problems = problemsOf(page)
    for (const [name, path] of [
      ['index', '/'],
      ['article', permalink('', articles[0])],
      ['tag', '/tags/riverside/'],
    ]) {
      await page.goto(site + path)
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390)
      await screenshot(page, `${name}-phone`)
    }
    // Every article too: the ferry timetable has a table, the flood barrier a 640 px figure.
    for (const a of articles) {
      await page.goto(permalink(site, a))
      expect(await page.evaluate(() => document.documentElement.scrollWidth), a.slug).toBeLessThanOrEqual(390)
    }
    expect(problems).toEqual([])
    await page.close()
  })

  it('gives a browser opening a feed the same bytes as XML, while fetches keep the feed type', async () => {
    // Chromium shows application/rss+xml as plain text (Firefox downloads it); a page load says
    // Sec-Fetch-Dest: document, and gets application/xml, which the stylesheet turns into a page.
    // A fresh profile: Chromium adds Sec-Fetch-* after its cache lookup, so a feed it fetched
    // earlier (the autodiscovery test) would be reused for the page load.
    const context = await open('feed-load', { viewport: DESKTOP })
    const page = await context.newPage()
    for (const [name, type] of [
      ['rss', 'application/rss+xml; charset=utf-8'],
      ['atom', 'application/atom+xml; charset=utf-8'],
    ]) {
      const res = await page.goto(`${site}/${name}.xml`)
      expect(res?.status(), name).toBe(200)
      expect(res?.headers()['content-type'], name).toBe('application/xml; charset=utf-8')
      expect(res?.headers().vary, name).toMatch(/Sec-Fetch-Dest/)
      expect(await page.evaluate(() => document.contentType), name).toBe('application/xml')
      const fetched = await page.evaluate(async (url) => {
        // Past the browser's cache, which holds the page load under the same URL.
        const r = await fetch(url, { cache: 'no-store' })
        return { type: r.headers.get('content-type'), etag: r.headers.get('etag') }
      }, `${site}/${name}.xml`)
      expect(fetched.type, name).toBe(type)
      expect(fetched.etag, name).toBe(res?.headers().etag)
    }
    await context.close()
  })

  it('shows a feed opened in the browser as a styled page: banner, title, items', async () => {
    for (const [options, size] of [
      [{ viewport: DESKTOP }, 'desktop'],
      [{ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, 'phone'],
    ] as const) {
      // Fresh profiles, for the reason given in the test above.
      const context = await open(`feed-view-${size}`, options)
      const page = await context.newPage()
      const problems = problemsOf(page)
      // Opened by a browser (the server's answer to a page load), and as a static host serves
      // `.xml` files: both application/xml, so the same check covers both.
      for (const [name, root] of [
        ['rss', 'rss'],
        ['atom', 'feed'],
      ]) {
        await page.goto(`${site}/${name}.xml`)
        const shown = await page.evaluate(() => {
          const visible = (selector: string) =>
            [...document.querySelectorAll(selector)].filter((e: Dom) => e.getBoundingClientRect().height > 0)
              .length
          return {
            root: document.documentElement.localName,
            styleSheets: document.styleSheets.length,
            banner: getComputedStyle(document.documentElement, '::before').content,
            titles: visible(':root > title, channel > title'),
            items: document.querySelectorAll('item, entry').length,
            itemTitles: visible('item > title, entry > title'),
            dates: visible('item > pubDate, entry > published'),
            hidden: visible('item > description, summary, content, encoded, guid, id, category, author'),
            scrollWidth: document.documentElement.scrollWidth,
            layoutWidth: document.documentElement.clientWidth,
          }
        })
        expect(shown, name).toEqual({
          root,
          styleSheets: 1,
          banner: expect.stringMatching(/^"This is a web feed\. /),
          titles: 1,
          items: articles.length,
          itemTitles: articles.length,
          dates: articles.length,
          hidden: 0,
          scrollWidth: expect.any(Number),
          layoutWidth: expect.any(Number),
        })
        // No sideways scrolling. On a phone an XML document is laid out 980 px wide and zoomed out.
        expect(shown.scrollWidth, name).toBeLessThanOrEqual(shown.layoutWidth)
        await screenshot(page, `${name}-as-xml-${size}`, false)
      }
      expect(problems.filter((p) => !p.includes('/favicon.ico'))).toEqual([])
      await context.close()
    }
  })

  it('renders a title like <script>alert(1)</script> & "quotes" as text, running nothing', async () => {
    const hostile = '<script>alert(1)</script> & "quotes"'
    const html = await renderArticle(
      SITE,
      'http://127.0.0.1',
      article('hostile', '2026-01-01T00:00:00.000Z', { title: hostile, tags: [hostile] }),
    )
    const page = await desktop.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.setContent(html)
    expect(await page.locator('h1').textContent()).toBe(hostile)
    expect(await page.title()).toBe(`${hostile} — Test Site`)
    expect(await page.locator('.meta a[href*="/tags/"]').textContent()).toBe(hostile)
    expect(await page.evaluate(() => document.scripts.length)).toBe(0)
    expect(dialogs).toEqual([])
    await page.close()
  })
})
