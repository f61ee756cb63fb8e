import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type NodeServer, startNodeServer } from '../../src/runtime/node-server.ts'
import { copyOfSample, eventually, SAMPLE_CONTENT } from '../support/content-dir.ts'
import { runScenarios, SAMPLE_NOW, SCENARIOS } from '../support/http-scenarios.ts'

let server: NodeServer | undefined
let cleanup: (() => Promise<void>) | undefined
afterEach(async () => {
  await server?.close()
  await cleanup?.()
  server = undefined
})

async function start(watch = true) {
  const { dir, remove } = await copyOfSample()
  cleanup = remove
  const logs: string[] = []
  server = await startNodeServer({
    contentDir: dir,
    port: 0,
    hostname: '127.0.0.1',
    watch,
    log: (l) => logs.push(l),
  })
  const base = `http://127.0.0.1:${server.port}`
  return {
    dir,
    logs,
    base,
    titles: async () =>
      (await (await fetch(`${base}/feed.json`)).json()).items.map((i: { title: string }) => i.title),
  }
}

describe('startNodeServer', () => {
  it('serves the feeds over a real socket with validators and 304s', async () => {
    const { base } = await start(false)
    const res = await fetch(`${base}/atom.xml`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const body = await res.text()
    expect(body).toContain(`<link rel="self" href="${server?.url}/atom.xml"/>`)
    const again = await fetch(`${base}/atom.xml`, {
      headers: { 'If-None-Match': res.headers.get('etag') as string },
    })
    expect(again.status).toBe(304)
    expect((await fetch(`${base}/rss.xml`, { method: 'POST' })).status).toBe(405)
  })

  it("serves media from the content folder first, then the site's static folders", async () => {
    const { dir, remove } = await copyOfSample()
    cleanup = remove
    const site = await readFile(join(dir, 'site.yaml'), 'utf8')
    await writeFile(join(dir, 'site.yaml'), `${site}\nstatic: [static-files]\n`)
    const { mkdir } = await import('node:fs/promises')
    await mkdir(join(dir, 'static-files/img'), { recursive: true })
    await writeFile(join(dir, 'static-files/img/only-here.png'), 'png-bytes')
    await writeFile(join(dir, 'static-files/img/notes.md'), '---\ntitle: not served\n---\n')
    server = await startNodeServer({
      contentDir: dir,
      port: 0,
      hostname: '127.0.0.1',
      watch: false,
      log: () => {},
    })
    const base = `http://127.0.0.1:${server.port}`
    const res = await fetch(`${base}/static-files/img/only-here.png`)
    expect(res.status).toBe(200)
    const root = await fetch(`${base}/img/only-here.png`)
    expect(root.status).toBe(200)
    expect(root.headers.get('content-type')).toBe('image/png')
    expect(await root.text()).toBe('png-bytes')
    expect((await fetch(`${base}/img/notes.md`)).status).toBe(404)
    expect((await fetch(`${base}/img/none.png`)).status).toBe(404)
  })

  it('uses SITE_URL for every link when given', async () => {
    const { dir, remove } = await copyOfSample()
    cleanup = remove
    server = await startNodeServer({
      contentDir: dir,
      port: 0,
      siteUrl: 'https://news.example.com/',
      watch: false,
      log: () => {},
    })
    const json = await (await fetch(`http://127.0.0.1:${server.port}/feed.json`)).json()
    expect(json.feed_url).toBe('https://news.example.com/feed.json')
  })

  it('treats an empty SITE_URL as unset and links to the address it listens on', async () => {
    const { dir, remove } = await copyOfSample()
    cleanup = remove
    server = await startNodeServer({ contentDir: dir, port: 0, siteUrl: '', watch: false, log: () => {} })
    expect(server.url).toBe(`http://localhost:${server.port}`)
    const json = await (await fetch(`http://127.0.0.1:${server.port}/feed.json`)).json()
    expect(json.feed_url).toBe(`http://localhost:${server.port}/feed.json`)
  })

  it('reloads when a file changes', async () => {
    const { dir, titles } = await start()
    const file = join(dir, '2026-11-20-ferry-timetable.md')
    const text = await readFile(file, 'utf8')
    await writeFile(
      file,
      text.replace('Winter ferry timetable starts on Monday', 'Ferry timetable changes on Monday'),
    )
    await eventually(async () => (await titles()).includes('Ferry timetable changes on Monday'))
  })

  it('reloads from its cache what did not change, and everything when the time zone changes', async () => {
    const { dir, base, titles } = await start(false)
    const dates = async () =>
      (await (await fetch(`${base}/feed.json`)).json()).items.map(
        (i: { date_published: string }) => i.date_published,
      )
    const before = await dates()
    const file = join(dir, '2026-11-20-ferry-timetable.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('Winter ferry', 'Summer ferry'))
    await server?.reload()
    expect(await titles()).toContain('Summer ferry timetable starts on Monday')
    expect(await dates()).toEqual(before)
    const site = join(dir, 'site.yaml')
    await writeFile(site, (await readFile(site, 'utf8')).replace('Europe/London', 'Asia/Tokyo'))
    await server?.reload()
    // 2026-11-20 07:30 in Tokyo is 22:30 the day before in UTC, not 07:30 as in London.
    expect(await dates()).toContain('2026-11-19T22:30:00.000Z')
    expect(await dates()).not.toEqual(before)
  })

  it('runs one reload at a time, and one more for every change asked for meanwhile', async () => {
    const { logs } = await start(false)
    const reloads = () => logs.filter((l) => l.startsWith('[dateline] reloaded')).length
    await Promise.all([server?.reload(), server?.reload(), server?.reload()])
    expect(reloads()).toBe(2)
    await server?.reload()
    expect(reloads()).toBe(3)
  })

  it('keeps the last good version of a file that breaks, and logs the problem', async () => {
    const { dir, logs, titles } = await start(false)
    await writeFile(join(dir, '2026-11-20-ferry-timetable.md'), '---\ntitle: [unclosed\n---\nbody\n')
    await server?.reload()
    expect(await titles()).toContain('Winter ferry timetable starts on Monday')
    expect(logs.some((l) => /2026-11-20-ferry-timetable\.md:2: front matter is not valid YAML/.test(l))).toBe(
      true,
    )
    expect(logs.some((l) => l.includes('kept its last good version'))).toBe(true)
  })

  it('keeps serving the last good site when site.yaml breaks', async () => {
    const { dir, logs, titles } = await start(false)
    const site = join(dir, 'site.yaml')
    await writeFile(site, (await readFile(site, 'utf8')).replace('items: 20', 'items: lots'))
    await writeFile(join(dir, 'new.md'), '---\ntitle: New one\ndate: 2026-11-26\n---\nText.\n')
    await server?.reload()
    expect(await titles()).not.toContain('New one')
    expect(logs.some((l) => l.includes('items: must be a whole number between 1 and 1000'))).toBe(true)
  })

  it('keeps serving when the content folder is deleted, and loads it again when it is back', async () => {
    const { dir, logs, titles } = await start()
    const before = await titles()
    const copy = `${dir}-saved`
    await cp(dir, copy, { recursive: true })
    await rm(dir, { recursive: true, force: true })
    await eventually(async () => logs.some((l) => l.includes('is gone: still serving the last good version')))
    expect(await titles()).toEqual(before)
    await rename(copy, dir)
    await writeFile(join(dir, 'new.md'), '---\ntitle: Back again\ndate: 2026-11-26\n---\nText.\n')
    await eventually(async () => (await titles()).includes('Back again'))
    expect(await titles()).toEqual(expect.arrayContaining(before))
  })

  it('refuses to start on an invalid site.yaml, naming every problem', async () => {
    const { dir, remove } = await copyOfSample()
    cleanup = remove
    await writeFile(join(dir, 'site.yaml'), 'items: 0\ntimezone: Mars/Base\n')
    await expect(startNodeServer({ contentDir: dir, port: 0, watch: false, log: () => {} })).rejects.toThrow(
      /items: must be a whole number[\s\S]*timezone: must be an IANA time zone/,
    )
  })
})

describe('HTTP contract over a real socket', () => {
  it('answers every row, compression and injected clock included', async () => {
    let now = Date.parse(SAMPLE_NOW)
    server = await startNodeServer({
      contentDir: SAMPLE_CONTENT,
      port: 0,
      hostname: '127.0.0.1',
      siteUrl: 'http://localhost:8787',
      watch: false,
      clock: () => now,
      log: () => {},
    })
    const base = `http://127.0.0.1:${server.port}`
    const ran = await runScenarios(
      'node',
      (path, init) => fetch(base + path, init),
      (iso) => {
        now = Date.parse(iso)
      },
    )
    expect(ran).toBe(SCENARIOS.filter((r) => !r.only || r.only.includes('node')).length)
  })
})
