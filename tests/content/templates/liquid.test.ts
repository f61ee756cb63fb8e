import { describe, expect, it } from 'vitest'
import { knownUrl } from '../../../src/content/templates/liquid.ts'
import { fileLine, render, warningsOf } from './render.ts'

describe('Liquid and Nunjucks tags', () => {
  it('renders {% highlight %} as a fenced code block, its code untouched', () => {
    const p = render(
      '{% highlight ruby linenos %}\ndef hi\n  "{{ name }}" # {% not a tag %}\nend\n{% endhighlight %}\n',
    )
    expect(p.html).toBe(
      '<pre><code class="language-ruby">def hi\n  &quot;{{ name }}&quot; # {% not a tag %}\nend\n</code></pre>\n',
    )
    expect(p.warnings).toBeUndefined()
  })

  it('makes the fence longer than any run of backticks in the highlighted code', () => {
    const p = render('{% highlight markdown %}\n```js\nx\n```\n{% endhighlight %}')
    expect(p.html).toContain('<code class="language-markdown">```js\nx\n```\n</code>')
  })

  it('prints {% raw %} and {% verbatim %} content as written, with no tag read inside', () => {
    const p = render(
      'Use {% raw %}{{ page.title }} and {% include x %}{% endraw %} here.\n\n{% verbatim %}{{ y }}{% endverbatim %}',
    )
    expect(p.html).toBe('<p>Use {{ page.title }} and {% include x %} here.</p>\n<p>{{ y }}</p>\n')
    expect(p.warnings).toBeUndefined()
  })

  it('turns {% link %} and {% post_url %} into ref markers, inside a link target too', () => {
    const p = render(
      '[Hello]({% post_url 2019-05-15-hello %}) and [PDF]({% link _posts/2019-05-15-hello.md %})',
    )
    expect(p.html).toBe(
      '<p><a href="/.dateline-ref/2019-05-15-hello">Hello</a> and ' +
        '<a href="/.dateline-ref/_posts%2F2019-05-15-hello.md">PDF</a></p>\n',
    )
    expect(p.warnings).toBeUndefined()
  })

  it('makes root-relative URLs of the URL helpers without a warning', () => {
    const body = [
      '[a]({{ site.baseurl }}/about/) [b]({{ site.url }}{{ site.baseurl }}/b)',
      '![c]({{ "/img/c.png" | relative_url }}) [d]({{ \'feed.xml\' | absolute_url }})',
      '[e]({{ \'/e/\' | url }}) [f]({{ "/f" | prepend: site.baseurl }})',
    ].join('\n')
    const p = render(body)
    for (const url of ['/about/', '/b', '/img/c.png', '/feed.xml', '/e/', '/f'])
      expect(p.html).toContain(`"${url}"`)
    expect(p.warnings).toBeUndefined()
  })

  it('removes an unknown tag with a warning naming it and its line', () => {
    const p = render('Intro.\n\n{% include toc.html %}\n\nMore.')
    expect(p.html).toBe('<p>Intro.</p>\n<p>More.</p>\n')
    expect(warningsOf(p)).toEqual([
      {
        line: fileLine(3),
        kind: 'template-tag',
        message: 'Liquid tag {% include toc.html %} has no rendering in feeds; removed',
      },
    ])
    expect(p.warnings?.[0].file).toBe('content/posts/x.md')
  })

  it("keeps unknown tags and outputs as text when the rule is 'keep'", () => {
    const p = render('Hi {{ page.author }}, {% include note.html %}', { keep: true })
    expect(p.html).toBe('<p>Hi {{ page.author }}, {% include note.html %}</p>\n')
    expect(warningsOf(p).map((w) => w.message)).toEqual([
      'Liquid output {{ page.author }} has no rendering in feeds; kept as text',
      'Liquid tag {% include note.html %} has no rendering in feeds; kept as text',
    ])
  })

  it('drops the tags of a block and keeps its content, with one warning', () => {
    const body =
      '{% if site.show %}\nShown.\n{% else %}\nOther.\n{% endif %}\n\n{%- for x in list -%}\nItem {{ x }}\n{%- endfor -%}'
    const p = render(body)
    expect(p.html).toBe('<p>Shown.\nOther.</p>\n<p>Item</p>\n')
    expect(warningsOf(p)).toEqual([
      {
        line: fileLine(1),
        kind: 'template-tag',
        message:
          'Liquid block {% if site.show %}…{% endif %} has no rendering in feeds; its tags were removed and its content kept',
      },
      {
        line: fileLine(7),
        kind: 'template-tag',
        message:
          'Liquid block {%- for x in list -%}…{%- endfor -%} has no rendering in feeds; its tags were removed and its content kept',
      },
      {
        line: fileLine(8),
        kind: 'template-tag',
        message: 'Liquid output {{ x }} has no rendering in feeds; removed',
      },
    ])
  })

  it('removes a {% capture %} with its content, which Jekyll never prints', () => {
    const p = render('A\n\n{% capture note %}\nHidden.\n{% endcapture %}\n\nB')
    expect(p.html).toBe('<p>A</p>\n<p>B</p>\n')
    expect(warningsOf(p)[0].message).toBe(
      'Liquid block {% capture note %}…{% endcapture %} has no rendering in feeds; removed with its content',
    )
  })

  it('removes comments silently: {% comment %}, {% # %} and Nunjucks {# #}', () => {
    const p = render('A {% comment %}draft note{% endcomment %}B {% # inline %}C {# nunjucks #}D')
    expect(p.html).toBe('<p>A B C D</p>\n')
    expect(p.warnings).toBeUndefined()
  })

  it('leaves Liquid in fenced, indented and inline code as written', () => {
    const body =
      'Write `{% include x.html %}` or `{{ page.title }}`.\n\n```liquid\n{% if a %}{{ b }}{% endif %}\n```\n\n    {% raw %}{{ c }}'
    const p = render(body)
    expect(p.html).toContain('<code>{% include x.html %}</code>')
    expect(p.html).toContain('<code>{{ page.title }}</code>')
    expect(p.html).toContain('{% if a %}{{ b }}{% endif %}')
    expect(p.html).toContain('<pre><code>{% raw %}{{ c }}\n</code></pre>')
    expect(p.warnings).toBeUndefined()
  })

  it('reports a delimiter that is never closed and keeps it as text', () => {
    const p = render('Line one.\nSee {{ this and {% raw %} that.')
    expect(p.html).toBe('<p>Line one.\nSee {{ this and {% raw %} that.</p>\n')
    expect(warningsOf(p).map((w) => [w.line, w.message])).toEqual([
      [fileLine(2), '"{{" is never closed; it was kept as text'],
      [fileLine(2), '"{%" is never closed; it was kept as text'],
    ])
  })

  it('reads a tag that spans lines, and counts lines from the front matter', () => {
    const p = render('One\n\nTwo\n\n{% include card.html\n   title="x" %}')
    expect(warningsOf(p)).toMatchObject([{ line: fileLine(5) }])
    expect(p.html).toBe('<p>One</p>\n<p>Two</p>\n')
  })
})

describe('knownUrl', () => {
  it('leaves full URLs alone and gives relative paths a leading slash', () => {
    expect(knownUrl('"https://cdn.example/x.js" | absolute_url')).toBe('https://cdn.example/x.js')
    expect(knownUrl("'assets/x.png' | relative_url")).toBe('/assets/x.png')
    expect(knownUrl('page.url | relative_url')).toBeUndefined()
    expect(knownUrl('"/x" | relative_url | escape')).toBeUndefined()
  })
})
