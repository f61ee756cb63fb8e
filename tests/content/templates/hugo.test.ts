import { describe, expect, it } from 'vitest'
import { fileLine, render, warningsOf } from './render.ts'

const THUMB = '<img src="https://i.ytimg.com/vi/w7Ft2ymGmfc/hqdefault.jpg" alt="Video on YouTube">'

describe('Hugo shortcodes', () => {
  it('renders youtube, by position or by name, as a linked thumbnail and a text link', () => {
    const p = render('{{< youtube w7Ft2ymGmfc >}}\n\n{{< youtube id="w7Ft2ymGmfc" title="Launch day" >}}')
    expect(p.html).toContain(`<a href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">${THUMB}</a>`)
    expect(p.html).toContain('>Watch the video on YouTube</a>')
    expect(p.html).toContain('>Watch “Launch day” on YouTube</a>')
    expect(p.warnings).toBeUndefined()
  })

  it('renders vimeo as a text link', () => {
    const p = render('Before.\n{{< vimeo 146022717 >}}\nAfter.')
    expect(p.html).toBe(
      '<p>Before.</p>\n<p><a href="https://vimeo.com/146022717">Watch the video on Vimeo</a></p><p>After.</p>\n',
    )
  })

  it('reports a video id that is not one, and removes the shortcode', () => {
    const p = render('Intro\n\n{{< youtube not-an-id >}}\n{{< vimeo abc >}}')
    expect(p.html).toBe('<p>Intro</p>\n')
    expect(warningsOf(p)).toEqual([
      {
        line: fileLine(3),
        kind: 'template-tag',
        message: 'Hugo shortcode {{< youtube not-an-id >}}: "not-an-id" is not a YouTube video id; removed',
      },
      {
        line: fileLine(4),
        kind: 'template-tag',
        message: 'Hugo shortcode {{< vimeo abc >}}: "abc" is not a Vimeo video id; removed',
      },
    ])
  })

  it('renders figure as an image with its title and caption below it', () => {
    const p = render(
      '{{< figure src="/img/tree.jpg" alt="A tree" title="Oak" caption="Planted in *1920*" link="/trees/" >}}',
    )
    expect(p.html).toBe(
      '<figure><a href="/trees/"><img src="/img/tree.jpg" alt="A tree"></a>' +
        '<figcaption><strong>Oak</strong><br>Planted in <em>1920</em></figcaption></figure>',
    )
  })

  it('turns ref and relref into ref markers, keeping the fragment', () => {
    const p = render(
      '[A]({{< ref "posts/a.md" >}}) [B]({{< relref "b.md#usage" >}}) [C]({{< relref "#here" >}})',
    )
    expect(p.html).toBe(
      '<p><a href="/.dateline-ref/posts%2Fa.md">A</a> <a href="/.dateline-ref/b.md#usage">B</a> <a href="#here">C</a></p>\n',
    )
  })

  it('renders highlight as a fenced code block, shortcodes inside untouched', () => {
    const p = render(
      '{{< highlight go "linenos=table,hl_lines=2" >}}\nfmt.Println("{{< x >}}")\n{{< /highlight >}}',
    )
    expect(p.html).toBe(
      '<pre><code class="language-go">fmt.Println(&quot;{{&lt; x &gt;}}&quot;)\n</code></pre>\n',
    )
    expect(p.warnings).toBeUndefined()
  })

  it('links gist, tweet, x and instagram to the post', () => {
    const body = [
      '{{< gist spf13 7896402 >}}',
      '{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}',
      '{{< x user="SanDiegoZoo" id="1453110110599868418" >}}',
      '{{< instagram CxOWiQNP2MO >}}',
    ].join('\n')
    const p = render(body)
    expect(p.html).toContain('<a href="https://gist.github.com/spf13/7896402">View the gist on GitHub</a>')
    expect(p.html).toContain(
      '<a href="https://x.com/SanDiegoZoo/status/1453110110599868418">View the post on X</a>',
    )
    expect(p.html).toContain(
      '<a href="https://www.instagram.com/p/CxOWiQNP2MO/">View the post on Instagram</a>',
    )
    expect(p.warnings).toBeUndefined()
  })

  it('renders details as <details> with its Markdown content', () => {
    const p = render('{{< details summary="See more" >}}\nHidden *text*.\n{{< /details >}}')
    expect(p.html).toBe('<details>\n<summary>See more</summary><p>Hidden <em>text</em>.</p>\n</details>')
  })

  it('prints escaped shortcodes without the comment markers, in code too', () => {
    const p = render(
      'Write {{</* youtube w7Ft2ymGmfc */>}}.\n\n```\n{{%/* notice */%}}\n{{< youtube x >}}\n```',
    )
    expect(p.html).toBe(
      '<p>Write {{&lt; youtube w7Ft2ymGmfc &gt;}}.</p>\n<pre><code>{{% notice %}}\n{{&lt; youtube x &gt;}}\n</code></pre>\n',
    )
    expect(p.warnings).toBeUndefined()
  })

  it('drops the tags of an unknown paired shortcode, keeping its content, with one warning', () => {
    const p = render('{{% notice warning %}}\nBe **careful**.\n{{% /notice %}}')
    expect(p.html).toBe('<p>Be <strong>careful</strong>.</p>\n')
    expect(warningsOf(p)).toEqual([
      {
        line: fileLine(1),
        kind: 'template-tag',
        message:
          'Hugo shortcode {{% notice warning %}}…{{% /notice %}} has no rendering in feeds; its tags were removed and its content kept',
      },
    ])
  })

  it("keeps an unknown shortcode as text when the rule is 'keep'", () => {
    const p = render('Version {{< param "version" >}}.', { keep: true })
    expect(p.html).toBe('<p>Version {{&lt; param &quot;version&quot; &gt;}}.</p>\n')
    expect(warningsOf(p)).toEqual([
      {
        line: fileLine(1),
        kind: 'template-tag',
        message: 'Hugo shortcode {{< param "version" >}} has no rendering in feeds; kept as text',
      },
    ])
  })

  it('leaves other {{ }} alone in a Hugo body, as Hugo prints it', () => {
    const p = render('{{< param x >}} and {{ .Title }}')
    expect(p.html).toBe('<p>and {{ .Title }}</p>\n')
    expect(warningsOf(p)).toHaveLength(1)
  })
})
