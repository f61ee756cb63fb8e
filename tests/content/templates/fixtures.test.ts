import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../../src/content/markdown.ts'
import { DEFAULT_RULES } from '../../../src/content/rules.ts'
import { parsed } from '../helpers.ts'
import { fixture } from './render.ts'

/** Parses a fixture as `content/posts/<name>`; `lineOf` finds the file line of some text in it. */
function load(name: string) {
  const text = fixture(name)
  const p = parsed(parseMarkdown(text, `content/posts/${name}`, `posts/${name}`, DEFAULT_RULES))
  const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length
  const warnings = (p.warnings ?? []).map((w) => [w.line, w.kind, w.message])
  return { p, lineOf, warnings }
}

describe('whole posts in each generator’s conventions', () => {
  it('renders a Jekyll post', () => {
    const { p, lineOf, warnings } = load('jekyll-post.md')
    expect(p.html).toContain('<a href="/.dateline-ref/2019-05-15-hello">the plan</a>')
    expect(p.html).toContain('<a href="/notes/">old notes</a>')
    expect(p.html).toContain('<img src="/assets/img/pipeline.png" alt="Pipeline">')
    expect(p.html).toContain('<pre><code class="language-yaml">on: push\n')
    expect(p.html).toContain('echo &quot;{{ github.sha }}&quot;')
    expect(p.html).toContain('wrap it in <code>{% raw %}</code>: {{ page.title }}.')
    expect(p.html).toContain('<p>Comments are open.</p>')
    expect(p.html).toContain('{% for post in site.posts %}{{ post.title }}{% endfor %}')
    expect(p.html).not.toContain('toc.html')
    expect(warnings).toEqual([
      [6, 'template-tag', 'Liquid tag {% include toc.html %} has no rendering in feeds; removed'],
      [
        lineOf('{% if page.comments %}'),
        'template-tag',
        'Liquid block {% if page.comments %}…{% endif %} has no rendering in feeds; its tags were removed and its content kept',
      ],
    ])
  })

  it('renders an Eleventy post written in Nunjucks', () => {
    const { p, lineOf, warnings } = load('eleventy-post.md')
    expect(p.html).toBe(
      '<p>Read <a href="/docs/images/">the docs</a> first.</p>\n<p>Images are resized at build time.</p>\n',
    )
    expect(warnings).toEqual([
      [
        lineOf('{% image'),
        'template-tag',
        'Liquid tag {% image "./cat.jpg", "A cat" %} has no rendering in feeds; removed',
      ],
      [
        lineOf('{% set note %}'),
        'template-tag',
        'Liquid block {% set note %}…{% endset %} has no rendering in feeds; removed with its content',
      ],
      [
        lineOf('{% callout'),
        'template-tag',
        'Liquid block {% callout "info" %}…{% endcallout %} has no rendering in feeds; its tags were removed and its content kept',
      ],
    ])
  })

  it('renders a Hugo post', () => {
    const { p, lineOf, warnings } = load('hugo-post.md')
    expect(p.html).toContain('>Watch “Hugo in 100 seconds” on YouTube</a>')
    expect(p.html).toContain('<a href="/.dateline-ref/posts%2Fsetup.md#install">the setup</a>')
    expect(p.html).toContain('<figcaption>Our <strong>stack</strong></figcaption>')
    expect(p.html).toContain('<p>Shortcodes with <code>%</code> render their content as Markdown.</p>')
    expect(p.html).toContain(
      '<pre><code class="language-toml">baseURL = &quot;https://example.org/&quot;\n</code></pre>',
    )
    expect(p.html).toContain('<code>{{&lt; youtube ID &gt;}}</code>')
    expect(warnings).toEqual([
      [
        lineOf('{{% notice tip %}}'),
        'template-tag',
        'Hugo shortcode {{% notice tip %}}…{{% /notice %}} has no rendering in feeds; its tags were removed and its content kept',
      ],
    ])
  })

  it('renders a Starlight page', () => {
    const { p, lineOf, warnings } = load('starlight-page.mdx')
    expect(p.html).toContain(
      '<blockquote>\n<p><strong>Before you start</strong></p>\n<p>You need Node 20.</p>\n</blockquote>',
    )
    expect(p.html).toContain(
      '<p><strong>npm</strong></p>\n<pre><code class="language-sh">npm create astro@latest\n</code></pre>',
    )
    expect(p.html).toContain('<ol>\n<li>Install.</li>\n<li>Run <code>npm run dev</code>.</li>\n</ol>')
    expect(p.html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">')
    expect(p.html).toContain('<p><strong>Heads up</strong></p>\n<p>Version  changed the config.</p>')
    expect(p.html).not.toContain('import')
    expect(warnings).toEqual([
      [6, 'mdx-esm', '2 MDX import/export lines removed'],
      [
        lineOf('{props.version}'),
        'template-tag',
        'MDX expression {props.version} has no rendering in feeds; removed',
      ],
      [
        lineOf('<PackageManagers'),
        'mdx-component',
        'MDX component <PackageManagers> has no rendering in feeds; removed',
      ],
    ])
  })

  it('renders a Docusaurus post', () => {
    const { p, lineOf, warnings } = load('docusaurus-post.mdx')
    expect(p.html).toContain('<p><strong>Apple</strong></p>\n<p>This is an apple 🍎</p>')
    expect(p.html).toContain(
      '<blockquote>\n<p><strong>My tip</strong></p>\n<p>Use the <code>:::</code> syntax.</p>\n</blockquote>',
    )
    expect(p.html).toContain(
      '<p><strong>Careful</strong></p>\n<p>Do not delete <code>node_modules</code> mid-build.</p>',
    )
    expect(p.html).toContain('<p>Hello from the window.</p>')
    expect(p.html).not.toContain('truncate')
    expect(warnings).toEqual([
      [lineOf('import Tabs'), 'mdx-esm', '2 MDX import/export lines removed'],
      [
        lineOf('<BrowserWindow'),
        'mdx-component',
        'MDX component <BrowserWindow> has no rendering in feeds; its tags were removed and its children kept',
      ],
    ])
  })
})
