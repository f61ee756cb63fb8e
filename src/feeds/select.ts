/**
 * Which articles a document shows. Pure: `now` is injected, so an article dated in the future
 * appears at its time without a rebuild, and tests need not wait for it.
 */
import type { Article, Corpus } from '../core/corpus.ts'

/**
 * The articles published at `now`, newest first. The corpus is sorted newest first by date, so
 * the published ones are a suffix of it and the suffix's start identifies the visible set.
 */
export function published(corpus: Corpus, now: number): { articles: Article[]; start: number } {
  const list = corpus.articles
  let start = 0
  while (start < list.length && Date.parse(list[start].date) > now) start++
  return { articles: start === 0 ? list : list.slice(start), start }
}

/** The newest `updated` among `articles`, or null when there are none. */
export function newestUpdate(articles: readonly Article[]): string | null {
  let newest: string | null = null
  for (const a of articles) if (newest === null || a.updated > newest) newest = a.updated
  return newest
}
