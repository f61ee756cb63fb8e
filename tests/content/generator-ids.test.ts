/**
 * An archive moved from another generator keeps its item ids and links, so that no subscriber
 * sees it again as new. Each row is what the old generator wrote for a post, worked out by hand
 * from its documented rules for the same permalink settings; the feeds dateline serves are
 * parsed and compared with it.
 *
 * - Jekyll: jekyll-feed's Atom `<id>{{ post.id | absolute_url }}</id>`, where `post.id` is the
 *   URL's folder and the slug (lib/jekyll/document.rb); the common hand-written RSS template's
 *   `<guid>{{ post.url | absolute_url }}</guid>`; the URL from the site's `permalink` with the
 *   date in the site's time zone, or the post's own `permalink`.
 * - Hugo: RSS `<guid>{{ .Permalink }}</guid>`, with `[permalinks] posts = "/:year/:month/:slug/"`
 *   and the default `/posts/{name}/`, and `url` in front matter.
 * - Eleventy: `<id>{{ absolutePostUrl }}</id>` of `page.url`, by default `/posts/{name}/`, or
 *   the post's `permalink` (`…/index.html` is published at `…/`).
 * - Astro (@astrojs/rss): `<guid>` is the item's link, the site and `/blog/{id}/`.
 */
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import { createApp } from '../../src/http/app.ts'
import { readAtom, readJson, readRss } from '../formats/feed-readers.ts'
import { contentDir, md } from './helpers.ts'

const SITE = 'https://blog.example'
const NOW = Date.parse('2026-01-01T00:00:00Z')

type Expected = { title: string; link: string; rss?: string; atom?: string; json?: string }
type Archive = { name: string; siteYaml: string[]; files: Record<string, string>; items: Expected[] }

