/**
 * Hugo shortcodes in a Markdown body: `{{< name args >}}`, `{{% name args %}}`, their closing
 * `{{< /name >}}`, self-closing `{{< name />}}`, and escaped ones (the name between `{{</*` and a closing star-slash `>}}`), which Hugo
 * prints without the comment markers (gohugo.io/content-management/shortcodes). Arguments are
 * positional or named, bare, "quoted" (with backslash escapes) or `raw` (Go's string forms).
 */

export type Shortcode = {
  begin: number
  end: number
  /** `<` or `%`. */
  delim: string
  name: string
  closing: boolean
  selfClosing: boolean
  positional: string[]
  named: Record<string, string>
  /** For an escaped shortcode, what Hugo prints: `{{< name >}}`. */
  escaped?: string
}

/** A shortcode with its closing one, when it has one. */
export type ShortcodeUnit = { open: Shortcode; close?: Shortcode }

/** Whether `body` holds a shortcode opening: `{{<` or `{{%`. */
export function hasShortcodes(body: string): boolean {
  return body.includes('{{<') || body.includes('{{%')
}

/** Every shortcode in `body`, in order; `unclosed` gets the offset of one that never ends. */
export function readShortcodes(body: string, unclosed: (offset: number) => void): Shortcode[] {
  const found: Shortcode[] = []
  const open = /\{\{([<%])/g
  for (let m = open.exec(body); m; m = open.exec(body)) {
    const begin = m.index
    const delim = m[1]
    const after = begin + 3
    const escaped = /^\s*\/\*/.exec(body.slice(after, after + 40))
    if (escaped) {
      const close = new RegExp(`\\*/\\s*${delim === '<' ? '>' : '%'}\\}\\}`, 'y')
      const stop = body.indexOf('*/', after)
      close.lastIndex = stop
      if (stop !== -1 && close.test(body)) {
        const inner = body.slice(after + escaped[0].length, stop)
        const end = close.lastIndex
        const shut = delim === '<' ? '>' : '%'
        found.push({ ...empty(begin, end, delim), escaped: `{{${delim}${inner}${shut}}}` })
        open.lastIndex = end
        continue
      }
    }
    const stop = closingAt(body, after, delim === '<' ? '>}}' : '%}}')
    if (stop === -1) {
      unclosed(begin)
      continue
    }
    const end = stop + 3
    found.push(parse(body.slice(after, stop), begin, end, delim))
    open.lastIndex = end
  }
  return found
}

function empty(begin: number, end: number, delim: string): Shortcode {
  return { begin, end, delim, name: '', closing: false, selfClosing: false, positional: [], named: {} }
}

/** The offset of `shut` after `from`, outside quoted arguments, or -1. */
function closingAt(body: string, from: number, shut: string): number {
  for (let i = from; i < body.length; i++) {
    const c = body[i]
    if (c === '"') {
      for (i++; i < body.length && body[i] !== '"'; i++) if (body[i] === '\\') i++
    } else if (c === '`') {
      i = body.indexOf('`', i + 1)
      if (i === -1) return -1
    } else if (c === shut[0] && body.startsWith(shut, i)) return i
  }
  return -1
}

function parse(inside: string, begin: number, end: number, delim: string): Shortcode {
  const code = empty(begin, end, delim)
  let text = inside.trim()
  if (text.startsWith('/')) return { ...code, closing: true, name: text.slice(1).trim() }
  if (text.endsWith('/')) {
    code.selfClosing = true
    text = text.slice(0, -1)
  }
  const words = /\s*(?:([\w-]+)=)?("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+)/gy
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const value = unquote(m[2])
    if (!code.name && !m[1]) code.name = value
    else if (m[1]) code.named[m[1]] = value
    else code.positional.push(value)
  }
  return code
}

function unquote(word: string): string {
  if (word.startsWith('"')) return word.slice(1, -1).replace(/\\(.)/g, '$1')
  if (word.startsWith('`')) return word.slice(1, -1)
  return word
}

/**
 * Pairs shortcodes with their closing ones by name. `highlight` is opaque: what is inside is code,
 * not shortcodes. An escaped shortcode, a self-closing one or one never closed stands alone.
 */
export function pairShortcodes(codes: Shortcode[]): ShortcodeUnit[] {
  const units: ShortcodeUnit[] = []
  const open: ShortcodeUnit[] = []
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]
    if (code.closing) {
      const at = open.findLastIndex((u) => u.open.name === code.name)
      if (at !== -1) {
        open[at].close = code
        open.length = at
      } else units.push({ open: code })
      continue
    }
    const unit: ShortcodeUnit = { open: code }
    units.push(unit)
    if (code.escaped !== undefined || code.selfClosing) continue
    if (code.name === 'highlight') {
      const j = codes.findIndex((c, k) => k > i && c.closing && c.name === 'highlight')
      if (j !== -1) {
        unit.close = codes[j]
        i = j
      }
      continue
    }
    open.push(unit)
  }
  return units
}
