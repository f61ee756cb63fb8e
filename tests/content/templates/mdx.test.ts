import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../../src/content/markdown.ts'
import { parsed } from '../helpers.ts'
import { fileLine, render, warningsOf } from './render.ts'

const mdx = { source: 'posts/x.mdx' }

describe('MDX', () => {
  it('removes import/export lines with one warning at the first', () => {
    const body =
      "import { Tabs } from '@astrojs/starlight/components'\nimport Chart from '../Chart.astro'\n\nexport const meta = {\n  a: 1,\n}\n\nText.\n"
    const p = render(body, mdx)
    expect(p.html).toBe('<p>Text.</p>\n')
    expect(warningsOf(p)).toEqual([
      { line: fileLine(1), kind: 'mdx-esm', message: '5 MDX import/export lines removed' },
    ])
  })

  it('keeps the children of Tabs and TabItem, each tab led by its label, indentation undone', () => {
    const body = [
      '<Tabs>',
      '  <TabItem label="npm">',
      '    ```sh',
      '    npm i dateline',
      '    ```',
      '  </TabItem>',
      '  <TabItem label="pnpm">',
      '    Run **pnpm**.',
      '  </TabItem>',
      '</Tabs>',
    ].join('\n')
    const p = render(body, mdx)
    expect(p.html).toBe(
      '<p><strong>npm</strong></p>\n<pre><code class="language-sh">npm i dateline\n</code></pre>\n' +
        '<p><strong>pnpm</strong></p>\n<p>Run <strong>pnpm</strong>.</p>\n',
    )
    expect(p.warnings).toBeUndefined()
  })

  it('renders Aside, Admonition and Note like a ::: aside', () => {
    const body =
      '<Aside type="caution" title="Mind this">\n  Text of the *aside*.\n</Aside>\n\n<Admonition type="tip">\nA tip.\n</Admonition>\n\n<Note>A note.</Note>'
    const p = render(body, mdx)
    expect(p.html).toContain(
      '<blockquote>\n<p><strong>Mind this</strong></p>\n<p>Text of the <em>aside</em>.</p>\n</blockquote>',
    )
    expect(p.html).toContain('<blockquote>\n<p><strong>Tip</strong></p>\n<p>A tip.</p>\n</blockquote>')
    expect(p.html).toContain('<blockquote>\n<p><strong>Note</strong></p>\n<p>A note.</p>\n</blockquote>')
  })

  it('renders YouTube components as the YouTube embed', () => {
    const p = render(
      '<YouTube id="dQw4w9WgXcQ" />\n\n<LiteYouTube videoid="dQw4w9WgXcQ" playlabel="Play" />',
      mdx,
    )
    expect(p.html).toContain(
      '<img src="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg" alt="Video on YouTube">',
    )
    expect(p.html).toContain('>Watch “Play” on YouTube</a>')
    expect(p.warnings).toBeUndefined()
  })

  it('drops an unknown component, keeping its children, with a warning naming it and its line', () => {
    const p = render(
      'Intro.\n\n<Callout2 kind="x">\n  Kept **child**.\n</Callout2>\n\nA <Badge text="New" /> badge.',
      mdx,
    )
    expect(p.html).toBe('<p>Intro.</p>\n<p>Kept <strong>child</strong>.</p>\n<p>A  badge.</p>\n')
    expect(warningsOf(p)).toEqual([
      {
        line: fileLine(3),
        kind: 'mdx-component',
        message:
          'MDX component <Callout2> has no rendering in feeds; its tags were removed and its children kept',
      },
      {
        line: fileLine(7),
        kind: 'mdx-component',
        message: 'MDX component <Badge> has no rendering in feeds; removed',
      },
    ])
  })

  it("keeps unknown components and expressions as text when the rule is 'keep'", () => {
    const p = render('A <Badge text="New" /> and {props.count}.', { ...mdx, keep: true })
    expect(p.html).toBe('<p>A &lt;Badge text=&quot;New&quot; /&gt; and {props.count}.</p>\n')
    expect(warningsOf(p).map((w) => w.message)).toEqual([
      'MDX component <Badge> has no rendering in feeds; kept as text',
      'MDX expression {props.count} has no rendering in feeds; kept as text',
    ])
  })

  it('removes comment expressions silently and other expressions with a warning', () => {
    const p = render('Text {/* a note */} more {frontmatter.title}.\n\n{/* truncate */}\n\nEnd.', mdx)
    expect(p.html).toBe('<p>Text  more .</p>\n<p>End.</p>\n')
    expect(warningsOf(p)).toEqual([
      {
        line: fileLine(1),
        kind: 'template-tag',
        message: 'MDX expression {frontmatter.title} has no rendering in feeds; removed',
      },
    ])
  })

  it('leaves lowercase HTML elements to the sanitiser', () => {
    const p = render('<div class="box">\n  <img src="/a.png" alt="A" />\n</div>', mdx)
    expect(p.html).toBe('<div class="box">\n  <img src="/a.png" alt="A" />\n</div>')
    expect(p.warnings).toBeUndefined()
  })

  it('reads MDX syntax only in .mdx files', () => {
    const p = render("import X from 'y'\n\n<Badge /> {x}")
    expect(p.warnings).toBeUndefined()
  })

  it('falls back to Markdown when MDX cannot parse the file, with a warning at the error', () => {
    const body =
      "import X from './x.astro'\n\nSome <!-- comment --> text.\n\n<Aside>\nHi.\n</Aside>\n\n<Foo />"
    const p = render(body, mdx)
    expect(p.html).toContain('<p>Some <!-- comment --> text.</p>')
    expect(p.html).toContain('<blockquote>\n<p><strong>Note</strong></p>\n<p>Hi.</p>\n</blockquote>')
    expect(p.html).not.toContain('import')
    expect(p.html).not.toContain('Foo')
    const warnings = warningsOf(p)
    expect(warnings.map((w) => [w.line, w.kind])).toEqual([
      [fileLine(1), 'mdx-esm'],
      [fileLine(3), 'mdx-parse'],
      [fileLine(9), 'mdx-component'],
    ])
    expect(warnings[1].message).toMatch(
      /^MDX cannot parse this file \(Unexpected character `!`.*read as Markdown/,
    )
  })
})

describe('the excerpt separator', () => {
  it('leaves {/* truncate */} for the excerpt step when it is the separator', () => {
    const text =
      '---\ntitle: T\nexcerpt_separator: "{/* truncate */}"\n---\nIntro.\n\n{/* truncate */}\n\nRest.\n'
    const p = parsed(parseMarkdown(text, 'content/posts/x.mdx', 'posts/x.mdx'))
    expect(p.derived.excerptHtml).toContain('Intro.')
    expect(p.derived.excerptHtml).not.toContain('Rest.')
    expect(p.html).not.toContain('truncate')
    expect(p.warnings).toBeUndefined()
  })
})
