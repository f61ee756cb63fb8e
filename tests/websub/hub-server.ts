/**
 * A real WebSub hub stand-in on 127.0.0.1 (node:http, port 0) that records every request and
 * answers as the test scripts it. Bounded: past `maxRequests` it drops connections, and `close()`
 * ends any request it is holding, so a broken client fails the test instead of hanging it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type HubRequest = {
  method: string
  path: string
  contentType: string | undefined
  /** The raw body. */
  body: string
  /** The decoded form body: `hub.mode` and every `hub.url`. */
  mode: string | null
  urls: string[]
  /** When it arrived (ms since the epoch). */
  at: number
}

/** How to answer: a status with headers and body, or `hang` (never answer). */
export type HubReply = { status: number; headers?: Record<string, string>; body?: string } | 'hang'

/** `nth` counts the requests for the same `hub.url` so far, from 1. */
export type HubScript = (req: HubRequest, nth: number) => HubReply

export type Hub = {
  /** The hub URL to configure, `http://127.0.0.1:PORT/hub`. */
  url: string
  requests: HubRequest[]
  /** Requests refused because there were more than `maxRequests`. */
  overflow: number
  /** The `hub.url`s of the requests so far, sorted. */
  notified: () => string[]
  script: HubScript
  close: () => Promise<void>
}

export const accept: HubScript = () => ({ status: 204 })

export async function startHub(script: HubScript = accept, maxRequests = 100): Promise<Hub> {
  const perUrl = new Map<string, number>()
  const hub: Hub = {
    url: '',
    requests: [],
    overflow: 0,
    notified: () => hub.requests.flatMap((r) => r.urls).sort(),
    script,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (hub.requests.length >= maxRequests) {
      hub.overflow++
      req.socket.destroy()
      return
    }
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const form = new URLSearchParams(body)
    const request: HubRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      contentType: req.headers['content-type'],
      body,
      mode: form.get('hub.mode'),
      urls: form.getAll('hub.url'),
      at: Date.now(),
    }
    hub.requests.push(request)
    const key = request.urls.join(' ')
    const nth = (perUrl.get(key) ?? 0) + 1
    perUrl.set(key, nth)
    const reply = hub.script(request, nth)
    if (reply === 'hang') return
    res.writeHead(reply.status, reply.headers)
    res.end(reply.body ?? '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  hub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hub`
  return hub
}
