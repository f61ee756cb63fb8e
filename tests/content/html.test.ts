import { describe, expect, it } from 'vitest'
import type { RemovedHtml } from '../../src/content/dropped-elements.ts'
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

  it('removes forms and unknown attributes, and puts a link where an iframe was', () => {
    const out = cleanHtml(
      '<iframe src="https://x.example"></iframe><form><input></form><p style="x" id="y">a</p>',
      page,
    )
    expect(out).toBe('<p><a href="https://x.example/">Embedded content: x.example</a></p><p>a</p>')
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

describe('cleanHtml ids and fragment links', () => {
  it('keeps plain ids on headings, list items, sup and links only', () => {
    expect(cleanHtml('<h2 id="install">I</h2><li id="fn-1">n</li><sup id="r1">1</sup>', page)).toBe(
      '<h2 id="install">I</h2><li id="fn-1">n</li><sup id="r1">1</sup>',
    )
    expect(
      cleanHtml('<a id="x" href="https://e.example/">a</a><p id="y">p</p><div id="z">d</div>', page),
    ).toBe('<a id="x" href="https://e.example/">a</a><p>p</p><div>d</div>')
  })

  it.each(['a b', 'x"y', '', 'a<b', 'x'.repeat(101)])('drops the id %j', (id) => {
    expect(cleanHtml(`<h2 id='${id}'>T</h2>`, page)).toBe('<h2>T</h2>')
  })

  // Feeds have no base URL: the W3C validator warns of a relative `#install` in content.
  it('points every fragment link at the page, and keeps the ids they reach', () => {
    const out = cleanHtml(
      '<p><a href="#install">i</a> <a href=" #caf%C3%A9">c</a> <a href="#elsewhere">e</a></p><h2 id="install">I</h2><h3 id="café">C</h3>',
      page,
    )
    expect(out).toContain(
      '<a href="/articles/my-post#install">i</a> <a href="/articles/my-post#caf%C3%A9">c</a>',
    )
    expect(out).toContain('<a href="/articles/my-post#elsewhere">e</a>')
    expect(out).toContain('<h2 id="install">I</h2><h3 id="café">C</h3>')
  })

  it('does not take an id on a tag that loses it for a target', () => {
    expect(cleanHtml('<a href="#y">y</a><p id="y">p</p>', page)).toContain('href="/articles/my-post#y"')
  })
})

describe('cleanHtml removed elements', () => {
  const clean = (html: string) => {
    const removed: RemovedHtml[] = []
    return { html: cleanHtml(html, page, { onRemoved: (r) => removed.push(r) }), removed }
  }

  it('reports each element removed with its content, and keeps the text after it', () => {
    const { html, removed } = clean(
      '<p>a<script>x()</script>b<style>p{}</style>c<svg><text>Hi</text></svg>d<canvas>No canvas</canvas>e</p>',
    )
    expect(html).toBe('<p>abcde</p>')
    expect(removed.map((r) => [r.tag, r.content])).toEqual([
      ['script', true],
      ['style', true],
      ['svg', true],
      ['canvas', true],
    ])
  })

  it('reports a tag removed with its text kept, and the elements inside it', () => {
    const { html, removed } = clean(
      '<center><font color="red">c</font></center><form><input name="q"></form>',
    )
    expect(html).toBe('c')
    expect(removed).toEqual([
      { tag: 'center', content: false },
      { tag: 'font', content: false },
      { tag: 'form', content: false },
      { tag: 'input', content: false },
    ])
  })

  it('does not report the elements inside one removed with its content', () => {
    const { removed } = clean(
      '<svg><g><path d="M0"/></g></svg><iframe src="https://m.example/"><p>x</p></iframe>',
    )
    expect(removed).toEqual([
      { tag: 'svg', content: true },
      { tag: 'iframe', src: 'https://m.example/', content: true, replaced: true },
    ])
  })

  it.each([
    ['https://www.youtube.com/embed/dQw4w9WgXcQ?start=10', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ])('replaces a YouTube iframe (%s) by a linked thumbnail and a text link', (src, watch) => {
    const { html, removed } = clean(
      `<iframe width="560" src="${src}" allowfullscreen></iframe>\n<p>After</p>`,
    )
    expect(html).toContain(`<a href="${watch}"><img src="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"`)
    expect(html).toContain(`<a href="${watch}">Watch the video on YouTube</a>`)
    expect(html).toContain('<p>After</p>')
    expect(html).not.toContain('iframe')
    expect(removed).toEqual([{ tag: 'iframe', src, content: true, replaced: true }])
  })

  it('replaces a Vimeo iframe by a text link, without a paragraph inside a paragraph', () => {
    const { html } = clean('<p>See <iframe src="https://player.vimeo.com/video/76979871"></iframe> here</p>')
    expect(html).toBe('<p>See <a href="https://vimeo.com/76979871">Watch the video on Vimeo</a> here</p>')
  })

  it('does not let a self-closed iframe swallow the rest of the article', () => {
    expect(clean('<iframe src="https://m.example/x" />\n<p>Rest</p>').html).toBe(
      '<p><a href="https://m.example/x">Embedded content: m.example</a></p>\n<p>Rest</p>',
    )
  })

  it('replaces <video> and <audio> by a link to the file, resolved like other links', () => {
    const { html, removed } = clean(
      '<video controls poster="p.jpg"><source src="clip.mp4" type="video/mp4">Your browser cannot play it.</video> <audio src="//cdn.example/talk.mp3"></audio>',
    )
    expect(html).toBe(
      '<a href="/articles/clip.mp4">Video: clip.mp4</a> <a href="https://cdn.example/talk.mp3">Audio: talk.mp3</a>',
    )
    expect(removed).toEqual([
      { tag: 'video', src: 'clip.mp4', content: true, replaced: true },
      { tag: 'audio', src: '//cdn.example/talk.mp3', content: true, replaced: true },
    ])
  })

  it('makes no link of a media source that is not http(s) or in the site', () => {
    const { html, removed } = clean('<video src="javascript:alert(1)"></video><audio>no src</audio>x')
    expect(html).toBe('x')
    expect(removed.map((r) => r.replaced)).toEqual([undefined, undefined])
  })

  it('replaces videos without onRemoved too', () => {
    expect(cleanHtml('<video src="a.webm"></video>', page)).toBe(
      '<a href="/articles/a.webm">Video: a.webm</a>',
    )
  })
})
