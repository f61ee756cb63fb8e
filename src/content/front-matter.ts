/**
 * Front matter through gray-matter with YAML 1.2 (the `yaml` package, core schema: dates stay
 * text, so a date without an offset can take the site's time zone). gray-matter's `js` and
 * `javascript` engines would `eval` the block: they are replaced by ones that refuse.
 */
import matter from 'gray-matter'
import { parseDocument, YAMLError } from 'yaml'
import { quickFrontMatter } from './front-matter-quick.ts'
import type { Problem } from './problem.ts'
import { lineAt } from './problem.ts'

export type FrontMatter = {
  data: Record<string, unknown>
  body: string
  /** 1-based line of the body's first line in the file. */
  bodyLine: number
  /** 1-based line of a top-level key in the file, when present. */
  lineOf: (key: string) => number | undefined
}

class RefusedEngine extends Error {}

function refuse(): never {
  throw new RefusedEngine()
}

const options: matter.GrayMatterOption<string, object> = {
  engines: {
    // The failsafe schema keeps every scalar as the text the author wrote: `title: 1.10` stays
    // "1.10" and `date: 2024-05-01` stays a string; `toBoolean` reads `draft: true`.
    yaml: (text: string) => {
      const doc = parseDocument(text, { schema: 'failsafe' })
      // A warning is a value read as other than written: `title: !important news` takes
      // `!important` for a tag and drops it, publishing "news". Refuse it as an error is refused.
      const problem = doc.errors[0] ?? doc.warnings[0]
      if (problem) throw problem
      return doc.toJS() as object
    },
    js: refuse,
    javascript: refuse,
  },
}

const JS_REFUSED =
  'JavaScript front matter (---js) is not allowed and was not run; write the front matter as YAML between --- lines'

/** Splits a file into front matter and body. A file without front matter has empty data. */
export function readFrontMatter(text: string, file: string): FrontMatter | Problem {
  if (!/^---/.test(text)) return { data: {}, body: text, bodyLine: 1, lineOf: () => undefined }
  // gray-matter skips the engine for an empty block, so a ---js block is refused by its name too.
  if (/^---[ \t]*(js|javascript)[ \t]*(\r?\n|$)/i.test(text)) return { file, line: 1, message: JS_REFUSED }
  let parsed: { data: unknown; matter: string; content: string } | undefined = quickFrontMatter(text)
  try {
    parsed ??= matter(text, options)
  } catch (e) {
    if (e instanceof RefusedEngine) return { file, line: 1, message: JS_REFUSED }
    if (e instanceof YAMLError) {
      const line = e.linePos?.[0].line
      const reason = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
      // Where the stack runs out depends on the thread and on how much of the parser V8 has
      // optimised, so the column of an overflow would differ from run to run: left out.
      const column = /Maximum call stack/.test(reason) ? '' : ` (column ${e.linePos?.[0].col})`
      return {
        file,
        line,
        message: `front matter is not valid YAML: ${reason}${column}; quote values that contain ": " or start with "!"`,
      }
    }
    const message = e instanceof Error ? e.message : String(e)
    return { file, line: 1, message: `front matter cannot be read (${message}); use YAML between --- lines` }
  }
  const data = parsed.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { file, line: 2, message: 'front matter must be a YAML mapping of keys to values (key: value)' }
  }
  const lines = parsed.matter.split('\n')
  const lineOf = (key: string) => {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`))
    return i === -1 ? undefined : i + 1
  }
  const bodyLine = lineAt(text, text.length - parsed.content.length)
  return { data: data as Record<string, unknown>, body: parsed.content, bodyLine, lineOf }
}
