/**
 * Target 6: the Worker as wrangler bundles it (`wrangler deploy
 * --dry-run`), its size with the sample corpus and the size of the code alone (the same bundle
 * with an empty corpus), and how long the module takes to start: importing the bundle and
 * building the app, measured in a fresh Node process (the same V8 and the same JavaScript as
 * workerd runs).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const ROOT = new URL('../..', import.meta.url).pathname

/**
 * Bundles src/runtime/worker.ts with `corpusFile` as build/corpus.json (or the module `source` given
 * instead); returns raw and gzip bytes.
 */
export function bundle(corpusFile, outdir, source = undefined) {
  const config = join(outdir, 'wrangler.toml')
  mkdirSync(join(outdir, 'public'), { recursive: true })
  // The project's Worker settings, without its [build] step, pointing at this corpus.
  const project = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')
  const setting = (key) => new RegExp(`^${key} = (.*)$`, 'm').exec(project)?.[1]
  const toml = [
    `name = ${setting('name')}`,
    `main = ${JSON.stringify(join(outdir, 'entry.ts'))}`,
    `compatibility_date = ${setting('compatibility_date')}`,
    `[assets]`,
    `directory = ${JSON.stringify(join(outdir, 'public'))}`,
  ].join('\n')
  writeFileSync(config, toml)
  writeFileSync(
    join(outdir, 'entry.ts'),
    source ??
      readFileSync(join(ROOT, 'src/runtime/worker.ts'), 'utf8')
        .replace("'../build/corpus.json'", JSON.stringify(corpusFile))
        .replaceAll("from './", `from '${join(ROOT, 'src')}/`),
  )
  const run = spawnSync(
    'npx',
    ['wrangler', 'deploy', '--dry-run', '--config', config, '--outdir', join(outdir, 'dist')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    },
  )
  if (run.status !== 0) throw new Error(`wrangler dry run failed:\n${run.stdout}\n${run.stderr}`)
  const code = readFileSync(join(outdir, 'dist', 'entry.js'))
  return {
    file: join(outdir, 'dist', 'entry.js'),
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
  }
}

/** Milliseconds to import the bundle and answer a first request, in a fresh process (median of 5). */
function startup(file) {
  const script = `
    const t = performance.now()
    const { default: worker } = await import(${JSON.stringify(file)})
    const imported = performance.now() - t
    await worker.fetch(new Request('http://localhost/rss.xml'), {}, { waitUntil() {}, passThroughOnException() {} })
    console.log(JSON.stringify({ imported, firstRequest: performance.now() - t }))`
  const runs = Array.from({ length: 5 }, () =>
    JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })),
  )
  const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[2]
  return { imported: median('imported'), firstRequest: median('firstRequest') }
}

export function bundleTargets({ work, sampleCorpus }) {
  const empty = join(work, 'empty-corpus.json')
  const site = JSON.parse(readFileSync(sampleCorpus, 'utf8')).site
  writeFileSync(empty, JSON.stringify({ site, articles: [], hash: 'empty' }))
  const code = bundle(empty, join(work, 'bundle-code'))
  const sample = bundle(sampleCorpus, join(work, 'bundle-sample'))
  const start = startup(sample.file)
  return [
    {
      name: 'Worker code bundle, gzip (no corpus)',
      value: code.gzip / 1024,
      baseline: 100,
      goal: '<= 1 (100 KB)',
      unit: 'KB',
    },
    {
      name: `Worker module start-up (import ${Math.round(sample.raw / 1024)} KB bundle)`,
      value: start.imported,
      baseline: 50,
      goal: '<= 1 (50 ms)',
      unit: 'ms',
    },
    {
      name: 'Worker start-up to first /rss.xml answered',
      value: start.firstRequest,
      baseline: 50,
      goal: 'info',
      unit: 'ms',
    },
  ]
}
