import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Article, Site } from '../../src/core/corpus.ts'
import { stripXmlInvalid } from '../../src/core/escape.ts'
import { absolutizeHtml } from '../../src/feeds/urls.ts'
import { renderAtom } from '../../src/formats/atom.ts'
import { renderJsonFeed } from '../../src/formats/json-feed.ts'
import { renderRss } from '../../src/formats/rss.ts'
import { emptyElement, htmlCdata, xmlAttr, xmlCdata, xmlText } from '../../src/formats/xml.ts'
import { atomEntries, parseXml, rssItems, text, unescapeHtml, viewWith, type Xml } from '../feeds/fixtures.ts'

/** The RSS item and Atom entry that one article becomes, each checked for well-formedness. */
function rendered(extra: Partial<Article>, site: Partial<Site> = {}): { rss: Xml; atom: Xml } {
  const view = viewWith(extra, site)
  return { rss: rssItems(renderRss(view))[0], atom: atomEntries(renderAtom(view))[0] }
}

describe('xmlText', () => {
  it('escapes &, < and > in character data, and keeps a literal &amp; five characters', () => {
    expect(xmlText('a & b < c > d &amp; e "f" \'g\'')).toBe('a &amp; b &lt; c &gt; d &amp;amp; e "f" \'g\'')
  })

  it('strips the characters XML forbids, and keeps tab, newline and astral ones', () => {
    expect(xmlText('a\u0001b\u0008c\uFFFFd\uD800e')).toBe('abcde')
    expect(xmlText('a\tb\nc d 😀 \uE000')).toBe('a\tb\nc d 😀 \uE000')
    expect(xmlText('😀\uDC00😀\uD83D')).toBe('😀😀')
  })

  it('writes a carriage return as a reference, which end-of-line handling leaves alone', () => {
    expect(xmlText('a\r\nb\rc')).toBe('a&#13;\nb&#13;c')
  })
})

describe('xmlAttr', () => {
  it('also escapes the double quote that ends the value', () => {
    expect(xmlAttr('say "hi" & <go> it\'s')).toBe("say &quot;hi&quot; &amp; &lt;go&gt; it's")
    expect(xmlAttr('x\u0002y')).toBe('xy')
  })

  it('writes tab, newline and carriage return as references, which normalization leaves alone', () => {
    expect(xmlAttr('a\tb\nc\r\nd')).toBe('a&#9;b&#10;c&#13;&#10;d')
  })
})

describe('xmlCdata', () => {
  it('splits every ]]> across two CDATA sections, not only the first', () => {
    expect(xmlCdata('a ]]> b ]]> c')).toBe('a ]]]]><![CDATA[> b ]]]]><![CDATA[> c')
    expect(xmlCdata(']]>]]>')).toBe(']]]]><![CDATA[>]]]]><![CDATA[>')
  })

  it('leaves markup and references alone, strips the characters XML forbids', () => {
    expect(xmlCdata('<p>&amp; "x"</p>\u0003')).toBe('<p>&amp; "x"</p>')
    expect(xmlCdata('\u0001\uFFFE')).toBe('')
  })

  it('leaves the section for a reference at each carriage return', () => {
    expect(xmlCdata('a\r\nb]]>\r')).toBe('a]]>&#13;<![CDATA[\nb]]]]><![CDATA[>]]>&#13;<![CDATA[')
  })
})

describe('htmlCdata', () => {
  const SITE = 'https://example.com/news'

  it('makes links absolute and splits ]]> and CR, whether or not the HTML is known clean', () => {
    const html = '<p><a href="/a">x</a> ]]> and\r<img src="/i.png"></p>'
    const want = xmlCdata(absolutizeHtml(SITE, html))
    expect(want).toContain(']]]]><![CDATA[>')
    expect(want).toContain(']]>&#13;<![CDATA[')
    expect(htmlCdata(SITE, html)).toBe(want)
    expect(htmlCdata(SITE, html, true)).toBe(want)
  })

  it('gives the same section for any HTML the loader could store (stripped of what XML forbids)', () => {
    const htmlish = fc.array(
      fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(']]>', '\r', '<a href="/x">', '="/', '\u0001')),
    )
    fc.assert(
      fc.property(htmlish, (parts) => {
        const html = stripXmlInvalid(parts.join(''))
        expect(htmlCdata(SITE, html, true)).toBe(htmlCdata(SITE, html))
      }),
      { numRuns: 300 },
    )
  })
})

