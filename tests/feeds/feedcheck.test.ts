/**
 * Enclosures through the real validators (../shared/feedcheck: the W3C feed validator, the RFC
 * 4287 grammar, the JSON Feed schemas, feedparser and the npm parsers): one feed with every kind
 * of enclosure, in all three formats. Skipped where the harness is not beside the project.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { renderAtom } from '../../src/feeds/atom.ts'
import { renderJsonFeed } from '../../src/feeds/json-feed.ts'
import { renderRss } from '../../src/feeds/rss.ts'
import { article, corpusOf, MEDIA, viewOf } from './fixtures.ts'

const CHECK = new URL('../../../shared/feedcheck/check', import.meta.url).pathname

const corpus = corpusOf([
  article('image-only', '2024-01-07T00:00:00.000Z', { image: MEDIA.image.url, enclosures: [MEDIA.image] }),
  article('remote-image', '2024-01-06T00:00:00.000Z', {
    image: MEDIA.remoteImage.url,
    enclosures: [MEDIA.remoteImage],
  }),
  article('enclosure', '2024-01-05T00:00:00.000Z', { enclosures: [MEDIA.pdf] }),
  // Remote, without a length: length="0" in RSS, no length in Atom and JSON.
  article('audio', '2024-01-04T00:00:00.000Z', { enclosures: [MEDIA.audio] }),
  article('both', '2024-01-03T00:00:00.000Z', {
    image: MEDIA.image.url,
    enclosures: [MEDIA.image, MEDIA.video],
  }),
  article('both-remote', '2024-01-02T00:00:00.000Z', {
    image: MEDIA.remoteImage.url,
    enclosures: [MEDIA.remoteImage, MEDIA.audio],
  }),
  article('plain', '2024-01-01T00:00:00.000Z'),
])

const dir = mkdtempSync(join(tmpdir(), 'dateline-feedcheck-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('enclosures in the real validators', () => {
  it.skipIf(!existsSync(CHECK))(
    'passes every validator in RSS, Atom and JSON Feed',
    () => {
      const view = viewOf(corpus)
      const files = {
        'rss.xml': renderRss(view),
        'atom.xml': renderAtom(view),
        'feed.json': renderJsonFeed(view),
      }
      for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body)
      // The documents do carry every kind, so the validators judge them.
      expect(files['rss.xml']).toContain('<media:content ')
      expect(files['rss.xml']).toContain('length="0"')
      expect(files['atom.xml'].match(/rel="enclosure"/g)).toHaveLength(8)
      expect(files['feed.json']).toContain('"attachments"')

      const run = spawnSync(
        'python3',
        [CHECK, '--no-newsboat', '--allow-missing', ...Object.keys(files).map((name) => join(dir, name))],
        { encoding: 'utf8', timeout: 120_000 },
      )
      const report = `${run.stdout}${run.stderr}`
      expect(run.status, report).toBe(0)
      expect(report.match(/^RESULT .*: PASS/gm), report).toHaveLength(3)
    },
    150_000,
  )
})
