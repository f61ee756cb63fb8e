/**
 * Runs on Node before the workerd tests: builds the corpus the Worker imports from the sample
 * content, and renders the same documents through the Node side of the app, so the workerd
 * tests can compare bytes.
 */
import type { TestProject } from 'vitest/node'
import { loadContent } from '../../src/content/load.ts'
import { createApp } from '../../src/http/app.ts'
import { writeCorpus } from '../../src/output/write-site.ts'

export const PATHS = ['/rss.xml', '/atom.xml', '/feed.json', '/']
// wrangler.toml's [vars] SITE_URL, which the Worker reads.
const SITE_URL = 'http://localhost:8787'

declare module 'vitest' {
  export interface ProvidedContext {
    nodeDocuments: Record<string, string>
    articlePaths: string[]
  }
}

export default async function setup(project: TestProject) {
  const root = new URL('../../', import.meta.url).pathname
  const { corpus, problems } = await loadContent(`${root}content`)
  if (problems.length) throw new Error(`sample content has problems: ${JSON.stringify(problems)}`)
  await writeCorpus(corpus, `${root}build`, { shards: 'never' })
  const app = createApp({ corpus, siteUrl: SITE_URL })
  const now = Date.now()
  const articlePaths = corpus.articles
    .filter((a) => Date.parse(a.date) <= now)
    .map((a) => `/articles/${encodeURIComponent(a.slug)}`)
  const nodeDocuments: Record<string, string> = {}
  for (const path of [...PATHS, ...articlePaths]) nodeDocuments[path] = await (await app.request(path)).text()
  project.provide('nodeDocuments', nodeDocuments)
  project.provide('articlePaths', articlePaths)
}
