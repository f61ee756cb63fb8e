/**
 * A `_headers` file as Cloudflare reads it (workers-shared's parseHeaders and rules engine): a
 * line starting with `/` opens a rule, indented `Name: value` lines follow, `#` lines are
 * comments; `*` matches any characters, `:name` one path segment, against the URL's path.
 */
import { expect } from 'vitest'

export type HeaderRule = { pattern: RegExp; headers: [string, string][] }

export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    if (line.startsWith('/')) {
      const source = line
        .split('*')
        .map((part) => part.replace(/[-/\\^$+?.()|[\]{}]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
        .join('.*')
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] })
      continue
    }
    const colon = line.indexOf(':')
    expect(raw, 'a header line is indented').toMatch(/^\s+\S/)
    rules.at(-1)?.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()])
  }
  return rules
}

/** The headers every matching rule gives `path`; a header from two rules is joined, as hosts do. */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { pattern, headers } of rules) {
    if (!pattern.test(path)) continue
    for (const [name, value] of headers) out[name] = out[name] ? `${out[name]}, ${value}` : value
  }
  return out
}
