import { describe, expect, it } from 'vitest'
import { formatProblem, lineAt } from '../../src/content/problem.ts'

describe('formatProblem', () => {
  it('writes path:line: message when the line is known', () => {
    expect(formatProblem({ file: 'content/a.md', line: 3, message: 'bad date' })).toBe(
      'content/a.md:3: bad date',
    )
  })

  it('writes path: message when the line is not known', () => {
    expect(formatProblem({ file: 'content/a.md', message: 'empty' })).toBe('content/a.md: empty')
  })
})

describe('lineAt', () => {
  it('gives the 1-based line of a character offset', () => {
    const text = 'one\ntwo\nthree'
    expect(lineAt(text, 0)).toBe(1)
    expect(lineAt(text, 3)).toBe(1)
    expect(lineAt(text, 4)).toBe(2)
    expect(lineAt(text, text.indexOf('three'))).toBe(3)
    expect(lineAt(text, text.length)).toBe(3)
  })

  it('counts blank lines', () => {
    expect(lineAt('\n\n\nx', 3)).toBe(4)
  })
})
