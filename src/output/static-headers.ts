/**
 * `_headers` for a static export: the response headers the app sends, as rules that static hosts
 * apply to the exported files (Cloudflare Pages and Workers static assets, Netlify). Each rule is a
 * path pattern, then indented `Name: value` lines; `*` (a splat, one per pattern) matches any
 * characters, `:name` (a placeholder) one path segment
 * (https://developers.cloudflare.com/pages/configuration/headers/).
 *
 * A path that matches several rules gets the headers of all of them, and a header set by two
 * joined with a comma ("public, max-age=600, public, max-age=31536000"): so no two rules that can
 * match the same file set the same header. That decides the layout: Content-Type and CORS by
 * file name, Cache-Control separately where one name has two policies (archive pages).
 *
 * Articles at paths of their own get rules by the shape of their paths (page-rules.ts).
 *
 * What is left out: `Vary` (the app varies a feed's type by `Sec-Fetch-Dest`, a static host sends
 * every request the same file, and a `Vary` here would replace the host's own
 * `Vary: Accept-Encoding`); `Link` (a per-feed value that Netlify cannot fill in from a pattern);
 * and a media file's Content-Type, which the host sets from the extension, as the Node server does.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MEDIA_TYPES } from '../content/mime-types.ts'
import type { Corpus } from '../core/corpus.ts'
import { fullPages, lastPage } from '../feeds/archive.ts'
import { FORMAT_FILES, type Scope, scopeBase } from '../feeds/catalog.ts'
import { published } from '../feeds/select.ts'
import { snapshotScopes } from '../feeds/snapshot.ts'
import type { FeedFormat } from '../feeds/view.ts'
import { FEED_STYLESHEET_PATH } from '../formats/browser-prolog.ts'
import { FEED_CONTENT_TYPES } from '../formats/media-types.ts'
import { createApp } from '../http/app.ts'
import { cacheControl, resolvePolicy } from '../http/cache-policy.ts'
import { FEED_CSS, FEED_CSS_CACHE_CONTROL } from '../http/feed-css.ts'
import { withMedia } from '../http/media-node.ts'
import { FEED_CORS } from '../http/respond.ts'
import { createVisibility } from '../http/visibility.ts'
import { pagePatterns } from './page-rules.ts'
import { siteAddresses, siteRedirects } from './site-map.ts'

export type HeaderRule = { path: string; headers: Record<string, string> }

/** Cloudflare Pages applies at most 100 rules and ignores the rest. */
export const MAX_RULES = 100

type HeaderSet = Record<string, string>
const rule = (path: string, ...parts: HeaderSet[]): HeaderRule => ({
  path,
  headers: Object.assign({}, ...parts),
})

/**
 * The rules for an export of `corpus` at `now`, and a note for each group of archive pages that
 * had to be given the feed policy to stay within `maxRules`.
 *
 * An export is a snapshot: a scheduled article appears only when the site is exported (and
 * deployed) again. Lifetimes are the app's at the moment of export, so within `max-age` of the
 * next scheduled article they are capped at it as the app caps them: export again at that time
 * (a scheduled CI job) and caches do not keep the old files past it.
 * @example const { rules } = await staticHeaderRules(corpus, Date.now()) // rules[0].path === '/'
 */
export async function staticHeaderRules(
  corpus: Corpus,
  now: number,
  { maxRules = MAX_RULES } = {},
): Promise<{ rules: HeaderRule[]; notes: string[] }> {
  const policy = resolvePolicy(corpus.site.cache)
  const visible = createVisibility(corpus, () => now)()
  const lifetime: Lifetime = (kind) => ({ 'Cache-Control': cacheControl(kind, policy, visible.untilNext) })
  // respond.ts keeps the page type and nosniff to itself: read them off the app's answer.
  const index = await createApp({ corpus, clock: () => now }).request('/')
  const nosniff = pick(index.headers, 'X-Content-Type-Options')
  const page = { ...pick(index.headers, 'Content-Type'), ...lifetime('page'), ...nosniff }

  // Pages at the app's paths and at their files' (Netlify serves both; Cloudflare redirects
  // `….html` and `…/index.html` to the former): `/articles/:slug` is both `/articles/x` and
  // `/articles/x.html`, and not `/articles/x/`, which `/:kind/:slug/` gives the same headers (a
  // permalink may be there). A media file under content/articles/ would match `/articles/:slug`
  // too: keep media elsewhere.
  const rules = ['/', '/index.html', '/:kind/:slug/', '/:kind/:slug/index.html', '/articles/:slug'].map((p) =>
    rule(p, page),
  )
  rules.push(
    rule(
      FEED_STYLESHEET_PATH,
      { 'Content-Type': FEED_CSS.contentType, 'Cache-Control': FEED_CSS_CACHE_CONTROL },
      nosniff,
    ),
  )

  const { items } = corpus.site
  const archived = snapshotScopes(visible.snapshot)
    .map((scope) => ({ scope, count: visible.snapshot.count(scope) }))
    .filter(({ count }) => count > items)
  for (const format of Object.keys(FORMAT_FILES) as FeedFormat[]) {
    const file = FORMAT_FILES[format]
    const type = { 'Content-Type': FEED_CONTENT_TYPES[format] }
    for (const base of ['', '/tags/:slug', '/authors/:slug'])
      rules.push(rule(`${base}/${file}`, type, lifetime('feed'), FEED_CORS, nosniff))
    // Archive pages: the type here, the lifetime below, by page.
    for (const base of archived.length ? ['', '/*'] : [])
      rules.push(rule(`${base}/archive/:page/${file}`, type, FEED_CORS, nosniff))
  }

  const media = await mediaHeaders()
  const extensions = Object.keys(MEDIA_TYPES)
  const mediaRules = extensions.map((ext) => rule(`/*.${ext}`, media))
  // Articles at paths of their own, and the pages at their old addresses (page-rules.ts).
  const addresses = siteAddresses(corpus, now)
  const own = new Set(published(corpus, now).articles.flatMap((a) => (a.path ? [a.path] : [])))
  const pages = [...addresses.filter((a) => own.has(a.path)), ...siteRedirects(corpus, now, addresses)]
  const others = addresses.filter((a) => !own.has(a.path))
  const existing = [...rules, ...mediaRules].map((r) => r.path)
  for (const pattern of pagePatterns(pages, others, existing)) rules.push(rule(pattern, page))
  const budget = maxRules - rules.length - extensions.length
  const archives = archiveRules(archived, items, budget, lifetime)
  rules.push(...archives.rules, ...mediaRules)
  return { rules, notes: archives.notes }
}

