import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { absoluteUrl, absolutizeHtml, itemId, permalink } from '../../src/feeds/urls.ts'
import { article } from './fixtures.ts'

describe('permalink', () => {
  it('is {siteUrl}/articles/{slug}', () => {
    expect(permalink('https://example.com', article('hello-world', '2024-01-01T00:00:00.000Z'))).toBe(
      'https://example.com/articles/hello-world',
    )
  })

  it('percent-encodes the slug as one path segment', () => {
    const a = article('a b/c?d#e&f%g', '2024-01-01T00:00:00.000Z')
    expect(permalink('https://example.com', a)).toBe('https://example.com/articles/a%20b%2Fc%3Fd%23e%26f%25g')
    expect(permalink('https://example.com', article('naïve', '2024-01-01T00:00:00.000Z'))).toBe(
      'https://example.com/articles/na%C3%AFve',
    )
  })

  it('keeps the path of a site URL', () => {
    expect(permalink('https://example.com/news', article('x', '2024-01-01T00:00:00.000Z'))).toBe(
      'https://example.com/news/articles/x',
    )
  })
})

describe('permalink and itemId of an article at a path of its own', () => {
  const a = article('2019-05-15-hello', '2019-05-15T00:00:00.000Z', { path: '/2019/05/15/hello/' })

  it("is the site and the path, under the site URL's own path too", () => {
    expect(permalink('https://example.com', a)).toBe('https://example.com/2019/05/15/hello/')
    expect(permalink('https://example.com/news', a)).toBe('https://example.com/news/2019/05/15/hello/')
    expect(itemId('https://example.com', a)).toBe('https://example.com/2019/05/15/hello/')
  })

  it('takes the id path when there is one, and the explicit id over both', () => {
    const jekyll = { ...a, idPath: '/2019/05/15/hello' }
    expect(itemId('https://example.com', jekyll)).toBe('https://example.com/2019/05/15/hello')
    expect(permalink('https://example.com', jekyll)).toBe('https://example.com/2019/05/15/hello/')
    expect(itemId('https://example.com', { ...jekyll, id: 'urn:uuid:1' })).toBe('urn:uuid:1')
  })
})

describe('itemId', () => {
  it('is the permalink when the article has no explicit id', () => {
    expect(itemId('https://example.com', article('x', '2024-01-01T00:00:00.000Z'))).toBe(
      'https://example.com/articles/x',
    )
  })

  it('is the explicit id when there is one, whatever the site URL', () => {
    const a = article('x', '2024-01-01T00:00:00.000Z', { id: 'tag:example.com,2024:x' })
    expect(itemId('https://example.com', a)).toBe('tag:example.com,2024:x')
    expect(itemId('https://other.example', a)).toBe('tag:example.com,2024:x')
  })

  it('does not depend on the title', () => {
    const a = article('x', '2024-01-01T00:00:00.000Z')
    expect(itemId('https://example.com', { ...a, title: 'Renamed' })).toBe(itemId('https://example.com', a))
  })
})

describe('absoluteUrl', () => {
  it('puts the site in front of a root-relative path', () => {
    expect(absoluteUrl('https://example.com', '/media/y.svg')).toBe('https://example.com/media/y.svg')
    expect(absoluteUrl('https://example.com/news', '/media/y.svg')).toBe(
      'https://example.com/news/media/y.svg',
    )
  })

  it('leaves absolute and protocol-relative URLs alone', () => {
    for (const url of [
      'https://cdn.example.net/a.png',
      'http://x.example/a',
      '//cdn.example.net/a.png',
      'mailto:a@b.c',
    ]) {
      expect(absoluteUrl('https://example.com', url)).toBe(url)
    }
  })
})

describe('absolutizeHtml', () => {
  const site = 'https://example.com'

  it('makes root-relative href, src and cite absolute', () => {
    const html =
      '<p><a href="/articles/x">x</a> <img src="/media/y.svg" alt="y"></p><blockquote cite="/articles/z">q</blockquote>'
    expect(absolutizeHtml(site, html)).toBe(
      '<p><a href="https://example.com/articles/x">x</a> <img src="https://example.com/media/y.svg" alt="y"></p>' +
        '<blockquote cite="https://example.com/articles/z">q</blockquote>',
    )
  })

  it('keeps the path of a site URL', () => {
    expect(
      absolutizeHtml('https://example.com/news', '<a href="/articles/x">x</a><img src="/media/y.svg">'),
    ).toBe(
      '<a href="https://example.com/news/articles/x">x</a><img src="https://example.com/news/media/y.svg">',
    )
  })

  it('rewrites every link in a tag and in the document, not just the first', () => {
    const html = '<img src="/a.png" title="t"><a title="t" href="/b">b</a><a href="/c">c</a>'
    expect(absolutizeHtml(site, html)).toBe(
      '<img src="https://example.com/a.png" title="t"><a title="t" href="https://example.com/b">b</a>' +
        '<a href="https://example.com/c">c</a>',
    )
  })

  it('leaves absolute, protocol-relative, fragment and mail links untouched', () => {
    const html =
      '<a href="https://other.example/x">a</a><img src="//cdn.example.net/y.png"><a href="#top">t</a>' +
      '<a href="mailto:a@example.com">m</a>'
    expect(absolutizeHtml(site, html)).toBe(html)
  })

  it('rewrites every root-relative attribute of one tag', () => {
    expect(absolutizeHtml(site, '<a href="/x" cite="/y" title="/z">x</a>')).toBe(
      '<a href="https://example.com/x" cite="https://example.com/y" title="/z">x</a>',
    )
  })

  it('does not rewrite text that only looks like a link', () => {
    // sanitize-html escapes < in text, so ` href="/` in text is never inside a tag.
    const html = '<p>Write &lt;a href="/articles/x"&gt; or just href="/y" and src="/z".</p>'
    expect(absolutizeHtml(site, html)).toBe(html)
  })

  it('rewrites exactly what a regular-expression rewrite of tag after tag does, for any text', () => {
    // The rule as it was first written: each `<` + letter up to the next `>` is a tag.
    const reference = (html: string) =>
      html.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/ (href|src|cite)="\/(?!\/)/g, ` $1="${site}/`))
    const pieces = ['<', '>', 'a', '1', ' ', '"', '/', '="/', ' href', ' src', ' cite', 'data-', '<a', '<1']
    const html = fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join(''))
    fc.assert(
      fc.property(html, (h) => absolutizeHtml(site, h) === reference(h)),
      { numRuns: 20_000 },
    )
  })

  it('does not rewrite attributes that merely end in href or src, nor escaped values', () => {
    const html = '<a data-href="/x" title=" href=&quot;/y&quot;" href="/z">z</a>'
    expect(absolutizeHtml(site, html)).toBe(
      '<a data-href="/x" title=" href=&quot;/y&quot;" href="https://example.com/z">z</a>',
    )
  })
})
