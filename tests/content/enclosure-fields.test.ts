import { describe, expect, it } from 'vitest'
import { leavesTheSite } from '../../src/content/enclosure-fields.ts'
import type { Normalised } from '../../src/content/normalise.ts'
import { articleOf, md, normaliseMarkdown, problemsOf } from './helpers.ts'

// Front matter lines 2 and 3; the key under test is on line 4.
const base = ['title: Hello', 'date: 2024-05-01']
const run = (lines: string[]): Normalised => normaliseMarkdown(md([...base, ...lines]), 'posts/hello.md')
const enclosures = (...lines: string[]) => articleOf(run(lines)).enclosures
const problems = (...lines: string[]) => problemsOf(run(lines))
const localOf = (lines: string[]) => {
  const r = run(lines)
  return r.kind === 'article' ? r.local.map(({ key, line, path }) => ({ key, line, path })) : []
}

describe('readMedia', () => {
  describe('image', () => {
    it('becomes an enclosure with the role image and the type of its extension', () => {
      const a = articleOf(run(['image: ../media/ferry.svg']))
      expect(a.image).toBe('/media/ferry.svg')
      expect(a.enclosures).toEqual([{ url: '/media/ferry.svg', type: 'image/svg+xml', role: 'image' }])
    })

    it('names a path into the site as a local file for the loader, with key and line', () => {
      expect(localOf(['image: ../media/ferry.svg'])).toEqual([
        { key: 'image', line: 4, path: '/media/ferry.svg' },
      ])
      // Relative to the source file posts/hello.md (its folder), as links in the body are.
      expect(localOf(['image: pics/a%20b.jpg?v=2'])).toEqual([
        { key: 'image', line: 4, path: '/posts/pics/a b.jpg' },
      ])
    })

    it('keeps a remote image remote, without a length', () => {
      expect(enclosures('image: //cdn.example/a.webp')).toEqual([
        { url: 'https://cdn.example/a.webp', type: 'image/webp', role: 'image' },
      ])
      expect(localOf(['image: https://cdn.example/a.webp'])).toEqual([])
    })

    it('takes { url, type, length } too, so an image without an extension can be used', () => {
      const a = articleOf(
        run(['image: { url: "https://cdn.example/p?id=3", type: image/jpg, length: 5120 }']),
      )
      expect(a.image).toBe('https://cdn.example/p?id=3')
      expect(a.enclosures).toEqual([
        { url: 'https://cdn.example/p?id=3', type: 'image/jpeg', length: 5120, role: 'image' },
      ])
    })

    it('reports an image whose type cannot be told, naming the key, the line and the fix', () => {
      const [p] = problems('image: https://cdn.example/photo')
      expect(p.file).toBe('content/posts/hello.md')
      expect(p.line).toBe(4)
      expect(p.message).toMatch(
        /^"image" has no type and the URL has no extension; write image: \{ url: https:\/\/cdn\.example\/photo, type: image\/jpeg \}/,
      )
      expect(p.message).toContain('.jpg, .jpeg, .png, .gif, .webp, .avif, .svg')
    })

    it('reports an image that is not a picture', () => {
      expect(problems('image: /media/report.pdf')[0].message).toMatch(
        /^"image" is application\/pdf, not a picture/,
      )
    })
  })

  describe('enclosure, audio and video', () => {
    it('reads a bare URL and derives the type', () => {
      expect(enclosures('enclosure: https://cdn.example/report.pdf')).toEqual([
        { url: 'https://cdn.example/report.pdf', type: 'application/pdf', role: 'enclosure' },
      ])
      expect(enclosures('audio: https://cdn.example/ep.opus')).toEqual([
        { url: 'https://cdn.example/ep.opus', type: 'audio/ogg', role: 'enclosure' },
      ])
      expect(enclosures('video: https://cdn.example/clip.MOV')).toEqual([
        { url: 'https://cdn.example/clip.MOV', type: 'video/quicktime', role: 'enclosure' },
      ])
    })

    it('keeps the length written for a remote URL and none when none is written', () => {
      expect(enclosures('audio:', '  url: https://cdn.example/ep.mp3', '  length: 4812733')).toEqual([
        { url: 'https://cdn.example/ep.mp3', type: 'audio/mpeg', length: 4812733, role: 'enclosure' },
      ])
      expect(enclosures('audio: { url: https://cdn.example/ep.mp3 }')?.[0]).not.toHaveProperty('length')
    })

    it('ignores a length written for a local file, which the loader measures', () => {
      expect(enclosures('audio: { url: /media/ep.mp3, length: 99 }')).toEqual([
        { url: '/media/ep.mp3', type: 'audio/mpeg', role: 'enclosure' },
      ])
      expect(localOf(['audio: { url: /media/ep.mp3, length: 99 }'])).toEqual([
        { key: 'audio', line: 4, path: '/media/ep.mp3' },
      ])
    })

    it('takes a given type over the extension, corrected and lower-cased', () => {
      expect(enclosures('enclosure: { url: https://cdn.example/dl?id=7, type: Image/JPG }')?.[0].type).toBe(
        'image/jpeg',
      )
      expect(enclosures('audio: { url: https://cdn.example/ep.bin, type: audio/mp3 }')?.[0].type).toBe(
        'audio/mpeg',
      )
    })

    it('lists the image first and the explicit enclosure after it', () => {
      expect(enclosures('audio: https://cdn.example/ep.mp3', 'image: https://cdn.example/p.png')).toEqual([
        { url: 'https://cdn.example/p.png', type: 'image/png', role: 'image' },
        { url: 'https://cdn.example/ep.mp3', type: 'audio/mpeg', role: 'enclosure' },
      ])
    })

    it('reports an unknown extension without a type, naming the key, the line and the fix', () => {
      const [p] = problems('enclosure: /media/data.xyz')
      expect(p).toMatchObject({ file: 'content/posts/hello.md', line: 4 })
      expect(p.message).toBe(
        '"enclosure" has no type and the extension ".xyz" is not one dateline knows; write enclosure: { url: /media/data.xyz, type: application/pdf } with the file\'s MIME type, or use a file ending in .jpg, .jpeg, .png, .gif, .webp, .avif, .svg, .mp3, .m4a, .ogg, .oga, .opus, .wav, .mp4, .m4v, .webm, .mov, .pdf',
      )
    })

    it('reports audio that is not audio and video that is not video', () => {
      expect(problems('audio: /media/clip.mp4')[0].message).toMatch(
        /^"audio" is video\/mp4, not audio; use enclosure: for other files, or give type: audio\/… if the file is one/,
      )
      expect(problems('video: { url: /media/x.bin, type: audio/mpeg }')[0].message).toMatch(
        /^"video" is audio\/mpeg, not video/,
      )
    })

    it('reports bad values with their key and line', () => {
      const cases: [string[], RegExp][] = [
        [['enclosure: { url: /a.mp3, type: mpeg }'], /^"enclosure" type "mpeg" is not a MIME type/],
        [
          ['enclosure: { url: /a.mp3, length: 12kB }'],
          /^"enclosure" length "12kB" must be the file's size in bytes/,
        ],
        [['enclosure: { url: /a.mp3, length: -1 }'], /length "-1" must be/],
        [
          ['enclosure: { url: /a.mp3, size: 12 }'],
          /^"enclosure" has an unknown key "size"; write url, type and length/,
        ],
        [['enclosure: { type: audio/mpeg }'], /^"enclosure" has no url; add url: \/media\/report\.pdf/],
        [['enclosure: [/a.mp3, /b.mp3]'], /not a list: an article has one enclosure/],
        [['audio: { url: [a] }'], /^"audio" url must be written as text/],
        [
          ['video: javascript:alert(1)'],
          /^"video" must be an http\(s\) URL or a path such as \/media\/clip\.mp4/,
        ],
        [['audio: ftp://example.com/a.mp3'], /^"audio" must be an http\(s\) URL/],
        [['audio: /media/a%zz.mp3'], /^"audio" "\/media\/a%zz\.mp3" has a broken %-escape/],
      ]
      for (const [lines, message] of cases) {
        const p = problems(...lines)
        expect(p, lines[0]).toHaveLength(1)
        expect(p[0].line, lines[0]).toBe(4)
        expect(p[0].message, lines[0]).toMatch(message)
      }
    })

    it('allows one of enclosure, audio and video: an RSS item carries one enclosure', () => {
      const p = problems('audio: https://cdn.example/a.mp3', 'video: https://cdn.example/v.mp4')
      expect(p).toEqual([
        {
          file: 'content/posts/hello.md',
          line: 5,
          message:
            '"video" cannot be given together with "audio": an RSS 2.0 item carries one enclosure; keep one of them',
        },
      ])
    })

    it('leaves out an empty enclosure key', () => {
      expect(articleOf(run(['enclosure:']))).not.toHaveProperty('enclosures')
    })
  })

  describe('paths outside the content folder', () => {
    it('reports a path that climbs above the site, with key and line, and names no local file', () => {
      for (const path of [
        '../../etc/passwd',
        '../../../media/a.mp3',
        '/../etc/passwd.mp3',
        '..\\..\\etc\\passwd',
      ]) {
        const p = problems(`enclosure: { url: "${path.replace(/\\/g, '\\\\')}", type: audio/mpeg }`)
        expect(p, path).toHaveLength(1)
        expect(p[0], path).toMatchObject({ file: 'content/posts/hello.md', line: 4 })
        expect(p[0].message, path).toMatch(
          /^"enclosure" ".*" leads outside the content folder; put the file under content\//,
        )
      }
    })

    it('sees through %-escaped dots and slashes', () => {
      for (const path of [
        '%2e%2e/%2e%2e/etc/passwd.mp3',
        '..%2F..%2Fetc%2Fpasswd.mp3',
        '/media/..%2F..%2F..%2Fx.mp3',
      ]) {
        const p = problems(`image: { url: "${path}", type: image/png }`)
        expect(p, path).toHaveLength(1)
        expect(p[0].line, path).toBe(4)
        expect(p[0].message, path).toMatch(/leads outside the content folder/)
      }
    })

    it('refuses .. and NUL hidden in %-escapes, which URL resolution leaves in place', () => {
      for (const path of ['a/..%2F..%2Fx.mp3', '/media/x%00.mp3']) {
        const p = problems(`audio: "${path}"`)
        expect(p, path).toHaveLength(1)
        expect(p[0].line, path).toBe(4)
        expect(p[0].message, path).toMatch(
          /^"audio" ".*" hides \.\. or a NUL in %-escapes; write the file's path plainly/,
        )
      }
    })

    it('accepts a path that climbs only as far as the site root', () => {
      expect(enclosures('audio: ../media/a.mp3')?.[0].url).toBe('/media/a.mp3')
    })
  })
})

describe('leavesTheSite', () => {
  it('follows .. from the article URL and stops at the root', () => {
    expect(leavesTheSite('../media/x.png', '/articles/a')).toBe(false)
    expect(leavesTheSite('../../x.png', '/articles/a')).toBe(true)
    expect(leavesTheSite('a/../../x.png', '/articles/a')).toBe(false)
    expect(leavesTheSite('a/../../../x.png', '/articles/a')).toBe(true)
    expect(leavesTheSite('/media/../x.png', '/articles/a')).toBe(false)
    expect(leavesTheSite('/media/../../x.png', '/articles/a')).toBe(true)
  })

  it('leaves absolute and protocol-relative URLs alone', () => {
    expect(leavesTheSite('https://cdn.example/../../x.png', '/articles/a')).toBe(false)
    expect(leavesTheSite('//cdn.example/../../x.png', '/articles/a')).toBe(false)
  })
})

describe('an empty image', () => {
  it('is no image, as an empty audio: is no enclosure', () => {
    const a = articleOf(run(['image: ""']))
    expect(a).not.toHaveProperty('image')
    expect(a).not.toHaveProperty('enclosures')
  })
})
