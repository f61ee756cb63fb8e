/**
 * Runs on Node before these workerd tests: makes up a corpus (tests/shards/support.ts), writes it
 * as `dateline build --shards always` would into .build/, and renders every address on Node from
 * the same corpus in memory, so the tests can compare bytes.
 */
import { rmSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { articlePath } from '../../src/core/article-paths.ts'
import { type Article, compareArticles } from '../../src/core/corpus.ts'
import { createApp } from '../../src/http/app.ts'
import { siteAddresses } from '../../src/output/site-map.ts'
import { writeCorpus } from '../../src/output/write-site.ts'
import { madeUpCorpus, withPaths } from '../shards/support.ts'

// This folder's wrangler.toml's SITE_URL, which the Worker reads.
const SITE_URL = 'http://localhost:8787'

declare module 'vitest' {
  export interface ProvidedContext {
    shardedDocuments: Record<string, string>
    scheduledPaths: string[]
    moves: [from: string, to: string][]
  }
}

export default async function setup(project: TestProject) {
  const out = new URL('.build', import.meta.url).pathname
  rmSync(out, { recursive: true, force: true })
  // Articles at paths of their own, some with old addresses: found through the slug files too.
  const made = withPaths(await madeUpCorpus(200, 5))
  // Built a minute ago: an article dated since stays in the bundle and is live by the time the
  // tests run, so that the Worker looks its path up in memory too.
  const built = Date.now() - 60_000
  const recent = made.articles.find((a) => Date.parse(a.date) <= built) as Article
  const date = new Date(built + 30_000).toISOString()
  const inBundle: Article = {
    ...recent,
    slug: 'just-published',
    title: 'Just published',
    path: '/just/published/',
    aliases: ['/old/just-published.html'],
    date,
    updated: date,
  }
  const corpus = { ...made, articles: [...made.articles, inBundle].sort(compareArticles) }
  const now = Date.now()
  const written = await writeCorpus(corpus, out, { shards: 'always', now: built })
  if (!written.shards) throw new Error('the corpus was not kept in pieces')
  const app = createApp({ corpus, siteUrl: SITE_URL })
  const shardedDocuments: Record<string, string> = {}
  // Every address of the site's own feeds, archives and pages, of one tag and one author, and 30
  // articles: each kind of read (chunks, slug files, scheduled articles). Every address of the
  // site is compared on Node (tests/shards/equivalence.test.ts); each request here costs more.
  const addresses = siteAddresses(corpus, now).map((a) => a.path)
  const tag = addresses.find((p) => p.startsWith('/tags/'))?.split('/')[2]
  const author = addresses.find((p) => p.startsWith('/authors/'))?.split('/')[2]
  const pages = new Set(corpus.articles.map(articlePath))
  const articles = addresses.filter((p) => pages.has(p))
  const chosen = addresses.filter(
    (p) =>
      (!/^\/(tags|authors)\//.test(p) && !pages.has(p)) ||
      p.startsWith(`/tags/${tag}/`) ||
      p.startsWith(`/authors/${author}/`) ||
      articles.indexOf(p) % Math.ceil(articles.length / 30) === 0 ||
      p === inBundle.path,
  )
  for (const path of chosen) shardedDocuments[path] = await (await app.request(path)).text()
  project.provide('shardedDocuments', shardedDocuments)
  project.provide(
    'scheduledPaths',
    corpus.articles
      .filter((a) => Date.parse(a.date) > now)
      .flatMap((a) => [articlePath(a), ...(a.aliases ?? [])]),
  )
  // Old addresses of stored articles and where they move: an alias, the other slash form of the
  // path, /articles/{slug}.
  const moves: [string, string][] = []
  for (const a of corpus.articles.filter((x) => x.path && Date.parse(x.date) <= now).slice(0, 20)) {
    const to = SITE_URL + articlePath(a)
    moves.push([`/articles/${encodeURIComponent(a.slug)}`, to], [articlePath(a).slice(0, -1), to])
    for (const alias of a.aliases ?? []) moves.push([alias, to])
  }
  project.provide('moves', moves)
}
