/**
 * Jekyll's permalink placeholders filled in, and a written path checked and spelled the one way
 * the routes look it up (src/core/article-paths.ts). Pure.
 *
 * The placeholders (https://jekyllrb.com/docs/permalinks/#placeholders), as Jekyll 4 fills them:
 * - `:year` `:month` `:day` (zero-padded), `:i_month` `:i_day` (not), `:short_year` (two digits),
 *   from the post's date **in the site's time zone**: Jekyll's `timezone` setting sets the
 *   process's `TZ` and the URL is made from the local time, even for a date written with another
 *   offset (jekyll/jekyll#6177, documented by #6334; #7550). dateline follows Jekyll, since the
 *   placeholders are Jekyll's. Hugo differs: it keeps the offset the date was written with, and
 *   uses the site's `timeZone` only for a date written without one; an archive from Hugo whose
 *   dates carry an offset that crosses midnight in the site's zone needs its `url` written out.
 * - `:categories`: the post's categories (its `categories` or `category`, after the folders above
 *   its `_posts/`), each in lower case, joined by `/`, as Jekyll 4's `Document#url_placeholders`
 *   makes them; none gives no segment.
 * - `:path`: the file's path in the content folder, without extension (a bundle: its folder).
 * - `:title`: the slug as it is (Jekyll: "the document's slug front matter, else its file name;
 *   preserves case"); `:slug`: the same slugified by Jekyll's default mode (every run of
 *   characters other than letters, marks and digits becomes `-`, ends trimmed, lower case).
 *   Hugo's `:slug` falls back to the title, not the file name: give such posts a `slug`.
 */
import { canonicalPath, isOwnPath } from '../core/article-paths.ts'
import { MEDIA_TYPES } from './mime-types.ts'

export type Filled = { value: string } | { error: string }

const PLACEHOLDER =
  /\\:|:(short_year|i_month|i_day|year|month|day|slug|title|path|categories)|:([A-Za-z]\w*)/g
const KNOWN = ':year :month :day :i_month :i_day :short_year :slug :title :path :categories'

/** The placeholders of `pattern` filled in for an article; `\:` is a literal colon (Hugo's escape). */
export function fillPlaceholders(
  pattern: string,
  {
    slug,
    date,
    timezone,
    source = '',
    categories = [],
  }: { slug: string; date: string; timezone: string; source?: string; categories?: string[] },
): Filled {
  let unknown: string | undefined
  let parts: DateParts | undefined
  const value = pattern.replace(PLACEHOLDER, (match, known?: string, other?: string) => {
    if (match === '\\:') return ':'
    if (other !== undefined) {
      unknown ??= `:${other}`
      return match
    }
    if (known === 'title') return slug
    if (known === 'path') return sourcePath(source)
    // A space in a category is %20 in Jekyll's URL (Addressable's escaping).
    if (known === 'categories') return categories.map(encodeURIComponent).join('/')
    if (known === 'slug') return jekyllSlug(slug) || slug
    parts ??= dateParts(date, timezone)
    return parts[known as keyof DateParts]
  })
  if (unknown) {
    return {
      error: `uses ${unknown}, which dateline cannot fill; use ${KNOWN}, or write the path out`,
    }
  }
  // No categories leave an empty segment, which Jekyll drops: `/:categories/:title/` is `/x/`.
  return { value: pattern.includes(':categories') ? value.replace(/\/{2,}/g, '/') : value }
}

type DateParts = Record<'year' | 'month' | 'day' | 'i_month' | 'i_day' | 'short_year', string>

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date of `iso` in `timeZone` (UTC when the zone is unknown to this runtime). */
function dateParts(iso: string, timeZone: string): DateParts {
  let f = formatters.get(timeZone)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
    } catch {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      })
    }
    formatters.set(timeZone, f)
  }
  const got: Record<string, string> = {}
  for (const { type, value } of f.formatToParts(new Date(iso))) got[type] = value
  const year = got.year.padStart(4, '0')
  return {
    year,
    month: got.month.padStart(2, '0'),
    day: got.day.padStart(2, '0'),
    i_month: String(Number(got.month)),
    i_day: String(Number(got.day)),
    short_year: year.slice(-2),
  }
}

/**
 * `:path`: the file's path in the content folder without its extension, a page bundle's being its
 * folder (`2021/0930-hero/index.md` → `2021/0930-hero`): Hugo's default URL of a page is its path
 * in its section, and Jekyll's `:path` the document's path in its collection.
 */
function sourcePath(source: string): string {
  return source.replace(/\.[^./]+$/, '').replace(/(^|\/)index$/i, '')
}

/** Jekyll's `slugify` in its default mode (Jekyll::Utils.slugify). */
export function jekyllSlug(text: string): string {
  return text
    .replace(/[^\p{M}\p{L}\p{Nd}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
}

const MEDIA_EXTENSION = new RegExp(`\\.(?:${Object.keys(MEDIA_TYPES).join('|')})$`, 'i')

/**
 * A written path checked and spelled as the routes look it up (`canonicalPath`): root-relative
 * (a missing leading `/` is added, as Jekyll, Eleventy and a monolingual Hugo site all read it
 * from the site's root), without white space, control characters, `?`, `#`, `\`, `//`, `.` or `..`
 * segments, or an encoded `/`; non-ASCII percent-encoded as UTF-8 (RFC 3986 §2.5). `/x/` and
 * `/x.html` stay as written; `/x/index.html` is `/x/`, the page a host serves there and Eleventy's
 * `page.url` for it. `addSlash`: Hugo's `url` without an extension gets a trailing slash, since
 * Hugo publishes it as a folder (gohugo.io/content-management/urls/#url); `'always'`: Zola's
 * `path` always does, whatever dots it holds (`2014/12/12/1.0-Timeline` is a folder there).
 */
export function normalisePath(written: string, { addSlash = false as boolean | 'always' } = {}): Filled {
  const shown = JSON.stringify(written)
  if (isAddress(written)) {
    return { error: `must be a path on this site such as /2019/05/15/hello/, not an address (${shown})` }
  }
  if (/\{\{|\{%/.test(written)) {
    return { error: `holds a template (${shown}), which dateline cannot run; write the path it gives` }
  }
  if (/[\s\p{Cc}]/u.test(written))
    return { error: `must not contain spaces or control characters (${shown}); write %20 for a space` }
  if (/[?#\\]/.test(written)) return { error: `must be a plain path, without ?, # or \\ (${shown})` }
  let path = written.startsWith('/') ? written : `/${written}`
  const inner = path.split('/').slice(1, path.endsWith('/') ? -1 : undefined)
  if (inner.some((s) => s === '' || s === '.' || s === '..')) {
    return { error: `must not contain //, /./ or /../ (${shown})` }
  }
  const canonical = canonicalPath(path)
  if (canonical === null) {
    return { error: `holds a % that is not UTF-8 percent-encoding, or an encoded / or \\ (${shown})` }
  }
  path = canonical.replace(/\/index\.html$/, '/')
  if (addSlash && !path.endsWith('/') && (addSlash === 'always' || !/\.[^/.]+$/.test(path))) path += '/'
  if (isOwnPath(path)) return { error: `is a path dateline serves itself ("${path}"); choose another` }
  if (MEDIA_EXTENSION.test(path))
    return { error: `ends like a media file ("${path}"), which is served as one` }
  return { value: path }
}

/** Whether `written` is an address (a scheme, or `//` and a host) rather than a path. */
export function isAddress(written: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:|^\/\//.test(written)
}
