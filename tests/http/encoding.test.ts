import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { chooseEncoding } from '../../src/http/encoding.ts'

const app = new Hono().get('/', (c) => c.text(chooseEncoding(c) ?? 'identity'))
const choose = async (header?: string) =>
  (await app.request('/', header === undefined ? {} : { headers: { 'Accept-Encoding': header } })).text()

describe('chooseEncoding', () => {
  it('prefers br when it is at least as welcome as gzip', async () => {
    expect(await choose('gzip, deflate, br')).toBe('br')
    expect(await choose('br;q=0.5, gzip;q=0.5')).toBe('br')
  })

  it('honours q-values', async () => {
    expect(await choose('br;q=0.2, gzip;q=0.9')).toBe('gzip')
    expect(await choose('br;q=0, gzip')).toBe('gzip')
    expect(await choose('br;q=0, gzip;q=0')).toBe('identity')
  })

  it('reads * as every coding', async () => {
    expect(await choose('*')).toBe('br')
    expect(await choose('*, br;q=0')).toBe('gzip')
  })

  it('sends identity when nothing is accepted or said', async () => {
    expect(await choose()).toBe('identity')
    expect(await choose('identity')).toBe('identity')
    expect(await choose('deflate')).toBe('identity')
  })
})
