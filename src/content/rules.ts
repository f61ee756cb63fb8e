/**
 * How a site's files are read, from `site.yaml`: the rules a publisher sets for an archive that
 * another generator wrote (docs/migrating.md). Node only: they shape what `load` makes of each
 * file, never what the Worker does, so they stay out of the corpus's `Site`. Every outcome of a
 * file depends on its bytes, the `Site` fields in `SITE_FIELDS` and these rules (the article
 * cache keys on all three).
 */

export type ContentRules = {
  /** Globs (relative to the content folder, `/` separators) of files that are not articles. */
  ignore: string[]
  /**
   * The site's own name for a field, by the field dateline reads: `{ title: 'newstitle' }` reads
   * the title from `newstitle:`. The named key is read first; dateline's own names still apply.
   */
  fields: Record<string, string>
  /**
   * Where articles are published: a pattern such as `/:year/:month/:day/:slug/` (Jekyll's
   * placeholders); unset: `/articles/:slug`.
   */
  permalink?: string
  /**
   * What an item id is when the article gives none: `url`, its absolute URL (jekyll-feed for
   * RSS, Hugo, Eleventy, Astro); `jekyll`, Jekyll's post id (the URL's folder joined with the
   * slug) made absolute, as jekyll-feed's Atom `<id>` writes it (permalinks.ts).
   */
  ids: 'url' | 'jekyll'
  /** What becomes of a template tag or component with no built-in rendering. */
  unknownTemplates: 'remove' | 'keep'
  /** The marker after which the body is not part of the summary (Hugo's, Jekyll's, Eleventy's). */
  excerptSeparator: string
  /**
   * Folders (relative to the content folder) whose media files are published at the site's root,
   * beside the content folder's own: Hugo's `static/`, Astro's `public/`, a Jekyll site's
   * `assets/` when the content folder is `_posts/`.
   */
  static: string[]
}

export const DEFAULT_RULES: ContentRules = {
  ignore: [],
  fields: {},
  ids: 'url',
  unknownTemplates: 'remove',
  excerptSeparator: '<!--more-->',
  static: [],
}
