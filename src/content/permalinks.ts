/**
 * Where an article is published, the old addresses that answer 301 to it, and the item id an
 * older generator gave it, read from its front matter and the site's rules (docs/migrating.md).
 * An archive keeps its URLs and, above all, its item ids: a changed id makes every reader show
 * the whole archive again as new. Pure.
 *
 * - The page (`path`): the article's own `permalink` (Jekyll, Eleventy; Jekyll's placeholders
 *   allowed) or `url` (Hugo), else the site's `permalink` pattern, else none (`/articles/{slug}`).
 *   Eleventy's `permalink: false` ("write no file") is read as no permalink of its own: the
 *   article keeps the site's pattern or `/articles/{slug}`, since a feed item needs a page. An
 *   Eleventy `permalink: { build: … }` uses its `build` path. A `url` that is a whole address
 *   (`https://…`, a link post's target in some themes) is not Hugo's page path and is left alone.
 * - `aliases` (Hugo) and `redirect_from` (the jekyll-redirect-from plugin): a path or a list. A
 *   Hugo alias without a leading `/` is relative to the folder the page is in, as Hugo resolves it
 *   (hugolib: `path.Join(SubResourceBaseLink, "..", alias)`, "'.' on the same directory level as
 *   the current page"; gohugo.io/content-management/urls/#aliases); jekyll-redirect-from reads
 *   every path from the site's root, as Jekyll reads any permalink.
 * - `idPath` (`ids: jekyll`): jekyll-feed's Atom `<id>` is `{{ post.id | absolute_url }}`, and
 *   Jekyll's `Document#id` is `File.join(File.dirname(url), data["slug"] || basename_without_ext)`
 *   (lib/jekyll/document.rb), where a post's `slug` is its file name without the date: the URL's
 *   folder and the slug, so `/2019/05/15/hello.html` and `/2019/05/15/hello/` both give
 *   `/2019/05/15/hello`, and a post `2019-05-15-hello.md` with `permalink: /about/me/` gives
 *   `/about/hello`. Its RSS templates (hand-written; jekyll-feed writes Atom only) use
 *   `{{ post.url | absolute_url }}`: the RSS guid stays the URL (src/formats/rss.ts).
 */
import { encodeSegment } from '../core/article-paths.ts'
import type { Article } from '../core/corpus.ts'
import { type FieldReader, fieldReader } from './conventions.ts'
import { toText } from './fields.ts'
import { type Filled, fillPlaceholders, isAddress, normalisePath } from './permalink-pattern.ts'
import type { ContentRules } from './rules.ts'

export type PermalinkOptions = {
  /** The parsed front matter. */
  data: Record<string, unknown>
  /** The article's slug before any permalink applies: its `slug` field, else its file's name. */
  slug: string
  /** Publication time, ISO 8601 in UTC. */
  date: string
  /** The site's IANA time zone: the date in a URL is the day there (permalink-pattern.ts). */
  timezone: string
  /** The source path relative to the content folder (`posts/hello.md`). */
  source: string
  rules: ContentRules
}

/** A bad value, under the front matter key it was written as. */
export type PermalinkProblem = { key: string; message: string }

export type Permalink = {
  /** Only the fields that apply, to spread into the article. */
  paths: Pick<Article, 'path' | 'aliases' | 'idPath'>
  problems: PermalinkProblem[]
}

/**
 * The article's path, aliases and item id path, each only when it applies.
 * @example readPermalink({ data: {}, slug: 'hello', date: '2019-05-15T09:00:00.000Z',
 *   timezone: 'UTC', source: '_posts/2019-05-15-hello.md',
 *   rules: { ...DEFAULT_RULES, permalink: '/:year/:month/:day/:title.html', ids: 'jekyll' } })
 * // { paths: { path: '/2019/05/15/hello.html', idPath: '/2019/05/15/hello' }, problems: [] }
 */
export function readPermalink(options: PermalinkOptions): Permalink {
  const problems: PermalinkProblem[] = []
  const fields = fieldReader(options.data, options.rules)
  const key = fields.keyOf('permalink')
  let path: string | undefined
  const own = key === undefined ? undefined : ownPath(key, fields.get(key), options)
  const site = options.rules.permalink
  const r = own ?? (site ? pathFrom(site, false, options) : undefined)
  if (r && 'error' in r) {
    problems.push(
      own
        ? { key: key as string, message: r.error }
        : { key: 'permalink', message: `(site.yaml's) ${r.error}` },
    )
  } else if (r) path = r.value

  // Zola's relative aliases start at the site's root, Hugo's at the page's folder.
  const zola = key?.toLowerCase() === 'path'
  const aliases = readAliases(fields, path, options.source, problems, zola)

  const idPath = path && options.rules.ids === 'jekyll' ? jekyllId(path, options.slug) : undefined
  return {
    paths: {
      ...(path ? { path } : {}),
      ...(aliases.length ? { aliases } : {}),
      ...(idPath && idPath !== path ? { idPath } : {}),
    },
    problems,
  }
}

