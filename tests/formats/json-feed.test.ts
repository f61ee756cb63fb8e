import { describe, expect, it } from 'vitest'
import { renderJsonFeed } from '../../src/formats/json-feed.ts'
import { article, corpusOf, MEDIA, SITE_URL, viewOf, viewWith } from '../feeds/fixtures.ts'

// biome-ignore lint/suspicious/noExplicitAny: a parsed document is checked field by field
const parse = (json: string): any => JSON.parse(json)

/** Every key anywhere in a parsed JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf)
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
  }
  return []
}

describe('renderJsonFeed', () => {
  it('writes a JSON Feed 1.1 top level', () => {
    const doc = parse(renderJsonFeed(viewWith({})))
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1')
    expect(doc.title).toBe('Dateline Daily')
    expect(doc.home_page_url).toBe(`${SITE_URL}/`)
    expect(doc.feed_url).toBe(`${SITE_URL}/feed.json`)
    expect(doc.description).toBe('News from the test desk')
    expect(doc.language).toBe('en-GB')
  })

  it('builds home_page_url and feed_url on a site URL with a path', () => {
    const doc = parse(renderJsonFeed(viewWith({}, {}, 'https://example.com/news')))
    expect(doc.home_page_url).toBe('https://example.com/news/')
    expect(doc.feed_url).toBe('https://example.com/news/feed.json')
    expect(doc.items[0].url).toBe('https://example.com/news/articles/only')
  })

  it('writes authors as arrays (1.1) and never the 1.0 `author` key', () => {
    const doc = parse(
      renderJsonFeed(
        viewWith({
          authors: [{ name: 'Ann Author', url: 'https://ann.example.org/' }, { name: 'Bo Byline' }],
        }),
      ),
    )
    expect(doc.authors).toEqual([{ name: 'The Desk', url: 'https://example.com/desk' }])
    expect(doc.items[0].authors).toEqual([
      { name: 'Ann Author', url: 'https://ann.example.org/' },
      { name: 'Bo Byline' },
    ])
    expect(keysOf(doc)).not.toContain('author')
  })

  it('does not publish e-mail addresses (JSON Feed authors have none)', () => {
    const json = renderJsonFeed(viewWith({ authors: [{ name: 'Ann Author', email: 'ann@example.com' }] }))
    expect(parse(json).items[0].authors).toEqual([{ name: 'Ann Author' }])
    expect(json).not.toContain('ann@example.com')
  })

  it('gives each item id, url, title, content_html, summary, dates and tags', () => {
    const item = parse(
      renderJsonFeed(
        viewWith({
          title: 'Rates <rise> & fall',
          summary: 'Plain & <simple>',
          html: '<p>Full <strong>story</strong></p>',
          date: '2024-05-01T09:30:00.000Z',
          updated: '2024-06-02T08:00:00.000Z',
          tags: ['politics', 'x & <y>'],
        }),
      ),
    ).items[0]
    expect(item.id).toBe(`${SITE_URL}/articles/only`)
    expect(item.url).toBe(`${SITE_URL}/articles/only`)
    // JSON carries text as it is: no HTML escaping of title or summary.
    expect(item.title).toBe('Rates <rise> & fall')
    expect(item.summary).toBe('Plain & <simple>')
    expect(item.content_html).toBe('<p>Full <strong>story</strong></p>')
    expect(item.date_published).toBe('2024-05-01T09:30:00.000Z')
    expect(item.date_modified).toBe('2024-06-02T08:00:00.000Z')
    expect(item.tags).toEqual(['politics', 'x & <y>'])
  })

  it('uses an explicit id as item id and keeps the permalink as url', () => {
    const item = parse(renderJsonFeed(viewWith({ id: 'tag:example.com,2024:only' }))).items[0]
    expect(item.id).toBe('tag:example.com,2024:only')
    expect(item.url).toBe(`${SITE_URL}/articles/only`)
  })

  it('percent-encodes the slug in url and id', () => {
    const item = parse(renderJsonFeed(viewOf(corpusOf([article('café & co?', '2024-01-01T00:00:00.000Z')]))))
      .items[0]
    expect(item.url).toBe(`${SITE_URL}/articles/caf%C3%A9%20%26%20co%3F`)
    expect(item.id).toBe(item.url)
  })

  it('makes a root-relative item image absolute and leaves an absolute one alone', () => {
    const corpus = corpusOf([
      article('rel', '2024-02-01T00:00:00.000Z', { image: '/media/photo.jpg' }),
      article('abs', '2024-01-01T00:00:00.000Z', { image: 'https://cdn.example.net/p.jpg' }),
      article('none', '2023-01-01T00:00:00.000Z'),
    ])
    const items = parse(renderJsonFeed(viewOf(corpus, 'https://example.com/news'))).items
    expect(items.map((i: { image?: string }) => i.image)).toEqual([
      'https://example.com/news/media/photo.jpg',
      'https://cdn.example.net/p.jpg',
      undefined,
    ])
    expect(Object.keys(items[2])).not.toContain('image')
  })

  it('omits tags when an article has none', () => {
    expect(Object.keys(parse(renderJsonFeed(viewWith({ tags: [] }))).items[0])).not.toContain('tags')
  })

  it('writes an absolute icon when the site has an image', () => {
    expect(parse(renderJsonFeed(viewWith({}, { image: '/logo.png' }))).icon).toBe(`${SITE_URL}/logo.png`)
    expect(Object.keys(parse(renderJsonFeed(viewWith({}))))).not.toContain('icon')
  })

  it('writes an empty feed with an empty items array', () => {
    const doc = parse(renderJsonFeed(viewOf(corpusOf([]))))
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1')
    expect(doc.items).toEqual([])
  })

  it('ends the document with one newline and writes keys in a fixed order', () => {
    const json = renderJsonFeed(viewWith({ image: '/i.png' }))
    expect(json.endsWith('}\n')).toBe(true)
    const doc = parse(json)
    expect(Object.keys(doc)).toEqual([
      'version',
      'title',
      'home_page_url',
      'feed_url',
      'description',
      'language',
      'authors',
      'items',
    ])
    expect(Object.keys(doc.items[0])).toEqual([
      'id',
      'url',
      'title',
      'content_html',
      'summary',
      'image',
      'date_published',
      'date_modified',
      'authors',
      'tags',
    ])
  })

  describe('attachments', () => {
    const itemOf = (extra: Parameters<typeof viewWith>[0]) => parse(renderJsonFeed(viewWith(extra))).items[0]

    it('keeps the image as image and lists the explicit enclosure in attachments', () => {
      const item = itemOf({ image: MEDIA.image.url, enclosures: [MEDIA.image, MEDIA.video] })
      expect(item.image).toBe(`${SITE_URL}/media/ferry.svg`)
      expect(item.attachments).toEqual([
        { url: `${SITE_URL}/media/clip.mp4`, mime_type: 'video/mp4', size_in_bytes: 987654 },
      ])
    })

    it('leaves size_in_bytes out when the size is unknown', () => {
      expect(itemOf({ enclosures: [MEDIA.audio] }).attachments).toEqual([
        { url: 'https://cdn.example.net/ep1.mp3?a=1&b=2', mime_type: 'audio/mpeg' },
      ])
    })

    it('writes no attachments for an image-only article or one without enclosures', () => {
      expect(itemOf({ image: MEDIA.image.url, enclosures: [MEDIA.image] })).not.toHaveProperty('attachments')
      expect(itemOf({})).not.toHaveProperty('attachments')
    })
  })
})
