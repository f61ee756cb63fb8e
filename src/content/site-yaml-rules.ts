/**
 * The keys of `site.yaml` that say how the site's files are read (`ContentRules`): what an
 * archive written for another generator needs (docs/migrating.md). Validated with the rest of
 * `site.yaml` (`site-yaml.ts`), each mistake with its key and line.
 */
import { z } from 'zod'
import { type ContentRules, DEFAULT_RULES } from './rules.ts'

/** The fields a site may name its own way (`fields: { title: newstitle }`). */
export const MAPPABLE_FIELDS = [
  'title',
  'date',
  'updated',
  'author',
  'tags',
  'summary',
  'slug',
  'draft',
  'image',
] as const

const glob = z.string().min(1, 'must not be empty')

// Jekyll's placeholders (https://jekyllrb.com/docs/permalinks/), the ones that do not need a
// collection or a category; a pattern must hold :slug or :title so that two articles never share
// a URL because their slugs differ.
const PERMALINK_PLACEHOLDERS = [
  ':year',
  ':month',
  ':day',
  ':i_month',
  ':i_day',
  ':short_year',
  ':slug',
  ':title',
  ':path',
  ':categories',
]

export const templatesSchema = z.strictObject({
  unknown: z.enum(['remove', 'keep'], { error: 'must be remove or keep' }),
})

export const rulesSchema = z.object({
  ignore: z.array(glob, { error: 'must be a list of globs such as README.md or drafts/**' }).optional(),
  fields: z
    .record(
      z.enum(MAPPABLE_FIELDS, { error: `must be one of ${MAPPABLE_FIELDS.join(', ')}` }),
      z.string().min(1, 'must name a front matter key'),
    )
    .optional(),
  permalink: z
    .string()
    .refine((p) => p.startsWith('/'), 'must start with / (such as /:year/:month/:day/:slug/)')
    .refine(
      (p) => /:(slug|title|path)\b/.test(p),
      'must contain :slug, :title or :path, so that two articles never share a URL',
    )
    .refine(
      (p) => (p.match(/:[a-z_]+/g) ?? []).every((x) => PERMALINK_PLACEHOLDERS.includes(x)),
      `may use only ${PERMALINK_PLACEHOLDERS.join(' ')}`,
    )
    .optional(),
  ids: z.enum(['url', 'jekyll'], { error: 'must be url or jekyll' }).optional(),
  templates: templatesSchema.partial().optional(),
  excerpt_separator: z.string().min(1, 'must not be empty').optional(),
  static: z
    .array(z.string().min(1, 'must not be empty'), { error: 'must be a list of folders such as ../static' })
    .optional(),
})

/** The rules of a valid `site.yaml`, with the defaults for what it leaves out. */
export function readRules(v: z.infer<typeof rulesSchema>): ContentRules {
  return {
    ignore: v.ignore ?? DEFAULT_RULES.ignore,
    fields: v.fields ?? DEFAULT_RULES.fields,
    ...(v.permalink ? { permalink: v.permalink } : {}),
    ids: v.ids ?? DEFAULT_RULES.ids,
    unknownTemplates: v.templates?.unknown ?? DEFAULT_RULES.unknownTemplates,
    excerptSeparator: v.excerpt_separator ?? DEFAULT_RULES.excerptSeparator,
    static: v.static ?? DEFAULT_RULES.static,
  }
}
