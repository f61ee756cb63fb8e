/**
 * One parsed file (front matter plus what its format derives) → an `Article`, a draft, a file
 * ignored by a rule, or every problem with it. Pure: no file system, so both formats and the tests
 * share it. The fields are read as each generator's users write them (`conventions.ts`,
 * docs/fields.md).
 */
import type { Site } from '../core/corpus.ts'
import { stripXmlInvalid } from '../core/escape.ts'
import { parseDate } from './article-dates.ts'
import { FIELD_KEYS, type FieldName, fieldReader, TAG_KEYS } from './conventions.ts'
import type { RemovedHtml } from './dropped-elements.ts'
import { type LocalFile, readMedia } from './enclosure-fields.ts'
import { decodeReferences } from './entities.ts'
import { type Result, toAuthors, toBoolean, toId, toSlug, toTags, toText } from './fields.ts'
import { cleanHtml } from './html.ts'
import { localLinks } from './local-links.ts'
import type { FileOutcome } from './outcome.ts'
import { readPermalink, slugOfPath } from './permalinks.ts'
import type { Problem } from './problem.ts'
import { warningsForRemoved } from './removed-html.ts'
import { type ContentRules, DEFAULT_RULES } from './rules.ts'
import { slugAndDateFromPath } from './source-path.ts'
import { summarise } from './summary.ts'
import { squash } from './text.ts'
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

/**
 * What a parsed file becomes: a file's outcome (`outcome.ts`), but for an article whose local files
 * are still the enclosure objects themselves, which `process-file.ts` turns into indexes.
 */
export type Normalised =
  | (Omit<Extract<FileOutcome, { kind: 'article' }>, 'local'> & { local: LocalFile[] })
  | Exclude<FileOutcome, { kind: 'article' }>

export { SUMMARY_LENGTH } from './summary.ts'

