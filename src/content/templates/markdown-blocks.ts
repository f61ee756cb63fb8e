/** Markdown blocks that the template renderings put in place of a tag. */

/**
 * A fenced code block (CommonMark §4.5) holding `code` untouched: the fence is one backtick
 * longer than the longest run of backticks in the code, so no line of the code can close it.
 */
export function fencedCode(lang: string, code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const body = code.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n[ \t]*$/, '')
  return `${fence}${lang}\n${body}\n${fence}`
}

/** A language name as an info string may carry it (`ruby`, `c++`, `objective-c`), or ''. */
export function languageName(word: string | undefined): string {
  return word && /^[\w+#.-]{1,40}$/.test(word) ? word : ''
}

/** Capitalises the first letter: `caution` → `Caution`. */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
