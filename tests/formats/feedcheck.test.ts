/**
 * Enclosures through the real validators (../shared/feedcheck: the W3C feed validator, the RFC
 * 4287 grammar, the JSON Feed schemas, feedparser and the npm parsers): one feed with every kind
 * of enclosure, and an empty site, in all three formats. Skipped where the harness is not
 * beside the project.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { renderAtom } from '../../src/formats/atom.ts'
import { renderJsonFeed } from '../../src/formats/json-feed.ts'
import { renderRss } from '../../src/formats/rss.ts'
import { article, corpusOf, MEDIA, viewOf } from '../feeds/fixtures.ts'

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
      // The documents do carry every kind, so the validators judge them.
      expect(files['rss.xml']).toContain('<media:content ')
      expect(files['rss.xml']).toContain('length="0"')
      expect(files['atom.xml'].match(/rel="enclosure"/g)).toHaveLength(8)
      expect(files['feed.json']).toContain('"attachments"')

      const { status, report } = check(files)
      expect(status, report).toBe(0)
      expect(report.match(/^RESULT .*: PASS/gm), report).toHaveLength(3)
    },
    150_000,
  )
})

// A site with no published article yet (a fresh install, or every article scheduled): valid and
// warning-free, not merely well-formed.
describe('empty feeds in the real validators', () => {
  it.skipIf(!existsSync(CHECK))(
    'passes every validator without a warning',
    () => {
      const view = viewOf(corpusOf([]))
      const { report } = check({
        'rss.xml': renderRss(view),
        'atom.xml': renderAtom(view),
        'feed.json': renderJsonFeed(view),
      })
      // Not one warning anywhere (the W3C validator calls a 1970 `updated` "Implausible date").
      expect(report, report).not.toMatch(/\[WARN\]/)
      expect(report.match(/^RESULT .*(rss\.xml|feed\.json): PASS \(/gm), report).toHaveLength(2)
      // feed-extractor takes a document for Atom only when it has an <entry> (its isAtom test), so
      // it refuses an empty Atom feed that RFC 4287 §4.1.1 allows; every other validator passes it.
      const start = report.indexOf('atom.xml')
      const atom = report.slice(start, report.indexOf('RESULT', start))
      const failed = atom.split('\n').filter((line) => line.includes('[FAIL]'))
      expect(
        failed.every((line) => line.startsWith('@extractus/feed-extractor')),
        report,
      ).toBe(true)
      expect(atom).toMatch(/w3c-feedvalidator: 0 errors, 0 warnings/)
      expect(atom).toMatch(/jing \(RFC 4287 schema\): 0 errors, 0 warnings, valid/)
    },
    150_000,
  )
})

/** Writes the documents to the temporary folder and runs the harness on them. */
function check(files: Record<string, string>): { status: number | null; report: string } {
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body)
  const run = spawnSync(
    'python3',
    [CHECK, '--no-newsboat', '--allow-missing', ...Object.keys(files).map((name) => join(dir, name))],
    { encoding: 'utf8', timeout: 120_000 },
  )
  return { status: run.status, report: `${run.stdout}${run.stderr}` }
}
