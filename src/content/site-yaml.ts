/**
 * Site metadata from `content/site.yaml`, validated with one schema that reports every mistake
 * at once, each with its key and line. Node only (build, check, serve): the Worker receives the
 * validated `Site` inside the corpus.
 */
import { type Document, isMap, isScalar, LineCounter, parseDocument, type Scalar } from 'yaml'
import { z } from 'zod'
import type { CachePolicy, Site } from '../core/corpus.ts'
import { isTimeZone } from './article-dates.ts'
import type { Problem } from './problem.ts'
import { type ContentRules, DEFAULT_RULES } from './rules.ts'
import { readRules, rulesSchema, templatesSchema } from './site-yaml-rules.ts'

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim())

const author = z.union([
  text.pipe(z.string().min(1, 'must not be empty')).transform((name) => ({ name })),
  z.strictObject({
    name: text.pipe(z.string().min(1, 'must not be empty')),
    email: z.email('must be an e-mail address').optional(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  }),
])

const byteSize = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb)?$/i.exec(String(v).trim())
  const factor = { b: 1, kb: 1024, mb: 1024 * 1024 }[(m?.[2] ?? 'b').toLowerCase() as 'b']
  if (!m || Number(m[1]) <= 0) {
    ctx.addIssue({ code: 'custom', message: 'must be a size such as 2MB, 512KB or 1000000' })
    return z.NEVER
  }
  return Math.floor(Number(m[1]) * factor)
})

const SECONDS_MESSAGE = 'must be a whole number of seconds from 0 to 31536000 (a year)'
const seconds = z
  .number({ error: SECONDS_MESSAGE })
  .int(SECONDS_MESSAGE)
  .min(0, SECONDS_MESSAGE)
  .max(31_536_000, SECONDS_MESSAGE)

const cacheSchema = z.strictObject({
  max_age: seconds,
  s_maxage: seconds,
  stale_while_revalidate: seconds,
  stale_if_error: seconds,
  page_max_age: seconds,
})

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024

const schema = z.strictObject({
  title: text.pipe(z.string().min(1, 'must not be empty')).optional(),
  description: text.optional(),
  language: text
    .refine((v) => isLanguageTag(v), 'must be a BCP 47 language tag such as en or pt-BR')
    .optional(),
  author: author.optional(),
  timezone: text.refine(isTimeZone, 'must be an IANA time zone such as UTC or Europe/Paris').optional(),
  copyright: text.optional(),
  items: z
    .number({ error: 'must be a whole number between 1 and 1000' })
    .int('must be a whole number between 1 and 1000')
    .min(1, 'must be a whole number between 1 and 1000')
    .max(1000, 'must be a whole number between 1 and 1000')
    .optional(),
  image: text.optional(),
  hub: text
    .pipe(z.url({ protocol: /^https?$/, error: 'must be the http(s) URL of a WebSub hub' }))
    .optional(),
  cache: cacheSchema.partial().optional(),
  max_file_size: byteSize.optional(),
  ...rulesSchema.shape,
})

export type SiteConfig = { site: Site; maxFileSize: number; rules: ContentRules }

/** The keys a site should set; named in the warning when `site.yaml` is missing. */
export const RECOMMENDED_KEYS = ['title', 'description', 'language', 'author'] as const

/**
 * Parses and validates `site.yaml` text (`undefined` when the file does not exist: the defaults
 * apply). Returns the config, or every problem found.
 */
