/** Shared helpers for the content tests: a site, parsed articles, and throw-away content folders. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, expect } from 'vitest'
import { parseDateline } from '../../src/content/dateline.ts'
import { parseMarkdown } from '../../src/content/markdown.ts'
import { type Normalised, normalise, type ParsedFile } from '../../src/content/normalise.ts'
import type { Problem } from '../../src/content/problem.ts'
import { type ContentRules, DEFAULT_RULES } from '../../src/content/rules.ts'
import type { Article, Site } from '../../src/core/corpus.ts'

export function makeSite(overrides: Partial<Site> = {}): Site {
  return {
    title: 'Test Site',
    description: 'Tests',
    language: 'en',
    author: { name: 'Site Author' },
    timezone: 'UTC',
    items: 20,
    ...overrides,
  }
}

/** Narrows a parse result to a parsed file, failing the test with the problem otherwise. */
export function parsed(result: ParsedFile | Problem): ParsedFile {
  if ('message' in result) throw new Error(`expected a parsed file, got problem: ${result.message}`)
  return result
}

/** Narrows a parse result to a problem, failing the test otherwise. */
export function problem(result: ParsedFile | Problem): Problem {
  if (!('message' in result)) throw new Error('expected a problem, got a parsed file')
  return result
}

/** Parses and normalises a Markdown file named `name`. */
export function normaliseMarkdown(
  text: string,
  name = 'post.md',
  site = makeSite(),
  rules: ContentRules = DEFAULT_RULES,
): Normalised {
  return normalise(parsed(parseMarkdown(text, `content/${name}`, name, rules)), site, rules)
}

/** Parses and normalises a dateline file named `name`. */
export function normaliseDateline(text: string, name = 'post.txt', site = makeSite()): Normalised {
  return normalise(parsed(parseDateline(text, `content/${name}`, name)), site)
}

export function articleOf(result: Normalised): Article {
  if (result.kind !== 'article') {
    const detail = result.kind === 'problems' ? JSON.stringify(result.problems) : 'a draft'
    throw new Error(`expected an article, got ${detail}`)
  }
  return result.article
}

export function problemsOf(result: Normalised): Problem[] {
  expect(result.kind).toBe('problems')
  return result.kind === 'problems' ? result.problems : []
}

/** A Markdown file with the given front matter lines and body. */
export function md(frontMatter: string[], body = 'Body text.'): string {
  return `---\n${frontMatter.join('\n')}\n---\n${body}\n`
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Creates a temporary content folder holding `files` (path → text or bytes); removed after the test. */
export function contentDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-test-'))
  dirs.push(dir)
  writeFiles(dir, files)
  return dir
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
}
