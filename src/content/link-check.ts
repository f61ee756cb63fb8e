/**
 * Once every file is read, each article's links into the site are checked (Node only; the files'
 * own outcomes stay as the cache keeps them):
 * - a link to a source file (`../2019-05-15-hello.md`, a page bundle's folder, the article's own
 *   `#notes`) becomes a link to that article's URL;
 * - an internal reference (`{% post_url %}`, `{% link %}`, Hugo's `ref`/`relref`, marked by
 *   `templates/refs.ts`) becomes the URL of the article it names, or a warning and plain text;
 * - a link or image that is no article's URL and no published file of the content folder is a
 *   warning naming its line: 291 images of one archive 404ed without a word.
 */
import { articlePath } from '../core/article-paths.ts'
import type { Article } from '../core/corpus.ts'
import { type LocalLink, pathOf } from './local-links.ts'
import { MEDIA_TYPES } from './mime-types.ts'
import { REF_PREFIX } from './templates/refs.ts'
import type { Warning } from './warning.ts'

export type LinkedArticle = { article: Article; links: LocalLink[]; file: string }

export type LinkCheckOptions = {
  /** Whether a file exists in the content folder at this root-relative path (decoded). */
  isFile: (path: string) => boolean
}

/** The article's URL path, root-relative, as its links are stored. */
const pagePathOf = articlePath

/**
 * Checks the links of `items`. Returns each article as it must be published (the same object
 * when nothing changed) and the warnings, by index.
 */
export function checkLinks(
  items: LinkedArticle[],
  { isFile }: LinkCheckOptions,
): { articles: Article[]; warnings: Warning[][] } {
  const bySource = new Map<string, Article>()
  // Every address of an article: its page, and its old ones (aliases), which a link is moved off.
  const byUrl = new Map<string, Article>()
  const all = items.map((i) => i.article)
  for (const a of all) {
    for (const key of sourceKeys(a.source)) bySource.set(key, a)
    byUrl.set(pathOf(pagePathOf(a)), a)
    for (const alias of a.aliases ?? []) if (!byUrl.has(pathOf(alias))) byUrl.set(pathOf(alias), a)
  }
  // The article a link names: by one of its addresses, with or without the trailing slash (the
  // other form answers 301), or by its source file.
  const articleAt = (path: string) => {
    const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`
    return byUrl.get(path) ?? byUrl.get(toggled) ?? bySource.get(path)
  }
  const refs = refResolver(all)
  const articles: Article[] = []
  const warnings: Warning[][] = []
  for (const { article, links, file } of items) {
    const found: Warning[] = []
    const rewrites = new Map<string, string | null>()
    for (const link of links) {
      const warn = (kind: Warning['kind'], message: string) =>
        found.push({ file, ...(link.line ? { line: link.line } : {}), kind, message })
      const path = pathOf(link.url)
      const tail = link.url.slice(link.url.replace(/[?#].*$/, '').length)
      if (path.startsWith(REF_PREFIX)) {
        const ref = path.slice(REF_PREFIX.length)
        const target = refs(ref)
        if (typeof target === 'string') {
          rewrites.set(link.url, null)
          warn(
            'unresolved-ref',
            `the internal link to "${ref}" ${target}; the link was removed, its text kept`,
          )
        } else rewrites.set(link.url, pagePathOf(target) + tail)
        continue
      }
      const target = articleAt(path)
      if (target) {
        const page = pagePathOf(target)
        if (pathOf(page) !== path) rewrites.set(link.url, page + tail)
        continue
      }
      if (isFile(path)) {
        if (!isPublishedFile(path)) {
          warn(
            'broken-link',
            `${link.url} is a file of the content folder that is not published (only media files are: ${Object.keys(MEDIA_TYPES).join(', ')})`,
          )
        }
        continue
      }
      if (link.image) warn('missing-image', `the image ${link.url} is no file in the content folder`)
      else warn('broken-link', `the link ${link.url} points at no article and no file in the content folder`)
    }
    articles.push(rewrites.size ? { ...article, html: rewrite(article.html, rewrites) } : article)
    warnings.push(found)
  }
  return { articles, warnings }
}

/** Whether the file at `path` is one the server, the build and the export publish. */
function isPublishedFile(path: string): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase()
  return ext !== undefined && ext in MEDIA_TYPES
}

/** The root-relative paths by which a source file may be linked: with and without extension. */
function sourceKeys(source: string): string[] {
  const stem = source.replace(/\.[^./]+$/, '')
  const keys = [`/${source}`, `/${stem}`]
  // A page bundle is linked by its folder.
  if (/(^|\/)index$/i.test(stem)) {
    const folder = stem.replace(/\/?index$/i, '')
    keys.push(`/${folder}`, `/${folder}/`)
  }
  return keys
}

/**
 * Finds the article an internal reference names: by its path in the content folder (with or
 * without extension, `_posts/…` or relative to it), then by file name (`post_url`'s
 * `2019-05-15-hello`), then by slug. A string says why none was found.
 */
function refResolver(articles: Article[]): (ref: string) => Article | string {
  const index = new Map<string, Article[]>()
  const add = (key: string, a: Article) => {
    const list = index.get(key) ?? []
    if (!list.includes(a)) list.push(a)
    index.set(key, list)
  }
  for (const a of articles) {
    const stem = a.source.replace(/\.[^./]+$/, '')
    const parts = stem.split('/')
    // Every tail of the path: `_posts/2019/2019-05-15-hello`, `2019/2019-05-15-hello`, ….
    for (let i = 0; i < parts.length; i++) add(parts.slice(i).join('/'), a)
    if (/^index$/i.test(parts.at(-1) ?? '') && parts.length > 1) {
      for (let i = 0; i < parts.length - 1; i++) add(parts.slice(i, -1).join('/'), a)
    }
    add(`slug:${a.slug}`, a)
  }
  return (ref) => {
    const key = ref
      .replace(/[?#].*$/, '')
      .replace(/^\.?\/+/, '')
      .replace(/\/+$/, '')
      .replace(/\.(md|markdown|mdx|txt|html)$/i, '')
    const found = index.get(key) ?? index.get(`slug:${key.split('/').pop()}`)
    if (!found) return 'names no published article'
    if (found.length > 1) return `names ${found.length} articles (${found.map((a) => a.source).join(', ')})`
    return found[0]
  }
}

/** `html` with the `href`/`src` values in `rewrites` replaced (null: the attribute removed). */
function rewrite(html: string, rewrites: Map<string, string | null>): string {
  return html.replace(/\s(href|src)="(\/(?!\/)[^"]*)"/g, (whole, attr: string, value: string) => {
    const url = value.replace(/&amp;/g, '&')
    if (!rewrites.has(url)) return whole
    const to = rewrites.get(url)
    return to === null || to === undefined
      ? ''
      : ` ${attr}="${to.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`
  })
}
