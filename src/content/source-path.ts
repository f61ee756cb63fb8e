/**
 * What a file's path says of its article, where the front matter is silent: the slug and the date.
 *
 * - Jekyll and Zola: `2019-05-15-hello.md` (Zola also `2019-05-15_hello.md`) is the post
 *   `hello` of that day.
 * - Hugo and Zola page bundles: `posts/hello/index.md` is the post `hello` (its folder's name),
 *   with its images beside it; the folder may carry the date (`2019-05-15-hello/index.md`).
 * - Archives sorted into dated folders: `2019/05/15/hello.md` is dated by its folders.
 */

export type FromPath = {
  /** The slug the path gives (white space becomes `-`); checked by the caller. */
  slug: string
  /** `YYYY-MM-DD` as the path writes it, not yet checked. */
  date?: string
  /** Where the date came from: the file's (or bundle folder's) name, or dated folders. */
  from?: 'name' | 'folders'
}

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})[-_]/
const DATED_FOLDERS = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/

/** The names of a page bundle's own file, whose folder names the article. */
const BUNDLE_FILES = new Set(['index'])

/**
 * The slug and date a source path (relative to the content folder, `/` separators) gives.
 * @example slugAndDateFromPath('posts/2019-05-15-hello/index.md') // { slug: 'hello', date: '2019-05-15' }
 */
export function slugAndDateFromPath(source: string): FromPath {
  const parts = source.split('/')
  const file = parts.pop() ?? ''
  const stem = file.replace(/\.[^.]+$/, '')
  const name = BUNDLE_FILES.has(stem.toLowerCase()) && parts.length > 0 ? (parts.pop() ?? stem) : stem
  const prefix = DATE_PREFIX.exec(name)
  const slug = (prefix ? name.slice(prefix[0].length) : name).replace(/\s+/g, '-')
  if (prefix) return { slug, date: prefix[1], from: 'name' }
  const folders = DATED_FOLDERS.exec(parts.join('/'))
  return folders ? { slug, date: `${folders[1]}-${folders[2]}-${folders[3]}`, from: 'folders' } : { slug }
}
