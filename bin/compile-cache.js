/**
 * The CLI compiled to JavaScript once per version of its source, so that no run pays for
 * TypeScript (tsx took 0.15–0.3 s of every run). esbuild bundles `src/cli/main.ts` and the loader's
 * worker (`src/content/load-worker.ts`), with the packages they import, into
 * `node_modules/.cache/dateline/cli-{key}/`; the key is a hash of every file under `src/`, the
 * lock files (the packages are bundled) and how it compiles, so an edit is compiled on the next
 * run and nobody has to remember a build step. Plain JavaScript: it runs before any TypeScript.
 *
 * - Lazy `import()`s stay lazy: they become chunks of their own (`splitting`).
 * - `import.meta.url` in `src/` becomes the source file's URL, so paths next to the source (the
 *   article cache's fingerprint of `src/content/`) are the same compiled or not. The key holds the
 *   folder, so a moved checkout compiles again instead of reading the old paths.
 * - Stack traces: linked source maps pointing at `src/` (`bin/dateline.js` turns them on).
 * - Two processes compiling at once each write a folder of their own and rename it into place;
 *   the second rename fails, and that process uses the first one's (the same bytes).
 */
import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** Changes when what a compiled folder holds changes (options, entries, the define below). */
const FORMAT = 'dateline-cli-v1'

/** The bundles: `main.mjs` for bin/dateline.js, `load-worker.mjs` for the loader's threads. */
export const ENTRIES = { main: 'src/cli/main.ts', 'load-worker': 'src/content/load-worker.ts' }

/** Folders of other versions unused for this long are removed when a new one is compiled. */
const KEEP_MS = 24 * 60 * 60 * 1000

/** The repository root: the folder above `bin/`. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * @typedef {object} CompileOptions
 * @property {string} [root] the project (its `src/`, lock files and `node_modules`)
 * @property {string} [cacheDir] where compiled folders go (default `{root}/node_modules/.cache/dateline`)
 * @property {Record<string, string>} [entries] output name → source, relative to `root`
 */

/**
 * The compiled CLI of the current source: the URL of `main.mjs`, compiling it first when needed.
 * Throws when it cannot be compiled (the caller runs the source through tsx instead).
 * @param {CompileOptions} [options]
 * @returns {Promise<{ main: URL, dir: string, compiled: boolean }>}
 * @example const { main } = await compiledCli(); await import(main.href)
 */
export async function compiledCli(options = {}) {
  const { root = ROOT, entries = ENTRIES } = options
  const cacheDir = options.cacheDir ?? join(root, 'node_modules', '.cache', 'dateline')
  const dir = join(cacheDir, `cli-${sourceKey(root, entries)}`)
  const main = pathToFileURL(join(dir, 'main.mjs'))
  if (existsSync(dir)) {
    markUsed(dir)
    return { main, dir, compiled: false }
  }
  await compile(root, cacheDir, dir, entries)
  prune(cacheDir, dir)
  return { main, dir, compiled: true }
}

/**
 * The version of the source: SHA-256 of every file under `{root}/src` (paths and bytes), the
 * lock files, esbuild's version, the entries and the folder itself; 20 hex digits.
 * @param {string} root
 * @param {Record<string, string>} [entries]
 */
export function sourceKey(root, entries = ENTRIES) {
  const hash = createHash('sha256').update(`${FORMAT}\0${root}\0${JSON.stringify(entries)}\0`)
  for (const path of filesUnder(join(root, 'src'))) {
    hash.update(`${path.slice(root.length)}\0`).update(readFileSync(path))
  }
  // The packages are bundled too: npm rewrites node_modules/.package-lock.json on every install.
  for (const name of [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'node_modules/.package-lock.json',
  ]) {
    hash.update(`\0${name}\0`)
    try {
      hash.update(readFileSync(join(root, name)))
    } catch {
      // absent: hashed as empty
    }
  }
  hash.update(`\0esbuild ${esbuildVersion(root)}`)
  return hash.digest('hex').slice(0, 20)
}

/** Every file under `dir`, in a stable order. */
function filesUnder(dir) {
  /** @type {string[]} */
  const found = []
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...filesUnder(path))
    else if (entry.isFile()) found.push(path)
  }
  return found
}

/** @param {string} root */
function esbuildVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules/esbuild/package.json'), 'utf8')).version
  } catch {
    return ''
  }
}

/**
 * Compiles into a temporary folder of this process, then renames it to `dir`.
 * @param {string} root
 * @param {string} cacheDir
 * @param {string} dir
 * @param {Record<string, string>} entries
 */
async function compile(root, cacheDir, dir, entries) {
  const esbuild = await import('esbuild')
  mkdirSync(cacheDir, { recursive: true })
  const temporary = join(cacheDir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(
        Object.entries(entries).map(([name, path]) => [name, join(root, path)]),
      ),
      outdir: temporary,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      sourcemap: 'linked',
      sourcesContent: false,
      // Bundled CommonJS packages `require` Node's modules: give them a real `require`.
      banner: {
        js: "import { createRequire as __datelineRequire } from 'node:module'; const require = __datelineRequire(import.meta.url);",
      },
      // pool.ts starts its threads on the compiled worker, beside main.mjs once renamed.
      define: { DATELINE_LOAD_WORKER: JSON.stringify(pathToFileURL(join(dir, 'load-worker.mjs')).href) },
      plugins: [sourceUrls(join(root, 'src'))],
      logLevel: 'silent',
    })
    renameSync(temporary, dir)
  } catch (e) {
    rmSync(temporary, { recursive: true, force: true })
    // Another process renamed the same version into place first: use it.
    if (existsSync(join(dir, 'main.mjs'))) return
    throw e
  }
}

/**
 * An esbuild plugin: `import.meta.url` in the files under `srcDir` is their own URL, not the
 * bundle's.
 * @param {string} srcDir
 * @returns {import('esbuild').Plugin}
 */
function sourceUrls(srcDir) {
  const loaders = /** @type {const} */ ({ '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js' })
  return {
    name: 'dateline-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.[mc]?[jt]s$/ }, async ({ path }) => {
        const loader = loaders[/** @type {keyof typeof loaders} */ (extname(path))]
        if (!path.startsWith(srcDir + sep) || !loader) return undefined
        const text = await readFile(path, 'utf8')
        const url = JSON.stringify(pathToFileURL(path).href)
        return { contents: text.replaceAll('import.meta.url', url), loader }
      })
    },
  }
}

/** Marks `dir` as used now, so that `prune` keeps it. */
function markUsed(/** @type {string} */ dir) {
  try {
    const now = new Date()
    utimesSync(dir, now, now)
  } catch {
    // a read-only cache is still usable
  }
}

/**
 * Removes the compiled folders of other versions not used for `KEEP_MS`, and temporary folders
 * that old: a process still running an old version has loaded what it needs long before.
 * @param {string} cacheDir
 * @param {string} keep
 */
function prune(cacheDir, keep) {
  const now = Date.now()
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name)
    if (path === keep || !/^(cli-|\.tmp-)/.test(name)) continue
    try {
      if (now - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true })
    } catch {
      // removed by another process meanwhile
    }
  }
}
