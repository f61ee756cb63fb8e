/** Where the CLI writes, what it reads from the environment, and its clock; tests pass their own. */

export type Io = {
  /** Writes one line to stdout. */
  out: (line: string) => void
  /** Writes one line to stderr. */
  err: (line: string) => void
  env: Record<string, string | undefined>
  /** stderr when it is a terminal (for the progress line): raw writes and its width. */
  terminal?: { write: (text: string) => void; columns: () => number }
  /** Milliseconds from an arbitrary start, for elapsed times and rates (default `performance.now`). */
  clock?: () => number
}

/** The process's stdout, stderr and environment. */
export function defaultIo(): Io {
  const stderr = process.stderr
  return {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
    terminal: stderr.isTTY
      ? { write: (text) => void stderr.write(text), columns: () => stderr.columns || 80 }
      : undefined,
    clock: () => performance.now(),
  }
}

/** Milliseconds by `io`'s clock. */
export function now(io: Io): number {
  return (io.clock ?? (() => performance.now()))()
}