describe('emptyElement', () => {
  it('writes the attributes in order, escaped, and leaves out undefined ones', () => {
    expect(emptyElement('enclosure', { url: 'https://x.test/a?b=1&c="2"', length: 0, type: undefined })).toBe(
      '<enclosure url="https://x.test/a?b=1&amp;c=&quot;2&quot;" length="0"/>',
    )
    expect(emptyElement('fh:complete', {})).toBe('<fh:complete/>')
  })
})

describe('CDATA sections with ]]>', () => {
  for (const value of ['a ]]> b ]]> c', ']]>', ']]>]]>', 'x]]]>y]]>>z', ']]> start and end ]]>']) {
    it(`round-trip ${JSON.stringify(value)} in titles, summaries and content`, () => {
      const html = `<p>${value}</p>`
      const { rss, atom } = rendered({ title: value, summary: value, html })
      expect(text(rss.title)).toBe(value)
      expect(unescapeHtml(text(rss.description))).toBe(value)
      expect(text(rss['content:encoded'])).toBe(html)
      expect(unescapeHtml(text(atom.title))).toBe(value)
      expect(unescapeHtml(text(atom.summary))).toBe(value)
      expect(text(atom.content)).toBe(html)
    })
  }
})

describe('a literal &amp;', () => {
  it('stays the five characters &amp; in item titles, summaries and content', () => {
    const { rss, atom } = rendered({
      title: 'Fish &amp; Chips',
      summary: 'Write &amp; for &',
      html: '<p>&amp;amp; is an escaped &amp;amp;</p>',
    })
    expect(text(rss.title)).toBe('Fish &amp; Chips')
    expect(unescapeHtml(text(rss.description))).toBe('Write &amp; for &')
    expect(text(rss['content:encoded'])).toBe('<p>&amp;amp; is an escaped &amp;amp;</p>')
    expect(unescapeHtml(text(atom.title))).toBe('Fish &amp; Chips')
    expect(unescapeHtml(text(atom.summary))).toBe('Write &amp; for &')
    expect(text(atom.content)).toBe('<p>&amp;amp; is an escaped &amp;amp;</p>')
  })

  it('stays &amp; in site title, description, copyright and author name', () => {
    const site = {
      title: 'Q&amp;A Weekly',
      description: 'Answers &amp; more',
      copyright: '© Q&amp;A',
      author: { name: 'Q&amp;A Desk' },
    }
    const view = viewWith({}, site)
    const channel = parseXml(renderRss(view)).rss.channel
    expect(text(channel.title)).toBe('Q&amp;A Weekly')
    expect(text(channel.description)).toBe('Answers &amp; more')
    expect(text(channel.copyright)).toBe('© Q&amp;A')
    const feed = parseXml(renderAtom(view)).feed
    expect(text(feed.title)).toBe('Q&amp;A Weekly')
    expect(text(feed.subtitle)).toBe('Answers &amp; more')
    expect(text(feed.rights)).toBe('© Q&amp;A')
    expect(feed.author[0].name).toBe('Q&amp;A Desk')
  })

  it('stays &amp; in an author name and e-mail, and in an explicit id', () => {
    const authors = [{ name: 'Ann &amp; Bo', email: 'ann&amp;bo@example.com' }]
    const id = 'tag:example.com,2024:a&amp;b'
    const { rss, atom } = rendered({ authors, id })
    expect(rss.author.map(text)).toEqual(['ann&amp;bo@example.com (Ann &amp; Bo)'])
    expect(text(rss.guid)).toBe(id)
    expect(atom.author[0].name).toBe('Ann &amp; Bo')
    expect(atom.author[0].email).toBe('ann&amp;bo@example.com')
    expect(atom.id).toBe(id)
    const dc = rendered({ authors: [{ name: 'Ann &amp; Bo' }] }).rss['dc:creator']
    expect(dc.map(text)).toEqual(['Ann &amp; Bo'])
  })
})

