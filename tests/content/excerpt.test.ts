import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/content/markdown.ts'
import { renderMarkdown } from '../../src/content/markdown-render.ts'
import { DEFAULT_RULES } from '../../src/content/rules.ts'
import { articleOf, md, normaliseMarkdown, parsed } from './helpers.ts'

const MORE = '<!--more-->'

describe('excerpt separator', () => {
  it('gives the HTML before the separator on its own line, and the body whole without it', () => {
    const r = renderMarkdown('Intro *here*.\n\n<!--more-->\n\nThe rest.', MORE)
    expect(r.excerptHtml).toBe('<p>Intro <em>here</em>.</p>\n')
    expect(r.html).toBe('<p>Intro <em>here</em>.</p>\n<p>The rest.</p>\n')
  })

  it('cuts inside a paragraph and after a paragraph line', () => {
    expect(renderMarkdown('One <!--more--> two', MORE).excerptHtml).toBe('<p>One ')
    const r = renderMarkdown('One\n<!--more-->\nTwo', MORE)
    expect(r.excerptHtml).toBe('<p>One</p>\n')
    expect(r.html).not.toContain('more')
  })

  it('keeps references and footnotes defined after the separator working in the excerpt', () => {
    const r = renderMarkdown(
      'See [the report][r] and this[^1].\n<!--more-->\nMore.\n\n[r]: https://e.example/r\n[^1]: Note.',
      MORE,
    )
    expect(r.excerptHtml).toContain('<a href="https://e.example/r">the report</a>')
    expect(r.excerptHtml).toContain('<sup>')
    expect(r.excerptHtml).not.toContain('Footnotes')
  })

  it('ignores a separator in code and shows it there as written', () => {
    const r = renderMarkdown('Write `<!--more-->` to cut.\n\n```\n<!--more-->\n```\n\nEnd.', MORE)
    expect(r.excerptHtml).toBeUndefined()
    expect(r.html).toContain('<code>&lt;!--more--&gt;</code>')
    expect(r.html).toContain('<pre><code>&lt;!--more--&gt;\n</code></pre>')
  })

  it('takes the first separator outside code', () => {
    expect(renderMarkdown('`<!--more-->` a\n\n<!--more-->\n\nb', MORE).excerptHtml).toBe(
      '<p><code>&lt;!--more--&gt;</code> a</p>\n',
    )
  })

  it('reads a separator of plain text and leaves no trace of it', () => {
    const r = renderMarkdown('Lead.\n\n---cut---\n\nRest.', '---cut---')
    expect(r.excerptHtml).toBe('<p>Lead.</p>\n')
    expect(r.html).not.toContain('cut')
  })

  it('gives no excerpt without a separator, or before any text, or for a blank separator', () => {
    expect(renderMarkdown('No marker.', MORE).excerptHtml).toBeUndefined()
    expect(renderMarkdown('<!--more-->\nText', MORE).excerptHtml).toBeUndefined()
    expect(renderMarkdown('A\n\nB', '\n\n').excerptHtml).toBeUndefined()
  })

  it('sets derived.excerptHtml with the site rule, or the post own excerpt_separator', () => {
    const rules = { ...DEFAULT_RULES, excerptSeparator: '<!-- cut -->' }
    expect(parsed(parseMarkdown('A\n\n<!-- cut -->\n\nB', 'x.md', 'x.md', rules)).derived).toEqual({
      excerptHtml: '<p>A</p>\n',
    })
    const own = md(['excerpt_separator: "[[cut]]"'], 'A\n\n[[cut]]\n\nB')
    expect(parsed(parseMarkdown(own, 'x.md', 'x.md')).derived.excerptHtml).toBe('<p>A</p>\n')
  })

  it('makes the summary from the excerpt', () => {
    const text = md(['title: T', 'date: 2024-05-01'], 'First part.\n\n<!--more-->\n\nSecond part.')
    const a = articleOf(normaliseMarkdown(text))
    expect(a.summary).toBe('First part.')
    expect(a.html).toBe('<p>First part.</p>\n<p>Second part.</p>\n')
  })
})
