/**
 * HTML character references in text fields. Jekyll and Eleventy print a post's `title` into HTML
 * as written, so their authors write `Q&amp;A` or `&nbsp;` to show `Q&A` and a space; a feed's
 * title is plain text, where `&amp;` would show as such (and the W3C validator warns that the
 * title "should not contain HTML"). The references such titles use are decoded; any other stays
 * as written.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  middot: '·',
  times: '×',
}

/**
 * `text` with its character references (`&amp;`, `&#8217;`, `&#x2019;`) decoded.
 * @example decodeReferences('Q&amp;A &#8212; live') // 'Q&A — live'
 */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1))
    // Only what XML 1.0 can carry (§2.2 Char): `&#1;` stays text rather than become nothing.
    const char = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff)
    const other = (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
    return char || other ? String.fromCodePoint(code) : whole
  })
}
