import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { announcedTo, type PingState, readState, sameHub, writeState } from '../../src/websub/state.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-state-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const STATE: PingState = {
  hub: 'https://hub.example/',
  etags: { 'https://x.test/rss.xml': '"b"', 'https://x.test/atom.xml': '"a"' },
}

describe('readState and writeState', () => {
  it('round-trips the state, creating the folder', async () => {
    const file = join(dir, '.dateline/websub-state.json')
    await writeState(file, STATE)
    expect(await readState(file)).toEqual({ state: STATE })
    const json = JSON.parse(await readFile(file, 'utf8'))
    expect(json.version).toBe(1)
    expect(Object.keys(json.etags)).toEqual(['https://x.test/atom.xml', 'https://x.test/rss.xml'])
  })

  it('reads a missing file as no state, without a warning', async () => {
    expect(await readState(join(dir, 'none.json'))).toEqual({ state: null })
  })

  it('replaces the file in one step and leaves no temporary file', async () => {
    const file = join(dir, 'state.json')
    await writeState(file, STATE)
    const before = (await stat(file)).ino
    await writeState(file, { ...STATE, etags: { 'https://x.test/feed.json': '"c"' } })
    // A new file renamed over the old one, not the old one rewritten in place.
    expect((await stat(file)).ino).not.toBe(before)
    expect(await readdir(dir)).toEqual(['state.json'])
    expect((await readState(file)).state?.etags).toEqual({ 'https://x.test/feed.json': '"c"' })
  })

  it('leaves the file alone when the state did not change', async () => {
    const file = join(dir, 'state.json')
    await writeState(file, STATE)
    const before = (await stat(file)).mtimeMs
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeState(file, { hub: STATE.hub, etags: { ...STATE.etags } })
    expect((await stat(file)).mtimeMs).toBe(before)
  })

  it('fails with a [dateline] error and cleans up when the file cannot be replaced', async () => {
    const file = join(dir, 'state.json')
    await mkdir(file)
    await expect(writeState(file, STATE)).rejects.toThrow(
      /^\[dateline\] cannot write the ping state .*--state FILE/,
    )
    expect(await readdir(dir)).toEqual(['state.json'])
  })

  it('warns about a corrupt file and treats it as empty', async () => {
    const file = join(dir, 'state.json')
    for (const [text, why] of [
      ['{"version": 1, "hub": "https://hub.example/", "etags": {', 'invalid JSON'],
      ['[]', 'not a JSON object'],
      ['{"version": 2, "hub": "h", "etags": {}}', '"version" is 2'],
      ['{"version": 1, "etags": {}}', '"hub" is not a string'],
      ['{"version": 1, "hub": "h", "etags": ["x"]}', '"etags" is not an object'],
      ['{"version": 1, "hub": "h", "etags": {"u": 1}}', 'the tag of u is not a string'],
    ]) {
      await writeFile(file, text)
      const { state, warning } = await readState(file)
      expect(state, text).toBeNull()
      expect(warning, text).toContain(why)
      expect(warning).toContain('every feed counts as changed')
    }
  })
})

describe('announcedTo', () => {
  it('gives the tags announced to the same hub', () => {
    expect(announcedTo(STATE, 'https://HUB.example')).toEqual(STATE.etags)
  })

  it('ignores a state kept for a different hub', () => {
    expect(announcedTo(STATE, 'https://other-hub.example/')).toEqual({})
    expect(announcedTo(null, STATE.hub)).toEqual({})
  })
})

describe('sameHub', () => {
  it('compares hubs as URLs', () => {
    expect(sameHub('https://hub.example', 'https://hub.example/')).toBe(true)
    expect(sameHub('https://hub.example/a', 'https://hub.example/b')).toBe(false)
    expect(sameHub('not a url', 'not a url')).toBe(true)
  })
})
