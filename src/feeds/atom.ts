/**
 * Atom 1.0 (RFC 4287) through the `feed` package: `id`, `updated`, `published`, an author on the
 * feed (§4.1.1) and on every entry, `summary` and `content` as escaped HTML, categories, self
 * and alternate links, and enclosure links (§4.2.7.2).
 */
import { Feed } from 'feed'
import { escapeHtml, stripXmlInvalid } from '../escape.ts'
import { addHistory } from './history-xml.ts'
import { absoluteUrl, absolutizeHtml, itemId, permalink } from './urls.ts'
import type { FeedView } from './view.ts'
import { restoreXml, xmlCdata, xmlText } from './xml-safe.ts'

type Person = { name: string; email?: string; url?: string }

const person = (p: Person) => ({
  name: xmlText(p.name),
  ...(p.email ? { email: xmlText(p.email) } : {}),
  ...(p.url ? { link: p.url } : {}),
})

/** Renders the view as an Atom 1.0 document. */
export function renderAtom(view: FeedView): string {
  const { site, siteUrl } = view
  const self = siteUrl + view.paths.atom
  const feed = new Feed({
    title: xmlText(view.title),
    description: xmlText(view.description),
    id: self,
    link: `${siteUrl}/`,
    updated: new Date(view.updated),
    generator: 'dateline',
    author: person(site.author),
    feedLinks: { atom: self },
    ...(site.copyright ? { copyright: xmlText(site.copyright) } : {}),
    ...(site.image ? { image: xmlText(absoluteUrl(siteUrl, site.image)) } : {}),
    ...(site.hub ? { hub: site.hub } : {}),
  })
  for (const a of view.articles) {
    feed.addItem({
      // type="html" (RFC 4287 §3.1.1.2): the text is escaped HTML, so escape the plain title.
      title: xmlCdata(escapeHtml(a.title)),
      id: itemId(siteUrl, a),
      link: permalink(siteUrl, a),
      date: new Date(a.updated),
      published: new Date(a.date),
      description: xmlCdata(escapeHtml(a.summary)),
      content: xmlCdata(absolutizeHtml(siteUrl, a.html)),
      author: a.authors.map(person),
      category: a.tags.map((t) => ({ term: xmlText(t), name: xmlText(t) })),
    })
  }
  // The feed's language on the root (XML 1.0 §2.12 xml:lang, inherited by every text construct);
  // feed has no option for it.
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">'
  const lang = `${root.slice(0, -1)} xml:lang="${escapeHtml(stripXmlInvalid(site.language))}">`
  const xml = addEnclosureLinks(restoreXml(feed.atom1()), view)
  return addHistory(xml.replace(root, lang), view, 'atom')
}

/**
 * Every enclosure of an entry as `<link rel="enclosure" href type length?>` (RFC 4287
 * §4.2.7.2; `length` is advisory, §4.2.7.6, so it is left out when unknown). feed writes
 * `type` as "image/" + the file extension (`image/jpg`, `image/svg`), so the links are added
 * here instead, before each entry's end tag: the n-th `</entry>` outside CDATA sections ends
 * the n-th article's entry.
 */
function addEnclosureLinks(xml: string, view: FeedView): string {
  let n = 0
  return xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|\n( *)<\/entry>/g, (match, indent?: string) => {
    if (indent === undefined) return match
    const links = (view.articles[n++]?.enclosures ?? []).map((e) => {
      const attrs = [
        `rel="enclosure"`,
        `href="${attr(absoluteUrl(view.siteUrl, e.url))}"`,
        `type="${attr(e.type)}"`,
        ...(e.length !== undefined ? [`length="${e.length}"`] : []),
      ]
      return `\n${indent}    <link ${attrs.join(' ')}/>`
    })
    return `${links.join('')}${match}`
  })
}

const attr = (text: string) => escapeHtml(stripXmlInvalid(text))
