/**
 * Reads an RSS, Atom or JSON feed back into one neutral record, the way a feed reader would, for
 * the round-trip properties. XML goes through the strict reader (xml-reader.ts), JSON through
 * `JSON.parse`; nothing here uses the code that wrote the document.
 */
import {
  childNamed,
  childrenNamed,
  qualified,
  readXml,
  textOf,
  unescapeHtmlText,
  type XmlElement,
} from './xml-reader.ts'

export type MediaRecord = { url: string; type: string; length?: number }

export type ItemRecord = {
  title: string
  url: string
  id: string
  /** Milliseconds since the epoch. */
  published: number
  /** Absent where the format has no such date (RSS 2.0). */
  updated?: number
  summary: string
  html: string
  tags: string[]
  authors: string[]
  media: MediaRecord[]
  /** JSON Feed's `image`; RSS and Atom carry the image among the media. */
  image?: string
}

/** Feed-level fields; those a format has no place for are absent (RSS names no author without e-mail). */
export type FeedRecord = {
  title: string
  description: string
  updated?: number
  copyright?: string
  author?: string
  items: ItemRecord[]
}

const ATOM = 'http://www.w3.org/2005/Atom'
const CONTENT = 'http://purl.org/rss/1.0/modules/content/'
const DC = 'http://purl.org/dc/elements/1.1/'
const MEDIA = 'http://search.yahoo.com/mrss/'

/** Fails with `message` unless `ok`; plain, since these checks run thousands of times per test. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message)
}

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** An RSS 2.0 date (RFC 822 with a four-digit year) as an instant. */
export function rfc822(text: string): number {
  check(RFC_822.test(text), `not an RFC 822 date: ${JSON.stringify(text)}`)
  return Date.parse(text)
}

/** An Atom or JSON Feed date (RFC 3339) as an instant. */
export function rfc3339(text: string): number {
  check(RFC_3339.test(text), `not an RFC 3339 date: ${JSON.stringify(text)}`)
  return Date.parse(text)
}

/** The text of an optional element: a missing one reads as empty, as a reader shows it. */
function optionalText(parent: XmlElement, name: string): string {
  const found = childrenNamed(parent, name)
  check(found.length <= 1, `${found.length} <${name}> in <${parent.name}>`)
  return found.length ? textOf(found[0]) : ''
}

/** RFC 4287 §3.1 text construct: `type="html"` is escaped HTML, `text` (the default) plain. */
function atomText(element: XmlElement | undefined): string {
  if (!element) return ''
  const type = element.attrs.type ?? 'text'
  check(type === 'text' || type === 'html', `text construct of type ${type}`)
  return type === 'html' ? unescapeHtmlText(textOf(element)) : textOf(element)
}

const length = (value: string | undefined) => (value === undefined ? {} : { length: Number(value) })

export function readRss(xml: string): FeedRecord {
  const root = readXml(xml)
  check(root.name === 'rss' && root.attrs.version === '2.0', `root <${root.name}> is not RSS 2.0`)
  const channel = childNamed(root, 'channel')
  const [encoded, creator, content] = [
    qualified(root, CONTENT, 'encoded'),
    qualified(root, DC, 'creator'),
    qualified(root, MEDIA, 'content'),
  ]
  return {
    title: optionalText(channel, 'title'),
    description: optionalText(channel, 'description'),
    updated: rfc822(textOf(childNamed(channel, 'lastBuildDate'))),
    copyright: optionalText(channel, 'copyright'),
    items: childrenNamed(channel, 'item').map((item) => {
      const guid = childNamed(item, 'guid')
      // A guid is a permalink unless it says otherwise (RSS 2.0, <guid>).
      const url = textOf(childNamed(item, 'link'))
      check(
        guid.attrs.isPermaLink === 'false' || textOf(guid) === url,
        `permalink guid ${textOf(guid)} is not ${url}`,
      )
      // RSS `author` is `email (name)`; dc:creator is the name.
      const byEmail = childrenNamed(item, 'author').map((a) => /^\S+ \((.*)\)$/s.exec(textOf(a))?.[1] ?? '')
      const media = [...childrenNamed(item, 'enclosure'), ...childrenNamed(item, content)]
      return {
        title: optionalText(item, 'title'),
        url,
        id: textOf(guid),
        published: rfc822(textOf(childNamed(item, 'pubDate'))),
        summary: unescapeHtmlText(optionalText(item, 'description')),
        html: optionalText(item, encoded),
        tags: childrenNamed(item, 'category').map(textOf),
        authors: [...byEmail, ...childrenNamed(item, creator).map(textOf)],
        media: media.map((m) => ({
          url: m.attrs.url,
          type: m.attrs.type,
          ...length(m.attrs.length ?? m.attrs.fileSize),
        })),
      }
    }),
  }
}

