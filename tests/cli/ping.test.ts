import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import { createApp } from '../../src/http/app.ts'
import { type HubScript, startHub } from '../websub/hub-server.ts'
import { after, type Run, run, workspace } from './helpers.ts'

describe('dateline ping', () => {
  const SITE_URL = 'https://news.example.com'
  const SITE_FEEDS = ['/rss.xml', '/atom.xml', '/feed.json'].map((p) => `${SITE_URL}${p}`)

  /** A copy of the sample with `hub:` pointing at a real local hub; both go when the test ends. */
  async function withHub(script?: HubScript, hubLine = true) {
    const { root, content } = await workspace()
    const hub = await startHub(script)
    after(() => hub.close())
    if (hubLine) {
      const site = join(content, 'site.yaml')
      await writeFile(site, `${await readFile(site, 'utf8')}hub: ${hub.url}\n`)
    }
    return { root, content, hub }
  }

  const lines = (r: Run, prefix: string) =>
    r.stdout
      .split('\n')
      .filter((l) => l.startsWith(`${prefix} `))
      .map((l) => l.slice(prefix.length + 1))

  it('announces every feed, records what it announced, and announces nothing the second time', async () => {
    const { root, content, hub } = await withHub()
    const first = await run(['ping'], root, { SITE_URL })
    expect(first.code, first.stderr).toBe(0)
    const notified = lines(first, 'notified')
    expect(notified).toEqual(expect.arrayContaining(SITE_FEEDS))
    expect(hub.notified()).toEqual([...notified].sort())
    expect(first.stdout).toContain(`[dateline] ping: ${notified.length} notified, 0 unchanged, 0 failed`)
    expect(first.stdout).toMatch(/ 0 failed; done in [\d.]+ m?s\n$/)
    // Every URL announced is a feed the app serves.
    const app = createApp({ corpus: (await loadContent(content)).corpus, siteUrl: SITE_URL })
    for (const url of notified) expect((await app.request(url.slice(SITE_URL.length))).status, url).toBe(200)
    const state = JSON.parse(await readFile(join(root, '.dateline/websub-state.json'), 'utf8'))
    expect(state.hub).toBe(hub.url)
    expect(Object.keys(state.etags).sort()).toEqual([...notified].sort())

    const second = await run(['ping'], root, { SITE_URL })
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toContain(`[dateline] ping: 0 notified, ${notified.length} unchanged, 0 failed`)
    expect(lines(second, 'unchanged')).toEqual(notified)
    expect(hub.requests).toHaveLength(notified.length)

    const all = await run(['ping', '--all'], root, { SITE_URL })
    expect(all.code, all.stderr).toBe(0)
    expect(lines(all, 'notified')).toEqual(notified)
    expect(hub.requests).toHaveLength(2 * notified.length)
  })

  it('warns about a corrupt --state file and announces everything', async () => {
    const { root, hub } = await withHub()
    await writeFile(join(root, 'ping.json'), '{"version": 1, "hu')
    const r = await run(['ping', '--state', 'ping.json'], root, { SITE_URL })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('[dateline] warning: ping.json is not a ping state file (invalid JSON')
    expect(lines(r, 'notified')).toEqual(expect.arrayContaining(SITE_FEEDS))
    expect(hub.requests.length).toBe(lines(r, 'notified').length)
    expect(JSON.parse(await readFile(join(root, 'ping.json'), 'utf8')).hub).toBe(hub.url)
    expect(existsSync(join(root, '.dateline'))).toBe(false)
  })

  it('exits 1 and records nothing when the hub refuses', async () => {
    const { root, hub } = await withHub(() => ({ status: 404, body: 'unknown topic' }))
    const r = await run(['ping'], root, { SITE_URL })
    expect(r.code).toBe(1)
    expect(lines(r, 'failed')).toEqual(
      expect.arrayContaining(SITE_FEEDS.map((u) => `${u}: hub answered 404 Not Found: unknown topic`)),
    )
    expect(r.stdout).toContain(`[dateline] ping: 0 notified, 0 unchanged, ${hub.requests.length} failed`)
    const state = JSON.parse(await readFile(join(root, '.dateline/websub-state.json'), 'utf8'))
    expect(state.etags).toEqual({})
  })

  it('warns that a hub cannot fetch localhost when SITE_URL is not set', async () => {
    const { root, hub } = await withHub()
    const r = await run(['ping'], root)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('[dateline] warning: SITE_URL is not set')
    expect(hub.notified()).toContain('http://localhost:8787/rss.xml')
  })

  it('exits 1 naming the hub: key when no hub is configured', async () => {
    const { root, hub } = await withHub(undefined, false)
    const r = await run(['ping'], root, { SITE_URL })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^\[dateline\] ping: no WebSub hub configured; add a line such as "hub: https:/m)
    expect(r.stderr).toContain('content/site.yaml')
    expect(hub.requests).toHaveLength(0)
    expect(existsSync(join(root, '.dateline'))).toBe(false)
  })

  it('exits 2 on a bad flag', async () => {
    const { root, hub } = await withHub()
    for (const args of [
      ['ping', '--frobnicate'],
      ['ping', '--state'],
      ['ping', '--all=yes'],
    ]) {
      const r = await run(args, root, { SITE_URL })
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toContain('Usage: dateline ping [--content DIR] [--state FILE] [--all]')
    }
    expect(hub.requests).toHaveLength(0)
  })
})
