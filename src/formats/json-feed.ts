/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written here because the `feed` package only
 * writes 1.0 (`author` instead of `authors`, no `language`). Keys are written in a fixed order so
 * the same view is the same bytes.
 */
import type { Article, Author } from '../core/corpus.ts'
import { stripXmlInvalid } from '../core/escape.ts'
import { absoluteUrl, absolutizeHtml, itemId, permalink } from '../feeds/urls.ts'
import type { FeedView } from '../feeds/view.ts'
import { attachmentsOf } from './enclosures.ts'

const author = (a: Author) => ({ name: a.name, ...(a.url ? { url: a.url } : {}) })

/**
 * JSON Feed 1.1 `attachments` (§ Attachments): `url` and `mime_type` are required,
 * `size_in_bytes` is written when the length is known. The image is the item's `image`, not an
 * attachment.
 */
function attachments(siteUrl: string, a: Article) {
  const list = attachmentsOf(a).map((e) => ({
    url: absoluteUrl(siteUrl, e.url),
    mime_type: e.type,
    ...(e.length !== undefined ? { size_in_bytes: e.length } : {}),
  }))
  return list.length ? { attachments: list } : {}
}

/** Renders the view as a JSON Feed 1.1 document. */
export function renderJsonFeed(view: FeedView): string {
  const { site, siteUrl } = view
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: view.title,
    home_page_url: `${siteUrl}/`,
    feed_url: siteUrl + view.paths.json,
    description: view.description,
    ...(site.image ? { icon: absoluteUrl(siteUrl, site.image) } : {}),
    language: site.language,
    authors: [author(site.author)],
    ...(site.hub ? { hubs: [{ type: 'WebSub', url: site.hub }] } : {}),
    // JSON Feed 1.1 paging: `next_url` leads to older items (RFC 5005's prev-archive).
    ...(view.history?.prev ? { next_url: siteUrl + view.history.prev.json } : {}),
    items: view.articles.map((a) => ({
      id: itemId(siteUrl, a),
      url: permalink(siteUrl, a),
      title: a.title,
      content_html: absolutizeHtml(siteUrl, a.html),
      summary: a.summary,
      ...(a.image ? { image: absoluteUrl(siteUrl, a.image) } : {}),
      date_published: a.date,
      date_modified: a.updated,
      authors: a.authors.map(author),
      ...(a.tags.length ? { tags: a.tags } : {}),
      ...attachments(siteUrl, a),
    })),
  }
  // RSS and Atom cannot carry the characters XML 1.0 forbids; strip them here too, so that all
  // three formats show the same text.
  // A loaded corpus's HTML has had them stripped already (Corpus.htmlClean).
  const clean = view.htmlClean === true
  const strip = (key: string, value: unknown) =>
    typeof value === 'string' && !(clean && key === 'content_html') ? stripXmlInvalid(value) : value
  return `${JSON.stringify(doc, strip, 2)}\n`
}
