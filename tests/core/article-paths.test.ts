/** One spelling of an article's path for the loader and the routes (src/core/article-paths.ts). */
import { describe, expect, it } from 'vitest'
import {
  articlePath,
  canonicalPath,
  isOwnPath,
  otherSlashForm,
  pathKeys,
} from '../../src/core/article-paths.ts'
import { FEED_STYLESHEET_PATH } from '../../src/formats/browser-prolog.ts'
import { siteAddresses } from '../../src/output/site-map.ts'
import { article, corpusOf } from '../support/corpus.ts'

describe('canonicalPath', () => {
  it('spells a path one way whatever its client percent-encoded', () => {
    const one = '/caf%C3%A9/a:b@c!$&+,;=/'
    for (const raw of ['/café/a:b@c!$&+,;=/', '/caf%c3%a9/a%3Ab%40c%21%24%26%2B%2C%3B%3D/', one]) {
      expect(canonicalPath(raw), raw).toBe(one)
    }
    expect(canonicalPath('/a%20b/%7Ex')).toBe('/a%20b/~x')
    expect(canonicalPath('/a|b"c')).toBe('/a%7Cb%22c')
  })

  it('refuses what no article path holds: bad percent-encoding, encoded / or \\, a relative path', () => {
    for (const raw of ['/%E0%A4%A', '/%zz', '/a%2Fb', '/a%5Cb', 'a/b', ''])
      expect(canonicalPath(raw), raw).toBeNull()
  })
})

describe('otherSlashForm', () => {
  it('adds or removes the trailing slash, never for the root', () => {
    expect(otherSlashForm('/a/b/')).toBe('/a/b')
    expect(otherSlashForm('/a/b.html')).toBe('/a/b.html/')
    expect(otherSlashForm('/')).toBeNull()
  })
})

describe('isOwnPath', () => {
  it('holds every path the app serves itself, and the files export writes at the root', () => {
    expect(FEED_STYLESHEET_PATH).toBe('/feed.css')
    const corpus = corpusOf([article('x', '2024-01-01T00:00:00.000Z', { tags: ['Tag'] })], { items: 1 })
    const own = siteAddresses(corpus, Date.parse('2025-01-01')).filter(
      (a) => !a.path.startsWith('/articles/'),
    )
    expect(own.length).toBeGreaterThan(10)
    for (const { path } of [...own, { path: '/feed' }, { path: '/_redirects' }, { path: '/tags/x' }]) {
      expect(isOwnPath(path), path).toBe(true)
    }
  })

  it('leaves every other path to articles', () => {
    for (const path of ['/2019/05/15/hello/', '/posts/x.html', '/feeds/', '/tagsx/', '/articles/x/']) {
      expect(isOwnPath(path), path).toBe(false)
    }
  })
})

describe('articlePath and pathKeys', () => {
  it('is the permalink, else /articles/{slug}; the keys are the permalink and the aliases', () => {
    const plain = article('a b', '2024-01-01T00:00:00.000Z')
    expect(articlePath(plain)).toBe('/articles/a%20b')
    expect(pathKeys(plain)).toEqual([])
    const moved = { ...plain, path: '/2024/a/', aliases: ['/old/'] }
    expect(articlePath(moved)).toBe('/2024/a/')
    expect(pathKeys(moved)).toEqual(['/2024/a/', '/old/'])
    expect(pathKeys({ ...plain, aliases: ['/old/'] })).toEqual(['/old/'])
  })
})
