/**
 * Every address the app answers 200 for at a moment, with the file a static host would serve it
 * from: what `export` writes (and what a crawler of the site would find).
 */
import type { Corpus } from './corpus.ts'
import { lastPage } from './feeds/archive.ts'
import { FEED_STYLESHEET_PATH } from './feeds/browser-prolog.ts'
import { FORMAT_FILES, scopeBase } from './feeds/catalog.ts'
import { published } from './feeds/select.ts'
import { createSnapshot, snapshotScopes } from './feeds/snapshot.ts'

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
    out.push({ path: `/articles/${encodeURIComponent(a.slug)}`, file: `articles/${a.slug}.html` })
  }
  return out
}
