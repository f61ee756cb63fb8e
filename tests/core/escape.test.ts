import { describe, expect, it } from 'vitest'
import { escapeHtml, stripXmlInvalid } from '../../src/core/escape.ts'

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    )
  })

  it('escapes an existing entity again rather than trusting it', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;')
  })

  it('leaves other text alone', () => {
    expect(escapeHtml('Plain text – “quoted” 😀')).toBe('Plain text – “quoted” 😀')
  })
})

describe('stripXmlInvalid', () => {
  it('removes C0 controls other than tab, LF and CR', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')
    expect(stripXmlInvalid(`a${controls}b`)).toBe('a\t\n\rb')
  })

  it('removes U+FFFE and U+FFFF', () => {
    expect(stripXmlInvalid('a\uFFFEb\uFFFFc')).toBe('abc')
  })

  it('removes lone high and low surrogates but keeps valid pairs', () => {
    expect(stripXmlInvalid('a\uD800b\uDC00c\uDBFF')).toBe('abc')
    expect(stripXmlInvalid('emoji 😀 \u{10FFFD}')).toBe('emoji 😀 \u{10FFFD}')
  })

  it('keeps the allowed ranges at their edges', () => {
    const allowed = ' ~\u0085\uD7FF\uE000\uFFFD'
    expect(stripXmlInvalid(allowed)).toBe(allowed)
  })
})