const ARCHIVES: Archive[] = [
  {
    name: 'Jekyll, the default date style, jekyll-feed',
    siteYaml: ['timezone: UTC', 'permalink: /:year/:month/:day/:title.html', 'ids: jekyll'],
    files: {
      '_posts/2019-05-15-hello.md': md(['title: Hello in May']),
      '_posts/2019-06-01-hello.md': md(['title: Hello in June']),
      '_posts/2019-06-02-late.md': md(['title: Late', 'date: 2019-06-03 01:00:00 +0200']),
      '_posts/2019-07-01-about.md': md(['title: About', 'permalink: /about/me/']),
    },
    items: [
      {
        title: 'Hello in May',
        link: `${SITE}/2019/05/15/hello.html`,
        rss: `${SITE}/2019/05/15/hello.html`,
        atom: `${SITE}/2019/05/15/hello`,
        json: `${SITE}/2019/05/15/hello`,
      },
      {
        title: 'Hello in June',
        link: `${SITE}/2019/06/01/hello.html`,
        rss: `${SITE}/2019/06/01/hello.html`,
        atom: `${SITE}/2019/06/01/hello`,
      },
      // 01:00 at +02:00 is 23:00 the day before in UTC, the site's zone: Jekyll's day.
      { title: 'Late', link: `${SITE}/2019/06/02/late.html`, atom: `${SITE}/2019/06/02/late` },
      // The URL's folder and the slug, not the URL's last segment.
      { title: 'About', link: `${SITE}/about/me/`, rss: `${SITE}/about/me/`, atom: `${SITE}/about/about` },
    ],
  },
  {
    name: 'Jekyll, the pretty style, jekyll-feed',
    siteYaml: ['timezone: Europe/Berlin', 'permalink: /:year/:month/:day/:title/', 'ids: jekyll'],
    files: { '_posts/2019-05-15-hello.md': md(['title: Hello', 'date: 2019-05-15 23:30:00 +0000']) },
    // 23:30 UTC is 01:30 the next day in Berlin.
    items: [{ title: 'Hello', link: `${SITE}/2019/05/16/hello/`, atom: `${SITE}/2019/05/16/hello` }],
  },
  {
    name: 'Hugo, [permalinks] posts = "/:year/:month/:slug/"',
    siteYaml: ['permalink: /:year/:month/:title/'],
    files: {
      'posts/hello-world.md': md(['title: Hello World', 'slug: hello-world', 'date: 2019-05-15']),
      'posts/special.md': md(['title: Special', 'date: 2019-05-16', 'url: /special/page/']),
      'posts/about.md': md(['title: About', 'date: 2019-05-17', 'url: about']),
    },
    items: [
      { title: 'Hello World', link: `${SITE}/2019/05/hello-world/`, rss: `${SITE}/2019/05/hello-world/` },
      { title: 'Special', link: `${SITE}/special/page/`, rss: `${SITE}/special/page/` },
      { title: 'About', link: `${SITE}/about/`, rss: `${SITE}/about/` },
    ],
  },
  {
    name: "Hugo's default /posts/{name}/",
    siteYaml: ['permalink: /posts/:title/'],
    files: {
      'posts/hello.md': md(['title: Hello', 'date: 2019-05-15']),
      'posts/bundled/index.md': md(['title: Bundled', 'date: 2019-05-16']),
    },
    items: [
      { title: 'Hello', link: `${SITE}/posts/hello/`, rss: `${SITE}/posts/hello/` },
      { title: 'Bundled', link: `${SITE}/posts/bundled/`, rss: `${SITE}/posts/bundled/` },
    ],
  },
  {
    name: "Eleventy's default /posts/{name}/ and permalink",
    siteYaml: ['permalink: /posts/:title/'],
    files: {
      'posts/first.md': md(['title: First', 'date: 2019-05-15']),
      'posts/second.md': md([
        'title: Second',
        'date: 2019-05-16',
        'permalink: /posts/second-post/index.html',
      ]),
    },
    items: [
      {
        title: 'First',
        link: `${SITE}/posts/first/`,
        atom: `${SITE}/posts/first/`,
        json: `${SITE}/posts/first/`,
      },
      { title: 'Second', link: `${SITE}/posts/second-post/`, atom: `${SITE}/posts/second-post/` },
    ],
  },
  {
    name: 'Astro, @astrojs/rss with /blog/{id}/',
    siteYaml: ['permalink: /blog/:title/'],
    files: { 'blog/first-post.md': md(['title: First post', 'pubDate: 2019-05-15']) },
    items: [{ title: 'First post', link: `${SITE}/blog/first-post/`, rss: `${SITE}/blog/first-post/` }],
  },
]

describe('item ids of an archive from another generator', () => {
  it.each(ARCHIVES)('are those $name wrote', async ({ siteYaml, files, items }) => {
    const dir = contentDir({ 'site.yaml': `title: Old Blog\n${siteYaml.join('\n')}\n`, ...files })
    const { corpus, problems, siteProblems } = await loadContent(dir)
    expect([...siteProblems, ...problems]).toEqual([])
    const app = createApp({ corpus, siteUrl: SITE, clock: () => NOW })
    const text = async (path: string) => (await app.request(path)).text()
    const feeds = {
      rss: readRss(await text('/rss.xml')),
      atom: readAtom(await text('/atom.xml')),
      json: readJson(await text('/feed.json')),
    }
    for (const want of items) {
      for (const [format, feed] of Object.entries(feeds) as [keyof typeof feeds, (typeof feeds)['rss']][]) {
        const item = feed.items.find((i) => i.title === want.title)
        expect(item?.url, `${format} link of ${want.title}`).toBe(want.link)
        // Where the row names no id for a format, dateline's is the link.
        expect(item?.id, `${format} id of ${want.title}`).toBe(
          want[format] ?? (format === 'rss' ? want.link : (want.atom ?? want.link)),
        )
      }
      expect((await app.request(new URL(want.link).pathname)).status, want.link).toBe(200)
    }
  })
})
