import { describe, expect, it } from 'vitest'
import { extensionOf, MEDIA_TYPES, toMediaType, typeFromPath } from '../../src/content/mime-types.ts'

// The table as the brief and the registrations give it, written out so that an edit to the
// source table has to be made here too.
const EXPECTED: [string, string][] = [
  ['jpg', 'image/jpeg'],
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['gif', 'image/gif'],
  ['webp', 'image/webp'],
  ['avif', 'image/avif'],
  ['svg', 'image/svg+xml'],
  ['mp3', 'audio/mpeg'],
  ['m4a', 'audio/mp4'],
  ['ogg', 'audio/ogg'],
  ['oga', 'audio/ogg'],
  ['opus', 'audio/ogg'],
  ['wav', 'audio/wav'],
  ['mp4', 'video/mp4'],
  ['m4v', 'video/mp4'],
  ['webm', 'video/webm'],
  ['mov', 'video/quicktime'],
  ['pdf', 'application/pdf'],
]

describe('typeFromPath', () => {
  it('derives the registered type of every known extension', () => {
    for (const [ext, type] of EXPECTED) expect(typeFromPath(`/media/file.${ext}`), ext).toBe(type)
    expect(Object.keys(MEDIA_TYPES).sort()).toEqual(EXPECTED.map(([ext]) => ext).sort())
  })

  it('never gives image/jpg', () => {
    expect(Object.values(MEDIA_TYPES)).not.toContain('image/jpg')
    expect(typeFromPath('photo.JPG')).toBe('image/jpeg')
  })

  it('ignores case, the query and the fragment', () => {
    expect(typeFromPath('https://cdn.example/a/Photo.PNG?w=800&h=600#top')).toBe('image/png')
    expect(typeFromPath('/media/ep.mp3?v=2')).toBe('audio/mpeg')
  })

  it('knows nothing of unknown extensions, dots in folder names or names without an extension', () => {
    expect(typeFromPath('/media/file.xyz')).toBeUndefined()
    expect(typeFromPath('https://cdn.example/photo')).toBeUndefined()
    expect(typeFromPath('https://cdn.example/v1.2/photo')).toBeUndefined()
    expect(typeFromPath('/media/.mp3/')).toBeUndefined()
    // Object.prototype keys are not extensions.
    expect(typeFromPath('/a.constructor')).toBeUndefined()
    expect(typeFromPath('/a.__proto__')).toBeUndefined()
  })
})

describe('extensionOf', () => {
  it('gives the extension as written, or nothing', () => {
    expect(extensionOf('/media/file.XYZ?x=1')).toBe('.XYZ')
    expect(extensionOf('https://cdn.example/photo')).toBe('')
  })
})

describe('toMediaType', () => {
  it('accepts type/subtype and lower-cases it', () => {
    expect(toMediaType('audio/mpeg')).toEqual({ value: 'audio/mpeg' })
    expect(toMediaType(' Application/VND.Example+JSON ')).toEqual({ value: 'application/vnd.example+json' })
  })

  it('corrects the names no registry knows to the registered ones', () => {
    expect(toMediaType('image/jpg')).toEqual({ value: 'image/jpeg' })
    expect(toMediaType('IMAGE/JPG')).toEqual({ value: 'image/jpeg' })
    expect(toMediaType('audio/mp3')).toEqual({ value: 'audio/mpeg' })
    expect(toMediaType('image/svg')).toEqual({ value: 'image/svg+xml' })
  })

  it('refuses what is not type/subtype, naming the fix', () => {
    for (const bad of [
      'jpeg',
      'audio/',
      '/mpeg',
      'a/b/c',
      'audio/ogg; codecs=opus',
      'audio mpeg',
      'aud io/ogg',
    ]) {
      const r = toMediaType(bad)
      expect(r, bad).toHaveProperty('error')
      if ('error' in r) expect(r.error).toMatch(/write type\/subtype without parameters, such as audio\/mpeg/)
    }
  })
})
