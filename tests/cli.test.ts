import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadContent } from '../src/content/load.ts'
import { createApp } from '../src/http/app.ts'
import { siteAddresses } from '../src/site-map.ts'
import { copyOfSample } from './support/content-dir.ts'

const BIN = new URL('../bin/dateline.js', import.meta.url).pathname

type Run = { code: number; stdout: string; stderr: string }

/** Runs the real CLI in `cwd` with a clean environment apart from `env`. */
function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'node',
      [BIN, ...args],
      { cwd, env: { PATH: process.env.PATH, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? (err.code as number) : 0, stdout, stderr }),
    )
  })
}

let cleanup: (() => Promise<void>) | undefined
let child: ChildProcess | undefined
afterEach(async () => {
  child?.kill()
  child = undefined
  await cleanup?.()
})

async function workspace() {
  const { dir, remove } = await copyOfSample()
  cleanup = remove
  return { root: dirname(dir), content: dir }
}

describe('dateline check', () => {
  it('exits 0 on the sample and prints the summary', async () => {
    const { root } = await workspace()
    const r = await run(['check'], root)
    expect(r.code).toBe(0)
    // The sample's scheduled article goes live on 2027-01-05; count by the clock, not by hand.
    const live = Date.now() >= Date.parse('2027-01-05T08:00:00Z') ? 5 : 4
    expect(r.stdout).toMatch(
      new RegExp(`^${live} published, ${5 - live} scheduled, 1 drafts, 0 problems$`, 'm'),
    )
  })

  it('lists every problem as path:line: message and exits 1', async () => {
    const { root, content } = await workspace()
    await writeFile(join(content, 'bad-date.md'), '---\ntitle: Bad\ndate: 2024-02-30\n---\nText.\n')
    await writeFile(join(content, 'no-dateline.txt'), '\nJust a paragraph.\n')
    await writeFile(join(content, 'empty.md'), '')
    const r = await run(['check', '--content', 'content'], root)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('content/bad-date.md:3: "date" is not a date ("2024-02-30")')
    expect(r.stdout).toMatch(/^content\/no-dateline\.txt:2: the first line must be the dateline/m)
    expect(r.stdout).toMatch(/^content\/empty\.md: the file is empty/m)
    expect(r.stdout).toMatch(/3 problems$/m)
  })

  it('reads CONTENT_DIR when --content is not given', async () => {
    const { content } = await workspace()
    const r = await run(['check'], '/', { CONTENT_DIR: content })
    expect(r.code).toBe(0)
  })

  it('exits 2 on an unknown command, flag or bad value', async () => {
    const { root } = await workspace()
    expect((await run(['frobnicate'], root)).code).toBe(2)
    const flag = await run(['check', '--frobnicate'], root)
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain("Unknown option '--frobnicate'")
    expect((await run(['serve', '--port', 'eighty'], root)).code).toBe(2)
    expect((await run([], root)).code).toBe(2)
  })

  it('prints help with exit 0', async () => {
    const r = await run(['--help'], '/')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: dateline <command>')
  })

  it('names a missing content folder', async () => {
    const r = await run(['check', '--content', 'nowhere'], '/tmp')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('content folder "nowhere" not found')
  })
})

