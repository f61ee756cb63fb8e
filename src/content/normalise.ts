/**
 * One parsed file (front matter plus what its format derives) → an `Article`, or every problem
 * with it. Pure: no file system, so both formats and the tests share it.
 */
import type { Article, Site } from '../corpus.ts'
import { stripXmlInvalid } from '../escape.ts'
import { parseDate } from './dates.ts'
import { type LocalFile, readMedia } from './enclosures.ts'
import { type Result, toAuthors, toBoolean, toId, toSlug, toTags, toText } from './fields.ts'
import { cleanHtml, htmlToText } from './html.ts'
import type { Problem } from './problem.ts'
import { type ContentRules, DEFAULT_RULES } from './rules.ts'
import { squash, truncateAtWord } from './text.ts'
import type { Warning } from './warning.ts'

export type ParsedFile = {
  /** The path shown in problems, e.g. `content/posts/a.md`. */
  file: string
  /** The path relative to the content folder, e.g. `posts/a.md`. */
  source: string
  data: Record<string, unknown>
  lineOf: (key: string) => number | undefined
  /** The body as HTML, not yet sanitised. */
  html: string
  /** What the format itself says, used where the front matter is silent. */
  derived: {
    title?: string
    date?: string
    dateLine?: number
    authors?: string[]
    /** The HTML of the body before the excerpt separator (`<!--more-->`), when it has one. */
    excerptHtml?: string
  }
  /** The body as written (after the front matter), to find the line of a link in it. */
  body?: string
  /** 1-based line of the body's first line in the file. */
  bodyLine?: number
  /** What the parser changed or left out on the way (template tags, MDX components). */
  warnings?: Warning[]
}

export type Normalised =
  /** `local`: the article's files in the content folder, which the loader must find and measure. */
  | { kind: 'article'; article: Article; local: LocalFile[]; warnings?: Warning[] }
  | { kind: 'draft'; reason: string; warnings?: Warning[] }
  | { kind: 'expired'; reason: string; warnings?: Warning[] }
  | { kind: 'ignored'; reason: string }
  | { kind: 'problems'; problems: Problem[]; warnings?: Warning[] }

export const SUMMARY_LENGTH = 300
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})-/

/** Turns a parsed file into an article, applying the field rules of the content format. */
export function normalise(parsed: ParsedFile, site: Site, _rules: ContentRules = DEFAULT_RULES): Normalised {
  const { file, data, lineOf, derived } = parsed
  const problems: Problem[] = []
  const fail = (key: string, message: string, line = lineOf(key)) =>
    problems.push({ file, line, message: `"${key}" ${message}` })
  // Reads the first of `keys` that is present through `convert`, reporting a bad value.
  const field = <T>(keys: string[], convert: (v: unknown) => Result<T>): T | undefined => {
    const key = keys.find((k) => data[k] !== undefined && data[k] !== null)
    if (key === undefined) return undefined
    const r = convert(data[key])
    if ('error' in r) fail(key, r.error)
    return 'value' in r ? r.value : undefined
  }

  if (field(['draft'], toBoolean) === true) return { kind: 'draft', reason: 'draft: true' }

  const base =
    parsed.source
      .split('/')
      .pop()
      ?.replace(/\.[^.]+$/, '') ?? ''
  const fromName = base.replace(DATE_PREFIX, '').replace(/\s+/g, '-')
  const slug =
    field(['slug'], toSlug) ??
    (data.slug === undefined || data.slug === null ? slugFromName(fromName) : undefined) ??
    ''
  const pagePath = `/articles/${slug ? encodeURIComponent(slug) : 'invalid'}`

  const title = clean(toText(data.title) ?? derived.title ?? '')
  if (!title) {
    problems.push({ file, line: 1, message: '"title" is missing; add title: … to the front matter' })
  }

  const beforeDate = problems.length
  const date = readDate(['date'], derived.date, derived.dateLine) ?? readPrefixDate()
  // "no date" only when no date was written at all: a bad one has been reported already.
  if (date === undefined && problems.length === beforeDate) {
    problems.push({
      file,
      line: 1,
      message: 'no date: add date: YYYY-MM-DD to the front matter or start the file name with YYYY-MM-DD-',
    })
  }
  const updated = readDate(['updated', 'lastmod']) ?? date
  if (date && updated && updated < date) {
    fail(
      data.updated !== undefined ? 'updated' : 'lastmod',
      'is before "date"; an article cannot change before it is published',
    )
  }

  const authorList = field(['authors', 'author'], toAuthors)
  const authors = authorList?.length
    ? authorList
    : derived.authors?.length
      ? derived.authors.map((name) => ({ name }))
      : [site.author]

  // Stripped again after sanitising: it decodes character references such as &#1; in raw HTML.
  const html = stripXmlInvalid(cleanHtml(stripXmlInvalid(parsed.html), pagePath))
  const summaryText = toText(data.summary) ?? toText(data.description)
  const firstParagraph = /<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? html
  const summary = clean(summaryText ?? truncateAtWord(htmlToText(firstParagraph), SUMMARY_LENGTH))

  const media = readMedia(data, pagePath, lineOf, (key, message) => fail(key, message))

  const id = field(['id'], toId) ?? null
  const tags = field(['tags', 'categories'], toTags) ?? []
  if (problems.length > 0 || !date || !updated) return { kind: 'problems', problems }
  return {
    kind: 'article',
    article: {
      source: parsed.source,
      slug,
      id,
      title,
      date,
      updated,
      authors: authors.map((a) => ({ ...a, name: clean(a.name) })),
      tags: tags.map(clean).filter(Boolean),
      summary,
      html,
      ...(media.image ? { image: media.image } : {}),
      ...(media.enclosures.length ? { enclosures: media.enclosures } : {}),
    },
    local: media.local,
  }

  function readDate(keys: string[], fallback?: string, fallbackLine?: number): string | undefined {
    const key = keys.find((k) => data[k] !== undefined && data[k] !== null)
    const text = key ? toText(data[key]) : fallback
    if (text === undefined) {
      if (key) fail(key, 'must be a date such as 2024-05-01 or 2024-05-01T09:30:00+02:00')
      return undefined
    }
    const r = parseDate(text, site.timezone)
    if ('iso' in r) return r.iso
    if (key) fail(key, `is not a date ("${text}"): ${r.error}`)
    else problems.push({ file, line: fallbackLine, message: `the date "${text}" is not a date: ${r.error}` })
    return undefined
  }

  function slugFromName(name: string): string | undefined {
    const r = toSlug(name)
    if ('value' in r) return r.value
    problems.push({
      file,
      message: `the file name gives the slug "${name}", which cannot be a URL segment (${r.error}); rename the file or set "slug"`,
    })
    return undefined
  }

  function readPrefixDate(): string | undefined {
    const m = DATE_PREFIX.exec(base)
    if (!m) return undefined
    const r = parseDate(m[1], site.timezone)
    if ('iso' in r) return r.iso
    problems.push({ file, message: `the file name starts with "${m[1]}", which is not a date (${r.error})` })
    return undefined
  }
}

function clean(text: string): string {
  return squash(stripXmlInvalid(text))
}
