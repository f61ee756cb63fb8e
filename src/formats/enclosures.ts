/**
 * Which of an article's enclosures each format carries, and where. An RSS 2.0 item has at most
 * one `<enclosure>`; Atom entries and JSON Feed items take several.
 */
import type { Article, Enclosure } from '../core/corpus.ts'

/** The Media RSS namespace (https://www.rssboard.org/media-rss). */
export const MEDIA_RSS = 'http://search.yahoo.com/mrss/'

export type RssMedia = {
  /** The item's one `<enclosure>`: the explicit enclosure, else the image. */
  enclosure?: Enclosure
  /** The rest (the image, when an explicit enclosure took the `<enclosure>`), as `media:content`. */
  content: Enclosure[]
}

/**
 * Splits the enclosures for RSS 2.0, whose item "can have at most one enclosure" (RSS 2.0 spec,
 * "<enclosure> sub-element of <item>"; the W3C validator warns about a second one). The explicit
 * `enclosure` / `audio` / `video` wins it, being what the article is about; the image then goes
 * to Media RSS `media:content`.
 */
export function rssMedia(article: Article): RssMedia {
  const all = article.enclosures ?? []
  const enclosure = all.find((e) => e.role === 'enclosure') ?? all[0]
  return { enclosure, content: all.filter((e) => e !== enclosure) }
}

/**
 * Media RSS `medium` (Media RSS 1.5.1, `media:content`): image, audio, video or document, from the
 * MIME type's top-level type; undefined when none fits.
 */
export function mediumOf(type: string): string | undefined {
  const top = type.split('/')[0]
  if (top === 'image' || top === 'audio' || top === 'video') return top
  if (type === 'application/pdf') return 'document'
  return undefined
}

/** The explicit enclosures, which JSON Feed 1.1 lists in `attachments` (the image is `image`). */
export function attachmentsOf(article: Article): Enclosure[] {
  return (article.enclosures ?? []).filter((e) => e.role === 'enclosure')
}
