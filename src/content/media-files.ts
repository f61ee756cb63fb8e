/**
 * Finds and measures the files an article's image and enclosure name in the content folder
 * (Node only). RSS 2.0 `<enclosure length>` is "how big it is in bytes", and Atom's `length`
 * (RFC 4287 §4.2.7.6) and JSON Feed 1.1's `size_in_bytes` are the same number, so it is measured
 * here rather than trusted from the front matter.
 */
import { realpath, stat } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import type { LocalFile } from './enclosure-fields.ts'
import type { Problem } from './problem.ts'

/**
 * Sets the `length` of every local file's enclosure to its size in bytes, or returns why it
 * cannot: the file is missing, is a folder or empty, or lies outside the content folder (then it
 * is never opened or measured, even through a symbolic link). `path` `/media/ferry.svg` is
 * `{dir}/media/ferry.svg`.
 * @param file the article as problems name it; `shownDir` the content folder as problems name it.
 */
export async function measureLocalFiles(
  dir: string,
  files: LocalFile[],
  file: string,
  shownDir: string,
  staticDirs: string[] = [],
): Promise<Problem[]> {
  const problems: Problem[] = []
  if (files.length === 0) return problems
  const root = await realpath(dir)
  const inside = (p: string) => p.startsWith(root + sep)
  for (const f of files) {
    const fail = (message: string) => problems.push({ file, line: f.line, message: `"${f.key}" ${message}` })
    const shown = join(shownDir, f.path)
    const full = resolve(root, `.${f.path}`)
    if (!inside(full)) {
      fail(
        `"${f.path}" leads outside the content folder; put the file under ${shownDir} and write its path from there`,
      )
      continue
    }
    let real: string
    try {
      real = await realpath(full)
    } catch {
      const size = await sizeInStatic(staticDirs, f.path)
      if (size !== undefined) {
        f.enclosure.length = size
        continue
      }
      fail(
        `"${f.path}" is not a file in the content folder: ${shown} does not exist; add it or correct the path`,
      )
      continue
    }
    if (!inside(real)) {
      fail(
        `"${f.path}" is a link to a file outside the content folder; copy the file into ${shownDir} instead`,
      )
      continue
    }
    const info = await stat(real)
    if (!info.isFile()) fail(`"${f.path}" is a folder, not a file; write the path of the file in it`)
    else if (info.size === 0) fail(`"${f.path}" is an empty file (${shown}); replace it with the real file`)
    else f.enclosure.length = info.size
  }
  return problems
}

/**
 * The size of the file at `path` in the first of the site's `static` folders that has it, inside
 * that folder (a link out of it is not followed); undefined when none has a non-empty file there.
 */
async function sizeInStatic(dirs: string[], path: string): Promise<number | undefined> {
  for (const dir of dirs) {
    try {
      const root = await realpath(dir)
      const real = await realpath(resolve(root, `.${path}`))
      if (!real.startsWith(root + sep)) continue
      const info = await stat(real)
      if (info.isFile() && info.size > 0) return info.size
    } catch {
      // Not in this folder: the next one, or the caller's problem.
    }
  }
  return undefined
}
