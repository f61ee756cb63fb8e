import { afterEach, describe, expect, it, vi } from 'vitest'
import { EMPTY_FEED_UPDATED } from '../../src/feeds/view.ts'
import { renderAtom } from '../../src/formats/atom.ts'
import {
  article,
  atomEntries,
  corpusOf,
  MEDIA,
  parseXml,
  SITE_URL,
  text,
  unescapeHtml,
  viewOf,
  viewWith,
  type Xml,
} from '../feeds/fixtures.ts'

const only = (xml: string): Xml => {
  const entries = atomEntries(xml)
  expect(entries).toHaveLength(1)
  return entries[0]
}

const linkOf = (links: Xml[], rel: string): string[] =>
  links.filter((l) => (l['@_rel'] ?? 'alternate') === rel).map((l) => l['@_href'])

describe('renderAtom', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('writes the feed id, title, subtitle and the Atom namespace', () => {
    const doc = parseXml(renderAtom(viewWith({})))
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(doc.feed.id).toBe(`${SITE_URL}/atom.xml`)
    expect(text(doc.feed.title)).toBe('Dateline Daily')
    expect(text(doc.feed.subtitle)).toBe('News from the test desk')
  })

  it('declares the site language with xml:lang on the root, inherited by every text', () => {
    const doc = parseXml(renderAtom(viewWith({}, { language: 'pt-BR' })))
    expect(doc.feed['@_xml:lang']).toBe('pt-BR')
  })

  it('links to itself (rel="self") and to the site (rel="alternate")', () => {
    const feed = parseXml(renderAtom(viewWith({}, {}, 'https://example.com/news'))).feed
    expect(linkOf(feed.link, 'self')).toEqual(['https://example.com/news/atom.xml'])
    expect(linkOf(feed.link, 'alternate')).toEqual(['https://example.com/news/'])
    expect(feed.id).toBe('https://example.com/news/atom.xml')
  })

  it('puts the site author on the feed (RFC 4287 §4.1.1)', () => {
    const author = parseXml(renderAtom(viewWith({}))).feed.author
    expect(author).toHaveLength(1)
    expect(author[0].name).toBe('The Desk')
    expect(author[0].email).toBe('desk@example.com')
    expect(author[0].uri).toBe('https://example.com/desk')
  })

  it('sets the feed updated to the newest item `updated`, not the newest `date`', () => {
    const corpus = corpusOf([
      article('old', '2024-01-01T00:00:00.000Z', { updated: '2024-04-04T04:04:04.000Z' }),
      article('new', '2024-03-01T00:00:00.000Z'),
    ])
    expect(parseXml(renderAtom(viewOf(corpus))).feed.updated).toBe('2024-04-04T04:04:04.000Z')
  })

  it('never takes updated from the clock: renders the same at different times', () => {
    const view = viewOf(corpusOf([article('a', '2024-01-01T00:00:00.000Z')]))
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2031-07-07T07:07:07Z'))
    const first = renderAtom(view)
    vi.setSystemTime(new Date('2042-12-12T12:12:12Z'))
    const second = renderAtom(view)
    expect(second).toBe(first)
    expect(parseXml(first).feed.updated).toBe('2024-01-01T00:00:00.000Z')
  })

  it('gives an empty feed the fixed epoch as updated, whatever the clock says', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2031-07-07T07:07:07Z'))
    const feed = parseXml(renderAtom(viewOf(corpusOf([])))).feed
    expect(feed.updated).toBe(EMPTY_FEED_UPDATED)
    expect(feed.entry).toBeUndefined()
  })

  it('gives each entry its id, link, updated and published', () => {
    const entry = only(
      renderAtom(viewWith({ date: '2024-05-01T09:30:00.000Z', updated: '2024-06-02T08:00:00.000Z' })),
    )
    expect(entry.id).toBe(`${SITE_URL}/articles/only`)
    expect(linkOf(entry.link, 'alternate')).toEqual([`${SITE_URL}/articles/only`])
    expect(entry.updated).toBe('2024-06-02T08:00:00.000Z')
    expect(entry.published).toBe('2024-05-01T09:30:00.000Z')
  })

  it('uses an explicit id as the entry id and the permalink as its link', () => {
    const entry = only(renderAtom(viewWith({ id: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a' })))
    expect(entry.id).toBe('urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a')
    expect(linkOf(entry.link, 'alternate')).toEqual([`${SITE_URL}/articles/only`])
  })

  it('writes the title as type="html", escaped, so a reader gets the plain title back', () => {
    const title = 'Tom & Jerry: <b>not bold</b> "quoted" it\'s'
    const entry = only(renderAtom(viewWith({ title })))
    expect(entry.title['@_type']).toBe('html')
    expect(text(entry.title)).toBe('Tom &amp; Jerry: &lt;b&gt;not bold&lt;/b&gt; &quot;quoted&quot; it&#39;s')
    expect(unescapeHtml(text(entry.title))).toBe(title)
  })

  it('writes the summary as escaped HTML and the content as HTML', () => {
    const entry = only(
      renderAtom(viewWith({ summary: 'Less <than> & more', html: '<p>The <em>body</em></p>' })),
    )
    expect(entry.summary['@_type']).toBe('html')
    expect(unescapeHtml(text(entry.summary))).toBe('Less <than> & more')
    expect(entry.content['@_type']).toBe('html')
    expect(text(entry.content)).toBe('<p>The <em>body</em></p>')
  })

  it('writes every author of an entry with name, email and uri', () => {
    const entry = only(
      renderAtom(
        viewWith({
          authors: [
            { name: 'Ann Author', email: 'ann@example.com', url: 'https://ann.example.org/' },
            { name: 'Bo Byline' },
          ],
        }),
      ),
    )
    expect(entry.author).toHaveLength(2)
    expect(entry.author[0]).toMatchObject({
      name: 'Ann Author',
      email: 'ann@example.com',
      uri: 'https://ann.example.org/',
    })
    expect(entry.author[1].name).toBe('Bo Byline')
    expect(entry.author[1].email).toBeUndefined()
  })

  it('writes one category per tag with the tag as term', () => {
    const entry = only(renderAtom(viewWith({ tags: ['politics', 'Local News'] })))
    expect(entry.category.map((c: Xml) => c['@_term'])).toEqual(['politics', 'Local News'])
  })

  it('lists the entries newest first by date', () => {
    const corpus = corpusOf([
      article('b', '2024-02-01T00:00:00.000Z'),
      article('c', '2024-03-01T00:00:00.000Z'),
      article('a', '2024-01-01T00:00:00.000Z'),
    ])
    expect(atomEntries(renderAtom(viewOf(corpus))).map((e) => e.id)).toEqual(
      ['c', 'b', 'a'].map((s) => `${SITE_URL}/articles/${s}`),
    )
  })

  it('writes rights and an absolute logo when the site has them', () => {
    const feed = parseXml(
      renderAtom(viewWith({}, { copyright: '© 2024 Desk & Co', image: '/logo.png' })),
    ).feed
    expect(text(feed.rights)).toBe('© 2024 Desk & Co')
    expect(feed.logo).toBe(`${SITE_URL}/logo.png`)
  })

  describe('enclosures', () => {
    const enclosureLinks = (entry: Xml) =>
      entry.link
        .filter((l: Xml) => l['@_rel'] === 'enclosure')
        .map((l: Xml) => ({ href: l['@_href'], type: l['@_type'], length: l['@_length'] }))

    it('writes the image and the explicit enclosure as two link rel="enclosure", with the real types', () => {
      const entry = only(
        renderAtom(viewWith({ image: MEDIA.image.url, enclosures: [MEDIA.image, MEDIA.video] })),
      )
      expect(enclosureLinks(entry)).toEqual([
        { href: `${SITE_URL}/media/ferry.svg`, type: 'image/svg+xml', length: '1602' },
        { href: `${SITE_URL}/media/clip.mp4`, type: 'video/mp4', length: '987654' },
      ])
      // The permalink is still the one alternate link.
      expect(linkOf(entry.link, 'alternate')).toEqual([`${SITE_URL}/articles/only`])
    })

    it('leaves length out when it is unknown, and escapes & in the URL', () => {
      const xml = renderAtom(viewWith({ enclosures: [MEDIA.audio] }))
      expect(enclosureLinks(only(xml))).toEqual([
        { href: 'https://cdn.example.net/ep1.mp3?a=1&b=2', type: 'audio/mpeg', length: undefined },
      ])
      expect(xml).toContain('href="https://cdn.example.net/ep1.mp3?a=1&amp;b=2"')
    })

    it('puts the links of each entry in that entry, even after content that shows </entry> in CDATA', () => {
      const corpus = corpusOf([
        article('tricky', '2024-01-03T00:00:00.000Z', {
          html: '<pre>\n</entry>\n</pre>',
          enclosures: [MEDIA.pdf],
        }),
        article('plain', '2024-01-02T00:00:00.000Z'),
        article('pic', '2024-01-01T00:00:00.000Z', { enclosures: [MEDIA.remoteImage] }),
      ])
      const entries = atomEntries(renderAtom(viewOf(corpus)))
      expect(entries.map((e: Xml) => enclosureLinks(e).map((l: { href: string }) => l.href))).toEqual([
        ['https://cdn.example.net/report.pdf'],
        [],
        ['https://cdn.example.net/p.png'],
      ])
      expect(text(entries[0].content)).toContain('</entry>')
    })
  })
})
