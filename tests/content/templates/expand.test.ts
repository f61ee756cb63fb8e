import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../../src/content/markdown.ts'
import { DEFAULT_RULES } from '../../../src/content/rules.ts'
import { expandTemplates } from '../../../src/content/templates/expand.ts'
import { articleOf, normaliseMarkdown, problem } from '../helpers.ts'
import { FRONT, fileLine, render } from './render.ts'

const options = { file: 'content/a.md', bodyLine: 4, rules: DEFAULT_RULES, mdx: false }

describe('expandTemplates', () => {
  it('returns a body without template syntax as it is', () => {
    const body = '# Title\n\nText with `code`, {braces} and <b>html</b>.\n'
    const out = expandTemplates(body, options)
    expect(out.text).toBe(body)
    expect(out.warnings).toEqual([])
    const markdown = '# Title\n\nText with `code` and <b>html</b>.\n'
    expect(expandTemplates(markdown, { ...options, mdx: true }).text).toBe(markdown)
  })

  it('gives each warning the file and its line in the file', () => {
    const out = expandTemplates('a\nb\n{% include x %}\n', options)
    expect(out.warnings).toEqual([
      {
        file: 'content/a.md',
        line: 6,
        kind: 'template-tag',
        message: 'Liquid tag {% include x %} has no rendering in feeds; removed',
      },
    ])
  })

  it('reads a body with Windows line ends, code included', () => {
    const p = render('Intro\r\n\r\n```\r\n{% include a %}\r\n```\r\n\r\n{% include b %}\r\n')
    expect(p.html).toContain('{% include a %}')
    expect(p.warnings?.map((w) => [w.line, w.message])).toEqual([
      [fileLine(7), 'Liquid tag {% include b %} has no rendering in feeds; removed'],
    ])
  })

  it('reports a body nested too deeply to read as a problem of the file, not a crash', () => {
    const text = `${FRONT}{{ x }}\n${'> '.repeat(20_000)}deep\n`
    expect(problem(parseMarkdown(text, 'content/deep.md', 'deep.md')).message).toMatch(/nested too deeply/)
  })
})

describe('through the sanitiser', () => {
  it('keeps what the renderings make: figures, embeds, asides and details', () => {
    const body = [
      '{{< figure src="/img/a.png" alt="A" caption="Cap" >}}',
      '{{< youtube w7Ft2ymGmfc >}}',
      '{{< details summary="More" >}}\nInside.\n{{< /details >}}',
      ':::tip\nTip.\n:::',
    ].join('\n\n')
    const html = articleOf(normaliseMarkdown(`${FRONT}${body}\n`, 'kept.md')).html
    expect(html).toContain('<figure><img src="/img/a.png" alt="A" /><figcaption>Cap</figcaption></figure>')
    expect(html).toContain(
      '<img src="https://i.ytimg.com/vi/w7Ft2ymGmfc/hqdefault.jpg" alt="Video on YouTube" />',
    )
    expect(html).toContain('<details>\n<summary>More</summary><p>Inside.</p>\n</details>')
    expect(html).toContain('<blockquote>\n<p><strong>Tip</strong></p>')
  })
})
