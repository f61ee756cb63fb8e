/**
 * MIME types of images and enclosures: derived from a file's extension when the front matter
 * gives none, checked and corrected when it does. RSS 2.0 requires `type` on `<enclosure>`;
 * Atom's `link` `type` (RFC 4287 §4.2.7.3) and JSON Feed 1.1's `mime_type` carry the same value.
 */
import type { Result } from './fields.ts'

/**
 * Extension (lower case, without the dot) → MIME type, as registered with IANA
 * (https://www.iana.org/assignments/media-types). Only types readers meet in feeds: anything else
 * needs an explicit `type`.
 * - JPEG is `image/jpeg` (RFC 2046 §4.2); `image/jpg` was never registered.
 * - SVG is `image/svg+xml` (SVG 1.1 Appendix P).
 * - MP3 is `audio/mpeg` (RFC 3003); MPEG-4 audio is `audio/mp4` and video `video/mp4` (RFC 4337).
 * - Ogg Vorbis and Ogg Opus files are `audio/ogg` (RFC 5334 §10.1, RFC 7845 §9).
 * - WAV is `audio/wav`, the name browsers and podcast apps use for RFC 2361's `audio/vnd.wave`.
 */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  pdf: 'application/pdf',
}

/**
 * Names people write that no registry knows, → the registered type: `image/jpg` → `image/jpeg`
 * (RFC 2046 §4.2), `audio/mp3` → `audio/mpeg` (RFC 3003), `image/svg` → `image/svg+xml`.
 */
export const TYPE_CORRECTIONS: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'image/svg': 'image/svg+xml',
}

// RFC 6838 §4.2 restricted-name, twice: `type/subtype`, no parameters.
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/

/**
 * The MIME type of a URL or path by its extension (query and fragment ignored), or undefined
 * when the extension is not in `MEDIA_TYPES`.
 * @example typeFromPath('https://cdn.example/a/photo.JPG?w=800') // 'image/jpeg'
 */
export function typeFromPath(url: string): string | undefined {
  const path = url.replace(/[?#].*$/s, '')
  const ext = /\.([^./]+)$/.exec(path)?.[1].toLowerCase()
  return ext && Object.hasOwn(MEDIA_TYPES, ext) ? MEDIA_TYPES[ext] : undefined
}

/** The extension of a URL or path as written (`.xyz`), or '' when it has none. */
export function extensionOf(url: string): string {
  return /(\.[^./]+)$/.exec(url.replace(/[?#].*$/s, ''))?.[1] ?? ''
}

/**
 * A written MIME type, checked as `type/subtype` (RFC 6838 §4.2; MIME types are case-insensitive,
 * RFC 2045 §5.1, so it is lower-cased) and corrected through `TYPE_CORRECTIONS`.
 * @example toMediaType('Image/JPG') // { value: 'image/jpeg' }
 */
export function toMediaType(text: string): Result<string> {
  const type = text.trim().toLowerCase()
  if (!MEDIA_TYPE.test(type)) {
    return {
      error: `type "${text}" is not a MIME type; write type/subtype without parameters, such as audio/mpeg or image/jpeg`,
    }
  }
  return { value: TYPE_CORRECTIONS[type] ?? type }
}
