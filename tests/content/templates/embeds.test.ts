import { describe, expect, it } from 'vitest'
import {
  embedFromUrl,
  isYoutubeId,
  videoFromUrl,
  vimeoEmbedHtml,
  youtubeEmbedHtml,
} from '../../../src/content/templates/embeds.ts'
import { REF_PREFIX, readRefMarker, refMarker, refWithFragment } from '../../../src/content/templates/refs.ts'

describe('embeds', () => {
  it('recognises the embed and watch URLs of YouTube and Vimeo', () => {
    const yt = { site: 'youtube', id: 'dQw4w9WgXcQ' }
    expect(videoFromUrl('https://www.youtube.com/embed/dQw4w9WgXcQ?start=5')).toEqual(yt)
    expect(videoFromUrl('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')).toEqual(yt)
    expect(videoFromUrl('//www.youtube.com/embed/dQw4w9WgXcQ')).toEqual(yt)
    expect(videoFromUrl('https://youtu.be/dQw4w9WgXcQ')).toEqual(yt)
    expect(videoFromUrl('https://m.youtube.com/watch?v=dQw4w9WgXcQ')).toEqual(yt)
    expect(videoFromUrl('https://player.vimeo.com/video/146022717?h=1')).toEqual({
      site: 'vimeo',
      id: '146022717',
    })
    expect(videoFromUrl('https://vimeo.com/146022717')).toEqual({ site: 'vimeo', id: '146022717' })
  })

  it('refuses other URLs and ids of the wrong form', () => {
    expect(embedFromUrl('https://example.com/embed/dQw4w9WgXcQ')).toBeUndefined()
    expect(embedFromUrl('https://www.youtube.com/embed/short')).toBeUndefined()
    expect(embedFromUrl('https://player.vimeo.com/video/abc')).toBeUndefined()
    expect(embedFromUrl('/embed/dQw4w9WgXcQ')).toBeUndefined()
    expect(isYoutubeId('dQw4w9WgXc"')).toBe(false)
  })

  it('builds a linked thumbnail and a text link, escaping the title', () => {
    expect(youtubeEmbedHtml('dQw4w9WgXcQ', 'A <b> & "c"')).toBe(
      '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><img src="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg" alt="Video on YouTube"></a>' +
        '<br><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch “A &lt;b&gt; &amp; &quot;c&quot;” on YouTube</a></p>',
    )
    expect(vimeoEmbedHtml('1')).toBe('<p><a href="https://vimeo.com/1">Watch the video on Vimeo</a></p>')
    expect(embedFromUrl('https://player.vimeo.com/video/7', 'Seven')).toBe(vimeoEmbedHtml('7', 'Seven'))
  })
})

describe('refs', () => {
  it('encodes the ref after the prefix and reads it back', () => {
    expect(refMarker('_posts/2019-05-15-hello.md')).toBe(`${REF_PREFIX}_posts%2F2019-05-15-hello.md`)
    expect(readRefMarker(refWithFragment('posts/a b.md#usage'))).toEqual({
      ref: 'posts/a b.md',
      fragment: '#usage',
    })
    expect(readRefMarker('/articles/x')).toBeUndefined()
    expect(readRefMarker(`${REF_PREFIX}%E0%A4%A`)).toBeUndefined()
  })
})
