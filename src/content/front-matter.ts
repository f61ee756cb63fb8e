/**
 * Front matter in the three forms other generators write, chosen by how the file starts:
 * - `---`: YAML 1.2 (Jekyll, Hugo, Eleventy, Astro), through gray-matter and the `yaml` package;
 * - `+++`: TOML 1.0 (Hugo, Zola), `front-matter-toml.ts`;
 * - `{`: a JSON object (Hugo), `front-matter-json.ts`.
 * YAML uses the failsafe schema, so every scalar stays the text written and dates stay text (a
 * date without an offset takes the site's time zone); only the null forms of the core schema
 * (YAML 1.2.2 §10.3.2: `null`, `Null`, `NULL`, `~` and nothing) written plain mean "absent".
 * gray-matter's `js` and `javascript` engines would `eval` the block: they are replaced by ones
 * that refuse.
 */
import matter from 'gray-matter'
import { type Document, parseDocument, visit, YAMLError } from 'yaml'
import { readJsonFrontMatter } from './front-matter-json.ts'
import { quickFrontMatter } from './front-matter-quick.ts'
import { readTomlFrontMatter } from './front-matter-toml.ts'
import type { Problem } from './problem.ts'
import { lineAt } from './problem.ts'

export type FrontMatter = {
  data: Record<string, unknown>
  body: string
  /** 1-based line of the body's first line in the file. */
  bodyLine: number
  /**
   * 1-based line of a key in the file, when present. In TOML and JSON a dotted path reaches into
   * tables (`taxonomies.tags`, `extra.image`); in YAML only top-level keys are found.
   */
  lineOf: (key: string) => number | undefined
}

class RefusedEngine extends Error {}

function refuse(): never {
  throw new RefusedEngine()
}

/** The YAML 1.2 core schema's null forms (YAML 1.2.2 §10.3.2), empty included. */
const YAML_NULLS: ReadonlySet<string> = new Set(['null', 'Null', 'NULL', '~', ''])

/** Plain (unquoted, untagged) null forms become null; every other scalar stays its text. */
function nullsToNull(doc: Document): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || node.type !== 'PLAIN' || node.tag !== undefined) return
      if (YAML_NULLS.has(String(node.value))) node.value = null
    },
  })
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
      nullsToNull(doc)
      return doc.toJS() as object
    },
    js: refuse,
    javascript: refuse,
  },
}

const JS_REFUSED =
  'JavaScript front matter (---js) is not allowed and was not run; write the front matter as YAML between --- lines'

const noFrontMatter = (text: string): FrontMatter => ({
  data: {},
  body: text,
  bodyLine: 1,
  lineOf: () => undefined,
})

/**
 * Splits a file into front matter and body. A file without front matter has empty data.
 * @example readFrontMatter('+++\ntitle = "Hi"\n+++\nBody', 'a.md') // { data: { title: 'Hi' }, body: 'Body', bodyLine: 4, … }
 */
export function readFrontMatter(text: string, file: string): FrontMatter | Problem {
  // Line endings as read-file.ts decodes them, so that a text given here directly reads the same.
  // Its BOM is not removed here: decoding removed the one a file may start with, and a second is a
  // character of the text, which then has no front matter (tests/fixtures/hostile/enc-double-bom.md).
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  if (text.startsWith('+++')) return readTomlFrontMatter(text, file) ?? noFrontMatter(text)
  if (text.startsWith('{')) return readJsonFrontMatter(text, file) ?? noFrontMatter(text)
  if (text.startsWith('---')) return readYamlFrontMatter(text, file)
  return noFrontMatter(text)
}

function readYamlFrontMatter(text: string, file: string): FrontMatter | Problem {
  // gray-matter skips the engine for an empty block, so a ---js block is refused by its name too.
  if (/^---[ \t]*(js|javascript)[ \t]*(\n|$)/i.test(text)) return { file, line: 1, message: JS_REFUSED }
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