const links = (parent: XmlElement, rel: string) =>
  childrenNamed(parent, 'link').filter((l) => (l.attrs.rel ?? 'alternate') === rel)

export function readAtom(xml: string): FeedRecord {
  const root = readXml(xml)
  check(root.name === 'feed' && root.attrs.xmlns === ATOM, `root <${root.name}> is not an Atom feed`)
  const one = (parent: XmlElement, name: string) => childNamed(parent, name)
  const maybe = (parent: XmlElement, name: string) => {
    const found = childrenNamed(parent, name)
    check(found.length <= 1, `${found.length} <${name}> in <${parent.name}>`)
    return found[0]
  }
  return {
    title: atomText(one(root, 'title')),
    description: atomText(maybe(root, 'subtitle')),
    updated: rfc3339(textOf(one(root, 'updated'))),
    copyright: atomText(maybe(root, 'rights')),
    author: textOf(one(one(root, 'author'), 'name')),
    items: childrenNamed(root, 'entry').map((entry) => {
      const alternate = links(entry, 'alternate')
      check(alternate.length === 1, `${alternate.length} alternate links in an entry`)
      const content = maybe(entry, 'content')
      check(!content || content.attrs.type === 'html', `content of type ${content?.attrs.type}`)
      return {
        title: atomText(one(entry, 'title')),
        url: alternate[0].attrs.href,
        id: textOf(one(entry, 'id')),
        published: rfc3339(textOf(one(entry, 'published'))),
        updated: rfc3339(textOf(one(entry, 'updated'))),
        summary: atomText(maybe(entry, 'summary')),
        html: content ? textOf(content) : '',
        tags: childrenNamed(entry, 'category').map((c) => c.attrs.term),
        authors: childrenNamed(entry, 'author').map((a) => textOf(one(a, 'name'))),
        media: links(entry, 'enclosure').map((l) => ({
          url: l.attrs.href,
          type: l.attrs.type,
          ...length(l.attrs.length),
        })),
      }
    }),
  }
}

type JsonItem = {
  id: string
  url: string
  title?: string
  content_html?: string
  summary?: string
  image?: string
  date_published: string
  date_modified: string
  authors?: { name: string }[]
  tags?: string[]
  attachments?: { url: string; mime_type: string; size_in_bytes?: number }[]
}

export function readJson(json: string): FeedRecord {
  const doc = JSON.parse(json)
  check(doc.version === 'https://jsonfeed.org/version/1.1', `JSON Feed version ${doc.version}`)
  const items: JsonItem[] = doc.items
  return {
    title: doc.title,
    description: doc.description ?? '',
    author: doc.authors?.[0]?.name,
    items: items.map((i) => ({
      title: i.title ?? '',
      url: i.url,
      id: i.id,
      published: rfc3339(i.date_published),
      updated: rfc3339(i.date_modified),
      summary: i.summary ?? '',
      html: i.content_html ?? '',
      tags: i.tags ?? [],
      authors: (i.authors ?? []).map((a) => a.name),
      media: (i.attachments ?? []).map((m) => ({
        url: m.url,
        type: m.mime_type,
        ...(m.size_in_bytes === undefined ? {} : { length: m.size_in_bytes }),
      })),
      ...(i.image === undefined ? {} : { image: i.image }),
    })),
  }
}
