/**
 * An article's old addresses (its aliases) move to its page. The app answers them 301 (RFC 9110
 * §15.4.2, src/http/routes.ts); a static export writes both ways a host may honour:
 * - `_redirects`, one `/old /new 301` a line, for hosts that read it (Cloudflare Pages and Workers
 *   static assets, Netlify; developers.cloudflare.com/pages/configuration/redirects/). Cloudflare
 *   follows a redirect even where a file exists; Netlify serves the file instead unless forced,
 *   which is harmless here: the file is the page below.
 * - at each old address, a page that sends the browser on (`<meta http-equiv="refresh">`, HTML
 *   Living Standard §4.2.5.3 "Refresh state") and names the new address as canonical
 *   (RFC 6596), for hosts that read neither, as Hugo and jekyll-redirect-from write them.
 * The same page is the body of the app's 301: "the server's response content usually contains a
 * short hypertext note with a hyperlink to the different URI(s)" (RFC 9110 §15.4).
 */
import { escapeHtml } from '../core/escape.ts'

export type Redirect = { from: string; to: string }

/**
 * Cloudflare Pages applies the first 2,000 static redirects of a `_redirects` file and ignores the
 * rest; the pages at the old addresses still move those.
 */
export const MAX_STATIC_REDIRECTS = 2000

/** The page at an old address that sends its reader to `url` (absolute). */
export function redirectPage(language: string, url: string): string {
  const href = escapeHtml(url)
  return `<!doctype html>\n<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>Moved to ${href}</title><link rel="canonical" href="${href}"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=${href}"></head><body><p>This page has moved to <a href="${href}">${href}</a>.</p></body></html>\n`
}

/**
 * The `_redirects` file: a comment that says what it is, then `from to 301` for each redirect.
 * A path holding `*` or `:` is left out, since those would read as a splat or a placeholder; its
 * page still moves it.
 * @example formatRedirects([{ from: '/old/', to: '/2019/05/15/hello/' }])
 * // '# …\n/old/ /2019/05/15/hello/ 301\n'
 */
export function formatRedirects(redirects: Redirect[]): string {
  const lines = redirects
    .filter(({ from, to }) => !/[*:]/.test(from) && !/[*:]/.test(to))
    .slice(0, MAX_STATIC_REDIRECTS)
    .map(({ from, to }) => `${from} ${to} 301`)
  const head = [
    '# Old addresses of articles (aliases, redirect_from) and where they moved, for hosts that read',
    '# _redirects (Cloudflare Pages, Workers static assets, Netlify). Written by `dateline export`.',
  ]
  return `${[...head, ...lines].join('\n')}\n`
}