export function parseSiteConfig(
  yamlText: string | undefined,
  file: string,
): { config: SiteConfig; problems: Problem[]; warnings: string[] } {
  const problems: Problem[] = []
  const warnings: string[] = []
  let data: unknown = {}
  const lines = new LineCounter()
  const doc = yamlText === undefined ? undefined : parseDocument(yamlText, { lineCounter: lines })
  if (yamlText === undefined) {
    warnings.push(
      `${file} not found: publishing with defaults (title "dateline", language en, time zone UTC); create it and set ${RECOMMENDED_KEYS.join(', ')}`,
    )
  } else if (doc && doc.errors.length + doc.warnings.length > 0) {
    // A warning is a value read as other than written (`title: !x Site` drops `!x` as an unknown
    // tag): refused like an error, as in article front matter.
    for (const e of [...doc.errors, ...doc.warnings]) {
      problems.push({ file, line: e.linePos?.[0].line, message: `YAML: ${e.message.split('\n')[0]}` })
    }
  } else {
    data = doc?.toJS() ?? {}
    if (data === null) data = {}
    // A key written with no value (`description:`) takes its default, as if it were absent.
    if (typeof data === 'object' && !Array.isArray(data)) {
      data = Object.fromEntries(Object.entries(data as object).filter(([, v]) => v !== null))
    }
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const lineOf = (path: PropertyKey[]) => lineOfKey(doc, lines, path)
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        // One problem per unknown key, each on the key's own line.
        for (const k of issue.keys) {
          problems.push({
            file,
            line: lineOf([...issue.path, k]),
            message: `unknown key "${[...issue.path, k].join('.')}"; the keys are ${keysAt(issue.path)}`,
          })
        }
        continue
      }
      const key = issue.path.join('.')
      problems.push({ file, line: lineOf(issue.path), message: `${key || 'site.yaml'}: ${issue.message}` })
    }
  }
  // In file order, as an editor lists them (zod reports refinements after other checks).
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  const v = parsed.success ? parsed.data : {}
  const title = v.title ?? 'dateline'
  const site: Site = {
    title,
    description: v.description || `The latest articles from ${title}`,
    language: v.language ? Intl.getCanonicalLocales(v.language)[0] : 'en',
    author: v.author ?? { name: title },
    timezone: v.timezone ?? 'UTC',
    items: v.items ?? 20,
    ...(v.copyright ? { copyright: v.copyright } : {}),
    ...(v.image ? { image: v.image } : {}),
    ...(v.hub ? { hub: v.hub } : {}),
    ...(v.cache ? { cache: cachePolicy(v.cache) } : {}),
  }
  const rules: ContentRules = parsed.success ? readRules(v) : DEFAULT_RULES
  return {
    config: { site, maxFileSize: v.max_file_size ?? DEFAULT_MAX_FILE_SIZE, rules },
    problems,
    warnings,
  }
}

/** The line of the deepest key along `path` that the document has (its first line when none). */
function lineOfKey(doc: Document | undefined, lines: LineCounter, path: PropertyKey[]): number | undefined {
  let node: unknown = doc?.contents
  let offset = (node as { range?: [number, number] } | null)?.range?.[0]
  for (const segment of path) {
    if (!isMap(node)) break
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))
    if (!pair) break
    offset = (pair.key as Scalar).range?.[0] ?? offset
    node = pair.value
  }
  return offset === undefined ? undefined : lines.linePos(offset).line
}

/** The keys allowed where an unknown one was found, for the message that names them. */
function keysAt(path: PropertyKey[]): string {
  const shape =
    path[0] === 'cache' ? cacheSchema.shape : path[0] === 'templates' ? templatesSchema.shape : schema.shape
  return Object.keys(shape).join(', ')
}

/** site.yaml's snake_case cache keys as the corpus's `CachePolicy` fields. */
function cachePolicy(c: NonNullable<z.infer<typeof schema>['cache']>): Partial<CachePolicy> {
  const policy: Partial<CachePolicy> = {}
  if (c.max_age !== undefined) policy.maxAge = c.max_age
  if (c.s_maxage !== undefined) policy.sMaxAge = c.s_maxage
  if (c.stale_while_revalidate !== undefined) policy.staleWhileRevalidate = c.stale_while_revalidate
  if (c.stale_if_error !== undefined) policy.staleIfError = c.stale_if_error
  if (c.page_max_age !== undefined) policy.pageMaxAge = c.page_max_age
  return policy
}

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1
  } catch {
    return false
  }
}
