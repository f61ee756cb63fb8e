/**
 * The dateline package's own folder and version, found the same way from the TypeScript source
 * (`src/…`, run through tsx or vitest) and from the built files (`dist/…` in a user's
 * `node_modules`): Node resolves a package's own name from inside it ("self-reference", Node's
 * packages documentation, since `exports` names `./package.json`). Node only.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'

let root: { dir: string; version: string } | undefined

/** The folder that holds dateline's `package.json`, and its version. */
export function packageRoot(): { dir: string; version: string } {
  if (root) return root
  const manifest = createRequire(import.meta.url).resolve('dateline/package.json')
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }
  root = { dir: dirname(manifest), version }
  return root
}
