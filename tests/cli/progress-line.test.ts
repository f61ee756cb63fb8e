import { describe, expect, it } from 'vitest'
import type { Io } from '../../src/cli/io.ts'
import { progressWanted, REDRAW_MS, startProgress } from '../../src/cli/progress-line.ts'

/** An Io whose stderr is a terminal that records what is written, with a clock the test moves. */
function terminal(env: Record<string, string> = {}) {
  const writes: string[] = []
  let t = 1000
  const io: Io = {
    out: () => {},
    err: () => {},
    env,
    terminal: { write: (text) => void writes.push(text), columns: () => 80 },
    clock: () => t,
  }
  return {
    io,
    writes,
    tick: (ms: number) => {
      t += ms
    },
  }
}

describe('progressWanted', () => {
  it('does draw only on a terminal, outside CI, and not for TERM=dumb', () => {
    expect(progressWanted(terminal().io)).toBe(true)
    expect(progressWanted(terminal({ CI: 'false' }).io)).toBe(true)
    expect(progressWanted(terminal({ CI: '' }).io)).toBe(true)
    expect(progressWanted(terminal({ CI: 'true' }).io)).toBe(false)
    expect(progressWanted(terminal({ CI: '1' }).io)).toBe(false)
    expect(progressWanted(terminal({ TERM: 'dumb' }).io)).toBe(false)
    expect(progressWanted({ ...terminal().io, terminal: undefined })).toBe(false)
  })
})

describe('startProgress', () => {
  it(`does redraw in place at most once per ${REDRAW_MS} ms, rate from the first work done, and clear at the end`, () => {
    const { io, writes, tick } = terminal()
    const p = startProgress(io, 'reading', 'files')
    p.update(0, 1000)
    tick(50)
    p.update(100, 1000)
    expect(writes).toEqual([]) // nothing before the first interval: short work shows nothing
    tick(50)
    p.update(200, 1000)
    for (let i = 201; i < 260; i++) {
      tick(1)
      p.update(i, 1000)
    }
    tick(100)
    p.update(300, 1000)
    expect(writes).toEqual([
      '\rreading   200/1,000 files [#####--------------------]  20%     --/s  ETA --\x1b[K',
      '\rreading   300/1,000 files [########-----------------]  30%    629/s  ETA 2s\x1b[K',
    ])
    p.end()
    expect(writes.at(-1)).toBe('\r\x1b[K')
    p.end()
    expect(writes).toHaveLength(3)
  })

  it('does measure the rate over the last few seconds, so the ETA follows a change of pace', () => {
    const { io, writes, tick } = terminal()
    const p = startProgress(io, 'writing', 'documents')
    let done = 0
    for (let s = 0; s < 100; s++) {
      tick(100)
      done += s < 50 ? 100 : 10 // 1,000/s for five seconds, then 100/s
      p.update(done, 100_000)
    }
    expect(writes.at(-1)?.endsWith(' 100/s  ETA 15m45s\x1b[K')).toBe(true)
  })

  it('does nothing at all when progress is not wanted, or there is nothing to count', () => {
    const { io, writes, tick } = terminal({ CI: 'true' })
    const p = startProgress(io, 'reading', 'files')
    tick(500)
    p.update(5, 10)
    p.end()
    const empty = terminal()
    const q = startProgress(empty.io, 'reading', 'files')
    empty.tick(500)
    q.update(0, 0)
    q.end()
    expect([...writes, ...empty.writes]).toEqual([])
  })
})
