/** Small text helpers shared by both article formats. */

/** Collapses runs of white space to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Cuts `text` at a word boundary so that it is at most `max` characters (code points) long,
 * ellipsis included; text that fits is returned unchanged.
 * @example truncateAtWord('one two three', 9) // 'one two…'
 */
export function truncateAtWord(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const head = chars.slice(0, max - 1).join('')
  // Cut at the last space when the following character starts a new word; a single word longer
  // than half the limit is cut mid-word rather than leaving almost nothing.
  const space = chars[max - 1] === ' ' ? head.length : head.lastIndexOf(' ')
  const kept = space > head.length / 2 ? head.slice(0, space) : head
  return `${kept.replace(/[\s,;:–—-]+$/u, '')}…`
}

// A period after these words (or after a single capital, as in "U.S." or "J. Smith") does not
// end a sentence.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st jr sr vs etc no inc ltd co gen col lt sgt gov sen rep rev fig approx'.split(' '),
)

/**
 * The first sentence of a paragraph of plain text: up to the first `.`, `!` or `?` that is
 * followed by white space (or the end) and does not close an abbreviation. A final `.` is
 * dropped, as titles carry none; `!` and `?` are kept.
 */
export function firstSentence(paragraph: string): string {
  const text = squash(paragraph)
  const end = /([.!?])["'”’)\]]*(?=\s|$)/g
  for (let m = end.exec(text); m; m = end.exec(text)) {
    if (m[1] === '.') {
      const word = /(\S+)$/.exec(text.slice(0, m.index))?.[1] ?? ''
      const bare = word.replace(/^["'“‘([]+/, '')
      if (/^\p{Lu}$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare)) continue
      if (ABBREVIATIONS.has(bare.toLowerCase())) continue
      return text.slice(0, m.index) + text.slice(m.index + 1, m.index + m[0].length)
    }
    return text.slice(0, m.index + m[0].length)
  }
  return text
}
