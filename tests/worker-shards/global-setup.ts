/**
 * Runs on Node before these workerd tests: makes up a corpus (tests/shards/support.ts), writes it
 * as `dateline build --shards always` would into .build/, and renders every address on Node from
 * the same corpus in memory, so the tests can compare bytes.
 */
import { rmSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { createApp } from '../../src/http/app.ts'
import { writeCorpus } from '../../src/output.ts'
import { siteAddresses } from '../../src/site-map.ts'
import { madeUpCorpus } from '../shards/support.ts'

// This folder's wrangler.toml's SITE_URL, which the Worker reads.
const SITE_URL = 'http://localhost:8787'

declare module 'vitest' {
  export interface ProvidedContext {
    shardedDocuments: Record<string, string>
    scheduledPaths: string[]
  }
}

export default async function setup(project: TestProject) {
  const out = new URL('./.build', import.meta.url).pathname
  rmSync(out, { recursive: true, force: true })
  const corpus = await madeUpCorpus(200, 5)
  const now = Date.now()
  const written = await writeCorpus(corpus, out, { shards: 'always', now })
  if (!written.shards) throw new Error('the corpus was not kept in pieces')
  const app = createApp({ corpus, siteUrl: SITE_URL })
  const shardedDocuments: Record<string, string> = {}
  // Every address of the site's own feeds, archives and pages, of one tag and one author, and 30
  // articles: each kind of read (chunks, slug files, scheduled articles). Every address of the
  // site is compared on Node (tests/shards/equivalence.test.ts); each request here costs more.
  const addresses = siteAddresses(corpus, now).map((a) => a.path)
  const tag = addresses.find((p) => p.startsWith('/tags/'))?.split('/')[2]
  const author = addresses.find((p) => p.startsWith('/authors/'))?.split('/')[2]
  const articles = addresses.filter((p) => p.startsWith('/articles/'))
  const chosen = addresses.filter(
    (p) =>
      !/^\/(tags|authors|articles)\//.test(p) ||
      p.startsWith(`/tags/${tag}/`) ||
      p.startsWith(`/authors/${author}/`) ||
      articles.indexOf(p) % Math.ceil(articles.length / 30) === 0,
  )
  for (const path of chosen) shardedDocuments[path] = await (await app.request(path)).text()
  project.provide('shardedDocuments', shardedDocuments)
  project.provide(
    'scheduledPaths',
    corpus.articles
      .filter((a) => Date.parse(a.date) > now)
      .map((a) => `/articles/${encodeURIComponent(a.slug)}`),
  )
}
