import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { browserProlog, feedNote } from '../../src/formats/browser-prolog.ts'
import { renderFeed } from '../../src/formats/render.ts'
import { article, corpusOf, SITE_URL, viewOf } from '../feeds/fixtures.ts'

const NOTE = feedNote(SITE_URL)
const PI = `<?xml-stylesheet type="text/css" href="${SITE_URL}/feed.css"?>`

describe('feedNote', () => {
  it('tells a person what the document is, how to subscribe and where the site is', () => {
    expect(feedNote('https://news.example.com')).toBe(
      '<!-- This is a web feed, for feed readers. To subscribe, copy the address of this page into your feed reader. To read the articles in your browser, go to https://news.example.com/ -->',
    )
  })

  it('leaves out an address with "--", which a comment cannot hold (a punycode host)', () => {
    const note = feedNote('https://xn--bcher-kva.example')
    expect(note).not.toContain('xn--')
    expect(note.slice(4, -3)).not.toContain('--')
    expect(XMLValidator.validate(`${note}<a/>`)).toBe(true)
  })
})

describe('browserProlog', () => {
  it('is the note and the stylesheet, each on its own line', () => {
    const note = feedNote('https://a.example')
    const pi = '<?xml-stylesheet type="text/css" href="https://a.example/feed.css"?>'
    expect(browserProlog('https://a.example')).toBe(`${note}\n${pi}`)
  })

  it('escapes the href as a pseudo-attribute value', () => {
    expect(browserProlog('https://a.example/a&b')).toContain('href="https://a.example/a&amp;b/feed.css"')
  })
})

describe('renderFeed for people with a browser', () => {
  const view = viewOf(corpusOf([article('one', '2024-05-01T09:30:00.000Z')]))

  it('gives RSS and Atom the note on line 2 and the stylesheet on line 3', () => {
    for (const format of ['rss', 'atom'] as const) {
      const lines = renderFeed(format, view).split('\n')
      expect(lines[0], format).toBe('<?xml version="1.0" encoding="utf-8"?>')
      expect(lines.slice(1, 3), format).toEqual([NOTE, PI])
    }
  })

  it('leaves the documents well-formed and the same to parsers', () => {
    const parser = new XMLParser({ ignoreAttributes: false, ignorePiTags: true, commentPropName: false })
    for (const format of ['rss', 'atom'] as const) {
      const doc = renderFeed(format, view)
      expect(XMLValidator.validate(doc), format).toBe(true)
      expect(parser.parse(doc), format).toEqual(parser.parse(doc.replace(`${NOTE}\n${PI}\n`, '')))
    }
  })

  it('leaves JSON Feed alone', () => {
    const json = renderFeed('json', view)
    expect(json).not.toMatch(/xml-stylesheet|web feed/)
    expect(JSON.parse(json).version).toBe('https://jsonfeed.org/version/1.1')
  })
})
