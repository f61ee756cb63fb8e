/** Types of compile-cache.js (plain JavaScript, as it runs before any TypeScript). */
export type CompileOptions = {
  /** The project: its `src/`, lock files and `node_modules`. */
  root?: string
  /** Where compiled folders go (default `{root}/node_modules/.cache/dateline`). */
  cacheDir?: string
  /** Output name → source, relative to `root`. */
  entries?: Record<string, string>
}

export const ENTRIES: Record<string, string>
export const ROOT: string
export function compiledCli(options?: CompileOptions): Promise<{ main: URL; dir: string; compiled: boolean }>
export function sourceKey(root: string, entries?: Record<string, string>): string
