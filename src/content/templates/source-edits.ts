/**
 * Edits to a Markdown body by character offsets, gathered while its template syntax is read and
 * applied at once, so that every warning names the line where the author wrote the tag (the
 * offsets are those of the body as written) and nothing is re-serialised: text between the tags
 * reaches marked byte for byte.
 */
import type { Warning, WarningKind } from '../warning.ts'

export type Edit = { start: number; end: number; text: string }

export type EditOptions = {
  file: string
  bodyLine: number
  keep: boolean
  /** The excerpt separator, left as written when it is template syntax (`{/* truncate *\/}`). */
  separator?: string
}

/** The edits and warnings of one body, with the helpers every syntax family shares. */
export type SourceEdits = ReturnType<typeof sourceEdits>

export function sourceEdits(body: string, options: EditOptions) {
  const edits: Edit[] = []
  const warnings: Warning[] = []
  let lineStarts: number[] | undefined

  /** The 1-based line in the file of an offset in the body. */
  const lineAt = (offset: number): number => {
    lineStarts ??= [0, ...[...body.matchAll(/\n/g)].map((m) => (m.index as number) + 1)]
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return options.bodyLine + lo
  }

  /** `[start, end)` widened to its whole line, newline included, when nothing else is on it. */
  const wholeLine = (start: number, end: number): [number, number] | undefined => {
    const from = body.lastIndexOf('\n', start - 1) + 1
    const newline = body.indexOf('\n', end)
    const to = newline === -1 ? body.length : newline
    if (body.slice(from, start).trim() || body.slice(end, to).trim()) return undefined
    return [from, newline === -1 ? to : to + 1]
  }

  return {
    body,
    keep: options.keep,
    lineAt,
    /** Whether `[start, end)` is the excerpt separator, which the excerpt step reads after this one. */
    isSeparator(start: number, end: number): boolean {
      const sep = options.separator?.trim()
      return !!sep && body.slice(start, end) === sep
    },
    replace(start: number, end: number, text: string) {
      edits.push({ start, end, text })
    },
    /**
     * Removes a tag; a tag alone on its line takes the line with it, leaving no stray blank line,
     * and one at either end of a line takes the spaces between it and the text.
     */
    remove(start: number, end: number) {
      const line = wholeLine(start, end)
      if (line) {
        edits.push({ start: line[0], end: line[1], text: '' })
        return
      }
      const before = /[ \t]*$/.exec(body.slice(Math.max(0, start - 80), start))?.[0].length ?? 0
      const after = /^[ \t]*/.exec(body.slice(end, end + 80))?.[0].length ?? 0
      const atEnd = end + after === body.length || body[end + after] === '\n'
      const atStart = start - before === 0 || body[start - before - 1] === '\n'
      edits.push({ start: atEnd ? start - before : start, end: atStart ? end + after : end, text: '' })
    },
    /**
     * Puts block-level Markdown or HTML in place of a tag: on lines of its own, followed by a
     * blank line (an HTML block ends only at one, CommonMark §4.6).
     */
    block(start: number, end: number, text: string) {
      const line = wholeLine(start, end)
      if (line) edits.push({ start: line[0], end: line[1], text: `${text}\n\n` })
      else edits.push({ start, end, text: `\n\n${text}\n\n` })
    },
    /**
     * Puts `text` on a line of its own in place of a tag (an aside's fence, a label), or an empty
     * line when `text` is '', so that the blocks around the tag stay apart.
     */
    lines(start: number, end: number, text: string) {
      const line = wholeLine(start, end)
      if (line) edits.push({ start: line[0], end: line[1], text: `${text}\n` })
      else edits.push({ start, end, text: `\n${text}\n` })
    },
    warn(kind: WarningKind, offset: number, message: string) {
      warnings.push({ file: options.file, line: lineAt(offset), kind, message })
    },
    /**
     * The body with every edit made. Of edits that overlap, the one that starts first (the longer
     * one at the same start) is made: a tag's line removed wins over taking indentation off it.
     */
    apply(): { text: string; warnings: Warning[] } {
      if (edits.length === 0) return { text: body, warnings }
      edits.sort((a, b) => a.start - b.start || b.end - a.end)
      let text = ''
      let at = 0
      for (const e of edits) {
        if (e.start < at) continue
        text += body.slice(at, e.start) + e.text
        at = e.end
      }
      warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
      return { text: text + body.slice(at), warnings }
    },
  }
}

/** A tag as shown in a warning: white space squashed, long ones shortened. */
export function shown(tag: string, max = 80): string {
  const text = tag.replace(/\s+/g, ' ').trim()
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** What became of an unknown tag, for the end of a warning. */
export function fate(keep: boolean, removed = 'removed'): string {
  return keep ? 'kept as text' : removed
}
