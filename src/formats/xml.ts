/**
 * The XML 1.0 pieces the RSS and Atom writers (rss.ts, atom.ts) put together: character data,
 * attribute values, CDATA sections and empty elements. Every value is first stripped of the
 * characters XML 1.0 cannot carry, even as references (§2.2 `Char`), so that no input can make a
 * document not well-formed. Written directly, they need none of the placeholders the `feed`
 * package's writer (xml-js) needed: it split only the first `]]>` of a CDATA section, turned a
 * literal `&amp;` back into `&` and left `<` raw in attribute values.
 */
import { stripXmlInvalid } from '../core/escape.ts'
import { absolutizeHtml } from '../feeds/urls.ts'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}
const escapeChar = (c: string) => ESCAPES[c]

/**
 * Character data (XML 1.0 §2.4): `&`, `<` and `>` as references, and carriage return, which a
 * parser would otherwise turn into a newline (§2.11 end-of-line handling). `>` needs a reference
 * only in `]]>`; it gets one everywhere, as the `feed` package wrote it. A literal `&amp;` stays
 * five characters: it becomes `&amp;amp;`.
 * @example xmlText('R&D <b>') // 'R&amp;D &lt;b&gt;'
 */
export function xmlText(value: string): string {
  const text = stripXmlInvalid(value)
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, escapeChar) : text
}

/**
 * An attribute value written between double quotes (XML 1.0 §3.1 `AttValue`): `&`, `<`, `>` and
 * `"` as references, and tab, newline and carriage return too, which a parser would otherwise
 * turn into spaces (§3.3.3 attribute-value normalization).
 * @example xmlAttr('say "hi" & go') // 'say &quot;hi&quot; &amp; go'
 */
export function xmlAttr(value: string): string {
  const text = stripXmlInvalid(value)
  return /[&<>"\t\n\r]/.test(text) ? text.replace(/[&<>"\t\n\r]/g, escapeChar) : text
}

/**
 * The inside of a CDATA section (XML 1.0 §2.7), which ends at the first `]]>`: each `]]>` is
 * split across two sections (`]]]]><![CDATA[>`), the only way to carry it. A carriage return,
 * which a parser would turn into a newline even there (§2.11), leaves the section for a
 * reference (`]]>&#13;<![CDATA[`). Empty when the value is, so that callers can leave the element
 * out.
 * @example `<![CDATA[${xmlCdata('a ]]> b')}]]>` // '<![CDATA[a ]]]]><![CDATA[> b]]>'
 */
export function xmlCdata(value: string): string {
  let text = stripXmlInvalid(value)
  if (text.includes(']]>')) text = text.replaceAll(']]>', ']]]]><![CDATA[>')
  if (text.includes('\r')) text = text.replaceAll('\r', ']]>&#13;<![CDATA[')
  return text
}

// Text that can go into a CDATA section as it is: nothing to strip (C0 controls, surrogates,
// which may be lone, U+FFFE, U+FFFF) and no carriage return. One anchored run of allowed
// characters: a quarter faster than searching for a disallowed one in UTF-16 strings.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const PLAIN_CDATA = /^[^\u0000-\u0008\u000B\u000C\r\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*$/

/** Whether `xmlCdata` would return `text` unchanged (true for most text: no controls, no emoji). */
export function isPlainCdata(text: string): boolean {
  return PLAIN_CDATA.test(text) && !text.includes(']]>')
}

/**
 * An article's sanitised HTML with its links made absolute (urls.ts), for a CDATA section: the
 * same as `xmlCdata(absolutizeHtml(siteUrl, html))`. The HTML is checked as stored, before the
 * links are rewritten: when it and the site URL are plain, so is the result (the site URL goes
 * between `="` and `/`, which cannot complete a `]]>`), and the rewritten copy, pieces of the
 * two, is never scanned, or copied, before the document is. `clean`: the HTML is known to hold
 * no character XML cannot carry (Corpus.htmlClean, set by the loader, which strips them), so
 * only `]]>` and CR, which it may hold, are looked for: two substring searches instead of a
 * scan of every character, which was a third of a render.
 */
export function htmlCdata(siteUrl: string, html: string, clean = false): string {
  const absolute = absolutizeHtml(siteUrl, html)
  const plain = clean ? !html.includes(']]>') && !html.includes('\r') : isPlainCdata(html)
  return plain && isPlainCdata(siteUrl) ? absolute : xmlCdata(absolute)
}

/**
 * An element without content, `<name a="v"/>`, from attributes in order; an undefined value
 * leaves its attribute out. Values are escaped here.
 * @example emptyElement('enclosure', { url: 'https://x/a.mp3', length: 0, type: 'audio/mpeg' })
 */
export function emptyElement(name: string, attributes: Record<string, string | number | undefined>): string {
  let tag = `<${name}`
  for (const key in attributes) {
    const value = attributes[key]
    if (value !== undefined) tag += ` ${key}="${xmlAttr(String(value))}"`
  }
  return `${tag}/>`
}
