/**
 * Files with an article extension that are not articles, by a rule: the site's `ignore` globs
 * (site.yaml), and the files other generators keep beside their posts. Each is counted as
 * `ignored` with its reason, never dropped without a word.
 */
import picomatch from 'picomatch'
import type { ContentRules } from './rules.ts'

// Folders of templates and data that Jekyll and Eleventy never publish as posts
// (https://jekyllrb.com/docs/structure/, https://www.11ty.dev/docs/config/#input-directory).
const GENERATOR_FOLDERS = new Set(['_includes', '_layouts', '_data', '_site', '_sass', '_plugins'])

export type IgnoreRule = (source: string) => string | undefined

/**
 * Why the file at `source` (relative to the content folder) is not an article, or undefined.
 * `jekyll`: the folder is a Jekyll site's root (it has `_posts/`), where only `_posts/` and
 * `_drafts/` hold posts and every other page is a page, not a post.
 */
export function ignoreRule(
  rules: ContentRules,
  { jekyll, sources = [] }: { jekyll: boolean; sources?: string[] },
): IgnoreRule {
  const globs = rules.ignore.map((glob) => ({ glob, match: picomatch(glob, { dot: true }) }))
  // Leaf bundles: the folders (not the top one) whose article is their `index.md`. Hugo and Zola
  // read the other files in them as the page's resources, not as pages
  // (https://gohugo.io/content-management/page-bundles/).
  const bundles = new Set(
    sources.filter((s) => /\/index\.[^./]+$/i.test(s)).map((s) => s.slice(0, s.lastIndexOf('/') + 1)),
  )
  const bundleOf = (source: string) => {
    for (let i = source.lastIndexOf('/'); i > 0; i = source.lastIndexOf('/', i - 1)) {
      if (bundles.has(source.slice(0, i + 1))) return source.slice(0, i + 1)
    }
    return undefined
  }
  return (source) => {
    const hit = globs.find((g) => g.match(source))
    if (hit) return `ignore: ${hit.glob} (site.yaml)`
    const parts = source.split('/')
    const name = parts[parts.length - 1]
    const folders = parts.slice(0, -1)
    const generator = folders.find((f) => GENERATOR_FOLDERS.has(f))
    if (generator) return `in ${generator}/, a folder of templates or data`
    // Hugo and Zola: `_index.md` is a section's list page (https://gohugo.io/content-management/sections/).
    if (/^_index\.[^.]+$/i.test(name)) return 'a section page (_index), not an article'
    const bundle = /^index\.[^.]+$/i.test(name) ? undefined : bundleOf(source)
    if (bundle) return `a file of the page bundle ${bundle}, not an article of its own`
    // Jekyll also reads `_posts/` inside a category's folder (`news/_posts/…`).
    if (jekyll && !folders.includes('_posts') && !folders.includes('_drafts')) {
      return 'a Jekyll page outside _posts/, not a post'
    }
    return undefined
  }
}
