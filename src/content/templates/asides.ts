/**
 * Asides (admonitions, callouts) as Starlight, Docusaurus and VitePress write them:
 *
 *     :::tip[Custom title]          (Starlight, Docusaurus)
 *     ::: warning Custom title      (VitePress, Docusaurus)
 *     The content, in Markdown.
 *     :::
 *
 * Feed readers have no styles for asides, so each becomes a blockquote whose first line is its
 * label in bold: the title, or the type capitalised. Any name renders so (`:::details`,
 * `:::code-group`), as a blockquote loses nothing of the content: no warning is needed. Nested
 * asides use longer fences outside (`::::note` … `::::`); a closing fence must be at least as long
 * as the opening one (remark-directive, which Starlight uses). Fenced code is left alone.
 */
import { capitalise } from './markdown-blocks.ts'

const OPEN = /^ {0,3}(:{3,})[ \t]*([A-Za-z][\w-]*)(?:\[(.*)\])?(\{[^}]*\})?[ \t]*(.*?)[ \t]*$/
const CLOSE = /^ {0,3}(:{3,})[ \t]*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/

/** `text` with its `:::` asides rendered as labelled blockquotes. */
export function expandAsides(text: string): string {
  const out: string[] = []
  const open: number[] = []
  let fence = ''
  const quoted = (line: string) => {
    const prefix = '> '.repeat(open.length)
    return line.trim() ? prefix + line : prefix.trimEnd()
  }
  for (const line of text.split('\n')) {
    if (fence) {
      const close = FENCE.exec(line)
      if (
        close &&
        close[1][0] === fence[0] &&
        close[1].length >= fence.length &&
        !line.trim().slice(close[1].length).trim()
      )
        fence = ''
      out.push(quoted(line))
      continue
    }
    const start = FENCE.exec(line)
    if (start) {
      fence = start[1]
      out.push(quoted(line))
      continue
    }
    const close = CLOSE.exec(line)
    if (close && open.length && close[1].length >= open[open.length - 1]) {
      open.pop()
      // A blank line ends the blockquote: the next line would be a lazy continuation (§5.1).
      out.push(quoted(''))
      continue
    }
    const aside = OPEN.exec(line)
    if (aside) {
      const attrTitle = aside[4] && /title=(["'])(.*?)\1/.exec(aside[4])?.[2]
      const label = aside[3]?.trim() || aside[5] || attrTitle || capitalise(aside[2])
      out.push(quoted(`> **${label}**`), quoted('>'))
      open.push(aside[1].length)
      continue
    }
    out.push(quoted(line))
  }
  return out.join('\n')
}
