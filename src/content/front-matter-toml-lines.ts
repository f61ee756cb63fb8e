/**
 * The line of each key in a TOML block, for problems that point at a field. smol-toml gives values
 * but not where they were written, so the lines are found by reading the block line by line:
 * table headers (`[taxonomies]`, `[[a.b]]`, TOML 1.0 §Table, §Array of Tables) set the table that
 * the `key = value` lines under them belong to, and dotted keys (§Keys: `a.b = 1`) reach into
 * tables too. Each key is known by its dotted path (`taxonomies.tags`); a table by its header, or
 * by its first key. Lines inside values of several lines (arrays, multi-line strings, §String) hold
 * no keys. The block has already been parsed: this needs to find keys in valid TOML only.
 */

// One part of a key (§Keys): bare, "basic" (with escapes) or 'literal'.
const PART = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')`
const DOTTED = String.raw`${PART}(?:[ \t]*\.[ \t]*${PART})*`
const HEADER = new RegExp(String.raw`^[ \t]*\[\[?[ \t]*(${DOTTED})[ \t]*\]\]?`)
const KEY = new RegExp(String.raw`^[ \t]*(${DOTTED})[ \t]*=(.*)$`)
const PARTS = new RegExp(PART, 'g')

/** Where the reading is between lines: inside a value of several lines, or not. */
type State = {
  /** Brackets and braces opened and not yet closed: an array (or inline table) going on. */
  depth: number
  /** The delimiter of a multi-line string going on. */
  string?: string
}

/**
 * 1-based line in `block` of each key, by dotted path; the first line wins.
 * @example tomlKeyLines('title = "A"\n[taxonomies]\ntags = ["x"]') // Map { title → 1, taxonomies → 2, taxonomies.tags → 3 }
 */
export function tomlKeyLines(block: string): Map<string, number> {
  const lines = new Map<string, number>()
  const note = (path: string[], from: number, line: number) => {
    for (let n = Math.max(from, 1); n <= path.length; n++) {
      const key = path.slice(0, n).join('.')
      if (!lines.has(key)) lines.set(key, line)
    }
  }
  let table: string[] = []
  const state: State = { depth: 0 }
  block.split('\n').forEach((text, i) => {
    if (state.depth <= 0 && !state.string) {
      const header = HEADER.exec(text)
      if (header) {
        table = keyPath(header[1])
        note(table, 1, i + 1)
        return
      }
      const key = KEY.exec(text)
      if (key) {
        note([...table, ...keyPath(key[1])], table.length + 1, i + 1)
        readValue(key[2], state)
        return
      }
    }
    readValue(text, state)
  })
  return lines
}

function keyPath(dotted: string): string[] {
  return Array.from(dotted.matchAll(PARTS), ([part]) => unquote(part))
}

function unquote(part: string): string {
  if (part.startsWith("'")) return part.slice(1, -1)
  if (!part.startsWith('"')) return part
  try {
    // TOML's basic-string escapes are JSON's, plus \U and \e, which keys hardly use.
    return JSON.parse(part) as string
  } catch {
    return part.slice(1, -1)
  }
}

/** Reads (part of) a line of a value, for the brackets and multi-line strings it leaves open. */
function readValue(text: string, state: State): void {
  let i = 0
  while (i < text.length) {
    if (state.string) {
      i = endOf(text, i, state.string)
      if (i === -1) return
      state.string = undefined
      continue
    }
    const c = text[i]
    if (c === '#') return
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      state.string = text.slice(i, i + 3)
      i += 3
    } else if (c === '"' || c === "'") {
      i = endOf(text, i + 1, c)
      if (i === -1) return
    } else {
      if (c === '[' || c === '{') state.depth++
      else if (c === ']' || c === '}') state.depth--
      i++
    }
  }
}

/**
 * The index after the string closed by `quote` from `from` on (a backslash escapes in basic
 * strings, §String), or -1 when it does not close on this line. Up to two quotes may end a
 * multi-line string's content just before its delimiter (`""""`).
 */
function endOf(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (quote[0] === '"' && text[i] === '\\') i++
    else if (text.startsWith(quote, i)) {
      let end = i + quote.length
      if (quote.length === 3) while (text[end] === quote[0] && end < i + 5) end++
      return end
    }
  }
  return -1
}
