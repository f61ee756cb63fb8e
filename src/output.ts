/**
 * What `build` and `export` write. Both write a file only when its bytes change, so re-running
 * them on unchanged content leaves every file (and its mtime) alone.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { listFiles } from './content/load.ts'
import { MEDIA_TYPES } from './content/media-types.ts'
import type { Corpus } from './corpus.ts'
import { createApp } from './http/app.ts'
import { siteAddresses } from './site-map.ts'
import { staticHeaders } from './static-headers.ts'

/** Writes `bytes` to `path` unless the file already holds exactly them; true when written. */
export async function writeIfChanged(path: string, bytes: Uint8Array): Promise<boolean> {
  const old = await readFile(path).catch(() => null)
  if (old && Buffer.compare(old, bytes) === 0) return false
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, bytes)
  return true
}

/**
 * Copies the media files of the content folder (images, audio, video, PDF: the extensions of
 * `MEDIA_TYPES`) to `out`, keeping their paths, so `/media/ferry.svg` is served from
 * `{out}/media/ferry.svg`. Returns how many changed.
 */
export async function copyMedia(
  contentDir: string,
  out: string,
): Promise<{ files: number; changed: number }> {
  const files = await listFiles(contentDir, (ext) => Object.hasOwn(MEDIA_TYPES, ext.slice(1)))
  let changed = 0
  for (const path of files) {
    if (await writeIfChanged(join(out, relative(contentDir, path)), await readFile(path))) changed++
  }
  await mkdir(out, { recursive: true })
  return { files: files.length, changed }
}

/** Writes the corpus the Worker imports; returns the path when it changed, else null. */
export async function writeCorpus(corpus: Corpus, out: string): Promise<string | null> {
  const path = join(out, 'corpus.json')
  const changed = await writeIfChanged(path, new TextEncoder().encode(`${JSON.stringify(corpus)}\n`))
  return changed ? path : null
}

/**
 * Writes every feed and page as the app serves them (the same bytes, by construction: each file
 * is the body of a request to the app), as of `now`, and `_headers` with the response headers
 * the app sends. `onProgress(done, total)` is called before each document and once more when all
 * are written, for progress displays.
 */
export async function exportSite(
  corpus: Corpus,
  out: string,
  siteUrl: string | undefined,
  now: number = Date.now(),
  onProgress?: (done: number, total: number) => void,
): Promise<{ documents: number; files: number; changed: number }> {
  const app = createApp({ corpus, siteUrl, clock: () => now })
  const targets = siteAddresses(corpus, now)
  let changed = 0
  for (const [done, { path, file }] of targets.entries()) {
    onProgress?.(done, targets.length)
    const res = await app.request(path)
    if (res.status !== 200) throw new Error(`[dateline] export: ${path} answered ${res.status}`)
    if (await writeIfChanged(join(out, file), new Uint8Array(await res.arrayBuffer()))) changed++
  }
  // The headers the app sends, for hosts that read _headers (static-headers.ts): a file, not a
  // document.
  const headers = new TextEncoder().encode(await staticHeaders(corpus, now))
  if (await writeIfChanged(join(out, '_headers'), headers)) changed++
  onProgress?.(targets.length, targets.length)
  return { documents: targets.length, files: targets.length + 1, changed }
}
