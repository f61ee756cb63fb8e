/**
 * An article's summary (plain text): the one the front matter writes (`summary`, `description`,
 * `excerpt`), else the part before the excerpt separator (`<!--more-->`), else the first
 * paragraph that says something. A paragraph that is only a link, a bare URL, an image, or lines
 * of `Label: https://…` (a release post's downloads) is no summary: readers showed 311 posts of one
 * archive as "Windows 32-bit Installer: https://…".
 */
import { htmlToText } from './html.ts'
import { truncateAtWord } from './text.ts'

export const SUMMARY_LENGTH = 300

export type SummarySources = {
  /** The front matter's summary, as written. */
  written?: string
  /** The sanitised HTML before the excerpt separator. */
  excerpt?: string
  /** The article's sanitised HTML. */
  html: string
}

const PARAGRAPH = /<p>([\s\S]*?)<\/p>/g
const URL_TEXT = /\b(?:https?:\/\/|www\.)\S+/gi

/**
 * The summary, cut at a word boundary to about `SUMMARY_LENGTH` characters.
 * @example summarise({ html: '<p><img src="/a.png"></p><p>Hello.</p>' }) // 'Hello.'
 */
export function summarise({ written, excerpt, html }: SummarySources): string {
  if (written !== undefined) return written
  if (excerpt) {
    const text = htmlToText(excerpt)
    if (text) return truncateAtWord(text, SUMMARY_LENGTH)
  }
  for (const m of html.matchAll(PARAGRAPH)) {
    if (saysSomething(m[1])) return truncateAtWord(htmlToText(m[1]), SUMMARY_LENGTH)
  }
  // No paragraph says anything (a post of one image, or only a list): the text there is.
  return truncateAtWord(htmlToText(html), SUMMARY_LENGTH)
}

/** Whether a paragraph's HTML holds words other than links, URLs, images and labels. */
function saysSomething(paragraph: string): boolean {
  // Links say nothing on their own (a paragraph of one link is "only a link"), nor do URLs.
  const withoutLinks = paragraph.replace(/<a\b[^>]*>[\s\S]*?<\/a>/gi, ' ')
  const lines = withoutLinks
    .split(/<br\s*\/?>|\n/)
    .map((line) => htmlToText(line).replace(URL_TEXT, '').trim())
    .filter((line) => /[\p{L}\p{N}]/u.test(line))
  if (lines.length === 0) return false
  // Every line a short label for a link that was there (`Windows 32-bit Installer:`).
  return !lines.every((line) => line.endsWith(':') && line.split(/\s+/).length <= 8)
}
