/**
 * Every address the app answers 200 for at a moment, with the file a static host would serve it
 * from: what `export` writes (and what a crawler of the site would find); and the old addresses
 * (aliases) that move to them.
 */
import { articlePath } from '../core/article-paths.ts'
import type { Corpus } from '../core/corpus.ts'
import { lastPage } from '../feeds/archive.ts'
import { FORMAT_FILES, scopeBase } from '../feeds/catalog.ts'
import { published } from '../feeds/select.ts'
import { createSnapshot, snapshotScopes } from '../feeds/snapshot.ts'
import { FEED_STYLESHEET_PATH } from '../formats/browser-prolog.ts'

export type Address = { path: string; file: string }

/** `/tags/c%C9%99nubi-qafqaz/rss.xml` → `tags/cənubi-qafqaz/rss.xml`: hosts decode the URL path. */
const fileOf = (path: string) => decodeURIComponent(path.slice(1))

/** All documents and pages published at `now`, in a stable order. */
export function siteAddresses(corpus: Corpus, now: number): Address[] {
  const { articles, start } = published(corpus, now)
  const snapshot = createSnapshot(start, articles)
  // The stylesheet RSS and Atom name, for a host that serves them as XML to browsers.
  const out: Address[] = [
    { path: '/', file: 'index.html' },
    { path: FEED_STYLESHEET_PATH, file: FEED_STYLESHEET_PATH.slice(1) },
  ]
  for (const scope of snapshotScopes(snapshot)) {
    const base = scopeBase(scope)
    if (scope.kind !== 'site') out.push({ path: `${base}/`, file: `${fileOf(base)}/index.html` })
    const count = snapshot.count(scope)
    // A complete feed (all its articles fit) has no archive pages.
    const pages = count > corpus.site.items ? lastPage(count, corpus.site.items) : 0
    for (const file of Object.values(FORMAT_FILES)) {
      out.push({ path: `${base}/${file}`, file: fileOf(`${base}/${file}`) })
      for (let page = 1; page <= pages; page++) {
        const path = `${base}/archive/${page}/${file}`
        out.push({ path, file: fileOf(path) })
      }
    }
  }
  for (const a of articles) {
    const path = articlePath(a)
    out.push({ path, file: pageFile(path) })
  }
  return out
}

/**
 * The file a static host serves a page's path from: `/2019/05/15/hello/` from
 * `2019/05/15/hello/index.html`, `/posts/hello.html` from itself, and `/articles/x` (no slash, no
 * extension) from `articles/x.html`. Not `articles/x/index.html`: GitHub Pages and Cloudflare
 * serve that at `/articles/x/` and send `/articles/x` there with a redirect, while all of them and
 * Netlify serve `x.html` at `/x` itself.
 */
export function pageFile(path: string): string {
  if (path.endsWith('/')) return `${fileOf(path)}index.html`
  return /\.html?$/.test(path) ? fileOf(path) : `${fileOf(path)}.html`
}

export type MovedAddress = Address & { to: string }

/**
 * The aliases of the articles published at `now`, each with the path it moves to and the file of
 * the page that moves a browser there (src/output/redirects.ts); none whose file a page of `addresses`
 * already is (an alias `/x` of the article at `/x.html`: the host serves that page at both).
 */
export function siteRedirects(
  corpus: Corpus,
  now: number,
  addresses: Address[] = siteAddresses(corpus, now),
): MovedAddress[] {
  const taken = new Set(addresses.map((a) => a.file))
  const out: MovedAddress[] = []
  for (const a of published(corpus, now).articles) {
    for (const path of a.aliases ?? []) {
      const file = pageFile(path)
      if (!taken.has(file)) out.push({ path, file, to: articlePath(a) })
      taken.add(file)
    }
  }
  return out
}
