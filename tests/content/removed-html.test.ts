import { describe, expect, it } from 'vitest'
import type { RemovedHtml } from '../../src/content/dropped-elements.ts'
import { cleanHtml } from '../../src/content/html.ts'
import { parseMarkdown } from '../../src/content/markdown.ts'
import { warningsForRemoved } from '../../src/content/removed-html.ts'
import { md, parsed } from './helpers.ts'

/** What the lead wires in `normalise`: the parsed file's HTML cleaned, its reports turned to warnings. */
function warningsOf(body: string) {
  const p = parsed(parseMarkdown(md(['title: T'], body), 'content/a.md', 'a.md'))
  const reports: RemovedHtml[] = []
  cleanHtml(p.html, '/a', { onRemoved: (r) => reports.push(r) })
  return warningsForRemoved(reports, { file: p.file, body: p.body, bodyLine: p.bodyLine })
}

describe('warningsForRemoved', () => {
  it('gives each removed element a warning on the line it was written', () => {
    const body = [
      'Intro.', // line 4 of the file
      '',
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
      '',
      '<script>track()</script>',
      '',
      '<iframe src="https://maps.example.com/embed?x=1"></iframe>',
      '',
      'Some <font color="red">red</font> text.',
      '',
      '<video src="clip.mp4"></video>',
    ].join('\n')
    expect(warningsOf(body)).toEqual([
      {
        file: 'content/a.md',
        line: 6,
        kind: 'removed-html',
        message:
          'an <iframe> of youtube.com was replaced by a link to what it showed: feed readers do not show iframes',
      },
      {
        file: 'content/a.md',
        line: 8,
        kind: 'removed-html',
        message: 'a <script> was removed with its content: feeds cannot carry it',
      },
      {
        file: 'content/a.md',
        line: 10,
        kind: 'removed-html',
        message:
          'an <iframe> of maps.example.com was replaced by a link to what it showed: feed readers do not show iframes',
      },
      {
        file: 'content/a.md',
        line: 12,
        kind: 'removed-html',
        message: 'the <font> tag was removed and its text kept: feeds cannot carry it',
      },
      {
        file: 'content/a.md',
        line: 14,
        kind: 'removed-html',
        message: 'a <video> of clip.mp4 was replaced by a link to its file: feed readers do not play it',
      },
    ])
  })

  it('skips what is written in code, which is shown as text and never removed', () => {
    const body = [
      'Embed with `<iframe src="x">`:', // line 4
      '',
      '```html',
      '<iframe src="y"></iframe>',
      '```',
      '',
      '    <iframe src="indented code"></iframe>',
      '',
      '- item',
      '',
      '  ```',
      '  <iframe src="in a list"></iframe>',
      '  ```',
      '',
      '<IFRAME src="https://m.example/real"></IFRAME>', // line 18
    ].join('\n')
    const warnings = warningsOf(body)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ line: 18, message: expect.stringContaining('of m.example') })
  })

  it('counts lines the same in a body with CRLF line ends', () => {
    const reports: RemovedHtml[] = [{ tag: 'embed', src: 'movie.swf', content: false }]
    expect(
      warningsForRemoved(reports, { file: 'f.md', body: 'a\r\nb\r\n<embed src="movie.swf">', bodyLine: 2 }),
    ).toEqual([
      {
        file: 'f.md',
        line: 4,
        kind: 'removed-html',
        message: 'an <embed> of movie.swf was removed: feeds cannot carry it; link to it instead',
      },
    ])
  })

  it('gives no line when the element is not found in the body (made by a template)', () => {
    const [w] = warningsForRemoved([{ tag: 'object', content: false }], { file: 'f.md', body: 'text' })
    expect(w).toEqual({ file: 'f.md', kind: 'removed-html', message: expect.stringContaining('<object>') })
    expect(warningsForRemoved([], { file: 'f.md' })).toEqual([])
  })
})
