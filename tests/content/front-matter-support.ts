/** Narrowing helpers shared by the front matter tests (YAML, TOML, JSON). */
import type { FrontMatter } from '../../src/content/front-matter.ts'
import type { Problem } from '../../src/content/problem.ts'
import { decodeArticle } from '../../src/content/read-file.ts'

/** The front matter, failing the test with the problem otherwise. */
export function ok(result: FrontMatter | Problem): FrontMatter {
  if ('message' in result) throw new Error(`expected front matter, got problem: ${result.message}`)
  return result
}

/** The problem, failing the test otherwise. */
export function bad(result: FrontMatter | Problem): Problem {
  if (!('message' in result)) throw new Error('expected a problem')
  return result
}

/** The text of a file of these characters in UTF-8, as the loader decodes it. */
export function decoded(text: string): string {
  const result = decodeArticle(new TextEncoder().encode(text), 'a.md')
  if (typeof result !== 'string') throw new Error(result.message)
  return result
}
