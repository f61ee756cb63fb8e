import { describe, expect, it } from 'vitest'
import { attachmentsOf, mediumOf, rssMedia } from '../../src/formats/enclosures.ts'
import { article, MEDIA } from '../feeds/fixtures.ts'

const withMedia = (...enclosures: (typeof MEDIA)[keyof typeof MEDIA][]) =>
  article('a', '2024-01-01T00:00:00.000Z', { enclosures })

describe('rssMedia', () => {
  it('gives the one RSS enclosure to the image when there is nothing else', () => {
    expect(rssMedia(withMedia(MEDIA.image))).toEqual({ enclosure: MEDIA.image, content: [] })
  })

  it('gives it to the explicit enclosure, wherever it is listed, and the image to media:content', () => {
    expect(rssMedia(withMedia(MEDIA.image, MEDIA.audio))).toEqual({
      enclosure: MEDIA.audio,
      content: [MEDIA.image],
    })
    expect(rssMedia(withMedia(MEDIA.pdf, MEDIA.image))).toEqual({
      enclosure: MEDIA.pdf,
      content: [MEDIA.image],
    })
  })

  it('has nothing for an article without enclosures', () => {
    expect(rssMedia(article('a', '2024-01-01T00:00:00.000Z'))).toEqual({ enclosure: undefined, content: [] })
  })
})

describe('mediumOf', () => {
  it('names the Media RSS medium of a MIME type', () => {
    expect(mediumOf('image/svg+xml')).toBe('image')
    expect(mediumOf('audio/mpeg')).toBe('audio')
    expect(mediumOf('video/mp4')).toBe('video')
    expect(mediumOf('application/pdf')).toBe('document')
    expect(mediumOf('application/zip')).toBeUndefined()
  })
})

describe('attachmentsOf', () => {
  it('lists the explicit enclosures only: the image is the JSON Feed item image', () => {
    expect(attachmentsOf(withMedia(MEDIA.image, MEDIA.video))).toEqual([MEDIA.video])
    expect(attachmentsOf(withMedia(MEDIA.image))).toEqual([])
    expect(attachmentsOf(article('a', '2024-01-01T00:00:00.000Z'))).toEqual([])
  })
})
