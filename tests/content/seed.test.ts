import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { parseDateline, TITLE_LENGTH } from '../../src/content/dateline.ts'
import { loadContent } from '../../src/content/load.ts'
import { createApp } from '../../src/http/app.ts'
import { contentDir } from './helpers.ts'

// A real wire story kept outside the repository; the test runs only where it is present.
const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url))
const SEED = join(SEEDS, '000_c39f8755841239fa.txt')

describe('seed dateline article', () => {
  it.skipIf(!existsSync(SEED))(
    'loads with its derived title, dateline date and author, and ten paragraphs',
    async () => {
      const dir = contentDir({})
      copyFileSync(SEED, join(dir, 'seed.txt'))
      const { corpus, problems, rejected } = await loadContent(dir)
      expect(problems).toEqual([])
      expect(rejected).toEqual([])
      expect(corpus.articles).toHaveLength(1)
      const [article] = corpus.articles

      // The first sentence is longer than 110 characters, so it is cut at a word boundary with "…".
      const title =
        'Turkic Council Secretary General Baghdad Amreyev has condemned Armenia’s recent attacks on Azerbaijani towns…'
      expect([...title].length).toBeLessThanOrEqual(TITLE_LENGTH)
      expect(article.title).toBe(title)
      expect(article.date).toBe('2020-10-19T00:00:00.000Z')
      expect(article.updated).toBe('2020-10-19T00:00:00.000Z')
      expect(article.authors).toEqual([{ name: 'Ayya Lmahamad' }])
      expect(article.slug).toBe('seed')
      expect(article.html.match(/<p>/g)).toHaveLength(10)
      expect(article.html.match(/<\/p>/g)).toHaveLength(10)
    },
  )

  it.skipIf(!existsSync(SEED))('derives a title that is a prefix of the first paragraph', () => {
    const text = readFileSync(SEED, 'utf8')
    const result = parseDateline(text, SEED, 'seed.txt')
    if ('message' in result) throw new Error(result.message)
    const title = result.derived.title ?? ''
    const firstParagraph = text.split(/\n\s*\n/)[1].trim()
    expect(title.endsWith('…')).toBe(true)
    expect(firstParagraph.startsWith(`${title.slice(0, -1)} `)).toBe(true)
    expect(result.derived.dateLine).toBe(1)
  })

  it.skipIf(!existsSync(SEED))('comes out the same in RSS, Atom and JSON Feed', async () => {
    const dir = contentDir({})
    copyFileSync(SEED, join(dir, 'seed.txt'))
    const app = createApp({ corpus: (await loadContent(dir)).corpus, siteUrl: 'https://news.example.com' })
    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'item' || name === 'entry',
    })
    const rss = xml.parse(await (await app.request('/rss.xml')).text()).rss.channel.item
    const atom = xml.parse(await (await app.request('/atom.xml')).text()).feed.entry
    const json = (await (await app.request('/feed.json')).json()).items
    const title =
      'Turkic Council Secretary General Baghdad Amreyev has condemned Armenia’s recent attacks on Azerbaijani towns…'
    const paragraphs = (html: string) => html.match(/<p>/g)?.length
    expect(rss).toHaveLength(1)
    expect(rss[0].title).toBe(title)
    expect(new Date(rss[0].pubDate).toISOString()).toBe('2020-10-19T00:00:00.000Z')
    expect(rss[0]['dc:creator']).toBe('Ayya Lmahamad')
    expect(paragraphs(rss[0]['content:encoded'])).toBe(10)
    expect(atom).toHaveLength(1)
    expect(atom[0].title['#text']).toBe(title)
    expect(atom[0].published).toBe('2020-10-19T00:00:00.000Z')
    expect(atom[0].author.name).toBe('Ayya Lmahamad')
    expect(paragraphs(atom[0].content['#text'])).toBe(10)
    expect(json).toHaveLength(1)
    expect(json[0].title).toBe(title)
    expect(json[0].date_published).toBe('2020-10-19T00:00:00.000Z')
    expect(json[0].authors).toEqual([{ name: 'Ayya Lmahamad' }])
    expect(paragraphs(json[0].content_html)).toBe(10)
    expect(new Set([rss[0].guid['#text'], atom[0].id, json[0].id]).size).toBe(1)
  })
})
