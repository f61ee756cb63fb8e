/**
 * Makes strings safe to hand to the `feed` package, whose XML writer (xml-js) has three flaws:
 * it escapes only the first `]]>` inside a CDATA section, it turns a literal `&amp;` in text back
 * into `&`, and it leaves `<` unescaped in attribute values. We replace the characters at stake
 * with control characters that XML 1.0 forbids (so none can be in the input, which is stripped
 * of them first) and turn those into the correct XML in one pass over the finished document.
 */
import { stripXmlInvalid } from '../escape.ts'

const AMP = '\u0001'
const LT = '\u0002'
const CDATA_BREAK = '\u0003'
const RESTORE: Record<string, string> = { [AMP]: '&amp;', [LT]: '&lt;', [CDATA_BREAK]: ']]><![CDATA[' }

/** For text and attribute values. */
export function xmlText(text: string): string {
  return stripXmlInvalid(text).replace(/&/g, AMP).replace(/</g, LT)
}

/**
 * For CDATA sections: every `]]>` is split across two sections (`]]]]><![CDATA[>`), the only
 * way to carry it (XML 1.0 §2.7).
 */
export function xmlCdata(text: string): string {
  return stripXmlInvalid(text).replace(/]]>/g, `]]${CDATA_BREAK}>`)
}

/** Turns the placeholders in a document written by `feed` into XML. */
export function restoreXml(xml: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the placeholders are control characters on purpose
  return xml.replace(/[\u0001-\u0003]/g, (c) => RESTORE[c])
}
