import { describe, expect, it } from 'vitest'
import { renderRss } from '../../src/formats/rss.ts'
import {
  article,
  corpusOf,
  MEDIA,
  parseXml,
  rssItems,
  SITE_URL,
  text,
  unescapeHtml,
  viewOf,
  viewWith,
  type Xml,
} from '../feeds/fixtures.ts'

const only = (xml: string): Xml => {
  const items = rssItems(xml)
  expect(items).toHaveLength(1)
  return items[0]
}

describe('renderRss', () => {
  it('describes the channel: title, link, description, language and lastBuildDate', () => {
    const corpus = corpusOf([
      article('old', '2024-01-01T00:00:00.000Z', { updated: '2024-03-05T10:00:00.000Z' }),
      article('new', '2024-02-01T00:00:00.000Z'),
    ])
    const doc = parseXml(renderRss(viewOf(corpus)))
    expect(doc.rss['@_version']).toBe('2.0')
    const channel = doc.rss.channel
    expect(channel.title).toBe('Dateline Daily')
    expect(channel.link).toEqual([`${SITE_URL}/`])
    expect(channel.description).toBe('News from the test desk')
    expect(channel.language).toBe('en-GB')
    // The newest `updated` of the items shown, in RFC 822 form.
    expect(channel.lastBuildDate).toBe('Tue, 05 Mar 2024 10:00:00 GMT')
  })

  it('links to itself with atom:link rel="self" in the Atom namespace', () => {
    const doc = parseXml(renderRss(viewWith({})))
    expect(doc.rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom')
    const self = doc.rss.channel['atom:link'].filter((l: Xml) => l['@_rel'] === 'self')
    expect(self).toHaveLength(1)
    expect(self[0]['@_href']).toBe(`${SITE_URL}/rss.xml`)
    expect(self[0]['@_type']).toBe('application/rss+xml')
  })

  it('builds self and item links on a site URL with a path', () => {
    const doc = parseXml(renderRss(viewWith({}, {}, 'https://example.com/news')))
    expect(doc.rss.channel.link).toEqual(['https://example.com/news/'])
    expect(doc.rss.channel['atom:link'][0]['@_href']).toBe('https://example.com/news/rss.xml')
    expect(doc.rss.channel.item[0].link).toEqual(['https://example.com/news/articles/only'])
  })

  it('gives each item its title, permalink, pubDate of `date`, escaped summary and full HTML', () => {
    const item = only(
      renderRss(
        viewWith({
          title: 'Rates rise',
          date: '2024-05-01T09:30:00.000Z',
          updated: '2024-06-02T08:00:00.000Z',
          summary: 'Rates <rise> & "fall"',
          html: '<p>Full <strong>story</strong></p>',
        }),
      ),
    )
    expect(text(item.title)).toBe('Rates rise')
    expect(item.link).toEqual([`${SITE_URL}/articles/only`])
    // RFC 822 (as RFC 1123 writes it), from `date`, not `updated`.
    expect(item.pubDate).toBe('Wed, 01 May 2024 09:30:00 GMT')
    // description is HTML: the plain summary comes back once a reader unescapes it.
    expect(item.description).toBe('Rates &lt;rise&gt; &amp; &quot;fall&quot;')
    expect(unescapeHtml(item.description)).toBe('Rates <rise> & "fall"')
    expect(item['content:encoded']).toBe('<p>Full <strong>story</strong></p>')
  })

  it('declares the content namespace for content:encoded', () => {
    const doc = parseXml(renderRss(viewWith({})))
    expect(doc.rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/')
  })

  it('percent-encodes the slug in the link and the guid', () => {
    const item = only(renderRss(viewOf(corpusOf([article('café & co?', '2024-01-01T00:00:00.000Z')]))))
    const url = `${SITE_URL}/articles/caf%C3%A9%20%26%20co%3F`
    expect(item.link).toEqual([url])
    expect(text(item.guid)).toBe(url)
  })

  it('writes the permalink as guid isPermaLink="true" when the article has no explicit id', () => {
    const item = only(renderRss(viewWith({ id: null })))
    expect(item.guid['@_isPermaLink']).toBe('true')
    expect(text(item.guid)).toBe(item.link[0])
  })

  it('writes an explicit id as guid isPermaLink="false", and keeps the permalink as link', () => {
    const id = 'tag:example.com,2024:only?a=1&b=2'
    const item = only(renderRss(viewWith({ id })))
    expect(item.guid['@_isPermaLink']).toBe('false')
    expect(text(item.guid)).toBe(id)
    expect(item.link).toEqual([`${SITE_URL}/articles/only`])
  })

  it('writes one category per tag, in order', () => {
    const item = only(renderRss(viewWith({ tags: ['politics', 'Local News', 'x & <y>'] })))
    expect(item.category.map(text)).toEqual(['politics', 'Local News', 'x & <y>'])
  })

  it('writes no category when the article has no tags', () => {
    expect(only(renderRss(viewWith({ tags: [] }))).category).toBeUndefined()
  })

  it('names authors without an e-mail address in dc:creator, and has no author element then', () => {
    const xml = renderRss(viewWith({ authors: [{ name: 'Ann Author' }, { name: 'Bo Byline' }] }))
    const item = only(xml)
    expect(item['dc:creator'].map(text)).toEqual(['Ann Author', 'Bo Byline'])
    expect(item.author).toBeUndefined()
    expect(parseXml(xml).rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/')
  })

  it('writes author as "email (name)" when the one author has an e-mail address', () => {
    const item = only(renderRss(viewWith({ authors: [{ name: 'Ann Author', email: 'ann@example.com' }] })))
    expect(item.author.map(text)).toEqual(['ann@example.com (Ann Author)'])
    expect(item['dc:creator']).toBeUndefined()
  })

  it('names an author whose name has a comma or parentheses in dc:creator, whole', () => {
    const authors = [{ name: 'Blake Romano, Senior Engineer (Imagine)', email: 'blake@example.com' }]
    const item = only(renderRss(viewWith({ authors })))
    expect(item.author).toBeUndefined()
    expect(item['dc:creator'].map(text)).toEqual(['Blake Romano, Senior Engineer (Imagine)'])
  })

  it('never mixes author and dc:creator: one author without e-mail puts all in dc:creator', () => {
    const item = only(
      renderRss(
        viewWith({ authors: [{ name: 'Ann Author', email: 'ann@example.com' }, { name: 'Bo Byline' }] }),
      ),
    )
    expect(item.author).toBeUndefined()
    expect(item['dc:creator'].map(text)).toEqual(['Ann Author', 'Bo Byline'])
  })

  it('never writes two author elements in one item (RSS 2.0 allows one)', () => {
    const authors = [
      { name: 'Ann Author', email: 'ann@example.com' },
      { name: 'Bo Byline', email: 'bo@example.com' },
    ]
    const item = only(renderRss(viewWith({ authors })))
    expect(item.author?.length ?? 0).toBeLessThanOrEqual(1)
    expect(item.author !== undefined && item['dc:creator'] !== undefined).toBe(false)
    const names = item.author ? item.author.map(text) : item['dc:creator'].map(text)
    expect(names.join(' ')).toContain('Ann Author')
    expect(names.join(' ')).toContain('Bo Byline')
  })

  it('declares the dc namespace even when no item has content:encoded', () => {
    // feed adds xmlns:dc only alongside content:encoded; an empty body must not leave dc unbound.
    const xml = renderRss(viewWith({ html: '', authors: [{ name: 'Ann Author' }] }))
    const doc = parseXml(xml)
    expect(doc.rss.channel.item[0]['content:encoded']).toBeUndefined()
    expect(doc.rss.channel.item[0]['dc:creator'].map(text)).toEqual(['Ann Author'])
    expect(doc.rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/')
  })

  it('writes copyright and an absolute channel image when the site has them', () => {
    const channel = parseXml(renderRss(viewWith({}, { copyright: '© 2024 Desk & Co', image: '/logo.png' })))
      .rss.channel
    expect(channel.copyright).toBe('© 2024 Desk & Co')
    expect(channel.image.url).toBe(`${SITE_URL}/logo.png`)
    expect(channel.image.link).toEqual([`${SITE_URL}/`])
  })

  it('lists the items newest first by date', () => {
    const corpus = corpusOf([
      article('b', '2024-02-01T00:00:00.000Z'),
      article('c', '2024-03-01T00:00:00.000Z'),
      article('a', '2024-01-01T00:00:00.000Z'),
    ])
    expect(rssItems(renderRss(viewOf(corpus))).map((i) => i.link[0])).toEqual(
      ['c', 'b', 'a'].map((s) => `${SITE_URL}/articles/${s}`),
    )
  })

  describe('enclosures', () => {
    it('writes the image of an image-only article as the enclosure: absolute URL, type and length', () => {
      const item = only(renderRss(viewWith({ image: MEDIA.image.url, enclosures: [MEDIA.image] })))
      expect(item.enclosure).toEqual([
        { '@_url': `${SITE_URL}/media/ferry.svg`, '@_length': '1602', '@_type': 'image/svg+xml' },
      ])
      expect(item).not.toHaveProperty('media:content')
    })

    it('writes length="0" for a remote file without a length (RSS 2.0 requires the attribute)', () => {
      const item = only(renderRss(viewWith({ enclosures: [MEDIA.audio] })))
      expect(item.enclosure).toEqual([
        { '@_url': 'https://cdn.example.net/ep1.mp3?a=1&b=2', '@_length': '0', '@_type': 'audio/mpeg' },
      ])
      expect(only(renderRss(viewWith({ enclosures: [MEDIA.pdf] }))).enclosure[0]['@_length']).toBe('52000')
    })

    it('escapes & in the URL', () => {
      expect(renderRss(viewWith({ enclosures: [MEDIA.audio] }))).toContain(
        'url="https://cdn.example.net/ep1.mp3?a=1&amp;b=2"',
      )
    })

    it('gives the one enclosure to the explicit file and the image to Media RSS media:content', () => {
      const xml = renderRss(viewWith({ image: MEDIA.image.url, enclosures: [MEDIA.image, MEDIA.video] }))
      const item = only(xml)
      expect(item.enclosure).toEqual([
        { '@_url': `${SITE_URL}/media/clip.mp4`, '@_length': '987654', '@_type': 'video/mp4' },
      ])
      expect(item['media:content']).toEqual([
        {
          '@_url': `${SITE_URL}/media/ferry.svg`,
          '@_type': 'image/svg+xml',
          '@_medium': 'image',
          '@_fileSize': '1602',
        },
      ])
      expect(parseXml(xml).rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/')
    })

    it('leaves fileSize out of media:content when the size is unknown (it must be positive)', () => {
      const item = only(renderRss(viewWith({ enclosures: [MEDIA.remoteImage, MEDIA.audio] })))
      expect(item['media:content']).toEqual([
        { '@_url': 'https://cdn.example.net/p.png', '@_type': 'image/png', '@_medium': 'image' },
      ])
    })

    it('declares the Media RSS namespace only when an item uses it, and writes nothing without enclosures', () => {
      const corpus = corpusOf([
        article('plain', '2024-01-02T00:00:00.000Z'),
        article('pic', '2024-01-01T00:00:00.000Z', { enclosures: [MEDIA.image] }),
      ])
      const xml = renderRss(viewOf(corpus))
      expect(parseXml(xml).rss).not.toHaveProperty('@_xmlns:media')
      const [plain, pic] = rssItems(xml)
      expect(plain).not.toHaveProperty('enclosure')
      expect(pic.enclosure).toHaveLength(1)
    })
  })
})
