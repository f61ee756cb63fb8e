/** Something wrong with one input file. `line` is 1-based, when known. */
export type Problem = { file: string; line?: number; message: string }

/**
 * One line in the `path:line: message` form that editors and CI annotate.
 * @example formatProblem({ file: 'content/a.md', line: 3, message: 'x' }) // 'content/a.md:3: x'
 */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`
}

/** 1-based line of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}
