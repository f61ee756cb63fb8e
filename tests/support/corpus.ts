/** Hand-made corpora for tests that need exact control over articles and times. */

import { makeCorpus } from '../../src/content/load.ts'
import type { Article, Corpus, Site } from '../../src/corpus.ts'

export const SITE: Site = {
  title: 'Test Site',
  description: 'Articles for tests',
  language: 'en',
  author: { name: 'Newsroom' },
  timezone: 'UTC',
  items: 20,
}

export function article(slug: string, date: string, extra: Partial<Article> = {}): Article {
  return {
    source: `${slug}.md`,
    slug,
    id: null,
    title: `Title of ${slug}`,
    date,
    updated: date,
    authors: [{ name: 'Ann Author' }],
    tags: ['news'],
    summary: `Summary of ${slug}.`,
    html: `<p>Body of ${slug}.</p>`,
    ...extra,
  }
}

export function corpusOf(articles: Article[], site: Partial<Site> = {}): Corpus {
  return makeCorpus({ ...SITE, ...site }, articles)
}
