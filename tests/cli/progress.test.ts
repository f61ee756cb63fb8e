import { describe, expect, it } from 'vitest'
import {
  bar,
  eta,
  formatCount,
  formatDuration,
  formatEta,
  formatRate,
  progressFrame,
  rate,
} from '../../src/cli/progress.ts'

describe('progress', () => {
  it('does draw a frame with counts, bar, percent, rate and ETA', () => {
    expect(
      progressFrame({
        label: 'reading',
        unit: 'files',
        done: 500,
        total: 2000,
        perSecond: 2000,
        columns: 80,
      }),
    ).toBe('reading   500/2,000 files [######-------------------]  25%  2,000/s  ETA 1s')
  })

  it('does keep the frame narrower than the terminal, dropping the bar first', () => {
    const frame = (columns: number, done = 12_345) =>
      progressFrame({ label: 'writing', unit: 'documents', done, total: 40_321, perSecond: 812.4, columns })
    expect(frame(80).length).toBeLessThan(80)
    expect(frame(80)).toBe('writing 12,345/40,321 documents [######-------------]  30%    812/s  ETA 35s')
    // The bar keeps its length as the numbers change.
    expect(frame(80, 7).indexOf(']')).toBe(frame(80).indexOf(']'))
    expect(frame(60)).toBe('writing 12,345/40,321 documents  30%    812/s  ETA 35s')
    expect(frame(30)).toBe('writing 12,345/40,321 documen')
    expect(frame(200)).toContain(`[${'#'.repeat(9)}${'-'.repeat(21)}]`)
  })

  it('does show an unknown rate and ETA as --', () => {
    expect(
      progressFrame({ label: 'reading', unit: 'files', done: 0, total: 10, perSecond: null, columns: 80 }),
    ).toMatch(/ {3}0% +--\/s {2}ETA --$/)
  })

  it('does compute the rate and the ETA', () => {
    expect(rate(0, 1000)).toBeNull()
    expect(rate(10, 0)).toBeNull()
    expect(rate(250, 500)).toBe(500)
    expect(eta(10, 10, null)).toBe(0)
    expect(eta(5, 10, null)).toBeNull()
    expect(eta(5, 105, 50)).toBe(2)
  })

  it('does format counts, rates, ETAs and durations the same in every locale', () => {
    expect([0, 999, 1000, 1_234_567].map(formatCount)).toEqual(['0', '999', '1,000', '1,234,567'])
    expect([null, 3.44, 35.2, 4210.6].map(formatRate)).toEqual(['--/s', '3.4/s', '35/s', '4,211/s'])
    expect([null, Number.POSITIVE_INFINITY, 0, 7.2, 65, 7380].map(formatEta)).toEqual([
      '--',
      '--',
      '0s',
      '8s',
      '1m05s',
      '2h03m',
    ])
    expect([45.4, 999, 1234, 12_399, 125_000].map(formatDuration)).toEqual([
      '45 ms',
      '999 ms',
      '1.2 s',
      '12.3 s',
      '2 min 05 s',
    ])
  })

  it('does fill the bar in proportion, within its bounds', () => {
    expect(bar(0, 4)).toBe('[----]')
    expect(bar(0.5, 4)).toBe('[##--]')
    expect(bar(2, 4)).toBe('[####]')
  })
})
