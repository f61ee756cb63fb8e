/**
 * The HTML a person sees: the index (newest articles, every feed, tags and authors), a page per
 * tag and author, and one page per article. Plain HTML and CSS, no JavaScript; every value is
 * escaped by hono/html. Each page names its feeds with `<link rel="alternate">` for discovery.
 */
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { Article, Site } from '../core/corpus.ts'
import { type Named, type Scope, scopeBase, scopePaths } from '../feeds/catalog.ts'
import { slugify } from '../feeds/slug.ts'
import { absolutizeHtml, permalink } from '../feeds/urls.ts'
import type { FeedFormat } from '../feeds/view.ts'
import { scopeTitle } from '../feeds/view.ts'
import { FEED_MEDIA_TYPES } from '../formats/media-types.ts'

type Html = HtmlEscapedString | Promise<HtmlEscapedString>

// WCAG 2.x contrast (1.4.3 AA asks 4.5:1 for text, 1.4.11 asks 3:1 for the focus ring): body text
// #1d1d1f on #fff 16.8:1; links and the focus ring #0b57d0 on #fff 6.4:1; bylines and notes
// #4a4a4f on #fff 8.8:1. Nothing may scroll sideways on a phone (1.4.10 Reflow): long words wrap,
// a wide table or code block scrolls inside its own box.
const STYLE = `:root{color-scheme:light}body{font:1.0625rem/1.6 system-ui,sans-serif;max-width:44rem;margin:0 auto;padding:1rem;color:#1d1d1f;background:#fff;overflow-wrap:break-word}
a{color:#0b57d0}a:focus-visible{outline:2px solid #0b57d0;outline-offset:2px;border-radius:1px}.meta,.note{color:#4a4a4f;font-size:.9375rem}
h1{line-height:1.2;font-size:1.9rem}h2{margin:1.6rem 0 .2rem;line-height:1.25;font-size:1.3rem}img,video{max-width:100%;height:auto}figure{margin:1rem 0}
.chips{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}table,pre{display:block;max-width:100%;overflow-x:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}
footer{margin-top:3rem;border-top:1px solid #ddd}`

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' }
const FORMATS: FeedFormat[] = ['rss', 'atom', 'json']

/** The day an article was published, in the site's language and time zone (its dateline). */
const dateFormat = (iso: string, site: Site) => {
  try {
    return dayFormatter(site.language, site.timezone).format(new Date(iso))
  } catch {
    return iso.slice(0, 10)
  }
}

// One formatter per language and zone: making one costs ~0.5 ms (ICU data), and a page of 20
// articles made 20 (25 ms of a cold Worker's first index page).
const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * Makes the site's date formatter ahead of the first page. The first formatter of a process costs
 * ~20–35 ms of ICU set-up, more than a cold request may take: the Worker does it while its module
 * loads, which Cloudflare runs during the TLS handshake, not in a request.
 */
export function prepareDates(site: Site): void {
  dateFormat('2000-01-01T00:00:00.000Z', site)
}

function dayFormatter(language: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone })
    formatters.set(key, f)
  }
  return f
}

type Page = { site: Site; siteUrl: string; title: string; description: string; feeds: Scope; body: Html }

