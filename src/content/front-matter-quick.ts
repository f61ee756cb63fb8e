/**
 * A fast path for the front matter most files have: `key: value` lines whose values are quoted or
 * plain one-line strings, or flow lists of double-quoted strings. It gives exactly what gray-matter
 * with the failsafe YAML engine gives for them (`front-matter.ts`): the same split of the text, and
 * every value as the text written. Anything else (nesting, escapes, comments, block lists,
 * anchors, tags, duplicate keys, unusual characters, plain nulls) returns undefined and takes the
 * full parser, which also reports the errors. Why: parsing YAML was about a fifth of the time spent on each
 * Markdown file, and nearly all of it on front matter this simple.
 */

export type QuickFrontMatter = { data: Record<string, string | string[]>; matter: string; content: string }

// A key line: a plain key, a colon, spaces, a value that neither starts nor ends with white space.
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*): +(\S(?:.*\S)?)$/
// What YAML prints as is: no control characters (tabs included), no BOM, no line separators
// (U+0085, U+2028, U+2029), no astral characters. Anything else goes to the full parser.
const UNUSUAL = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/
const DOUBLE = /^"([^"\\]*)"$/
const SINGLE = /^'([^']*)'$/
// A plain scalar that cannot be anything but a string: starts with a letter or digit, and has no
// `: `, ` #` or indicator characters that would end or change it.
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9 .:+_/,'-]*$/
// A plain null (YAML 1.2.2 §10.3.2), which the full parser makes null: `~` and an empty value are
// not PLAIN above, so only the words are left.
const NULL = /^(?:null|Null|NULL)$/
const LIST = /^\[(?:"[^"\\]*"(?:, *"[^"\\]*")*)?\]$/
const ITEM = /"([^"\\]*)"/g

/**
 * Splits `text` as gray-matter does and reads its front matter, when all of it is in the simple
 * subset; undefined otherwise.
 * @example quickFrontMatter('---\ntitle: "Hi"\n---\nBody') // { data: { title: 'Hi' }, matter: '\ntitle: "Hi"', content: 'Body' }
 */
export function quickFrontMatter(text: string): QuickFrontMatter | undefined {
  if (!text.startsWith('---\n')) return undefined
  // gray-matter: the block ends at the first line starting with ---, whatever follows on it.
  const rest = text.slice(3)
  const close = rest.indexOf('\n---')
  if (close === -1) return undefined
  const matter = rest.slice(0, close)
  const data = readLines(matter)
  if (!data) return undefined
  let content = rest.slice(close + 4)
  if (content[0] === '\r') content = content.slice(1)
  if (content[0] === '\n') content = content.slice(1)
  return { data, matter, content }
}

function readLines(matter: string): QuickFrontMatter['data'] | undefined {
  if (UNUSUAL.test(matter)) return undefined
  const lines = matter.split('\n')
  // The opening line is `---` alone: the block starts with its line feed.
  if (lines[0] !== '' || lines.length < 2) return undefined
  const data: QuickFrontMatter['data'] = {}
  for (let i = 1; i < lines.length; i++) {
    const m = LINE.exec(lines[i])
    if (!m || Object.hasOwn(data, m[1]) || m[1] === '__proto__') return undefined
    const value = readValue(m[2])
    if (value === undefined) return undefined
    data[m[1]] = value
  }
  return data
}

function readValue(raw: string): string | string[] | undefined {
  const quoted = DOUBLE.exec(raw) ?? SINGLE.exec(raw)
  if (quoted) return quoted[1]
  if (PLAIN.test(raw)) return raw.includes(': ') || raw.endsWith(':') || NULL.test(raw) ? undefined : raw
  if (LIST.test(raw)) return Array.from(raw.matchAll(ITEM), (m) => m[1])
  return undefined
}
