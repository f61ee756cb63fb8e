/**
 * The visible set of articles at a request's `now`: which articles are published, and how many
 * seconds until the next scheduled one goes live (no response may be cached past that moment).
 * Snapshots are built once per visible set and shared by every request.
 */
import type { Corpus } from '../corpus.ts'
import { published } from '../feeds/select.ts'
import { createSnapshot, type Snapshot } from '../feeds/snapshot.ts'

export type Visible = { snapshot: Snapshot; untilNext: number | null }

// The visible set changes only when a scheduled article goes live: a few sets at most.
const MAX_SNAPSHOTS = 16

export function createVisibility(corpus: Corpus, now: () => number): () => Visible {
  const snapshots = new Map<number, Snapshot>()
  return () => {
    const at = now()
    const { articles, start } = published(corpus, at)
    let snapshot = snapshots.get(start)
    if (!snapshot) {
      if (snapshots.size >= MAX_SNAPSHOTS) snapshots.clear()
      snapshot = createSnapshot(start, articles)
      snapshots.set(start, snapshot)
    }
    const next = start > 0 ? Date.parse(corpus.articles[start - 1].date) : null
    return { snapshot, untilNext: next === null ? null : Math.max(1, Math.ceil((next - at) / 1000)) }
  }
}
