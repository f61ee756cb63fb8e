/**
 * Front matter `image` and `enclosure` (also written `audio` or `video`) → the article's
 * enclosures, with their MIME types. Pure: a file in the content folder is only named here
 * (`local`); the loader measures it (`media-files.ts`).
 */
import type { Enclosure } from '../core/corpus.ts'
import { type Result, toText } from './fields.ts'
import { resolveUrl } from './html.ts'
import { extensionOf, MEDIA_TYPES, toMediaType, typeFromPath } from './mime-types.ts'

/** The keys of the explicit enclosure, in the order they are looked for. */
export const ENCLOSURE_KEYS = ['enclosure', 'audio', 'video'] as const

/** An enclosure whose URL is a path into the site: a file the loader must find and measure. */
export type LocalFile = {
  /** The corpus entry, whose `length` the loader sets. */
  enclosure: Enclosure
  /** The front matter key it was written under, and its line, for problems. */
  key: string
  line?: number
  /** Root-relative path with %-escapes decoded and no query: `/media/ferry.svg`. */
  path: string
}

export type Media = {
  /** The `image` URL as `Article.image` keeps it: absolute, or root-relative. */
  image?: string
  /** The image (first) and the explicit enclosure. */
  enclosures: Enclosure[]
  local: LocalFile[]
}

type Fail = (key: string, message: string) => void
/** Told of what was written but not used (a theme's `thumbnail:` beside the image's `path:`). */
type Unused = (key: string, message: string) => void
type Role = 'image' | 'enclosure'

/**
 * Reads `image` and the explicit enclosure of the article at `pagePath`. Relative paths resolve
 * against the article's URL, as links in its body do. Each mistake goes to `fail` with its key.
 *
 * An RSS 2.0 item has at most one `<enclosure>` (RSS 2.0 spec, "<enclosure> sub-element of
 * <item>"), so only one of `enclosure`, `audio` and `video` may be given.
 */
export function readMedia(
  data: Record<string, unknown>,
  pagePath: string,
  lineOf: (key: string) => number | undefined,
  fail: Fail,
  unused?: Unused,
): Media {
  const media: Media = { enclosures: [], local: [] }
  const add = (key: string, value: unknown, role: Role) => {
    const r = readOne(key, value, role, pagePath)
    if ('error' in r) {
      fail(key, r.error)
      return undefined
    }
    if (r.value.unused.length > 0) {
      unused?.(
        key,
        `has ${r.value.unused.map((k) => `"${k}"`).join(', ')}, which feeds have no place for: not used`,
      )
    }
    media.enclosures.push(r.value.enclosure)
    if (r.value.path !== undefined)
      media.local.push({ enclosure: r.value.enclosure, key, line: lineOf(key), path: r.value.path })
    return r.value.enclosure
  }

  // An empty key (`audio:`, `image: `) is no file, as an empty `summary:` is no summary.
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
  if (!blank(data.image)) media.image = add('image', data.image, 'image')?.url

  const present = ENCLOSURE_KEYS.filter((k) => !blank(data[k]))
  for (const extra of present.slice(1)) {
    fail(
      extra,
      `cannot be given together with "${present[0]}": an RSS 2.0 item carries one enclosure; keep one of them`,
    )
  }
  if (present.length === 1) add(present[0], data[present[0]], 'enclosure')
  return media
}

type One = { enclosure: Enclosure; path?: string; unused: string[] }

const FIELDS = ['url', 'type', 'length']
// What themes call the URL: Minimal Mistakes' `image: { path, thumbnail }`, `src`, So Simple's
// `feature`. Read when `url` is not there; the object's other keys are then reported as unused.
const URL_ALIASES = ['path', 'src', 'feature']
const EXAMPLE_PATH: Record<string, string> = {
  image: 'images/photo.jpg',
  audio: '/media/episode.mp3',
  video: '/media/clip.mp4',
  enclosure: '/media/report.pdf',
}
const EXAMPLE_TYPE: Record<string, string> = {
  image: 'image/jpeg',
  audio: 'audio/mpeg',
  video: 'video/mp4',
  enclosure: 'application/pdf',
}
/** Keys whose files must be of one top-level type. */
const KIND: Record<string, string> = { image: 'image', audio: 'audio', video: 'video' }

