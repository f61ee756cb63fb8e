/**
 * JSON front matter as Hugo reads it ("Front matter": JSON is "identified by opening and closing
 * curly braces"): the file starts with `{`, the front matter is the JSON object (RFC 8259 §4) that
 * starts there, its closing `}` ends a line, and the body follows. The object is found by matching
 * its braces outside strings, then read by JSON.parse. A Markdown body may start with a brace too
 * ("{curly} text"): only a text whose first key is written as JSON (`{"title":`), or a `{` alone on
 * the first line above a `key:` line, is taken for front matter and its mistakes reported; any other
 * is front matter only when it is a JSON object, and is otherwise all body, as before.
 */
import type { FrontMatter } from './front-matter.ts'
import type { Problem } from './problem.ts'
import { lineAt } from './problem.ts'

// What only front matter starts with: a quoted key and its colon, or a lone `{` above a key.
const MEANT = /^\{\s*"(?:[^"\\\n]|\\.)*"\s*:|^\{[ \t]*\n[ \t]*["']?[\w-]+["']?[ \t]*:/

const HINT =
  'quote every key and text value in double quotes, put a comma between entries (none after the last) and end the object with } at the end of a line'

/** The JSON front matter of a text that starts with `{`; undefined when the text is all body. */
export function readJsonFrontMatter(text: string, file: string): FrontMatter | Problem | undefined {
  const meant = MEANT.test(text)
  const object = scanObject(text)
  const end = object?.end ?? text.length
  const lineEnd = text.indexOf('\n', end)
  const rest = text.slice(end, lineEnd === -1 ? undefined : lineEnd)
  let data: unknown
  try {
    data = JSON.parse(text.slice(0, object ? end : undefined))
  } catch (e) {
    return meant ? jsonProblem(text.slice(0, end), e, file) : undefined
  }
  if (rest.trim()) {
    if (!meant) return undefined
    return {
      file,
      line: lineAt(text, end),
      message: `the } that closes JSON front matter must end its line; move "${rest.trim().slice(0, 40)}" to the next line`,
    }
  }
  if (!object || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined
  const bodyLine = lineAt(text, end) + 1
  return {
    data: data as Record<string, unknown>,
    body: lineEnd === -1 ? '' : text.slice(lineEnd + 1),
    bodyLine,
    lineOf: (key) => {
      const at = object.keys.get(key)
      return at === undefined ? undefined : lineAt(text, at)
    },
  }
}

function jsonProblem(json: string, e: unknown, file: string): Problem {
  const message = e instanceof Error ? e.message : String(e)
  const at = errorOffset(json, message)
  // V8 ends a message with where it stopped, or with the text itself: left out, the line says where.
  const reason = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/^(Unexpected token '.+?'), .*$/s, '$1')
  return {
    file,
    line: lineAt(json, at),
    message: `front matter is not valid JSON: ${reason} (column ${at - json.lastIndexOf('\n', at - 1)}); ${HINT}`,
  }
}

/**
 * Where JSON.parse stopped in `json`. V8 gives the position for most errors, but for an unexpected
 * token only the token: then the shortest start of the text that already fails before its end is
 * searched for by halves (an error there stays in any longer text).
 */
function errorOffset(json: string, message: string): number {
  const position = /at position (\d+)/.exec(message)
  if (position) return Math.min(Number(position[1]), json.length)
  let fits = 0
  let fails = json.length
  while (fails - fits > 1) {
    const mid = (fits + fails) >>> 1
    if (failsBefore(json.slice(0, mid))) fails = mid
    else fits = mid
  }
  return fails - 1
}

function failsBefore(start: string): boolean {
  try {
    JSON.parse(start)
    return false
  } catch (e) {
    const message = e instanceof Error ? e.message : ''
    const position = /at position (\d+)/.exec(message)
    if (position) return Number(position[1]) < start.length
    return !/end of JSON input/.test(message)
  }
}

type Scanned = {
  /** The index after the `}` that closes the object. */
  end: number
  /** The offset of each key by dotted path (`extra.image`), for objects reached through objects only. */
  keys: Map<string, number>
}

/**
 * The extent of the object that starts `text`: braces and brackets matched outside strings
 * (RFC 8259 §7: a string is quoted, `\` escapes, no raw line feed). Undefined when it never
 * closes. Not a JSON parser: JSON.parse then reads what it found.
 */
function scanObject(text: string): Scanned | undefined {
  const keys = new Map<string, number>()
  // One entry for each open object or array: its path, or undefined inside an array.
  const open: { object: boolean; path: string[] | undefined }[] = []
  let key: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      const start = i
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i++
        else if (text[i] === '\n') return undefined
      }
      const top = open.at(-1)
      if (top?.object && top.path && /^\s*:/.test(text.slice(i + 1, i + 40))) {
        key = unquote(text.slice(start, i + 1))
        const dotted = [...top.path, key].join('.')
        if (!keys.has(dotted)) keys.set(dotted, start)
      }
    } else if (c === '{' || c === '[') {
      const top = open.at(-1)
      const path = !top ? [] : top.object && top.path && key !== undefined ? [...top.path, key] : undefined
      open.push({ object: c === '{', path })
      key = undefined
    } else if (c === '}' || c === ']') {
      open.pop()
      if (open.length === 0) return { end: i + 1, keys }
    } else if (c === ',') key = undefined
  }
  return undefined
}

function unquote(json: string): string {
  try {
    return JSON.parse(json) as string
  } catch {
    return json.slice(1, -1)
  }
}
