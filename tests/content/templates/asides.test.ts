import { describe, expect, it } from 'vitest'
import { expandAsides } from '../../../src/content/templates/asides.ts'
import { render } from './render.ts'

describe('asides', () => {
  it('renders :::note as a blockquote led by the type in bold, its Markdown rendered', () => {
    const p = render('Before.\n:::note\nSome **content**.\n:::\nAfter.')
    expect(p.html).toBe(
      '<p>Before.</p>\n<blockquote>\n<p><strong>Note</strong></p>\n<p>Some <strong>content</strong>.</p>\n</blockquote>\n<p>After.</p>\n',
    )
    expect(p.warnings).toBeUndefined()
  })

  it('takes a [custom title] (Starlight, Docusaurus) or a title after the type (VitePress)', () => {
    expect(render(':::tip[Did you know?]\nYes.\n:::').html).toContain('<strong>Did you know?</strong>')
    expect(render('::: warning Mind the gap\nYes.\n:::').html).toContain('<strong>Mind the gap</strong>')
    expect(render(':::caution{title="Careful"}\nYes.\n:::').html).toContain('<strong>Careful</strong>')
  })

  it('renders every type, known or not, the same way', () => {
    for (const type of ['tip', 'caution', 'danger', 'warning', 'info', 'details']) {
      const label = type[0].toUpperCase() + type.slice(1)
      expect(render(`:::${type}\nText.\n:::`).html).toContain(
        `<blockquote>\n<p><strong>${label}</strong></p>`,
      )
    }
  })

  it('nests asides with longer fences outside', () => {
    const text = expandAsides('::::note\nOuter.\n:::danger\nInner.\n:::\nOuter again.\n::::')
    expect(text).toBe('> **Note**\n>\n> Outer.\n> > **Danger**\n> >\n> > Inner.\n>\n> Outer again.\n')
  })

  it('leaves ::: inside fenced code alone', () => {
    const p = render(':::note\n```md\n:::tip\n:::\n```\n:::')
    expect(p.html).toContain('<pre><code class="language-md">:::tip\n:::\n</code></pre>')
    expect(p.html).toContain('<strong>Note</strong>')
  })

  it('closes an aside left open at the end of the body', () => {
    expect(expandAsides(':::note\nText.')).toBe('> **Note**\n>\n> Text.')
  })
})
