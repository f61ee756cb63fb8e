/**
 * The topics a publisher announces: every subscription feed document the app serves (the site's,
 * each tag's and each author's, in every format), each with the `ETag` the app sends for it now.
 * Archive pages are not announced: nobody subscribes to them (RFC 5005 §4).
 */
import type { Corpus } from '../core/corpus.ts'
import { scopePaths, scopesOf } from '../feeds/catalog.ts'
import { published } from '../feeds/select.ts'
import { createApp } from '../http/app.ts'
import type { FeedDocument } from './publish-ping.ts'

/** A feed the app did not serve (it answered `status`, or 200 without an `ETag`). */
export type SkippedFeed = { url: string; reason: string }

/**
 * Asks the real app for each subscription feed as of `now` and reads its `ETag` (the identity
 * encoding's, the same on every runtime). The URL is the one the document calls itself
 * (`rel="self"`, WebSub §4), which is the topic readers subscribe to. A path that does not answer
 * 200 is skipped, not announced.
 */
export async function feedDocuments(
  corpus: Corpus,
  siteUrl: string,
  now: number,
): Promise<{ documents: FeedDocument[]; skipped: SkippedFeed[] }> {
  const app = createApp({ corpus, siteUrl, clock: () => now })
  const paths = scopesOf(published(corpus, now).articles).flatMap((scope) => Object.values(scopePaths(scope)))
  const documents: FeedDocument[] = []
  const skipped: SkippedFeed[] = []
  for (const path of paths) {
    const url = `${siteUrl}${path}`
    const res = await app.request(path, { headers: { 'Accept-Encoding': 'identity' } })
    await res.body?.cancel()
    const etag = res.headers.get('ETag')
    if (res.status !== 200) skipped.push({ url, reason: `the app answered ${res.status}` })
    else if (!etag) skipped.push({ url, reason: 'the app answered without an ETag' })
    else documents.push({ url, etag })
  }
  return { documents, skipped }
}
