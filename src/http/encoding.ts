/**
 * Choosing a content coding from Accept-Encoding (RFC 9110 §12.5.3), q-values honoured: br when
 * it is at least as welcome as gzip (it is smaller), `*` covering both, identity otherwise.
 */
import type { Context } from 'hono'
import { accepts } from 'hono/accepts'
import type { Encoding } from './documents.ts'

type Accept = { type: string; q: number }

function pick(list: Accept[]): string {
  const q = (name: string) =>
    list.find((a) => a.type.toLowerCase() === name)?.q ?? list.find((a) => a.type === '*')?.q ?? 0
  const br = q('br')
  const gzip = q('gzip')
  if (br > 0 && br >= gzip) return 'br'
  if (gzip > 0) return 'gzip'
  return 'identity'
}

// Parsing Accept-Encoding on every request costs more than the rest of a 304: remember answers.
const MAX_REMEMBERED = 256
const chosenFor = new Map<string, Encoding | null>()

/** The coding to send, or undefined for identity. */
export function chooseEncoding(c: Context): Encoding | undefined {
  const header = c.req.header('Accept-Encoding') ?? ''
  let chosen = chosenFor.get(header)
  if (chosen === undefined) {
    const name = accepts(c, {
      header: 'Accept-Encoding',
      supports: ['br', 'gzip', 'identity'],
      default: 'identity',
      match: pick,
    })
    chosen = name === 'br' || name === 'gzip' ? name : null
    // Readers send a handful of distinct headers; a flood of made-up ones only empties the memo.
    if (chosenFor.size >= MAX_REMEMBERED) chosenFor.clear()
    chosenFor.set(header, chosen)
  }
  return chosen ?? undefined
}
