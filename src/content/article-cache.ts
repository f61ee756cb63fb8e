/**
 * What each article file became, kept between loads so that only changed files are parsed again
 * (Node only). An entry is used only for the same bytes (SHA-256), shown under the same path, by
 * the same loader (a hash of the code in this folder, the parsers' versions and the runtime's
 * time-zone data) with the same site fields (`SITE_FIELDS`). Local media are measured again on
 * every load, so a changed image needs no entry of its own. `serve` keeps a cache in memory;
 * `build` keeps one in a file (`cache-file.ts`).
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Site } from '../core/corpus.ts'
import { type FileOutcome, SITE_FIELDS } from './outcome.ts'
import { type ContentRules, DEFAULT_RULES } from './rules.ts'

export type CacheEntry = { hash: string; file: string; outcome: FileOutcome }

export type ArticleCache = {
  /** What every entry was made with: the loader and the site fields it reads. */
  key: string
  /** By source (the path in the content folder). */
  entries: Map<string, CacheEntry>
  /** The sources parsed since the cache was read from or written to its file. */
  unsaved: Set<string>
  /** Its file as last read or written: the key, and how many entries it holds (stale ones too). */
  saved?: { key: string; lines: number }
}

/** An empty cache, for a server that keeps one across reloads. */
export function createArticleCache(): ArticleCache {
  return { key: '', entries: new Map(), unsaved: new Set() }
}

/** The key entries must have been made with to be used for `site` and `rules`. */
export function cacheKey(site: Site, rules: ContentRules = DEFAULT_RULES): string {
  const fields = Object.fromEntries(SITE_FIELDS.map((k) => [k, site[k]]))
  return createHash('sha256')
    .update(loaderFingerprint())
    .update(JSON.stringify(fields))
    .update(JSON.stringify(rules))
    .digest('base64url')
}

let fingerprint: string | undefined

/**
 * The loader's version: a hash of the sources in this folder and those they import from `src/`,
 * of the versions of the parsers, and of the runtime (Node, ICU and time-zone data: dates).
 */
function loaderFingerprint(): string {
  if (fingerprint) return fingerprint
  const hash = createHash('sha256').update(`dateline-articles-v1 ${process.version}`)
  for (const k of ['icu', 'tz', 'unicode'] as const) hash.update(` ${process.versions[k] ?? ''}`)
  const here = dirname(fileURLToPath(import.meta.url))
  const sources = readdirSync(here, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|mts|mjs)$/.test(name))
    .sort()
    .map((name) => join(here, name))
  for (const path of [...sources, join(here, '../core/escape.ts'), join(here, '../core/corpus.ts')]) {
    hash.update(path.slice(here.length)).update(readFileSync(path))
  }
  for (const name of [
    'marked',
    'marked-footnote',
    'marked-gfm-heading-id',
    'github-slugger',
    'sanitize-html',
    'htmlparser2',
    'yaml',
    'gray-matter',
    'smol-toml',
    'liquidjs',
    'mdast-util-from-markdown',
    'mdast-util-mdx',
    'micromark-extension-mdxjs',
  ]) {
    hash.update(` ${name}@${packageVersion(here, name)}`)
  }
  fingerprint = hash.digest('base64url')
  return fingerprint
}

/** The version of the package `name` as Node would find it from `dir`; '' when not found. */
function packageVersion(dir: string, name: string): string {
  for (let d = dir; ; d = dirname(d)) {
    const path = join(d, 'node_modules', name, 'package.json')
    if (existsSync(path)) {
      try {
        return String(JSON.parse(readFileSync(path, 'utf8')).version)
      } catch {
        return ''
      }
    }
    if (dirname(d) === d) return ''
  }
}
