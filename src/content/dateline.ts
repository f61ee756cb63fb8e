/**
 * Dateline articles (`*.txt`), the plain-text format news wires use:
 *
 *     date 2020-10-19 By Author Name
 *
 *     First paragraph. Its first sentence is the title.
 *
 *     Second paragraph.
 *
 * The dateline is the first non-blank line (leading spaces, any spacing, `by` in any case).
 * Paragraphs are separated by blank lines and are plain text. Optional front matter at the top
 * wins over the dateline, and makes the dateline itself optional.
 */
import { escapeHtml } from '../core/escape.ts'
import { toBoolean } from './fields.ts'
import { readFrontMatter } from './front-matter.ts'
import type { ParsedFile } from './normalise.ts'
import type { Problem } from './problem.ts'
import type { ContentRules } from './rules.ts'
import { firstSentence, squash, truncateAtWord } from './text.ts'

const DATELINE = /^\s*date\s+(\S+)\s+by\s+(\S.*?)\s*$/i
export const TITLE_LENGTH = 110

/** Parses the text of a dateline file; `file` is the path shown in problems. */
export function parseDateline(
  text: string,
  file: string,
  source: string,
  _rules?: ContentRules,
): ParsedFile | Problem {
  const fm = readFrontMatter(text, file)
  if ('message' in fm) return fm
  const lines = fm.body.split('\n')
  let first = lines.findIndex((l) => l.trim() !== '')
  if (first === -1) return { file, message: 'the article has no text; write paragraphs after the dateline' }
  const dateLine = fm.bodyLine + first
  const m = DATELINE.exec(lines[first])
  // Front matter that gives the date (or marks a draft) makes the dateline optional.
  const hasFrontMatterDate = fm.data.date !== undefined && fm.data.date !== null
  const draft = toBoolean(fm.data.draft)
  const isDraft = 'value' in draft && draft.value
  if (!m && !hasFrontMatterDate && !isDraft) {
    return {
      file,
      line: dateLine,
      message: `the first line must be the dateline "date YYYY-MM-DD By Author Name", found "${lines[first].trim().slice(0, 60)}"`,
    }
  }
  if (m) first += 1
  const paragraphs = lines
    .slice(first)
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (paragraphs.length === 0) {
    return { file, line: dateLine, message: 'the article has a dateline but no paragraphs after it' }
  }
  const html = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')
  return {
    file,
    source,
    data: fm.data,
    lineOf: fm.lineOf,
    html,
    derived: {
      title: truncateAtWord(firstSentence(paragraphs[0]), TITLE_LENGTH),
      date: m?.[1],
      dateLine,
      authors: m ? [squash(m[2])] : undefined,
    },
  }
}
