/**
 * A site with no published article yet (a fresh install, or every article scheduled) through the
 * real validators in ../shared/feedcheck: the feeds must be valid and warning-free, not merely
 * well-formed. Skipped where the harness is not beside the project.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { renderAtom } from '../../src/feeds/atom.ts'
import { renderJsonFeed } from '../../src/feeds/json-feed.ts'
import { renderRss } from '../../src/feeds/rss.ts'
import { corpusOf, viewOf } from './fixtures.ts'

const CHECK = new URL('../../../shared/feedcheck/check', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'dateline-feedcheck-empty-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('empty feeds in the real validators', () => {
  it.skipIf(!existsSync(CHECK))(
    'passes every validator without a warning',
    () => {
      const view = viewOf(corpusOf([]))
      const files = {
        'rss.xml': renderRss(view),
        'atom.xml': renderAtom(view),
        'feed.json': renderJsonFeed(view),
      }
      for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body)
      const run = spawnSync(
        'python3',
        [CHECK, '--no-newsboat', '--allow-missing', ...Object.keys(files).map((name) => join(dir, name))],
        { encoding: 'utf8', timeout: 120_000 },
      )
      const report = `${run.stdout}${run.stderr}`
      // Not one warning anywhere (the W3C validator calls a 1970 `updated` "Implausible date").
      expect(report, report).not.toMatch(/\[WARN\]/)
      expect(report.match(/^RESULT .*(rss\.xml|feed\.json): PASS \(/gm), report).toHaveLength(2)
      // feed-extractor takes a document for Atom only when it has an <entry> (its isAtom test), so
      // it refuses an empty Atom feed that RFC 4287 §4.1.1 allows; every other validator passes it.
      const atom = report.slice(
        report.indexOf('atom.xml'),
        report.indexOf('RESULT', report.indexOf('atom.xml')),
      )
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
