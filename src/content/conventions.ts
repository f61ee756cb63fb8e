/**
 * Which front matter keys mean what, as the users of each generator write them (the table in
 * docs/fields.md is this file in prose). A field is read from the first of its keys that is
 * present and not null; a site may name its own key first (`fields:` in site.yaml). Keys are
 * matched exactly, then without regard to case, as Hugo reads them (`publishdate`, `lastMod`).
 */
import type { ContentRules } from './rules.ts'

export const FIELD_KEYS = {
  title: ['title'],
  // Hugo's `publishDate` (also `pubdate`) is when a page goes live, so it wins over `date`;
  // Astro's content collections call the date `pubDate`.
  date: ['publishDate', 'pubDate', 'date'],
  updated: ['updated', 'lastmod', 'modified', 'updatedDate', 'last_modified_at', 'dateModified'],
  expires: ['expiryDate', 'expires', 'unpublishDate'],
  // Hugo 0.123+ puts a page's own fields under `params:`.
  author: ['authors', 'author', 'params.authors', 'params.author'],
  summary: ['summary', 'description', 'excerpt'],
  slug: ['slug'],
  id: ['id'],
  // Zola's `path` is the page's URL from the site's root.
  permalink: ['permalink', 'url', 'path'],
  draft: ['draft'],
  image: ['image'],
} as const

/** Keys whose values are all tags, merged in this order (Zola's under `taxonomies`). */
export const TAG_KEYS = [
  'tags',
  'categories',
  'category',
  'taxonomies.tags',
  'taxonomies.categories',
] as const

export type FieldName = keyof typeof FIELD_KEYS

/** Reads front matter keys as the conventions above say, with the site's own names first. */
export type FieldReader = {
  /** The key `name` is written under (as written), or undefined when none is present. */
  keyOf: (name: FieldName) => string | undefined
  /** The value of `key` (a dotted path reaches into tables: `taxonomies.tags`), null → undefined. */
  get: (key: string) => unknown
  /** The key as written in the file for `key` matched without regard to case, if any. */
  find: (key: string) => string | undefined
}

/** A reader over `data` with the site's `rules.fields` mapping. */
export function fieldReader(data: Record<string, unknown>, rules: ContentRules): FieldReader {
  const lower = new Map<string, string>()
  for (const k of Object.keys(data)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), k)
  const find = (key: string) => (key in data ? key : lower.get(key.toLowerCase()))
  const get = (key: string): unknown => {
    let value: unknown = data
    for (const part of key.split('.')) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
      const record = value as Record<string, unknown>
      const k =
        part in record ? part : Object.keys(record).find((x) => x.toLowerCase() === part.toLowerCase())
      value = k === undefined ? undefined : record[k]
    }
    return value ?? undefined
  }
  const keyOf = (name: FieldName) => {
    const own = (rules.fields as Partial<Record<FieldName, string>>)[name]
    for (const key of own ? [own, ...FIELD_KEYS[name]] : FIELD_KEYS[name]) {
      const found = key.includes('.') ? (get(key) === undefined ? undefined : key) : find(key)
      if (found !== undefined && get(found) !== undefined) return found
    }
    return undefined
  }
  return { keyOf, get, find }
}
