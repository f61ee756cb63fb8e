#!/usr/bin/env node
/**
 * Writes a large made-up content folder for load and speed tests:
 *
 *     node scripts/make-corpus.mjs [--markdown] N OUT_DIR      (npm run corpus -- N OUT_DIR)
 *
 * N articles (about two thirds Markdown with front matter, one third dateline `.txt`) in one
 * folder per year, 1–5 KB of text each from the word list below, with varied tags, authors, date
 * formats and front-matter styles, one in 249 a draft and one in 501 scheduled for 2099;
 * plus a site.yaml. `--markdown` makes every article Markdown (to compare with tools that read
 * only Markdown, such as Hugo in the benchmark). The output depends on N only: every article comes from a generator seeded
 * with its number, so the same N always gives the same bytes. OUT_DIR must be empty or absent.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const NOUNS = [
  'council',
  'ferry',
  'harbour',
  'library',
  'market',
  'bridge',
  'school',
  'river',
  'festival',
  'budget',
  'garden',
  'station',
  'museum',
  'tram',
  'orchard',
  'bakery',
  'clinic',
  'choir',
  'stadium',
  'archive',
  'lighthouse',
  'workshop',
  'square',
  'canal',
  'meadow',
  'theatre',
]
const ADJECTIVES = [
  'old',
  'new',
  'northern',
  'quiet',
  'busy',
  'small',
  'green',
  'late',
  'early',
  'public',
  'local',
  'annual',
  'narrow',
  'bright',
  'wooden',
  'crowded',
  'careful',
  'sudden',
]
const VERBS = [
  'opens',
  'closes',
  'welcomes',
  'delays',
  'repairs',
  'extends',
  'celebrates',
  'reviews',
  'moves',
  'plans',
  'restores',
  'measures',
  'funds',
  'questions',
  'replaces',
  'lights',
]
const PLACES = [
  'Riverside',
  'Eastbank',
  'Millford',
  'Old Town',
  'the harbour quarter',
  'Northgate',
  'the valley',
  'Kestrel Hill',
  'the market district',
  'Southmoor',
]
const TIMES = ['on Monday', 'this week', 'next month', 'after the winter', 'by the weekend', 'in spring']
const AUTHORS = [
  ['Priya Castellanos', 'priya@corpus.example'],
  ['Tom Eriksen'],
  ['Marta Okonkwo-Reyes'],
  ['Zoë Marchetti', 'zoe@corpus.example'],
  ['Łukasz Brandt'],
  ['Amara Lindqvist'],
  ['Kenji Hoffmann'],
  ['Ines Dubois', 'ines@corpus.example'],
  ['Rafael Nguyen'],
  ['Hanna Sørensen'],
  ['Omar Petrov'],
  ['Leila Kowalski'],
  ['Duncan Achebe'],
  ['Sofía Varga', 'sofia@corpus.example'],
  ['Yusuf Tanaka'],
  ['Greta Mbeki'],
  ['Pavel Oyelaran'],
  ['Nora Fitzgerald'],
  ['Émile Haddad'],
  ['Ruth Abernathy'],
]
const TAGS = [
  'Transport',
  'Riverside',
  'Council',
  'Schools',
  'Culture',
  'Weather',
  'Sport',
  'Health',
  'Housing',
  'Environment',
  'Business',
  'Libraries',
  'Roads',
  'History',
  'Music',
  'Food',
  'Parks',
  'Science',
  'Elections',
  'Cənubi Qafqaz',
  'Harbour',
  'Markets',
  'Theatre',
  'Youth',
  'Heritage',
  'Energy',
  'Water',
  'Tourism',
  'Crime',
  'Volunteers',
]

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function generator(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SPAN_START = Date.UTC(2018, 0, 1, 6)
const SPAN_MS = Date.UTC(2025, 11, 31) - SPAN_START

function article(i, n) {
  const random = generator(0x5eed + i * 7919)
  const pick = (list) => list[Math.floor(random() * list.length)]
  // Low tag numbers come up far more often, as in real archives.
  const tag = () => TAGS[Math.floor(TAGS.length * random() ** 2.2)]
  const cap = (s) => s[0].toUpperCase() + s.slice(1)
  const sentence = () => {
    const s = `the ${pick(ADJECTIVES)} ${pick(NOUNS)} ${pick(VERBS)} the ${pick(NOUNS)} in ${pick(PLACES)} ${pick(TIMES)}`
    return `${cap(s)}${random() < 0.3 ? `, and the ${pick(NOUNS)} ${pick(VERBS)} its ${pick(ADJECTIVES)} ${pick(NOUNS)}` : ''}.`
  }
  const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(' ')

  const scheduled = i % 501 === 120
  const date = new Date(scheduled ? Date.UTC(2099, 0, 1 + (i % 300), 8) : SPAN_START + (SPAN_MS * i) / n)
  date.setUTCMinutes(Math.floor(random() * 60))
  const day = date.toISOString().slice(0, 10)
  const title = cap(`${pick(ADJECTIVES)} ${pick(NOUNS)} ${pick(VERBS)} the ${pick(NOUNS)} in ${pick(PLACES)}`)
  const slug = `${title.toLowerCase().replace(/[^a-z]+/g, '-')}-${i}`
  const authors = [pick(AUTHORS), ...(random() < 0.15 ? [pick(AUTHORS)] : [])]
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, tag))]
  const target = 1000 + Math.floor(random() * 4000)
  const dir = day.slice(0, 4)

  if (i % 3 === 2 && !markdownOnly) {
    const paragraphs = []
    for (let size = 0; size < target; size += paragraphs.at(-1).length + 2) paragraphs.push(paragraph())
    const front = tags.length > 1 ? `---\ntags: ${tags.join(', ')}\n---\n` : ''
    const text = `${front}date ${day} By ${authors[0][0]}\n\n${paragraphs.join('\n\n')}\n`
    return { path: join(dir, `${day}-${slug}.txt`), text }
  }
  const blocks = []
  for (let size = 0; size < target; size += blocks.at(-1).length + 2) {
    const r = random()
    if (r < 0.08) blocks.push(`## ${cap(`${pick(ADJECTIVES)} ${pick(NOUNS)}`)}`)
    else if (r < 0.14) blocks.push(Array.from({ length: 3 }, () => `- ${sentence()}`).join('\n'))
    else {
      const p = paragraph()
      blocks.push(random() < 0.3 ? p.replace(' the ', ' the **').replace(/\*\*(\S+)/, '**$1**') : p)
    }
  }
  blocks.push(`Read more about the [${pick(NOUNS)}](https://corpus.example/${pick(NOUNS)}/${i}).`)
  const yaml = [`title: ${JSON.stringify(title)}`]
  const style = i % 4
  yaml.push(
    style === 0
      ? `date: ${day}`
      : style === 1
        ? `date: ${day} ${date.toISOString().slice(11, 16)}`
        : `date: ${date.toISOString().slice(0, 19)}+01:00`,
  )
  if (style === 3) yaml.push(`updated: ${new Date(date.getTime() + 86400000).toISOString()}`)
  if (authors.length === 1 && authors[0].length === 1) yaml.push(`author: ${JSON.stringify(authors[0][0])}`)
  else {
    yaml.push('authors:')
    for (const [name, email] of authors) {
      yaml.push(
        email ? `  - name: ${JSON.stringify(name)}\n    email: ${email}` : `  - ${JSON.stringify(name)}`,
      )
    }
  }
  yaml.push(
    i % 2 ? `tags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]` : `categories: ${tags.join(', ')}`,
  )
  if (i % 5 === 0) yaml.push(`summary: ${JSON.stringify(sentence())}`)
  if (i % 7 === 0) yaml.push(`image: https://images.corpus.example/${i}.jpg`)
  if (i % 249 === 3) yaml.push('draft: true') // always a Markdown file: 249 is a multiple of 3
  return {
    path: join(dir, `${day}-${slug}.md`),
    text: `---\n${yaml.join('\n')}\n---\n\n${blocks.join('\n\n')}\n`,
  }
}

const SITE = `title: Corpus Gazette
description: A made-up local paper for testing dateline at scale
language: en
author:
  name: Corpus Gazette desk
  email: desk@corpus.example
timezone: Europe/Berlin
items: 20
`

function fail(message) {
  console.error(`[dateline] make-corpus: ${message}`)
  console.error('Usage: node scripts/make-corpus.mjs [--markdown] N OUT_DIR   (N articles, 1 to 1000000)')
  process.exit(2)
}

const args = process.argv.slice(2)
const markdownOnly = args[0] === '--markdown'
if (markdownOnly) args.shift()
const [count, out, extra] = args
if (count === undefined || out === undefined || extra !== undefined) fail('give N and OUT_DIR')
const n = Number(count)
if (!/^\d+$/.test(count) || n < 1 || n > 1_000_000)
  fail(`N must be a whole number from 1 to 1000000, not "${count}"`)
if (existsSync(out) && readdirSync(out).length > 0)
  fail(`${out} is not empty; remove it or pick another folder`)

const started = performance.now()
let bytes = 0
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'site.yaml'), SITE)
const made = new Set()
for (let i = 0; i < n; i++) {
  const { path, text } = article(i, n)
  const dir = join(out, path.split('/')[0])
  if (!made.has(dir)) mkdirSync(dir, { recursive: true })
  made.add(dir)
  writeFileSync(join(out, path), text)
  bytes += Buffer.byteLength(text)
}
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(
  `[dateline] make-corpus: ${n} articles (${(bytes / 1e6).toFixed(1)} MB) and site.yaml in ${out} in ${seconds} s`,
)