type Lifetime = (kind: 'feed' | 'page' | 'archive') => HeaderSet

/**
 * Cache-Control for the archive pages of scopes with `count` articles each, in at most `budget`
 * rules. A full page never changes and is immutable; the page being filled (the last) is a feed
 * (archive.ts). No pattern tells them apart, so each page is a rule of its own, for its three
 * formats, while the budget allows; past it a group's pages all get the feed policy, which is
 * never wrong, only less thrifty.
 */
function archiveRules(
  archived: { scope: Scope; count: number }[],
  items: number,
  budget: number,
  lifetime: Lifetime,
): { rules: HeaderRule[]; notes: string[] } {
  const groups = [
    { name: 'the site', fallback: '/archive/*', kind: 'site' },
    { name: 'tags', fallback: '/tags/:slug/archive/*', kind: 'tag' },
    { name: 'authors', fallback: '/authors/:slug/archive/*', kind: 'author' },
  ]
    .map((g) => ({ ...g, scopes: archived.filter(({ scope }) => scope.kind === g.kind) }))
    .filter((g) => g.scopes.length > 0)
  const rules: HeaderRule[] = []
  const notes: string[] = []
  for (const [i, group] of groups.entries()) {
    const pages = group.scopes.reduce((n, { count }) => n + lastPage(count, items), 0)
    // Keep one rule for each group after this one.
    if (pages <= budget - rules.length - (groups.length - i - 1)) {
      for (const { scope, count } of group.scopes) {
        for (let n = 1; n <= lastPage(count, items); n++) {
          const kind = n <= fullPages(count, items) ? 'archive' : 'feed'
          rules.push(rule(`${scopeBase(scope)}/archive/${n}/*`, lifetime(kind)))
        }
      }
    } else {
      rules.push(rule(group.fallback, lifetime('feed')))
      notes.push(
        `The ${pages} archive pages of ${group.name} have the feed policy: a rule per page would pass the rule limit.`,
      )
    }
  }
  return { rules, notes }
}

/**
 * The `_headers` file for `rules`: a comment that says what it is, then each rule.
 * @example formatHeaders([{ path: '/', headers: { 'X-Content-Type-Options': 'nosniff' } }], [])
 * // '# …\n\n/\n  X-Content-Type-Options: nosniff\n'
 */
export function formatHeaders(rules: HeaderRule[], notes: string[]): string {
  const head = [
    '# Response headers for hosts that read _headers (Cloudflare Pages, Workers static assets,',
    '# Netlify): what the dateline app sends for each kind of file, as of the export.',
    '# Written by `dateline export`; change site.yaml (cache:) and export again, not this file.',
    ...notes.map((n) => `# ${n}`),
  ]
  const blocks = rules.map(({ path, headers }) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  )
  return `${[head.join('\n'), ...blocks].join('\n\n')}\n`
}

/** The `_headers` file for an export of `corpus` at `now`. */
export async function staticHeaders(corpus: Corpus, now: number): Promise<string> {
  const { rules, notes } = await staticHeaderRules(corpus, now)
  return formatHeaders(rules, notes)
}

function pick(headers: Headers, name: string): HeaderSet {
  const value = headers.get(name)
  if (value === null) throw new Error(`[dateline] export: the app sent no ${name} to copy into _headers`)
  return { [name]: value }
}

/**
 * What the Node server adds to a media file (src/http/media-node.ts), read off its answer for an
 * empty probe file: media-node.ts keeps its policy to itself, and a copy here could drift.
 */
async function mediaHeaders(): Promise<HeaderSet> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-media-probe-'))
  try {
    await writeFile(join(dir, 'probe.png'), '')
    const missing = () => new Response(null, { status: 404 })
    const res = await withMedia(dir, missing)(new Request('http://localhost/probe.png'))
    return { ...pick(res.headers, 'Cache-Control'), ...pick(res.headers, 'X-Content-Type-Options') }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
