import { afterEach, describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/content/markdown.ts'
import { articleOf, md, normaliseMarkdown, parsed, problem } from './helpers.ts'

const marker = globalThis as { __datelineMarkdownRan?: unknown }
afterEach(() => {
  delete marker.__datelineMarkdownRan
})

/** The sanitised HTML of a Markdown article at /articles/{slug}. */
function htmlOf(body: string, slug = 'my-post'): string {
  return articleOf(normaliseMarkdown(md(['title: T', 'date: 2024-05-01'], body), `${slug}.md`)).html
}

describe('parseMarkdown', () => {
  it('returns the front matter, the file names and the body rendered to HTML', () => {
    const p = parsed(
      parseMarkdown(md(['title: Hello', 'tags: [a]'], '# Head\n\nSome *text*.'), 'content/x.md', 'x.md'),
    )
    expect(p.file).toBe('content/x.md')
    expect(p.source).toBe('x.md')
    expect(p.data).toEqual({ title: 'Hello', tags: ['a'] })
    expect(p.html).toBe('<h1 id="head">Head</h1>\n<p>Some <em>text</em>.</p>\n')
    expect(p.lineOf('tags')).toBe(3)
    // A leading # heading is the title where the front matter gives none (markdown.ts).
    expect(p.derived).toEqual({ title: 'Head' })
  })

  it('renders GitHub-flavoured Markdown: tables, strikethrough and autolinks', () => {
    const p = parsed(
      parseMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~ https://example.com', 'x.md', 'x.md'),
    )
    expect(p.html).toContain('<table>')
    expect(p.html).toContain('<td>1</td>')
    expect(p.html).toContain('<del>gone</del>')
    expect(p.html).toContain('<a href="https://example.com">https://example.com</a>')
  })

  it('works without front matter', () => {
    const p = parsed(parseMarkdown('Just a paragraph.', 'x.md', 'x.md'))
    expect(p.data).toEqual({})
    expect(p.html).toBe('<p>Just a paragraph.</p>\n')
  })

  it('reports invalid front matter as a problem for the file', () => {
    const p = problem(parseMarkdown('---\ntitle: [unclosed\n---\nBody', 'content/x.md', 'x.md'))
    expect(p.file).toBe('content/x.md')
    expect(p.message).toMatch(/not valid YAML/)
    expect(p.line).toBeGreaterThanOrEqual(2)
  })

  it('reports ---js front matter as a problem and never evaluates it', () => {
    const text = "---js\n{ title: (globalThis.__datelineMarkdownRan = true, 'Evil') }\n---\n# Body\n"
    const p = problem(parseMarkdown(text, 'content/evil.md', 'evil.md'))
    expect(marker.__datelineMarkdownRan).toBeUndefined()
    expect(p).toMatchObject({ file: 'content/evil.md', line: 1 })
    expect(p.message).toMatch(/---js/)
  })

  it('does not run a ---js block that would throw', () => {
    const text =
      "---js\n(function () { throw new Error('MARKDOWN-FRONT-MATTER-WAS-EVALUATED') })()\n---\nBody\n"
    expect(() => parseMarkdown(text, 'evil.md', 'evil.md')).not.toThrow()
    expect(problem(parseMarkdown(text, 'evil.md', 'evil.md')).message).not.toContain('WAS-EVALUATED')
  })
})

describe('Markdown article HTML', () => {
  it('allows raw HTML that is safe', () => {
    expect(htmlOf('<details><summary>More</summary>\n\nHidden *text*.\n\n</details>')).toContain(
      '<details><summary>More</summary>',
    )
    expect(htmlOf('Some <ins>new</ins> and <abbr title="HyperText">HTML</abbr>.')).toBe(
      '<p>Some <ins>new</ins> and <abbr title="HyperText">HTML</abbr>.</p>\n',
    )
  })

  it('removes raw <script> and <style> with their content', () => {
    const html = htmlOf(
      'Before.\n\n<script>window.pwned = 1</script>\n\n<style>body{display:none}</style>\n\nAfter.',
    )
    expect(html).not.toMatch(/script|style|pwned|display/)
    expect(html).toContain('<p>Before.</p>')
    expect(html).toContain('<p>After.</p>')
  })

  it('removes on* attributes from raw HTML', () => {
    const html = htmlOf('<p onmouseover="steal()">Hover</p>\n\n<img src="a.png" onerror="steal()">')
    expect(html).not.toMatch(/onmouseover|onerror|steal/)
    expect(html).toContain('Hover')
  })

  it.each([
    ['[x](javascript:alert(1))', 'a Markdown link'],
    ['<a href="javascript:alert(1)">x</a>', 'a raw link'],
    ['<a href="java\tscript:alert(1)">x</a>', 'a link with a tab in the scheme'],
    ['<a href=" javascript:alert(1)">x</a>', 'a link with a leading space'],
    ['<a href="&#x6A;avascript:alert(1)">x</a>', 'an entity-encoded link'],
    ['<img src="javascript:alert(1)">', 'an image'],
  ])('drops a javascript: URL in %s (%s)', (body) => {
    expect(htmlOf(body).toLowerCase()).not.toMatch(/script\s*:|alert/)
  })

  // Against the source file (`my-post.md` at the top of the folder), as its colocated files are
  // found; the loader then turns a link to a source file into its article's URL (link-check.ts).
  it('resolves relative links and images against the source file, where its colocated files are', () => {
    const html = htmlOf('[next](other-post) [up](../media/x.svg) [here](#sec)\n\n![pic](images/p.png)')
    expect(html).toContain('href="/other-post"')
    expect(html).toContain('href="/media/x.svg"')
    expect(html).toContain('href="/my-post#sec"')
    expect(html).toContain('src="/images/p.png"')
  })

  it('resolves raw HTML references the same way', () => {
    const html = htmlOf('<img src="../media/x.svg" alt="x"> <a href="other-post">o</a> <a href="#sec">s</a>')
    expect(html).toContain('src="/media/x.svg"')
    expect(html).toContain('href="/other-post"')
    expect(html).toContain('href="/my-post#sec"')
  })

  it('resolves against the file in its folder, whatever the slug', () => {
    const html = articleOf(
      normaliseMarkdown(
        md(['title: T', 'date: 2024-05-01', 'slug: chosen'], '[s](#top) ![d](d.svg)'),
        'news/file-name.md',
      ),
    ).html
    expect(html).toContain('href="/news/file-name#top"')
    expect(html).toContain('src="/news/d.svg"')
  })

  it('makes protocol-relative URLs https', () => {
    expect(htmlOf('![c](//cdn.example/x.png)')).toContain('src="https://cdn.example/x.png"')
    expect(htmlOf('<img src="//cdn.example/x.png">')).toContain('src="https://cdn.example/x.png"')
  })

  it('leaves absolute links alone', () => {
    expect(htmlOf('[e](https://example.com/a?b=1#c)')).toContain('href="https://example.com/a?b=1#c"')
  })
})
