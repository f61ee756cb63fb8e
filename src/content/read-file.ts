/**
 * Reading one article file safely (Node only): its bytes, or why it cannot be an article. Reads
 * are synchronous: with the files in the page cache, open/stat/read/close through the thread pool
 * costs ten times more than the read itself, and `load.ts` yields to the event loop between
 * batches of files.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import type { Problem } from './problem.ts'

// The folder is listed before its files are read, and a file may change in between (an editor
// saving, a sync tool, `serve` reloading while the user works). Opening with O_NOFOLLOW refuses a
// file that has become a symbolic link, so that nothing outside the folder is ever read (listFiles
// does not follow links either), and O_NONBLOCK keeps a file that has become a FIFO from blocking
// the open. Windows has neither flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** The bytes of the file at `path` (at most `maxSize`), or why it cannot be read as an article. */
export function readArticleBytes(path: string, file: string, maxSize: number): Buffer | Problem {
  let fd: number
  try {
    fd = openSync(path, OPEN_FLAGS)
  } catch (e) {
    return { file, message: unreadable(e) }
  }
  try {
    // The open file, not the path: what is measured is what is read, whatever the path becomes.
    const info = fstatSync(fd)
    if (!info.isFile()) {
      return {
        file,
        message: 'the file was replaced by something that is not a file while it was being read',
      }
    }
    if (info.size > maxSize) return tooBig(file, info.size, maxSize)
    const bytes = readAtMost(fd, maxSize + 1, info.size)
    // It grew past the limit while it was read.
    if (bytes.length > maxSize) return tooBig(file, fstatSync(fd).size, maxSize)
    return bytes
  } catch (e) {
    return { file, message: unreadable(e) }
  } finally {
    closeSync(fd)
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** The file's text (BOM removed, line endings made `\n`), or why it cannot be an article. */
export function decodeArticle(bytes: Uint8Array, file: string): string | Problem {
  if (bytes.includes(0))
    return { file, message: 'the file is binary, not text; remove it or save it as UTF-8 text' }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { file, message: 'the file is not valid UTF-8; save it with UTF-8 encoding' }
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  if (text.trim() === '') return { file, message: 'the file is empty; write the article or remove the file' }
  return text
}

function tooBig(file: string, size: number, maxSize: number): Problem {
  return {
    file,
    message: `the file is ${size} bytes, over the limit of ${maxSize}; split it or raise max_file_size in site.yaml`,
  }
}

/**
 * Up to `limit` bytes from the start of the file, read in chunks of the `expected` size: a file
 * that grows while it is read stops at the limit instead of filling memory.
 */
function readAtMost(fd: number, limit: number, expected: number): Buffer {
  const chunks: Buffer[] = []
  let total = 0
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, Math.max(expected - total + 1, 4096)))
    const bytesRead = readSync(fd, chunk, 0, chunk.length, total)
    if (bytesRead === 0) break
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)
}

/** Why a listed file could not be opened or read, and what to do about it. */
function unreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT')
    return 'the file disappeared while the folder was being read; it is left out until it is back'
  if (code === 'ELOOP') {
    return 'the file was replaced by a symbolic link while the folder was being read; links are not followed, so copy the file into the folder instead'
  }
  if (code === 'EACCES' || code === 'EPERM')
    return 'the file cannot be read (permission denied); let dateline read it'
  return `the file cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`
}
