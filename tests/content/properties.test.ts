/**
 * A loader property: any title, tag and author text, written into YAML front matter as the `yaml`
 * package quotes it, loads as that text after the documented normalisation (src/content/
 * normalise.ts `clean`: characters XML 1.0 forbids stripped, white space squashed and trimmed),
 * or as a problem naming the file, the line and the field. Loading never throws, and exactly the
 * valid files are published.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { decodeReferences } from '../../src/content/entities.ts'
import { loadContent } from '../../src/content/load.ts'
import { anyText, xmlChars } from '../feeds/arbitraries.ts'
import { contentDir } from './helpers.ts'

const SITE_YAML = 'title: Site\nlanguage: en\nauthor:\n  name: Site Author\ntimezone: UTC\n'

type Fields = { title: string; tags: string[]; authors: string[] }

const clean = (text: string) => xmlChars(text).replace(/\s+/g, ' ').trim()

/** The oracle: the article's normalised fields, or the fields that must be reported. */
function expectedOf(f: Fields): { title: string; tags: string[]; authors: string[] } | { bad: string[] } {
  const bad: string[] = []
  // A title's character references are decoded (entities.ts: titles are written for HTML).
  const title = clean(decodeReferences(f.title))
  if (!title) bad.push('title')
  // A blank author, or one with nothing left once cleaned, has no name to show.
  const authors = f.authors.map(clean)
  if (authors.some((name) => !name)) bad.push('authors')
  if (bad.length) return { bad }
  const tags = [...new Set(f.tags.map(clean).filter(Boolean))]
  return { title, tags, authors: authors.length ? authors : ['Site Author'] }
}

// `yaml` writes control characters, lone surrogates and line breaks as escapes in double quotes, so
// the loader reads back the very strings (no raw CR for it to turn into LF, no NUL byte).
const fileOf = (f: Fields) =>
  `---\n${stringify({ title: f.title, date: '2024-05-01', tags: f.tags, authors: f.authors })}---\nBody text.\n`

const anyFields = fc.record({
  title: anyText(12),
  tags: fc.array(anyText(6), { maxLength: 4 }),
  authors: fc.array(anyText(6), { maxLength: 3 }),
})

describe('loadContent property', () => {
  it('loads any front matter text as normalised, or names the file, line and field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyFields, { minLength: 1, maxLength: 4 }), async (list) => {
        const files: Record<string, string> = { 'site.yaml': SITE_YAML }
        list.forEach((f, i) => {
          files[`post-${i}.md`] = fileOf(f)
        })
        const dir = contentDir(files)
        const { corpus, problems, siteProblems } = await loadContent(dir)
        expect(siteProblems).toEqual([])
        let valid = 0
        list.forEach((f, i) => {
          const source = `post-${i}.md`
          const want = expectedOf(f)
          const got = corpus.articles.find((a) => a.source === source)
          const mine = problems.filter((p) => p.file.endsWith(`/${source}`))
          if ('bad' in want) {
            expect(got, source).toBeUndefined()
            const lines = files[source].split('\n')
            for (const key of want.bad) {
              const p = mine.find((x) => x.message.startsWith(`"${key}"`))
              expect(p, `${key} problem in ${JSON.stringify(mine)}`).toBeDefined()
              // An author at the `authors:` line; a title that cleans to nothing is missing (line 1).
              const at = lines.findIndex((l) => l.startsWith(`${key}:`)) + 1
              expect(p?.line).toBe(key === 'title' ? 1 : at)
            }
            return
          }
          valid++
          expect(mine).toEqual([])
          expect({
            title: got?.title,
            tags: got?.tags,
            authors: got?.authors.map((a) => a.name),
          }).toEqual(want)
        })
        expect(corpus.articles).toHaveLength(valid)
      }),
      { numRuns: 100 },
    )
  })

  it('never throws on front matter written without quoting, and names the line of every problem', async () => {
    const raw = fc.record({ title: anyText(12), tag: anyText(6), author: anyText(6) })
    await fc.assert(
      fc.asyncProperty(fc.array(raw, { minLength: 1, maxLength: 4 }), async (list) => {
        const files: Record<string, string> = { 'site.yaml': SITE_YAML }
        list.forEach((f, i) => {
          files[`post-${i}.md`] =
            `---\ntitle: ${f.title}\ndate: 2024-05-01\ntags: [${f.tag}]\nauthor: ${f.author}\n---\nBody.\n`
        })
        const { corpus, problems, rejected, counts } = await loadContent(contentDir(files))
        expect(corpus.articles.length + rejected.length + counts.drafts).toBe(list.length)
        for (const source of rejected) {
          const mine = problems.filter((p) => p.file.endsWith(`/${source}`))
          expect(mine.length, source).toBeGreaterThan(0)
          // Only a problem with the whole file (a NUL byte makes it binary) has no line.
          for (const p of mine) {
            if (!p.message.startsWith('the file is binary'))
              expect(p.line, JSON.stringify(p)).toBeGreaterThanOrEqual(1)
          }
        }
      }),
      { numRuns: 100 },
    )
  })
})
