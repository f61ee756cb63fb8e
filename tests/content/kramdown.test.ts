import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/content/markdown-render.ts'

const render = (body: string) => renderMarkdown(body, '<!--more-->').html

describe('kramdown attribute lists', () => {
  it.each([
    ['Para\n{: .lead}', '<p>Para</p>\n'],
    ['{: #intro}\nPara', '<p>Para</p>\n'],
    ['Para {: .lead}', '<p>Para</p>\n'],
    [
      '[site](https://example.com){:target="_blank"} now',
      '<p><a href="https://example.com">site</a> now</p>\n',
    ],
    ['Para\n\n{: .note #n data-x="a }b"}\n\nNext', '<p>Para</p>\n<p>Next</p>\n'],
    ['*a*{: .x} b', '<p><em>a</em> b</p>\n'],
    ['> Quote\n> {: .pull}', '<blockquote>\n<p>Quote</p>\n</blockquote>\n'],
    [
      '| a |\n| - |\n| b {: .x} |',
      '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody><tr>\n<td>b</td>\n</tr>\n</tbody></table>\n',
    ],
  ])('removes %j', (body, html) => {
    expect(render(body)).toBe(html)
  })

  it('removes one at the end of a heading before its id is made', () => {
    expect(render('## Contents {: .no_toc}\n{: .text-delta}')).toBe('<h2 id="contents">Contents</h2>\n')
  })

  it('removes the table of contents list whole', () => {
    expect(render('Intro\n\n* TOC\n{:toc}\n\n## One')).toBe('<p>Intro</p>\n<h2 id="one">One</h2>\n')
    expect(render('1. this list is replaced\n{: toc}\n\nText')).toBe('<p>Text</p>\n')
  })

  it('keeps an ordinary list', () => {
    expect(render('* a\n* b {: .x}')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n')
  })

  it('leaves them in code, and leaves kramdown extensions', () => {
    expect(render('`{: .x}`\n\n```\n{:toc}\n```')).toBe(
      '<p><code>{: .x}</code></p>\n<pre><code>{:toc}\n</code></pre>\n',
    )
    expect(render('{::comment}')).toBe('<p>{::comment}</p>\n')
  })

  it('keeps text with braces that is no attribute list', () => {
    expect(render('A map {a: 1} and {:b}')).toBe('<p>A map {a: 1} and</p>\n')
    expect(render('A set {x}')).toBe('<p>A set {x}</p>\n')
  })

  it('removes them from footnotes', () => {
    expect(render('A[^1]\n\n[^1]: Note {: .small}')).toMatch(/<p>Note <a href="#footnote-ref-1"/)
  })
})
