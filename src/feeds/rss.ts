/**
 * RSS 2.0 through the `feed` package, with `content:encoded` for the full HTML, `dc:creator` for
 * authors without an e-mail address (RSS `author` must hold one), a `guid` that is a permalink
 * only when it is the URL, `atom:link rel="self"` (RSS Advisory Board best practice), and the
 * article's enclosure and image (`<enclosure>`, Media RSS `media:content`).
 */
import { Feed } from 'feed'
import type { Article, Enclosure } from '../corpus.ts'
import { escapeHtml } from '../escape.ts'
import { MEDIA_RSS, mediumOf, rssMedia } from './enclosures.ts'
import { addHistory } from './history-xml.ts'
import { absoluteUrl, absolutizeHtml, permalink } from './urls.ts'
import type { FeedView } from './view.ts'
import { restoreXml, xmlCdata, xmlText } from './xml-safe.ts'

const DC = 'http://purl.org/dc/elements/1.1/'

/** Renders the view as an RSS 2.0 document. */
export function renderRss(view: FeedView): string {
  const { site, siteUrl } = view
  const feed = new Feed({
    title: xmlText(view.title),
    description: xmlText(view.description),
    id: siteUrl + view.paths.rss,
    link: `${siteUrl}/`,
    language: xmlText(site.language),
    updated: new Date(view.updated),
    generator: 'dateline',
    feedLinks: { rss: siteUrl + view.paths.rss },
    ...(site.copyright ? { copyright: xmlText(site.copyright) } : {}),
    ...(site.image ? { image: xmlText(absoluteUrl(siteUrl, site.image)) } : {}),
    ...(site.hub ? { hub: site.hub } : {}),
  })
  for (const a of view.articles) {
    // RSS `author` must be an e-mail address and an item has at most one; the W3C validator warns
    // when an item mixes it with dc:creator, so several authors, or one without an address, all
    // go in dc:creator.
    const byEmail = a.authors.length <= 1 && a.authors.every((p) => p.email)
    feed.addItem({
      title: xmlCdata(a.title),
      link: permalink(siteUrl, a),
      // An explicit id is not the URL: feed writes it as isPermaLink="false". Without one the
      // guid is the link, written as isPermaLink="true".
      ...(a.id ? { guid: xmlText(a.id) } : {}),
      date: new Date(a.updated),
      published: new Date(a.date),
      description: xmlCdata(escapeHtml(a.summary)),
      content: xmlCdata(absolutizeHtml(siteUrl, a.html)),
      category: a.tags.map((t) => ({ name: xmlText(t) })),
      author: byEmail ? a.authors.map((p) => ({ name: xmlText(p.name), email: xmlText(p.email ?? '') })) : [],
      extensions: [
        // xml-js writes an array as repeated elements; feed's type only knows one object.
        ...(byEmail
          ? []
          : [{ name: 'dc:creator', objects: many(a.authors.map((p) => ({ _text: xmlText(p.name) }))) }]),
        ...mediaExtensions(siteUrl, a),
      ],
    })
  }
  // feed declares xmlns:dc only when some item has content:encoded, but an item without content
  // still carries dc:creator: declare it on the root element (the first `<rss `) when missing,
  // and the Media RSS namespace when some item has media:content.
  const namespaces: [string, string][] = [['dc', DC]]
  if (view.articles.some((a) => rssMedia(a).content.length > 0)) namespaces.push(['media', MEDIA_RSS])
  return addHistory(restoreXml(feed.rss2()), view, 'rss').replace(/<rss [^>]*>/, (root) => {
    const missing = namespaces.filter(([prefix]) => !root.includes(` xmlns:${prefix}=`))
    return `${root.slice(0, -1)}${missing.map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`).join('')}>`
  })
}

const many = (objects: Record<string, unknown>[]) => objects as unknown as Record<string, unknown>

/**
 * The item's `<enclosure url length type>` and, for the image when an explicit enclosure took
 * that place, Media RSS `<media:content url type medium fileSize>`. RSS 2.0 requires all three
 * enclosure attributes, with length "in bytes": `0` when unknown (remote files given without a
 * length), which the W3C validator accepts. Media RSS `fileSize` is optional and must be
 * positive, so it is left out when unknown.
 */
function mediaExtensions(siteUrl: string, a: Article): { name: string; objects: Record<string, unknown> }[] {
  const { enclosure, content } = rssMedia(a)
  const url = (e: Enclosure) => xmlText(absoluteUrl(siteUrl, e.url))
  const out = []
  if (enclosure) {
    out.push({
      name: 'enclosure',
      objects: {
        _attributes: {
          url: url(enclosure),
          length: String(enclosure.length ?? 0),
          type: xmlText(enclosure.type),
        },
      },
    })
  }
  if (content.length > 0) {
    out.push({
      name: 'media:content',
      objects: many(
        content.map((e) => {
          const medium = mediumOf(e.type)
          return {
            _attributes: {
              url: url(e),
              type: xmlText(e.type),
              ...(medium ? { medium } : {}),
              ...(e.length ? { fileSize: String(e.length) } : {}),
            },
          }
        }),
      ),
    })
  }
  return out
}