// `<link rel="icon" href="data:,">` is an empty icon, so browsers do not ask for /favicon.ico,
// which the app does not serve (a 404 and a console error on every first visit).
function layout({ site, siteUrl, title, description, feeds, body }: Page) {
  const paths = scopePaths(feeds)
  const feedTitle = scopeTitle(site, feeds)
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="icon" href="data:,">
${FORMATS.map(
  (f) =>
    html`<link rel="alternate" type="${FEED_MEDIA_TYPES[f]}" title="${feedTitle} (${FORMAT_NAMES[f]})" href="${siteUrl}${paths[f]}">
`,
)}<style>${raw(STYLE)}</style>
</head>
<body>
${body}
<footer><p class="note">Feeds for your reader: ${feedLinks(siteUrl, feeds)}.</p>${
    site.copyright ? html`<p class="note">${site.copyright}</p>` : ''
  }</footer>
</body>
</html>
`
}

function feedLinks(siteUrl: string, scope: Scope) {
  const paths = scopePaths(scope)
  return FORMATS.map((f, i) => html`${i ? ', ' : ''}<a href="${siteUrl}${paths[f]}">${FORMAT_NAMES[f]}</a>`)
}

const scopeUrl = (siteUrl: string, kind: 'tag' | 'author', name: string) =>
  `${siteUrl}${scopeBase({ kind, slug: slugify(name), name })}/`

function byline(a: Article, site: Site, siteUrl: string) {
  const authors = a.authors.map(
    (p, i) => html`${i ? ', ' : ''}<a href="${scopeUrl(siteUrl, 'author', p.name)}">${p.name}</a>`,
  )
  const tags = a.tags.map((t, i) => html`${i ? ', ' : ''}<a href="${scopeUrl(siteUrl, 'tag', t)}">${t}</a>`)
  return html`<p class="meta"><time datetime="${a.date}">${dateFormat(a.date, site)}</time> · ${authors}${
    a.tags.length ? html` · ${tags}` : ''
  }</p>`
}

function articleList(articles: Article[], site: Site, siteUrl: string) {
  if (articles.length === 0) return html`<p>Nothing published yet.</p>`
  return articles.map(
    (a) => html`<article>
<h2><a href="${permalink(siteUrl, a)}">${a.title}</a></h2>
${byline(a, site, siteUrl)}
<p>${a.summary}</p>
</article>
`,
  )
}

function chips(siteUrl: string, kind: 'tag' | 'author', list: Named[]) {
  return html`<ul class="chips">${list.map(
    (n) =>
      html`<li><a href="${siteUrl}${scopeBase({ kind, slug: n.slug, name: n.name })}/">${n.name}</a> (${n.count})</li>`,
  )}</ul>`
}

const done = async (page: Html) => (await page).toString()

/** The home page: the newest articles with their summaries, the feeds, tags and authors. */
export function renderIndex(
  site: Site,
  siteUrl: string,
  articles: Article[],
  tags: Named[],
  authors: Named[],
) {
  const body = html`<header>
<h1>${site.title}</h1>
<p>${site.description}</p>
<p class="note">Subscribe: ${feedLinks(siteUrl, { kind: 'site' })}</p>
</header>
<main>
${articleList(articles, site, siteUrl)}
${tags.length ? html`<h2 id="tags">Tags</h2>${chips(siteUrl, 'tag', tags)}` : ''}
${authors.length ? html`<h2 id="authors">Authors</h2>${chips(siteUrl, 'author', authors)}` : ''}
</main>`
  const description = site.description
  return done(layout({ site, siteUrl, title: site.title, description, feeds: { kind: 'site' }, body }))
}

/** A tag's or an author's page: its newest articles and its own feeds. */
export function renderScope(site: Site, siteUrl: string, scope: Scope, articles: Article[]) {
  const heading =
    scope.kind === 'tag'
      ? `Tagged “${scope.name}”`
      : scope.kind === 'author'
        ? `By ${scope.name}`
        : site.title
  const body = html`<header><p><a href="${siteUrl}/">${site.title}</a></p>
<h1>${heading}</h1>
<p class="note">Subscribe: ${feedLinks(siteUrl, scope)}</p>
</header>
<main>
${articleList(articles, site, siteUrl)}
</main>`
  const description = scope.kind === 'site' ? site.description : `${heading} on ${site.title}`
  return done(layout({ site, siteUrl, title: scopeTitle(site, scope), description, feeds: scope, body }))
}

/** One article in full, with the same content the feeds carry (sanitised when loaded). */
export function renderArticle(site: Site, siteUrl: string, a: Article) {
  const body = html`<header><p><a href="${siteUrl}/">${site.title}</a></p></header>
<main>
<article>
<h1>${a.title}</h1>
${byline(a, site, siteUrl)}
${raw(absolutizeHtml(siteUrl, a.html))}
</article>
</main>`
  const title = `${a.title} — ${site.title}`
  return done(layout({ site, siteUrl, title, description: a.summary, feeds: { kind: 'site' }, body }))
}

/** A short page for errors, so a person who follows a dead link sees where to go. */
export function renderError(status: number, message: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status}</title><link rel="icon" href="data:,"></head><body><h1>${status}</h1><p>${message}</p><p><a href="/">Home</a></p></body></html>\n`
}