/** `aliases` and `redirect_from`, as paths; one equal to `path` is left out, and so are repeats. */
function readAliases(
  fields: FieldReader,
  path: string | undefined,
  source: string,
  problems: PermalinkProblem[],
  fromRoot = false,
): string[] {
  const aliases: string[] = []
  for (const name of ['aliases', 'redirect_from']) {
    const found = fields.find(name)
    const value = found === undefined ? undefined : fields.get(found)
    if (found === undefined || value === undefined) continue
    const list = Array.isArray(value) ? value : [value]
    for (const item of list) {
      const text = toText(item)
      if (text === undefined) {
        problems.push({ key: found, message: 'must be a path or a list of paths such as /2019/05/old-name/' })
        continue
      }
      const relative = name === 'aliases' && !text.startsWith('/') && !isAddress(text)
      const joined = relative ? joinHugo(fromRoot ? '' : hugoFolder(path, source), text) : text
      if (joined === null) {
        problems.push({ key: found, message: `"${text}" climbs above the site's root` })
        continue
      }
      const r = normalisePath(joined)
      if ('error' in r) problems.push({ key: found, message: r.error })
      else if (r.value !== path && !aliases.includes(r.value)) aliases.push(r.value)
    }
  }

  return aliases
}

/** What an article's own `permalink` or `url` gives: a path, an error, or undefined for none. */
function ownPath(key: string, value: unknown, options: PermalinkOptions): Filled | undefined {
  // Hugo's `url` and Zola's `path` are paths from the root that get a trailing slash.
  const hugo = key.toLowerCase() === 'url' || key.toLowerCase() === 'path'
  const slash = key.toLowerCase() === 'path' ? 'always' : hugo
  if (value === false && !hugo) return undefined
  let written = value
  if (!hugo && written !== null && typeof written === 'object' && !Array.isArray(written)) {
    written = (written as Record<string, unknown>).build
  }
  const text = typeof written === 'string' ? written.trim() : undefined
  if (text === undefined) return { error: 'must be a path such as /2019/05/15/hello/' }
  if (text === '' || (hugo && /^https?:\/\//i.test(text))) return undefined
  return pathFrom(text, slash, options)
}

/** The path `pattern` gives for the article, its placeholders filled in. */
function pathFrom(pattern: string, hugo: boolean | 'always', options: PermalinkOptions): Filled {
  // Checked before the placeholders are filled: Hugo's `my\:page` is a path, not a scheme.
  if (isAddress(pattern)) return normalisePath(pattern)
  const filled = fillPlaceholders(pattern, { ...options, categories: jekyllCategories(options) })
  if ('error' in filled) return filled
  const path = filled.value.startsWith('/') ? filled.value : `/${filled.value}`
  return normalisePath(path, { addSlash: hugo })
}

/**
 * The folder a Hugo page's relative alias starts from: its URL's parent. Without a permalink,
 * the page Hugo made of it was its source path (`posts/hello.md` and the bundle
 * `posts/hello/index.md` were both `/posts/hello/`), so its source's folder.
 */
function hugoFolder(path: string | undefined, source: string): string {
  if (path) return path.replace(/\/$/, '').replace(/\/[^/]*$/, '')
  const parts = source.split('/').slice(0, -1)
  if (/^index\.[^/]+$/i.test(source.split('/').pop() ?? '')) parts.pop()
  return parts.length ? `/${parts.join('/')}` : ''
}

/** `path.Join(folder, alias)` as Go does it, or null when `..` climbs above the root. */
function joinHugo(folder: string, alias: string): string | null {
  const out: string[] = []
  for (const part of `${folder}/${alias}`.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0) return null
      out.pop()
    } else out.push(part)
  }
  return `/${out.join('/')}${alias.endsWith('/') ? '/' : ''}`
}

/** Jekyll's post id for a post at `path` whose slug is `slug` (see the top of this file). */
function jekyllId(path: string, slug: string): string {
  // Ruby's File.dirname ignores a trailing slash: dirname("/a/b/") is "/a".
  const folder = path.replace(/\/$/, '').replace(/\/[^/]*$/, '')
  return `${folder}/${encodeSegment(slug)}`
}

/**
 * A readable key for an article at `path`, unique as paths are: its segments joined by `-`,
 * decoded, `.html` and a trailing slash dropped, anything a slug may not hold (fields.ts `toSlug`)
 * made `-`: `/2019/05/15/hello/` → `2019-05-15-hello`. The slug of an article whose path is its
 * address: two posts may share a file name on two days.
 */
export function slugOfPath(path: string): string {
  const text = path
    .replace(/\.html?$|\/$/, '')
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
    .join('-')
    .replace(/[\s/\\?#%\p{Cc}\p{Cs}\uFFFE\uFFFF]+/gu, '-')
  return text === '' || text === '.' || text === '..' ? 'page' : text
}

/**
 * A Jekyll post's categories, as `:categories` writes them: the folders above its `_posts/`, then
 * its `categories` (a list, or a string split at spaces) or `category`, each in lower case, once.
 */
function jekyllCategories({ data, source, rules }: PermalinkOptions): string[] {
  const fields = fieldReader(data, rules)
  const folders = source.includes('_posts/') ? source.slice(0, source.indexOf('_posts/')).split('/') : []
  const written: unknown[] = []
  for (const key of ['categories', 'category']) {
    const found = fields.find(key)
    const value = found === undefined ? undefined : fields.get(found)
    if (Array.isArray(value)) written.push(...value)
    else if (typeof value === 'string') written.push(...(key === 'category' ? [value] : value.split(/\s+/)))
  }
  const all = [...folders, ...written.map((v) => toText(v) ?? '')].map((c) => c.trim().toLowerCase())
  return [...new Set(all.filter(Boolean))]
}
