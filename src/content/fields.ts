/**
 * Front matter values as users write them, turned into plain typed values. Each returns the value
 * or an error message that says how to fix it.
 */
import type { Author } from '../core/corpus.ts'
import { stripXmlInvalid } from '../core/escape.ts'

export type Result<T> = { value: T } | { error: string }

/** A number or a date in a text field is taken as its text; a string is trimmed. */
export function toText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined
  if (typeof v === 'number' || typeof v === 'bigint') return String(v)
  if (v instanceof Date) return v.toISOString()
  return undefined
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/

// A name of nothing but characters XML 1.0 forbids (and white space) would be published blank once
// normalise.ts strips them, so it is no name.
const isName = (name: string | undefined): name is string => Boolean(name && stripXmlInvalid(name).trim())

/** `author` / `authors`: a string, a list of strings, or objects `{ name, email?, url? }`. */
export function toAuthors(v: unknown): Result<Author[]> {
  const list = Array.isArray(v) ? v : [v]
  const authors: Author[] = []
  for (const item of list) {
    const name = toText(item)
    if (isName(name)) {
      authors.push({ name })
      continue
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return { error: 'write a name, a list of names, or entries with name, email and url' }
    }
    const o = item as Record<string, unknown>
    const author: Author = { name: toText(o.name) ?? '' }
    if (!isName(author.name)) return { error: 'every author needs a name' }
    const email = toText(o.email)
    if (email !== undefined) {
      if (!EMAIL.test(email)) return { error: `"${email}" is not an e-mail address` }
      author.email = email
    }
    const url = toText(o.url)
    if (url !== undefined) {
      const href = /^https?:\/\/\S+$/.test(url) ? absoluteUrl(url) : undefined
      if (!href) return { error: `author url "${url}" must be a URL starting with https://` }
      author.url = href
    }
    authors.push(author)
  }
  return { value: authors }
}

function absoluteUrl(url: string): string | undefined {
  try {
    return new URL(url).href
  } catch {
    return undefined
  }
}

/**
 * `tags` / `categories`: a list, or one string: commas separate several; without a comma, with
 * `words`, spaces do, as Jekyll reads `tags: ruby release` (its docs: "a space-separated string").
 * Duplicates dropped.
 */
export function toTags(v: unknown, { words = false }: { words?: boolean } = {}): Result<string[]> {
  const split = (s: string) => (s.includes(',') || !words ? s.split(',') : s.trim().split(/\s+/))
  const list = Array.isArray(v) ? v : typeof v === 'string' ? split(v) : [v]
  const tags: string[] = []
  for (const item of list) {
    const tag = toText(item)
    if (tag === undefined) {
      if (typeof item === 'string') continue
      return { error: 'write a tag name or a list of tag names' }
    }
    // XML-forbidden characters go before white space is squashed and duplicates are dropped.
    const squashed = stripXmlInvalid(tag).replace(/\s+/g, ' ').trim()
    if (squashed && !tags.includes(squashed)) tags.push(squashed)
  }
  return { value: tags }
}

/** `draft`: true/false (also yes/no, as YAML 1.1 wrote them). */
export function toBoolean(v: unknown): Result<boolean> {
  if (typeof v === 'boolean') return { value: v }
  const t = toText(v)?.toLowerCase()
  if (t === 'true' || t === 'yes') return { value: true }
  if (t === 'false' || t === 'no') return { value: false }
  return { error: 'must be true or false' }
}

/** An explicit item id must be an absolute URI (RFC 4287 §4.2.6: atom:id is an IRI). */
export function toId(v: unknown): Result<string> {
  const t = toText(v)
  if (t && /^[a-z][a-z0-9+.-]*:\S+$/i.test(t)) {
    try {
      return { value: new URL(t).href }
    } catch {
      // fall through to the error
    }
  }
  return { error: 'must be an absolute URI such as tag:example.com,2024:my-post or urn:uuid:…' }
}

/** A slug is one URL path segment: no slashes, `?`, `#`, white space or characters a URL cannot carry. */
export function toSlug(v: unknown): Result<string> {
  const t = toText(v)
  if (t && /^[^\s/\\?#%\p{Cc}\p{Cs}\uFFFE\uFFFF]+$/u.test(t) && t !== '.' && t !== '..') return { value: t }
  return { error: 'must be one path segment without spaces, /, ?, # or %, such as my-first-post' }
}