/** One value: a URL or path, or `{ url, type?, length? }`. */
function readOne(key: string, value: unknown, role: Role, pagePath: string): Result<One> {
  const shape = `must be a URL or a path, or { url, type, length } (such as ${key}: ${EXAMPLE_PATH[key]})`
  const spec: { url?: string; type?: string; length?: string } = {}
  const unused: string[] = []
  const text = toText(value)
  if (text !== undefined) spec.url = text
  else if (Array.isArray(value)) return { error: `${shape}, not a list: an article has one ${key}` }
  else if (value !== null && typeof value === 'object') {
    const o = { ...(value as Record<string, unknown>) }
    const alias = o.url === undefined ? URL_ALIASES.find((k) => toText(o[k]) !== undefined) : undefined
    if (alias !== undefined) {
      o.url = o[alias]
      delete o[alias]
    }
    unused.push(...Object.keys(o).filter((k) => !FIELDS.includes(k)))
    if (alias === undefined && unused.length > 0) {
      return { error: `has an unknown key "${unused[0]}"; write url, type and length` }
    }
    for (const k of FIELDS) {
      const t = toText(o[k])
      if (o[k] !== undefined && o[k] !== null && t === undefined)
        return {
          error: `${k} must be written as text, such as ${k}: ${k === 'url' ? EXAMPLE_PATH[key] : k === 'type' ? EXAMPLE_TYPE[key] : '4812733'}`,
        }
      spec[k as keyof typeof spec] = t
    }
    if (spec.url === undefined) return { error: `has no url; add url: ${EXAMPLE_PATH[key]}` }
  } else return { error: shape }

  const written = spec.url as string
  if (leavesTheSite(written, pagePath)) {
    return {
      error: `"${written}" leads outside the content folder; put the file under content/ and write its path from there, such as /media/${written.split(/[\\/]/).pop()}`,
    }
  }
  const url = resolveUrl(written, pagePath)
  if (!/^(\/(?!\/)|https?:\/\/)/.test(url) || !parses(url))
    return { error: `must be an http(s) URL or a path such as ${EXAMPLE_PATH[key]}` }

  let path: string | undefined
  if (url.startsWith('/')) {
    try {
      path = decodeURIComponent(url.replace(/[?#].*$/s, ''))
    } catch {
      return {
        error: `"${written}" has a broken %-escape; write the path as it is, such as /media/my file.mp3`,
      }
    }
    // An encoded `..%2F` survives URL resolution; decoded, it would be a `..` in a file path.
    if (path.includes('\0') || path.split(/[\\/]/).includes('..')) {
      return {
        error: `"${written}" hides .. or a NUL in %-escapes; write the file's path plainly, such as /media/${EXAMPLE_PATH[key].split('/').pop()}`,
      }
    }
  }

  let type: string | undefined
  if (spec.type !== undefined) {
    const r = toMediaType(spec.type)
    if ('error' in r) return r
    type = r.value
  } else type = typeFromPath(url)
  if (type === undefined) {
    const ext = extensionOf(url)
    const why = ext ? `the extension "${ext}" is not one dateline knows` : 'the URL has no extension'
    return {
      error: `has no type and ${why}; write ${key}: { url: ${written}, type: ${EXAMPLE_TYPE[key]} } with the file's MIME type, or use a file ending in ${knownExtensions(KIND[key])}`,
    }
  }
  const kind = KIND[key]
  if (kind && !type.startsWith(`${kind}/`)) {
    const other = key === 'image' ? 'a picture' : `${kind}; use enclosure: for other files`
    return { error: `is ${type}, not ${other}, or give type: ${kind}/… if the file is one` }
  }

  let length: number | undefined
  if (spec.length !== undefined) {
    length = /^\d+$/.test(spec.length) ? Number(spec.length) : Number.NaN
    if (!Number.isSafeInteger(length))
      return {
        error: `length "${spec.length}" must be the file's size in bytes, a whole number such as 4812733`,
      }
  }
  // A file in the content folder is measured by the loader; a written length is not trusted.
  const enclosure: Enclosure = {
    url,
    type,
    ...(length !== undefined && path === undefined ? { length } : {}),
    role,
  }
  return { value: { enclosure, ...(path !== undefined ? { path } : {}), unused } }
}

/**
 * True when a relative or root-relative path climbs above the site's root (`../../etc/passwd`
 * from `/articles/x`). Browsers would silently stop at the root (RFC 3986 §5.2.4); here it is a
 * mistake worth naming. %-escaped dots and backslashes count as what they stand for.
 */
export function leavesTheSite(written: string, pagePath: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:|^[\\/]{2}/i.test(written)) return false
  let path = written.replace(/[?#].*$/s, '')
  try {
    path = decodeURIComponent(path)
  } catch {
    // left as written: the caller reports the broken escape
  }
  const segments = path.startsWith('/') || path.startsWith('\\') ? [] : pagePath.split('/').slice(1, -1)
  for (const s of path.split(/[\\/]/)) {
    if (s === '..') {
      if (segments.length === 0) return true
      segments.pop()
    } else if (s !== '' && s !== '.') segments.push(s)
  }
  return false
}

function parses(url: string): boolean {
  try {
    new URL(url, 'https://dateline.invalid')
    return true
  } catch {
    return false
  }
}

function knownExtensions(kind: string | undefined): string {
  const exts = Object.keys(MEDIA_TYPES).filter((e) => !kind || MEDIA_TYPES[e].startsWith(`${kind}/`))
  return exts.map((e) => `.${e}`).join(', ')
}
