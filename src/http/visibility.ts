/**
 * The visible set of articles at a request's `now`: which articles are published, and how many
 * seconds until the next scheduled one goes live (no response may be cached past that moment).
 * Snapshots are built once per visible set and shared by every request.
 */
import type { Article, Corpus } from '../core/corpus.ts'
import { published } from '../feeds/select.ts'
import { createSnapshot, type Snapshot } from '../feeds/snapshot.ts'

export type Visible = { snapshot: Snapshot; untilNext: number | null }

// The visible set changes only when a scheduled article goes live: a few sets at most.
const MAX_SNAPSHOTS = 16

export function createVisibility(
  corpus: Corpus,
  now: () => number,
  makeSnapshot: (start: number, articles: Article[]) => Snapshot = createSnapshot,
): () => Visible {
  const snapshots = new Map<number, Snapshot>()
  const dates = corpus.articles.map((a) => Date.parse(a.date))
  // The set found last, and the instants between which it stays the set: from its newest
  // article's date up to the next scheduled article's. Every request inside that window (all of
  // them, until something goes live) skips the search; `now` is injected and may go back.
  let current: { snapshot: Snapshot; from: number; until: number } | undefined
  return () => {
    const at = now()
    if (!current || at < current.from || at >= current.until) {
      const { articles, start } = published(corpus, at)
      let snapshot = snapshots.get(start)
      if (!snapshot) {
        if (snapshots.size >= MAX_SNAPSHOTS) snapshots.clear()
        snapshot = makeSnapshot(start, articles)
        snapshots.set(start, snapshot)
      }
      const from = start < dates.length ? dates[start] : Number.NEGATIVE_INFINITY
      current = { snapshot, from, until: start > 0 ? dates[start - 1] : Number.POSITIVE_INFINITY }
    }
    const { snapshot, until } = current
    return {
      snapshot,
      untilNext: until === Number.POSITIVE_INFINITY ? null : Math.max(1, Math.ceil((until - at) / 1000)),
    }
  }
}
