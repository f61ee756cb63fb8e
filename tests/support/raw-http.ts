/**
 * An HTTP/1.1 client over a bare socket, for requests `fetch()` refuses to send (raw NUL or `\` in
 * the path, lowercase or 1000-character methods, header values no `Headers` accepts). One request
 * per connection (`Connection: close`); the answer is read to the end and decoded.
 */
import { connect } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

export type RawResponse = {
  /** The final status, or 'closed' when the server closed the connection without answering. */
  status: number | 'closed'
  headers: [string, string][]
  /** The body, de-chunked and decompressed. */
  body: Buffer
}

export type RawRequest = { method: string; target: string; headers: [string, string][]; noHost?: boolean }

/** The request's bytes, exactly as written: nothing is escaped or checked. */
export function requestBytes(request: RawRequest, host: string): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`]
  if (!request.noHost && !request.headers.some(([name]) => name.toLowerCase() === 'host')) {
    lines.push(`Host: ${host}`)
  }
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`)
  lines.push('Connection: close', '', '')
  return Buffer.from(lines.join('\r\n'), 'utf8')
}

/** Sends one request and reads the whole answer; rejects if none comes within `timeoutMs` (a hang). */
export function sendRaw(port: number, request: RawRequest, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer within ${timeoutMs} ms`))
    }, timeoutMs)
    const finish = () => {
      clearTimeout(timer)
      try {
        resolve(parseResponse(Buffer.concat(chunks)))
      } catch (e) {
        reject(e)
      }
    }
    socket.on('data', (chunk) => chunks.push(chunk))
    // A server that answers before reading the whole request (431) and closes may reset the
    // connection while we still write: what it sent before is kept.
    socket.on('error', () => {})
    socket.on('close', finish)
    // No half-close: Node's server drops a request whose client ends its side before the answer.
    socket.write(requestBytes(request, `127.0.0.1:${port}`))
  })
}

/** Parses a complete HTTP/1.1 response, skipping 1xx interim ones (`100 Continue`). */
export function parseResponse(raw: Buffer): RawResponse {
  let rest = raw
  for (;;) {
    if (rest.length === 0) return { status: 'closed', headers: [], body: Buffer.alloc(0) }
    const end = rest.indexOf('\r\n\r\n')
    if (end < 0)
      throw new Error(`incomplete response head: ${JSON.stringify(rest.subarray(0, 200).toString())}`)
    const [statusLine, ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n')
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)
    if (!match) throw new Error(`not a status line: ${JSON.stringify(statusLine)}`)
    const status = Number(match[1])
    rest = rest.subarray(end + 4)
    if (status >= 100 && status < 200) continue
    const headers = lines.map((line): [string, string] => {
      const colon = line.indexOf(':')
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]
    })
    const header = (name: string) => headers.find(([n]) => n === name)?.[1]
    let body = header('transfer-encoding') === 'chunked' ? dechunk(rest) : rest
    const coding = header('content-encoding')
    if (body.length > 0 && coding === 'br') body = brotliDecompressSync(body)
    if (body.length > 0 && coding === 'gzip') body = gunzipSync(body)
    return { status, headers, body }
  }
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at)
    if (lineEnd < 0) break
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16)
    if (!size) break
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}
