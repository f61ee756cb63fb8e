/**
 * What the sanitiser drops, watched while sanitize-html parses (its `onOpenTag`/`onCloseTag`
 * hooks see every element, allowed or not): each element it removes is reported, so that nothing
 * vanishes silently (docs/migrating.md), and a video or a sound a reader can still reach is
 * replaced by a link: an `<iframe>` of YouTube or Vimeo by the video's thumbnail and page
 * (`templates/embeds.ts`), a `<video>` or `<audio>` by a link to its file. Feed readers drop
 * these elements themselves, so a link is the only form that works in all of them.
 */
import type sanitizeHtml from 'sanitize-html'
import { escapeHtml } from '../core/escape.ts'
import { embedFromUrl } from './templates/embeds.ts'

/** An element the sanitiser removed, in document order. */
export type RemovedHtml = {
  /** Its tag name, lower case: `iframe`. */
  tag: string
  /** Its `src` (`data` for `<object>`; a `<video>`'s first `<source>`), as written. */
  src?: string
  /** Whether what it held went too (`<script>`, `<iframe>`), or only the tag (`<font>`, `<center>`). */
  content: boolean
  /** Whether a link took its place. */
  replaced?: boolean
}

// Elements that go with all they hold: code or data that is not text (script, style, template),
// form controls' values, and what a browser shows only when it cannot show the element itself
// ("Your browser does not support video"), which in a feed would be stray text. The first five are
// sanitize-html's own `nonTextTags`. The elements inside one are not reported on their own.
export const DROPPED_WITH_CONTENT = [
  ...['script', 'style', 'textarea', 'option', 'xmp'],
  ...['select', 'template', 'noembed', 'noframes', 'iframe', 'video', 'audio', 'svg', 'canvas'],
]
const WITH_CONTENT = new Set(DROPPED_WITH_CONTENT)
const MEDIA = new Set(['video', 'audio'])

// Where the replacement must be phrasing content (HTML §3.2.5.2.5): the `<p>` of an embed goes.
const PHRASING_PARENTS = new Set('p h1 h2 h3 h4 h5 h6 a em strong span summary'.split(' '))

// Stands in the sanitised HTML for a dropped `<iframe>`, `<video>` or `<audio>`, whatever it held,
// until `finish` puts its replacement there; the random part of its name cannot come from the
// article. (sanitize-html can write a `text` in place of a dropped element, but then loses the
// text that follows it.)
const PLACEHOLDER = `dateline-drop-${Math.random().toString(36).slice(2, 10)}`
const PLACEHOLDERS = new RegExp(`<${PLACEHOLDER} n="(\\d+)">[\\s\\S]*?</${PLACEHOLDER}>`, 'g')

// A dropped element that gets a replacement, and whether it sat where only phrasing content goes.
type Marked = { report: RemovedHtml; phrasing: boolean }

/** The options sanitize-html needs for `watchDrops`, given the tags it allows; made once. */
export function dropOptions(allowedTags: string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: [...allowedTags, PLACEHOLDER],
    allowedAttributes: { [PLACEHOLDER]: ['n'] },
    nonTextTags: DROPPED_WITH_CONTENT,
  }
}

/**
 * The hooks for one sanitize-html run (`allowed`: the tags it allows; `resolve`: how URLs are
 * resolved), the reports, and `finish`, which puts the replacements into its output.
 */
export function watchDrops(allowed: ReadonlySet<string>, resolve: (url: string) => string) {
  const reports: RemovedHtml[] = []
  const marked: Marked[] = []
  // The open elements, and the report of each (undefined for most): plain arrays, as this runs
  // for every element of every article.
  const names: string[] = []
  const opened: Array<RemovedHtml | undefined> = []
  let inDropped = 0
  const replaceable = (name: string, attribs: sanitizeHtml.Attributes) => {
    const report = opened[opened.length - 1]
    if (!report || report.tag !== name) return { tagName: name, attribs }
    marked.push({ report, phrasing: names.some((n) => PHRASING_PARENTS.has(n)) })
    return { tagName: PLACEHOLDER, attribs: { n: String(marked.length - 1) } }
  }
  const transformTags = { iframe: replaceable, video: replaceable, audio: replaceable }
  const hooks: sanitizeHtml.IOptions = {
    onOpenTag(name, attribs) {
      let report: RemovedHtml | undefined
      if (!allowed.has(name)) {
        const parent = opened[opened.length - 1]
        if (name === 'source' && parent && MEDIA.has(parent.tag) && !parent.src) parent.src = attribs.src
        if (inDropped === 0) {
          const src = attribs.src ?? (name === 'object' ? attribs.data : undefined)
          report = { tag: name, ...(src ? { src } : {}), content: WITH_CONTENT.has(name) }
          reports.push(report)
        }
        if (WITH_CONTENT.has(name)) inDropped++
      }
      names.push(name)
      opened.push(report)
    },
    onCloseTag() {
      opened.pop()
      const name = names.pop()
      if (name !== undefined && WITH_CONTENT.has(name)) inDropped--
    },
  }
  const finish = (html: string): string =>
    marked.length === 0
      ? html
      : html.replace(PLACEHOLDERS, (_, i: string) => replacement(marked[Number(i)], resolve))
  return { hooks, transformTags, reports, finish }
}

function replacement(marked: Marked | undefined, resolve: (url: string) => string): string {
  const report = marked?.report
  if (!report?.src) return ''
  if (report.tag === 'iframe') {
    // Any other page a frame showed (a map, a slide deck, another video site) is linked by its
    // host's name: the reader can still reach what the article showed.
    const embed = embedFromUrl(report.src) ?? pageLink(resolve(report.src))
    if (!embed) return ''
    report.replaced = true
    return marked?.phrasing ? embed.replace(/^<p>|<\/p>$/g, '') : embed
  }
  const url = resolve(report.src)
  if (!/^(?:https?:\/\/|\/(?!\/))/i.test(url)) return ''
  report.replaced = true
  const name = fileName(url)
  return `<a href="${escapeHtml(url)}">${report.tag === 'video' ? 'Video' : 'Audio'}${name ? `: ${escapeHtml(name)}` : ''}</a>`
}

/** A paragraph linking an absolute http(s) URL by its host's name; undefined for anything else. */
function pageLink(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined
  let host: string
  try {
    host = new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return undefined
  }
  return `<p><a href="${escapeHtml(url)}">Embedded content: ${escapeHtml(host)}</a></p>`
}

function fileName(url: string): string {
  const last =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? ''
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}