/** Turns a parsed file into an article, applying the field rules of the content format. */
export function normalise(parsed: ParsedFile, site: Site, rules: ContentRules = DEFAULT_RULES): Normalised {
  const { file, data, derived } = parsed
  const problems: Problem[] = []
  const warnings: Warning[] = [...(parsed.warnings ?? [])]
  const fields = fieldReader(data, rules)
  const lineOf = (key: string) => parsed.lineOf(key) ?? parsed.lineOf(key.split('.')[0])
  const fail = (key: string, message: string, line = lineOf(key)) =>
    problems.push({ file, line, message: `"${key}" ${message}` })
  // Reads the field through `convert`, reporting a bad value under the key it was written as.
  const field = <T>(name: FieldName, convert: (v: unknown) => Result<T>): T | undefined => {
    const key = fields.keyOf(name)
    if (key === undefined) return undefined
    const r = convert(fields.get(key))
    if ('error' in r) fail(key, r.error)
    return 'value' in r ? r.value : undefined
  }
  const flag = (key: string) => {
    const found = fields.find(key)
    if (found === undefined || fields.get(found) === undefined) return undefined
    const r = toBoolean(fields.get(found))
    if ('error' in r) fail(found, r.error)
    return 'value' in r ? r.value : undefined
  }
  const hidden = hiddenBy(parsed.source, flag, fields.get, fields.keyOf('draft') ?? 'draft')
  if (hidden) return { ...hidden, ...(warnings.length && hidden.kind === 'draft' ? { warnings } : {}) }

  const fromPath = slugAndDateFromPath(parsed.source)
  const slug =
    field('slug', toSlug) ??
    (fields.keyOf('slug') === undefined ? slugFromName(fromPath.slug) : undefined) ??
    ''
  // Relative links and images resolve against the source file (its path without the extension),
  // so against its folder, where its colocated files are (a page bundle's `post/index.md` and
  // `post/diagram.svg`), as every generator and every Markdown preview resolves them. A link to
  // the file itself (`#notes`) or to another source file becomes its article's URL once all
  // files are read (`link-check.ts`).
  const base = `/${parsed.source
    .replace(/\.[^./]+$/, '')
    .split('/')
    .map(encodeURIComponent)
    .join('/')}`

  const titleKey = fields.keyOf('title')
  // A title written for HTML (Jekyll, Eleventy print it as written): its references decoded.
  const written = toText(titleKey && fields.get(titleKey))
  const title = clean(written === undefined ? (derived.title ?? '') : decodeReferences(written))
  if (!title) {
    problems.push({ file, line: 1, message: '"title" is missing; add title: … to the front matter' })
  }

  const beforeDate = problems.length
  const date = readDate('date', derived.date, derived.dateLine) ?? readPathDate() ?? readPermalinkDate()
  // "no date" only when no date was written at all: a bad one has been reported already.
  if (date === undefined && problems.length === beforeDate) {
    problems.push({
      file,
      line: 1,
      message: `no date: add date: YYYY-MM-DD to the front matter (or ${FIELD_KEYS.date.join(', ')}), or start the file name with YYYY-MM-DD-`,
    })
  }
  const updated = readDate('updated') ?? date
  if (date && updated && updated < date) {
    const key = fields.keyOf('updated') ?? 'updated'
    fail(
      key,
      `is before "${fields.keyOf('date') ?? 'date'}"; an article cannot change before it is published`,
    )
  }
  const expires = readDate('expires')

  const authorList = field('author', toAuthors)
  const authors = authorList?.length
    ? authorList
    : derived.authors?.length
      ? derived.authors.map((name) => ({ name }))
      : [site.author]

  // Stripped again after sanitising: it decodes character references such as &#1; in raw HTML.
  const removed: RemovedHtml[] = []
  const html = stripXmlInvalid(
    cleanHtml(stripXmlInvalid(parsed.html), base, { onRemoved: (r) => removed.push(r) }),
  )
  warnings.push(...warningsForRemoved(removed, { file, body: parsed.body, bodyLine: parsed.bodyLine }))
  const summaryKey = fields.keyOf('summary')
  const excerpt =
    derived.excerptHtml && stripXmlInvalid(cleanHtml(stripXmlInvalid(derived.excerptHtml), base))
  const summary = clean(summarise({ written: toText(summaryKey && fields.get(summaryKey)), excerpt, html }))
  const links = localLinks(html, parsed.body, parsed.bodyLine ?? 1, base)

  const imageKey = fields.keyOf('image')
  const media = readMedia(
    imageKey && imageKey !== 'image' ? { ...data, image: fields.get(imageKey) } : data,
    base,
    lineOf,
    (key, message) => fail(key, message),
    (key, message) =>
      warnings.push({ file, line: lineOf(key), kind: 'unknown-field', message: `"${key}" ${message}` }),
  )

  const id = field('id', toId) ?? null
  const tags = readTags()
  // Where it is published and was before (permalinks.ts). At a path of its own, an article whose
  // slug was not written takes a slug made of the path: two posts may share a file name.
  const at =
    date && slug
      ? readPermalink({ data, slug, date, timezone: site.timezone, source: parsed.source, rules })
      : undefined
  for (const p of at?.problems ?? []) fail(p.key, p.message)
  if (problems.length > 0 || !date || !updated) {
    return { kind: 'problems', problems, ...(warnings.length ? { warnings } : {}) }
  }
  return {
    kind: 'article',
    article: {
      source: parsed.source,
      // At a path of its own, the internal key is made of the path, even where the post wrote a
      // slug: Hugo sites reuse one (`slug: edge-release-roundup`) under a dated pattern.
      slug: at?.paths.path ? slugOfPath(at.paths.path) : slug,
      id,
      ...at?.paths,
      title,
      date,
      updated,
      authors: authors.map((a) => ({ ...a, name: clean(a.name) })),
      tags,
      summary,
      html,
      ...(media.image ? { image: media.image } : {}),
      ...(media.enclosures.length ? { enclosures: media.enclosures } : {}),
    },
    local: media.local,
    ...(links.length ? { links } : {}),
    ...(warnings.length ? { warnings } : {}),
    ...(expires ? { expires } : {}),
  }

  function readDate(name: FieldName, fallback?: string, fallbackLine?: number): string | undefined {
    const key = fields.keyOf(name)
    const text = key ? toText(fields.get(key)) : fallback
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

  function readPathDate(): string | undefined {
    if (!fromPath.date) return undefined
    const r = parseDate(fromPath.date, site.timezone)
    if ('iso' in r) return r.iso
    const where = fromPath.from === 'name' ? 'the file name starts with' : 'the folders give the date'
    problems.push({ file, message: `${where} "${fromPath.date}", which is not a date (${r.error})` })
    return undefined
  }

  // Zola's blog posts are often dated only by their `path = "2014/12/12/name"`.
  function readPermalinkDate(): string | undefined {
    const key = fields.keyOf('permalink')
    const m = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(toText(key && fields.get(key)) ?? '')
    if (!m) return undefined
    const r = parseDate(`${m[1]}-${m[2]}-${m[3]}`, site.timezone)
    if ('iso' in r) return r.iso
    fail(key as string, `gives the date "${m[1]}/${m[2]}/${m[3]}", which is not a date (${r.error})`)
    return undefined
  }

  // Every key that holds tags, merged: Jekyll sites write `category` and `tags` side by side.
  function readTags(): string[] {
    const own = rules.fields.tags
    const keys = [...new Set([...(own ? [own] : []), ...TAG_KEYS])]
    const all: string[] = []
    const jekyll = /(^|\/)_(posts|drafts)\//.test(parsed.source)
    for (const name of keys) {
      const key = name.includes('.') ? name : fields.find(name)
      const value = key === undefined ? undefined : fields.get(key)
      if (key === undefined || value === undefined) continue
      // Jekyll splits a string of `tags` or `categories` at spaces (`tags: ruby release`), but
      // `category` is one name; so do its posts here. Elsewhere a string is one tag unless commas
      // separate several: `tags: Breaking News` means one tag to a dateline or Hugo user.
      const r = toTags(value, { words: jekyll && name !== 'category' })
      if ('error' in r) fail(key, r.error)
      else for (const t of r.value.map(clean)) if (t && !all.includes(t)) all.push(t)
    }
    return all
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
}

/**
 * Why a file is not published whatever its content says, or undefined: a draft (`draft: true`,
 * Jekyll's `published: false` and `_drafts/` folder) or a page the generator kept out of its
 * collections (Eleventy's `eleventyExcludeFromCollections`, Hugo's `build.list: never`).
 */
function hiddenBy(
  source: string,
  flag: (key: string) => boolean | undefined,
  get: (key: string) => unknown,
  draftKey: string,
): { kind: 'draft' | 'ignored'; reason: string } | undefined {
  if (flag(draftKey) === true) return { kind: 'draft', reason: `${draftKey}: true` }
  // Hugo reads `published` as a date (an alias of publishDate): only true or false is Jekyll's flag.
  const published = get('published')
  if (typeof published === 'boolean' || published === 'false' || published === 'true') {
    if (flag('published') === false) return { kind: 'draft', reason: 'published: false' }
  }
  if (source.split('/').slice(0, -1).includes('_drafts'))
    return { kind: 'draft', reason: 'in a _drafts/ folder' }
  if (flag('eleventyExcludeFromCollections') === true) {
    return { kind: 'ignored', reason: 'eleventyExcludeFromCollections: true' }
  }
  for (const key of ['build.list', '_build.list']) {
    if (toText(get(key))?.toLowerCase() === 'never')
      return { kind: 'ignored', reason: `${key}: never (Hugo)` }
  }
  return undefined
}

function clean(text: string): string {
  return squash(stripXmlInvalid(text))
}
