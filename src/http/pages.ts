/**
 * The HTML a person sees: the index (newest articles, links to every feed, autodiscovery
 * `<link rel="alternate">` for all three formats) and one page per article. Plain HTML with
 * inline CSS; every value is escaped by hono/html.
 */
import { html, raw } from 'hono/html'
import type { Article, Site } from '../corpus.ts'
import { absolutizeHtml, permalink } from '../feeds/urls.ts'
import { SITE_FEED_PATHS } from '../feeds/view.ts'

const STYLE = `body{font:17px/1.55 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
a{color:#0b57d0}header p,.meta{color:#555;font-size:.9em}article+article{margin-top:1.8rem}
h1{line-height:1.2}h2{margin-bottom:.2rem;line-height:1.25}img{max-width:100%;height:auto}
nav a{margin-right:1rem}`

const dateFormat = (iso: string, language: string) => {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso))
  } catch {
    return iso.slice(0, 10)
  }
}

function layout(site: Site, siteUrl: string, title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="alternate" type="application/rss+xml" title="${site.title} (RSS)" href="${siteUrl}${SITE_FEED_PATHS.rss}">
<link rel="alternate" type="application/atom+xml" title="${site.title} (Atom)" href="${siteUrl}${SITE_FEED_PATHS.atom}">
<link rel="alternate" type="application/feed+json" title="${site.title} (JSON Feed)" href="${siteUrl}${SITE_FEED_PATHS.json}">
<style>${raw(STYLE)}</style>
</head>
<body>
${body}
</body>
</html>
`
}

function byline(a: Article, site: Site) {
  const names = a.authors.map((p) => p.name).join(', ')
  return html`<p class="meta"><time datetime="${a.date}">${dateFormat(a.date, site.language)}</time> · ${names}${
    a.tags.length ? html` · ${a.tags.join(', ')}` : ''
  }</p>`
}

/** The home page: the newest articles with their summaries, and the feeds. */
export async function renderIndex(site: Site, siteUrl: string, articles: Article[]): Promise<string> {
  const list = articles.map(
    (a) => html`<article>
<h2><a href="${permalink(siteUrl, a)}">${a.title}</a></h2>
${byline(a, site)}
<p>${a.summary}</p>
</article>`,
  )
  const body = html`<header>
<h1>${site.title}</h1>
<p>${site.description}</p>
<nav>Subscribe: <a href="${siteUrl}${SITE_FEED_PATHS.rss}">RSS</a><a href="${siteUrl}${SITE_FEED_PATHS.atom}">Atom</a><a href="${siteUrl}${SITE_FEED_PATHS.json}">JSON Feed</a></nav>
</header>
<main>
${articles.length ? list : html`<p>Nothing published yet.</p>`}
</main>`
  return (await layout(site, siteUrl, site.title, body)).toString()
}

/** One article in full. Its HTML was sanitised when it was loaded. */
export async function renderArticle(site: Site, siteUrl: string, a: Article): Promise<string> {
  const body = html`<header><p><a href="${siteUrl}/">${site.title}</a></p></header>
<main>
<article>
<h1>${a.title}</h1>
${byline(a, site)}
${raw(absolutizeHtml(siteUrl, a.html))}
</article>
</main>`
  return (await layout(site, siteUrl, `${a.title} — ${site.title}`, body)).toString()
}

/** A short page for errors, so a person who follows a dead link sees where to go. */
export function renderError(status: number, message: string): string {
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status}</h1><p>${message}</p><p><a href="/">Home</a></p></body></html>\n`
}