describe('tags with markup characters', () => {
  const tags = ['a<b', 'R&D', 'say "hi"', "it's", 'x > y', '&amp;', 'a&lt;b']

  it('round-trip as RSS category text', () => {
    expect(rendered({ tags }).rss.category.map(text)).toEqual(tags)
  })

  it('round-trip as Atom category term and label attributes', () => {
    const category = rendered({ tags }).atom.category
    expect(category.map((c: Xml) => c['@_term'])).toEqual(tags)
    expect(category.map((c: Xml) => c['@_label'])).toEqual(tags)
  })
})

describe('characters XML forbids', () => {
  const bad = '\u0001\u0002\u0003\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800'
  const dirty = (s: string) => `${s.slice(0, 2)}${bad}${s.slice(2)}`
  const site: Partial<Site> = {
    title: dirty('Site title'),
    description: dirty('Site description'),
    copyright: dirty('Copyright'),
    language: dirty('en-GB'),
    image: dirty('/logo.png'),
    author: { name: dirty('Desk name'), email: dirty('desk@example.com') },
  }
  const article: Partial<Article> = {
    id: 'tag:example.com,2024:clean',
    title: dirty('Item title'),
    summary: dirty('Item summary'),
    html: dirty('<p>Item body</p>'),
    tags: [dirty('Tag one'), dirty('Tag two')],
    authors: [{ name: dirty('Ann Author'), email: dirty('ann@example.com') }],
    image: dirty('/media/p.jpg'),
  }
  const withoutEmail: Partial<Article> = { ...article, authors: [{ name: dirty('Ann Author') }] }

  it('never reach the RSS or Atom output, which stays well-formed', () => {
    for (const extra of [article, withoutEmail]) {
      const view = viewWith(extra, site)
      for (const xml of [renderRss(view), renderAtom(view)]) {
        for (const c of bad) expect(xml).not.toContain(c)
        parseXml(xml)
      }
    }
  })

  it('are removed, not replaced: the text around them comes back intact', () => {
    const view = viewWith(withoutEmail, site)
    const channel = parseXml(renderRss(view)).rss.channel
    expect(text(channel.title)).toBe('Site title')
    expect(text(channel.description)).toBe('Site description')
    expect(channel.language).toBe('en-GB')
    expect(channel.image.url).toBe('https://example.com/logo.png')
    const item = channel.item[0]
    expect(text(item.title)).toBe('Item title')
    expect(unescapeHtml(text(item.description))).toBe('Item summary')
    expect(text(item['content:encoded'])).toBe('<p>Item body</p>')
    expect(item.category.map(text)).toEqual(['Tag one', 'Tag two'])
    expect(item['dc:creator'].map(text)).toEqual(['Ann Author'])
    const feed = parseXml(renderAtom(view)).feed
    expect(feed.author[0].name).toBe('Desk name')
    expect(feed.logo).toBe('https://example.com/logo.png')
    const entry = feed.entry[0]
    expect(unescapeHtml(text(entry.title))).toBe('Item title')
    expect(entry.category.map((c: Xml) => c['@_term'])).toEqual(['Tag one', 'Tag two'])
    expect(entry.author[0].name).toBe('Ann Author')
  })

  it('never reach the JSON Feed either, so all three formats show the same text', () => {
    const json = renderJsonFeed(viewWith(article, site))
    const doc = JSON.parse(json)
    // JSON.stringify would write \u0001 as an escape: look at the parsed strings themselves.
    const strings = (v: unknown): string[] =>
      typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []
    const all = strings(doc).join(' ')
    for (const c of bad) expect(all).not.toContain(c)
    expect(doc.title).toBe('Site title')
    expect(doc.items[0].title).toBe('Item title')
    expect(doc.items[0].summary).toBe('Item summary')
    expect(doc.items[0].tags).toEqual(['Tag one', 'Tag two'])
    expect(doc.items[0].authors).toEqual([{ name: 'Ann Author' }])
  })
})
