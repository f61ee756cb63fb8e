/** Hand-made corpora for tests that need exact control over articles and times. */
import { type Article, type Corpus, compareArticles, type Site } from '../../src/core/corpus.ts'

export const SITE: Site = {
  title: 'Test Site',
  description: 'Articles for tests',
  language: 'en',
  author: { name: 'Newsroom' },
  timezone: 'UTC',
  items: 20,
}

/** An article with a distinct value in every field, so a swapped field shows up in a test. */
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

/** A corpus in the order the loader guarantees: newest first, ties by slug. */
export function corpusOf(articles: Article[], site: Partial<Site> = {}): Corpus {
  return { site: { ...SITE, ...site }, articles: [...articles].sort(compareArticles), hash: 'test' }
}
