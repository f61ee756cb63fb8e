/**
 * TOML front matter between `+++` lines, as Hugo and Zola write it (Hugo: "Front matter", TOML
 * "identified by opening and closing +++"; Zola: "Page front matter"), read as TOML 1.0
 * (https://toml.io/en/v1.0.0) by smol-toml. TOML has dates of its own (§Offset Date-Time, §Local
 * Date-Time, §Local Date, §Local Time); dateline reads dates from text, so that one without an
 * offset takes the site's time zone, so each becomes its canonical text: `2019-05-15T10:00:00+02:00`,
 * `2019-05-15T10:00:00`, `2019-05-15`, `10:00:00`. Everything else is as TOML gives it.
 */
import { parse, TomlDate, TomlError } from 'smol-toml'
import type { FrontMatter } from './front-matter.ts'
import { tomlKeyLines } from './front-matter-toml-lines.ts'
import type { Problem } from './problem.ts'

// The closing line: `+++` and nothing but spaces after it (Zola allows them, Hugo writes none).
const CLOSE = /^\+\+\+[ \t]*$/m
// Front matter is a few levels deep; smol-toml's default (1000) is deeper than a worker thread's stack needs.
const MAX_DEPTH = 100

const HINT =
  'write one key = value a line, quote text ("like this"), and write dates as 2024-05-01 or 2024-05-01T09:30:00+02:00'

/**
 * The TOML front matter of a text that starts with `+++`; undefined when `++++` starts it, which is
 * no delimiter (as `----` is none for YAML), so the text is all body.
 */
export function readTomlFrontMatter(text: string, file: string): FrontMatter | Problem | undefined {
  if (text.startsWith('++++')) return undefined
  const opened = text.indexOf('\n')
  const first = text.slice(3, opened === -1 ? undefined : opened).trim()
  if (first) {
    return {
      file,
      line: 1,
      message: `the +++ line that opens TOML front matter must have nothing after it; move "${first.slice(0, 40)}" to the next line`,
    }
  }
  const close = opened === -1 ? null : CLOSE.exec(text.slice(opened + 1))
  if (!close) {
    return {
      file,
      line: 1,
      message:
        'the TOML front matter opened by +++ on line 1 is never closed; add a line +++ after its last key',
    }
  }
  const block = text.slice(opened + 1, opened + 1 + close.index)
  const afterClose = text.indexOf('\n', opened + 1 + close.index)
  const body = afterClose === -1 ? '' : text.slice(afterClose + 1)
  // The block starts on line 2; it has as many lines as line feeds.
  const closeLine = 2 + countLines(block)
  let table: Record<string, unknown>
  try {
    table = parse(block, { useLegacyDate: true, maxDepth: MAX_DEPTH })
  } catch (e) {
    if (e instanceof TomlError) {
      const reason = e.message.split('\n')[0].replace(/^Invalid TOML document: /, '')
      return {
        file,
        line: e.line + 1,
        message: `front matter is not valid TOML: ${reason} (column ${e.column}); ${HINT}`,
      }
    }
    const reason = e instanceof Error ? e.message : String(e)
    return { file, line: 2, message: `front matter cannot be read as TOML (${reason}); ${HINT}` }
  }
  let lines: Map<string, number> | undefined
  const lineOf = (key: string) => {
    lines ??= tomlKeyLines(block)
    const line = lines.get(key)
    return line === undefined ? undefined : line + 1
  }
  return { data: plain(table) as Record<string, unknown>, body, bodyLine: closeLine + 1, lineOf }
}

function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

/**
 * TOML values as plain data: dates as their canonical text, tables as ordinary objects (smol-toml
 * makes them without a prototype). `Object.fromEntries` defines keys, so `__proto__` stays a key.
 */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return dateText(value)
  if (Array.isArray(value)) return value.map(plain)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  }
  return value
}

/**
 * A TOML date or time as RFC 3339 text (TOML 1.0 §Offset Date-Time: "uses RFC 3339"), with the
 * offset as written and the fraction of a second only when there is one. smol-toml keeps
 * milliseconds, so digits past the third are lost.
 * @example dateText(date) // '2019-05-15T10:00:00+02:00', '2019-05-15', '10:00:00'
 */
function dateText(date: TomlDate): string {
  return date.toISOString().replace(/\.000(?=Z|[+-]\d\d:\d\d|$)/, '')
}