describe('dateline build', () => {
  it('writes the corpus, and leaves it untouched when nothing changed', async () => {
    const { root } = await workspace()
    expect((await run(['build'], root)).code).toBe(0)
    const path = join(root, 'build/corpus.json')
    const corpus = JSON.parse(await readFile(path, 'utf8'))
    expect(corpus.articles).toHaveLength(5)
    // The media the Worker serves as static assets (wrangler.toml [assets]).
    const svg = await readFile(join(root, 'build/public/media/ferry.svg'))
    expect(svg.equals(await readFile(join(root, 'content/media/ferry.svg')))).toBe(true)
    const before = (await stat(path)).mtimeMs
    const again = await run(['build'], root)
    expect(again.stdout).toContain('unchanged')
    expect((await stat(path)).mtimeMs).toBe(before)
  })

  it('writes nothing while there are problems, unless --skip-invalid', async () => {
    const { root, content } = await workspace()
    await writeFile(join(content, 'broken.md'), '---js\n{ title: "x" }\n---\nText\n')
    const refused = await run(['build'], root)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('content/broken.md:1: JavaScript front matter (---js) is not allowed')
    expect(existsSync(join(root, 'build'))).toBe(false)
    const skipped = await run(['build', '--skip-invalid', '--out', 'out'], root)
    expect(skipped.code).toBe(0)
    expect(skipped.stderr).toContain('skipped: broken.md')
    expect(JSON.parse(await readFile(join(root, 'out/corpus.json'), 'utf8')).articles).toHaveLength(5)
  })
})

describe('dateline export', () => {
  it('writes every feed, archive page and HTML page, exactly the bytes the app serves', async () => {
    const { root, content } = await workspace()
    const env = { SITE_URL: 'https://news.example.com' }
    expect((await run(['export', '--out', 'dist'], root, env)).code).toBe(0)
    const files = (await readdir(join(root, 'dist'), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(join(root, 'dist'), join(e.parentPath, e.name)))
      .sort()
    expect(files).toEqual(
      expect.arrayContaining([
        'atom.xml',
        'index.html',
        'articles/ferry-timetable.html',
        'tags/cənubi-qafqaz/feed.json',
        'tags/cənubi-qafqaz/index.html',
        'authors/tom-eriksen/rss.xml',
      ]),
    )
    const now = Date.now()
    const corpus = (await loadContent(content)).corpus
    const app = createApp({ corpus, siteUrl: env.SITE_URL, clock: () => now })
    const addresses = siteAddresses(corpus, now)
    expect(files).toEqual([...addresses.map((a) => a.file), 'media/barrier.svg', 'media/ferry.svg'].sort())
    // Every scope of the sample fits in its feed: complete feeds, no archive pages.
    expect(files.some((f) => f.includes('/archive/') || f.startsWith('archive/'))).toBe(false)
    for (const { path, file } of addresses) {
      const served = Buffer.from(await (await app.request(path)).arrayBuffer())
      expect(Buffer.compare(served, await readFile(join(root, 'dist', file))), file).toBe(0)
    }
  })
})

describe('dateline serve', () => {
  it('prints the URL and serves the feeds on PORT', async () => {
    const { root } = await workspace()
    const port = String(20000 + Math.floor(Math.random() * 20000))
    child = spawn('node', [BIN, 'serve'], { cwd: root, env: { PATH: process.env.PATH, PORT: port } })
    const line = await new Promise<string>((resolve, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15000)
      child?.stdout?.on('data', (d) => {
        out += d
        const m = /serving content at (\S+)/.exec(out)
        if (m) {
          clearTimeout(timer)
          resolve(m[1])
        }
      })
    })
    expect(line).toBe(`http://localhost:${port}`)
    const res = await fetch(`http://127.0.0.1:${port}/rss.xml`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(`<atom:link href="http://localhost:${port}/rss.xml" rel="self"`)
  })
})

describe('dateline ping', () => {
  const SITE_URL = 'https://news.example.com'
  const SITE_FEEDS = ['/rss.xml', '/atom.xml', '/feed.json'].map((p) => `${SITE_URL}${p}`)

  /** A copy of the sample with `hub:` pointing at a real local hub; both go when the test ends. */
  async function withHub(script?: import('./websub/hub-server.ts').HubScript, hubLine = true) {
    // Imported here so that this block is the whole of the ping tests' change to this file.
    const { startHub } = await import('./websub/hub-server.ts')
    const { root, content } = await workspace()
    const hub = await startHub(script)
    const removeDir = cleanup
    cleanup = async () => {
      await hub.close()
      await removeDir?.()
    }
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
      expect(r.stderr).toContain('Usage: dateline <command>')
    }
    expect(hub.requests).toHaveLength(0)
  })
})
