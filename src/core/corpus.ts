/**
 * The contract between `load` (Node only) and everything after it.
 * A corpus is plain, serialisable data: `dateline build` writes it as JSON and the Worker imports
 * it, so nothing here may hold a Date, a Map or a function.
 */

export type Author = { name: string; email?: string; url?: string }

/**
 * A file that goes with an article: its `image`, or the `enclosure` (also written `audio` or
 * `video`) from its front matter. RSS 2.0 carries it as `<enclosure>` (or Media RSS
 * `media:content`), Atom as `link rel="enclosure"` (RFC 4287 §4.2.7.2), JSON Feed 1.1 as the
 * item's `image` or an entry in `attachments`.
 */
export type Enclosure = {
  /** Absolute URL, or a root-relative path into the site (made absolute when rendered). */
  url: string
  /** MIME type `type/subtype` in lower case, e.g. `image/jpeg` or `audio/mpeg`. */
  type: string
  /**
   * Size in bytes: measured by the loader for a file in the content folder, as written in the
   * front matter for a remote URL; absent when unknown.
   */
  length?: number
  /**
   * `'image'`: the article's `image`; `'enclosure'`: its `enclosure`, `audio` or `video`. Typed
   * `string`, not a union of the two: the Worker imports the corpus as JSON, whose strings
   * TypeScript types as `string`.
   */
  role: string
}

export type Article = {
  /** Path of the source file relative to the content folder, with `/` separators. */
  source: string
  /** URL path segment under `/articles/`; never changes once published. */
  slug: string
  /** Explicit `id` from front matter (an absolute URI), or null: the permalink is the id. */
  id: string | null
  /**
   * The article's page, root-relative (`/2019/05/15/hello/`), when a permalink pattern or the
   * article's own `permalink`/`url` sets it; absent: `/articles/{slug}`.
   */
  path?: string
  /** Old root-relative paths (`aliases`, `redirect_from`) that answer 301 to the article. */
  aliases?: string[]
  /**
   * The item id as a root-relative path, made absolute against the site when rendered, when it
   * is not the permalink (`ids: jekyll` in site.yaml). `id` wins over it.
   */
  idPath?: string
  title: string
  /** Publication time, ISO 8601 in UTC (`2020-10-19T00:00:00.000Z`). */
  date: string
  /** Last update, ISO 8601 in UTC; equals `date` unless the article says otherwise. */
  updated: string
  authors: Author[]
  tags: string[]
  /** Plain text. */
  summary: string
  /** Sanitised HTML; links into the site are root-relative (`/articles/x`) until rendered. */
  html: string
  /** Absolute URL or root-relative path. */
  image?: string
  /**
   * The image (first, when there is one) and the explicit enclosure, with their types and
   * lengths; absent when the article has neither.
   */
  enclosures?: Enclosure[]
}

export type Site = {
  title: string
  description: string
  /** BCP 47 language tag. */
  language: string
  author: Author
  /** IANA time zone applied to dates written without an offset. */
  timezone: string
  copyright?: string
  /** How many articles a subscription feed shows. */
  items: number
  image?: string
  /** WebSub hub that readers may subscribe to for pushed updates. */
  hub?: string
  /** Cache lifetimes in seconds; anything left out takes the default (`src/http/cache-policy.ts`). */
  cache?: Partial<CachePolicy>
}

export type CachePolicy = {
  /** How long a reader may reuse a feed without asking again. */
  maxAge: number
  /** The same for shared caches and the edge. */
  sMaxAge: number
  /** How long a cache may serve a stale feed while it fetches a fresh one in the background. */
  staleWhileRevalidate: number
  /** How long a cache may serve a stale feed when the publisher answers with an error. */
  staleIfError: number
  /** How long HTML pages may be reused. */
  pageMaxAge: number
}

export type Corpus = {
  site: Site
  /**
   * Newest first by `date`, ties broken by slug: the order every feed and page shows. When the
   * corpus is kept in pieces (`shards`), only the articles dated after the build are here.
   */
  articles: Article[]
  /** SHA-256 of the site and the articles: the corpus version. */
  hash: string
  /**
   * Set by the loader: no article's `html` holds a character XML 1.0 cannot carry (it strips
   * them), so renderers need not scan every article for them again (src/formats/xml.ts). A corpus
   * built any other way leaves it unset and is scanned.
   */
  htmlClean?: boolean
  /**
   * Set when `dateline build` kept the corpus in pieces, in the site's static assets, because it
   * is too big for a Worker's bundle: every article dated up to the build is there, not in
   * `articles` (src/shards).
   */
  shards?: Shards
}

/**
 * Where a corpus kept in pieces is, and what the Worker needs to know without reading a piece.
 * Every stored article is in one chunk of `chunk` articles, in the site's order oldest first, so
 * nothing is stored twice. A tag's or an author's articles are found through its index files:
 * the site positions of its articles, oldest first, `index` to a file. A request reads at most
 * one chunk per article it shows (small chunks keep that cheap whatever a tag's density), and a
 * slug finds its article through one of `buckets` files.
 */
export type Shards = {
  /** Path of the pieces in the static assets: `/_dateline/{version}`. */
  base: string
  /** Articles per chunk. */
  chunk: number
  /** Site positions per index file. */
  index: number
  /**
   * How many of a tag's or an author's newest stored articles its `recent` file repeats (the
   * site's `items`): a subscription feed, what aggregators poll, is then one read whatever the
   * tag's density.
   */
  recent: number
  /** How many slug files there are (a power of two). */
  buckets: number
  /**
   * Set when a stored article has a permalink or aliases: the slug files list those paths too,
   * and the app looks paths up (src/shards/write.ts).
   */
  paths?: boolean
  /** The scopes, each one's folder its number: the site first, then tags, then authors. */
  scopes: ShardScope[]
}

export type ShardScope = {
  kind: string
  /** Empty for the site. */
  slug: string
  /** How many stored articles it has. */
  count: number
  /** The newest `updated` among them. */
  updated: string | null
  /** Each spelling of the tag or author and how many articles use it, to name it as in memory. */
  spellings: [string, number][]
}

/** Orders articles newest first; ties by slug so the order never depends on file-system order. */
export function compareArticles(a: Article, b: Article): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0
}
