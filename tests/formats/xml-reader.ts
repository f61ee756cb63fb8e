/**
 * A strict, independent reading of a feed document for the property tests: what a conforming
 * XML 1.0 processor hands to a feed reader. fast-xml-parser splits the document (in order, with
 * CDATA sections apart), and the rules it leaves out are applied here, so that a round trip
 * compares exactly what a reader gets:
 *
 * - end-of-line handling (§2.11): `\r\n` and a lone `\r` become `\n` before parsing;
 * - the five predefined entities and character references only (§4.1, §4.6); anything else after
 *   `&` is not well-formed, and so is a reference to a character outside `Char` (§2.2);
 * - attribute-value normalisation (§3.3.3): a literal tab or line feed becomes a space, while one
 *   written as a character reference is kept;
 * - CDATA sections are text, taken as written;
 * - well-formedness beyond fast-xml-parser's validator: only `Char`s (§2.2), no `]]>` in
 *   character data (§2.4, attribute values may hold it), no `--` in comments (§2.5), and every
 *   namespace prefix declared where it is used (Namespaces in XML 1.0 §5).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlNode[] }
export type XmlNode = XmlElement | string

const CDATA = '#cdata'
const COMMENT = '#comment'
const TEXT = '#text'
const ATTRS = ':@'

const parser = new XMLParser({
  preserveOrder: true,
  cdataPropName: CDATA,
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  commentPropName: COMMENT,
  ignoreDeclaration: true,
  ignorePiTags: true,
})

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g
const BARE_AMPERSAND = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

/** Replaces the references in text or an attribute value, failing on what XML 1.0 forbids. */
export function decodeXml(raw: string): string {
  if (BARE_AMPERSAND.test(raw))
    throw new Error(`not well-formed: "&" that starts no reference in ${JSON.stringify(raw)}`)
  return raw.replace(REFERENCE, (_ref, name?: string, dec?: string, hex?: string) => {
    if (name) return PREDEFINED[name]
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16)
    const char = code <= 0x10ffff ? String.fromCodePoint(code) : ''
    if (!XML_CHAR.test(char)) throw new Error(`not well-formed: reference to a non-character #${code}`)
    return char
  })
}

function decodeAttribute(raw: string): string {
  if (raw.includes('<')) throw new Error(`not well-formed: "<" in attribute value ${JSON.stringify(raw)}`)
  return decodeXml(raw.replace(/[\t\n]/g, ' '))
}

type Ordered = Record<string, unknown>

const joined = (value: unknown) => (value as Ordered[]).map((t) => String(t[TEXT] ?? '')).join('')

function checkPrefix(name: string, declared: ReadonlySet<string>): void {
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : null
  if (prefix && prefix !== 'xml' && prefix !== 'xmlns' && !declared.has(prefix)) {
    throw new Error(`not namespace-well-formed: prefix of <${name}> or ${name}= is not declared`)
  }
}

function toNodes(list: Ordered[], inScope: ReadonlySet<string>): XmlNode[] {
  const nodes: XmlNode[] = []
  for (const entry of list) {
    const name = Object.keys(entry).find((k) => k !== ATTRS) ?? ''
    const value = entry[name]
    if (name === TEXT) {
      if (String(value).includes(']]>')) throw new Error('not well-formed: "]]>" in character data')
      nodes.push(decodeXml(String(value)))
    } else if (name === CDATA) nodes.push(joined(value))
    else if (name === COMMENT) {
      if (/--|-$/.test(joined(value))) throw new Error('not well-formed: "--" in a comment')
    } else {
      const raw = (entry[ATTRS] ?? {}) as Record<string, string>
      const declared = new Set(inScope)
      for (const k of Object.keys(raw)) if (k.startsWith('xmlns:')) declared.add(k.slice('xmlns:'.length))
      for (const k of [name, ...Object.keys(raw)]) checkPrefix(k, declared)
      const attrs = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeAttribute(String(v))]))
      nodes.push({ name, attrs, children: toNodes(value as Ordered[], declared) })
    }
  }
  return nodes
}

/** Checks that `xml` is well-formed and returns its root element as a conforming processor reads it. */
export function readXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`)
  const bad = NOT_XML_CHAR.exec(xml)?.[0]
  if (bad !== undefined)
    throw new Error(`not well-formed: U+${bad.codePointAt(0)?.toString(16)} is no XML character`)
  const nodes = toNodes(parser.parse(xml.replace(/\r\n?/g, '\n')) as Ordered[], new Set())
  const roots = nodes.filter((n): n is XmlElement => typeof n !== 'string')
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`)
  return roots[0]
}

/** The child elements called `name`, in document order. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((n): n is XmlElement => typeof n !== 'string' && n.name === name)
}

/** The one child element called `name`; fails when there is none or more than one. */
export function childNamed(parent: XmlElement, name: string): XmlElement {
  const found = childrenNamed(parent, name)
  if (found.length !== 1) throw new Error(`<${parent.name}> has ${found.length} <${name}>, expected 1`)
  return found[0]
}

/** The character data of an element: its text and CDATA sections joined in document order. */
export function textOf(element: XmlElement): string {
  return element.children.map((n) => (typeof n === 'string' ? n : textOf(n))).join('')
}

/**
 * The name this document gives to `local` in namespace `uri`: `prefix:local`, as declared on the
 * root element, or `local` when `uri` is the default namespace.
 */
export function qualified(root: XmlElement, uri: string, local: string): string {
  if (root.attrs.xmlns === uri) return local
  const declared = Object.entries(root.attrs).find(([k, v]) => k.startsWith('xmlns:') && v === uri)
  return declared ? `${declared[0].slice('xmlns:'.length)}:${local}` : `{${uri}}${local}`
}

const HTML_REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#[xX]([0-9a-fA-F]+));/g

/**
 * The text of escaped HTML that holds no markup (`type="html"` titles and summaries, RSS
 * `description`): the references that escaping produces, decoded. Any other `&` or `<` fails, so
 * the oracle never passes text that a reader would show differently.
 */
export function unescapeHtmlText(html: string): string {
  if (/<|&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);)/.test(html)) {
    throw new Error(`escaped HTML holds markup or an unknown reference: ${JSON.stringify(html)}`)
  }
  return html.replace(HTML_REFERENCE, (_ref, name?: string, dec?: string, hex?: string) => {
    if (name) return PREDEFINED[name]
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16)
    // HTML reads these references as other characters (U+FFFD, Windows-1252: WHATWG HTML §13.2.5.80).
    const remapped = code === 0 || (code >= 0x80 && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff)
    if (remapped || code > 0x10ffff)
      throw new Error(`escaped HTML holds &#${code};, which HTML reads as another character`)
    return String.fromCodePoint(code)
  })
}
