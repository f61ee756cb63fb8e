import { describe, expect, it } from 'vitest'
import { cleanHtml, htmlToText } from '../../src/content/html.ts'
import { renderMarkdown } from '../../src/content/markdown-render.ts'

const MORE = '<!--more-->'
const render = (body: string) => renderMarkdown(body, MORE).html
/** Rendered and sanitised as an article at /articles/post. */
const feedHtml = (body: string) => cleanHtml(render(body), '/articles/post')

describe('footnotes', () => {
  const body = 'Ferries[^1] and trams[^tram].\n\n[^1]: Since 1890.\n[^tram]: The *new* line.\n\nThe end.'

  it('renders a superscript link and a footnotes section at the end', () => {
    const html = feedHtml(body)
    expect(html).toContain('Ferries<sup><a id="footnote-ref-1" href="/articles/post#footnote-1">1</a></sup>')
    expect(html).toContain(
      'trams<sup><a id="footnote-ref-tram" href="/articles/post#footnote-tram">2</a></sup>',
    )
    expect(html).toMatch(/<p>The end.<\/p>\n<section>\n<h2 id="footnote-label">Footnotes<\/h2>\n<ol>/)
    expect(html).toContain(
      '<li id="footnote-1">\n<p>Since 1890. <a href="/articles/post#footnote-ref-1">↩</a></p>',
    )
    expect(html).toContain('<li id="footnote-tram">\n<p>The <em>new</em> line.')
    expect(html).not.toMatch(/data-|aria-|class=/)
  })

  it('leaves a reference with no note as text', () => {
    expect(feedHtml('Just [^9] here.')).toBe('<p>Just [^9] here.</p>\n')
  })

  it('leaves footnote syntax in code alone', () => {
    expect(render('`a[^1]`\n\n    [^1]: b')).not.toContain('<sup>')
  })

  it('keeps no footnote markers in text made from the HTML (summaries)', () => {
    expect(htmlToText(feedHtml('Ferries[^1] run.\n\n[^1]: Note.').split('<section>')[0])).toBe('Ferries run.')
  })

  it('renders footnotes again after a body too deep to render', () => {
    expect(() => renderMarkdown(`A[^1]\n\n${'> '.repeat(20_000)}deep\n\n[^1]: n`, MORE)).toThrow()
    expect(render('A[^1]\n\n[^1]: n')).toContain('<sup>')
  })
})

describe('heading ids', () => {
  it('gives headings GitHub-style ids that fragment links reach, kept by the sanitiser', () => {
    const html = feedHtml('## Install it\n\n## Install it\n\n### Café & co.\n\n[see](#install-it)')
    expect(html).toContain('<h2 id="install-it">Install it</h2>\n<h2 id="install-it-1">Install it</h2>')
    expect(html).toContain('<h3 id="café--co">Café &amp; co.</h3>')
    expect(html).toContain('<a href="/articles/post#install-it">see</a>')
  })

  it('starts the numbering again for each body', () => {
    render('# Top')
    expect(render('# Top')).toBe('<h1 id="top">Top</h1>\n')
  })
})

describe('task lists', () => {
  it('shows done and not done as ☑ and ☐, which survive the sanitiser', () => {
    expect(feedHtml('- [ ] write\n- [x] read')).toBe('<ul>\n<li>☐ write</li>\n<li>☑ read</li>\n</ul>\n')
    expect(feedHtml('- [x] loose\n\n- [ ] list')).toContain('<li><p>☑ loose</p>')
  })
})

describe('tables', () => {
  it('keep their column alignment through the sanitiser', () => {
    const html = feedHtml('| Item | Cost |\n| :--- | ---: |\n| Boat | 1.6 |')
    expect(html).toContain('<th align="left">Item</th>')
    expect(html).toContain('<td align="right">1.6</td>')
  })
})
