/**
 * A realistic corpus for the tests of a corpus kept in pieces: make-corpus's articles (tags,
 * authors, Markdown and dateline files) loaded by the real loader, a small page size so scopes
 * span many chunks, and articles scheduled after the build with a tag and an author of their own.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadContent } from '../../src/content/load.ts'
import { slugOfPath } from '../../src/content/permalinks.ts'
import { type Corpus, compareArticles } from '../../src/core/corpus.ts'
import type { FetchShard } from '../../src/shards/reader.ts'

/** The moment of the build: every made-up article but the 2099 ones is older. */
export const BUILT = Date.parse('2027-01-01T00:00:00Z')
const HOUR = 3_600_000

export async function madeUpCorpus(articles = 260, items = 6): Promise<Corpus> {
  const dir = join(mkdtempSync(join(tmpdir(), 'dateline-shards-')), 'content')
  const script = new URL('../../scripts/make-corpus.mjs', import.meta.url).pathname
  execFileSync(process.execPath, [script, String(articles), dir], { stdio: 'pipe' })
  const { corpus, problems } = await loadContent(dir)
  if (problems.length) throw new Error(JSON.stringify(problems.slice(0, 3)))
  // Four articles go live one hour apart after the build; the first brings a new tag and author.
  const list = corpus.articles.map((a, i) =>
    i % 61 === 7 && i < 61 * 4
      ? {
          ...a,
          date: new Date(BUILT + (1 + i / 61) * HOUR).toISOString(),
          updated: new Date(BUILT + (1 + i / 61) * HOUR).toISOString(),
          tags: i === 7 ? [...a.tags, 'Late Edition'] : a.tags,
          authors: i === 7 ? [...a.authors, { name: 'Nova Reporter' }] : a.authors,
        }
      : a,
  )
  return { ...corpus, site: { ...corpus.site, items }, articles: list.sort(compareArticles) }
}

/**
 * The same corpus with permalinks, as a site with a `permalink` pattern has them: every third
 * article and every scheduled one at `/{yyyy}/{mm}/{dd}/{slug}/`, its slug made of the path as the
 * loader makes it, every fifth of those with an old address (an alias).
 */
export function withPaths(corpus: Corpus): Corpus {
  const articles = corpus.articles.map((a, i) => {
    if (i % 3 !== 0 && Date.parse(a.date) <= BUILT) return a
    const path = `/${a.date.slice(0, 10).replaceAll('-', '/')}/${encodeURIComponent(a.slug)}/`
    return {
      ...a,
      slug: slugOfPath(path),
      path,
      ...(i % 5 === 0 ? { aliases: [`/old/${a.slug}.html`] } : {}),
    }
  })
  return { ...corpus, articles: articles.sort(compareArticles) }
}

/** Reads pieces from a build's public folder, counting the reads. */
export function filePieces(publicDir: string): FetchShard & { reads: string[] } {
  const reads: string[] = []
  const fetchShard = async (path: string) => {
    reads.push(path)
    return JSON.parse(await readFile(join(publicDir, path), 'utf8'))
  }
  return Object.assign(fetchShard, { reads })
}
