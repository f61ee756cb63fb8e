import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LocalFile } from '../../src/content/enclosure-fields.ts'
import { loadContent } from '../../src/content/load.ts'
import { measureLocalFiles } from '../../src/content/media-files.ts'
import type { Enclosure } from '../../src/core/corpus.ts'
import { contentDir } from './helpers.ts'

// Front matter: title on line 2, date on line 3, the media keys from line 4.
const post = (title: string, media: string[]) =>
  `---\ntitle: ${title}\ndate: 2024-05-01\n${media.map((l) => `${l}\n`).join('')}---\n${title} body.\n`

const bytes = (n: number) => new Uint8Array(n).fill(0x41)

describe('measureLocalFiles', () => {
  it('gives an image and an enclosure in the content folder their real byte length', async () => {
    const dir = contentDir({
      'media/ferry.svg': bytes(1234),
      'media/ep 1.mp3': bytes(4321),
      'posts/ferry.md': post('Ferry', [
        'image: /media/ferry.svg',
        'audio: { url: "../media/ep%201.mp3", length: 7 }',
      ]),
    })
    const r = await loadContent(dir)
    expect(r.problems).toEqual([])
    expect(r.corpus.articles[0].enclosures).toEqual([
      { url: '/media/ferry.svg', type: 'image/svg+xml', length: 1234, role: 'image' },
      // The written length (7) is not trusted for a file that can be measured.
      { url: '/media/ep%201.mp3', type: 'audio/mpeg', length: 4321, role: 'enclosure' },
    ])
    expect(r.corpus.articles[0].image).toBe('/media/ferry.svg')
  })

  it('keeps a remote length as written and none when none is written', async () => {
    const dir = contentDir({
      'a.md': post('A', ['audio: { url: "https://cdn.example/a.mp3", length: 4812733 }']),
      'b.md': post('B', ['video: https://cdn.example/b.mp4']),
    })
    const r = await loadContent(dir)
    expect(r.problems).toEqual([])
    const bySlug = Object.fromEntries(r.corpus.articles.map((a) => [a.slug, a.enclosures]))
    expect(bySlug.a).toEqual([
      { url: 'https://cdn.example/a.mp3', type: 'audio/mpeg', length: 4812733, role: 'enclosure' },
    ])
    expect(bySlug.b).toEqual([{ url: 'https://cdn.example/b.mp4', type: 'video/mp4', role: 'enclosure' }])
  })

  it('changes the corpus hash when a media file changes size, so validators change too', async () => {
    const dir = contentDir({ 'media/p.png': bytes(10), 'a.md': post('A', ['image: /media/p.png']) })
    const before = (await loadContent(dir)).corpus.hash
    writeFileSync(join(dir, 'media/p.png'), bytes(11))
    expect((await loadContent(dir)).corpus.hash).not.toBe(before)
  })

  it('reports a missing local enclosure with file, line and both paths, and publishes the others', async () => {
    const dir = contentDir({
      'good.md': post('Good', []),
      'posts/bad.md': post('Bad', ['tags: [x]', 'audio: ../media/missing.mp3']),
    })
    const r = await loadContent(dir)
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['good'])
    expect(r.rejected).toEqual(['posts/bad.md'])
    expect(r.problems).toEqual([
      {
        file: join(dir, 'posts/bad.md'),
        line: 5,
        message: `"audio" "/media/missing.mp3" is not a file in the content folder: ${join(dir, 'media/missing.mp3')} does not exist; add it or correct the path`,
      },
    ])
  })

  it('publishes an article whose image is missing without it, and warns with file and line', async () => {
    const dir = contentDir({ 'posts/a.md': post('A', ['tags: [x]', 'image: ../media/missing.png']) })
    const r = await loadContent(dir)
    expect(r.problems).toEqual([])
    expect(r.corpus.articles[0]).not.toHaveProperty('image')
    expect(r.corpus.articles[0]).not.toHaveProperty('enclosures')
    expect(r.fileWarnings).toEqual([
      {
        file: join(dir, 'posts/a.md'),
        line: 5,
        kind: 'missing-image',
        message: `"image" "/media/missing.png" is not a file in the content folder: ${join(dir, 'media/missing.png')} does not exist; add it or correct the path; the article is published without it`,
      },
    ])
  })

  it('reports a path that escapes the content folder with file and line, and never reads it', async () => {
    const dir = contentDir({
      'posts/evil.md': post('Evil', ['enclosure: { url: "../../etc/passwd", type: text/plain }']),
    })
    const r = await loadContent(dir)
    expect(r.corpus.articles).toEqual([])
    expect(r.problems).toEqual([
      {
        file: join(dir, 'posts/evil.md'),
        line: 4,
        message: expect.stringMatching(
          /^"enclosure" "\.\.\/\.\.\/etc\/passwd" leads outside the content folder/,
        ),
      },
    ])
  })

  it('refuses a symbolic link to a file outside the content folder', async () => {
    const outside = contentDir({ 'secret.mp3': bytes(5) })
    const dir = contentDir({ 'a.md': post('A', ['audio: /media/link.mp3']) })
    mkdirSync(join(dir, 'media'))
    symlinkSync(join(outside, 'secret.mp3'), join(dir, 'media/link.mp3'))
    const r = await loadContent(dir)
    expect(r.corpus.articles).toEqual([])
    expect(r.problems).toEqual([
      {
        file: join(dir, 'a.md'),
        line: 4,
        message: `"audio" "/media/link.mp3" is a link to a file outside the content folder; copy the file into ${dir} instead`,
      },
    ])
  })

  it('reports a folder and an empty file', async () => {
    const dir = contentDir({
      'media/folder.png/x': 'x',
      'media/empty.mp3': '',
      'a.md': post('A', ['image: /media/folder.png']),
      'b.md': post('B', ['audio: /media/empty.mp3']),
    })
    const r = await loadContent(dir)
    expect(r.corpus.articles.map((a) => a.slug)).toEqual(['a'])
    expect(r.fileWarnings.map((p) => [p.line, p.message])).toEqual([
      [
        4,
        '"image" "/media/folder.png" is a folder, not a file; write the path of the file in it; the article is published without it',
      ],
    ])
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [
        4,
        `"audio" "/media/empty.mp3" is an empty file (${join(dir, 'media/empty.mp3')}); replace it with the real file`,
      ],
    ])
  })

  it('never looks outside the folder, even for a path the front matter check did not see', async () => {
    const outside = contentDir({ 'secret.mp3': bytes(5) })
    const dir = contentDir({})
    const enclosure: Enclosure = { url: '/x', type: 'audio/mpeg', role: 'enclosure' }
    const rel = `/../${outside.split('/').pop()}/secret.mp3`
    const files: LocalFile[] = [{ enclosure, key: 'audio', line: 7, path: rel }]
    const problems = await measureLocalFiles(dir, files, 'content/a.md', 'content')
    expect(problems).toEqual([
      {
        file: 'content/a.md',
        line: 7,
        message: `"audio" "${rel}" leads outside the content folder; put the file under content and write its path from there`,
      },
    ])
    expect(enclosure).not.toHaveProperty('length')
  })

  it('does nothing for an article without local files', async () => {
    expect(await measureLocalFiles('/nonexistent/folder', [], 'a.md', 'content')).toEqual([])
  })
})
