import { describe, expect, it } from 'vitest'
import { cleanHtml, htmlToText, resolveUrl } from '../../src/content/html.ts'

const page = '/articles/my-post'

describe('resolveUrl', () => {
  it.each([
    ['../media/x.svg', '/media/x.svg'],
    ['other-post', '/articles/other-post'],
    ['./other-post', '/articles/other-post'],
    ['#sec', '/articles/my-post#sec'],
    ['?page=2', '/articles/my-post?page=2'],
    ['/about', '/about'],
    ['images/a b.png', '/articles/images/a%20b.png'],
    ['//cdn.example/x.png', 'https://cdn.example/x.png'],
    ['https://example.com/a?b#c', 'https://example.com/a?b#c'],
    ['HTTP://Example.COM', 'http://example.com/'],
    ['mailto:ann@example.com', 'mailto:ann@example.com'],
    ['  other-post  ', '/articles/other-post'],
  ])('resolves %j to %j', (url, expected) => {
    expect(resolveUrl(url, page)).toBe(expected)
  })

  it('returns text that is not a URL unchanged', () => {
    expect(resolveUrl('http://[bad', page)).toBe('http://[bad')
  })
})

describe('cleanHtml', () => {
  it('keeps ordinary formatting, links and images', () => {
    const html =
      '<h2>T</h2><p><strong>b</strong> <em>i</em> <a href="https://example.com/" title="t">l</a></p><img src="https://example.com/a.png" alt="A">'
    expect(cleanHtml(html, page)).toBe(html.replace('alt="A">', 'alt="A" />'))
  })

  it('removes <script> and <style> elements with their content', () => {
    const out = cleanHtml('<p>a</p><script>alert("x")</script><style>p{color:red}</style><p>b</p>', page)
    expect(out).toBe('<p>a</p><p>b</p>')
  })

  it('removes event handler attributes', () => {
    const out = cleanHtml(
      '<p onclick="evil()">a</p><img src="https://x.example/a.png" onerror="evil()">',
      page,
    )
    expect(out).not.toMatch(/onclick|onerror|evil/)
    expect(out).toContain('<p>a</p>')
    expect(out).toContain('src="https://x.example/a.png"')
  })

  it('removes iframes, forms and unknown attributes', () => {
    const out = cleanHtml(
      '<iframe src="https://x.example"></iframe><form><input></form><p style="x" id="y">a</p>',
      page,
    )
    expect(out).toBe('<p>a</p>')
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
  ])('drops the dangerous link %j', (href) => {
    const out = cleanHtml(`<a href="${href}">x</a>`, page)
    expect(out).toBe('<a>x</a>')
  })

  it('drops javascript: and data: image sources', () => {
    expect(cleanHtml('<img src="javascript:alert(1)">', page)).toBe('<img />')
    expect(cleanHtml('<img src="data:image/png;base64,AAAA">', page)).toBe('<img />')
  })

  it('resolves relative href and src against the article URL to root-relative paths', () => {
    const out = cleanHtml(
      '<a href="other-post">a</a><a href="#sec">b</a><img src="../media/x.svg"><blockquote cite="src/q">q</blockquote>',
      page,
    )
    expect(out).toBe(
      '<a href="/articles/other-post">a</a><a href="/articles/my-post#sec">b</a><img src="/media/x.svg" /><blockquote cite="/articles/src/q">q</blockquote>',
    )
  })

  it('makes protocol-relative URLs https', () => {
    expect(cleanHtml('<img src="//cdn.example/x.png">', page)).toBe('<img src="https://cdn.example/x.png" />')
    expect(cleanHtml('<a href="//cdn.example/p">x</a>', page)).toBe('<a href="https://cdn.example/p">x</a>')
  })

  it('keeps mailto and tel links and language classes on code only', () => {
    expect(cleanHtml('<a href="mailto:a@example.com">m</a>', page)).toBe(
      '<a href="mailto:a@example.com">m</a>',
    )
    expect(cleanHtml('<a href="tel:+331234">t</a>', page)).toBe('<a href="tel:+331234">t</a>')
    expect(cleanHtml('<code class="language-ts evil">x</code>', page)).toBe(
      '<code class="language-ts">x</code>',
    )
    expect(cleanHtml('<p class="language-ts">x</p>', page)).toBe('<p>x</p>')
  })
})

describe('htmlToText', () => {
  it('drops tags, decodes entities and squashes spaces', () => {
    expect(
      htmlToText('<p>Tom &amp; <b>Jerry</b>&nbsp;&lt;3 &#233;t&#xE9; &quot;x&quot; &apos;y&apos;</p>\n'),
    ).toBe('Tom & Jerry <3 été "x" \'y\'')
  })

  it('adds no space where an inline tag ends before punctuation', () => {
    expect(htmlToText('Read <a href="/r">the report</a>. It is <strong>new</strong>, <em>really</em>!')).toBe(
      'Read the report. It is new, really!',
    )
  })

  it('keeps words apart where block tags and line breaks separate them', () => {
    expect(htmlToText('<h1>Title</h1><p>One<br>two</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Title One two a b',
    )
  })

  it('leaves unknown entities and drops impossible code points', () => {
    expect(htmlToText('a &bogus; b &#0; c &#x110000; d')).toBe('a &bogus; b c d')
  })
})
