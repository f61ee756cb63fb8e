/**
 * `npm run bench`: every performance target of the project, each measured against its baseline
 * in the same run (machines are noisy; ratios are what we compare), one line per target:
 *
 *     name: value unit, baseline value unit, ratio R (goal G) ok|MISSED
 *
 * and one JSON line appended to bench/history.jsonl (date, commit, machine, every figure).
 *
 *     npm run bench                       # everything, 100,000 articles included (~10 min)
 *     npm run bench -- --only http,render # some parts: http, render, build, bundle, scale
 *
 * Corpora are generated once into $BENCH_DIR (default: the system temp folder) by
 * scripts/make-corpus.mjs, which always writes the same bytes for the same N. Hugo and wrk come
 * from Debian and are installed when missing (apt-get, as root). Not part of `npm test`: tests
 * check behaviour; figures live here.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'

const ROOT = new URL('../..', import.meta.url).pathname
const PARTS = ['http', 'render', 'build', 'bundle', 'scale']
const args = process.argv.slice(2)
const onlyAt = args.indexOf('--only')
const only = onlyAt === -1 ? PARTS : (args[onlyAt + 1]?.split(',') ?? [])
if (only.some((p) => !PARTS.includes(p)) || (args.length && onlyAt === -1)) {
  console.error(`usage: npm run bench [-- --only ${PARTS.join(',')}]`)
  process.exit(2)
}
const WORK = process.env.BENCH_DIR ?? join(tmpdir(), 'dateline-bench')
mkdirSync(WORK, { recursive: true })

/** The deterministic corpus of `n` articles (`--markdown`: Markdown only), generated once. */
function corpus(n, markdown = false) {
  const dir = join(WORK, `corpus-${markdown ? 'md-' : ''}${n}`)
  const done = join(dir, '.complete')
  if (!existsSync(done)) {
    execFileSync('rm', ['-rf', dir])
    const flags = markdown ? ['--markdown'] : []
    execFileSync(process.execPath, [join(ROOT, 'scripts/make-corpus.mjs'), ...flags, String(n), dir], {
      stdio: 'inherit',
    })
    writeFileSync(done, '')
  }
  return dir
}

/** Installs a Debian package when its command is missing (the bench needs Hugo and wrk). */
function need(command, pkg = command) {
  if (spawnSync('which', [command]).status === 0) return
  console.log(`installing ${pkg} from Debian…`)
  execFileSync(
    'sh',
    ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`],
    {
      stdio: 'inherit',
    },
  )
}

const results = []
function report(targets) {
  for (const t of targets) {
    const ratio = t.value / t.baseline
    const limit = /([<>]=) ([\d.]+)/.exec(t.goal)
    const ok = !limit ? null : limit[1] === '<=' ? ratio <= Number(limit[2]) : ratio >= Number(limit[2])
    const fmt = (x) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toPrecision(3))
    console.log(
      `${t.name}: ${fmt(t.value)} ${t.unit}, baseline ${fmt(t.baseline)} ${t.unit}, ratio ${ratio.toFixed(2)} (goal ${t.goal})${ok === null ? '' : ok ? ' ok' : ' MISSED'}`,
    )
    results.push({ ...t, ratio, ok })
  }
}

const started = Date.now()
if (only.includes('render')) {
  const { renderTargets } = await import('./render.mjs')
  report(renderTargets())
}
if (only.includes('http')) {
  need('wrk')
  const { httpTargets } = await import('./http.mjs')
  report(await httpTargets({ contentDir: corpus(1000) }))
}
if (only.includes('build')) {
  need('hugo')
  const { buildTargets } = await import('./build.mjs')
  report(buildTargets({ markdown4k: corpus(4000, true), work: WORK }))
}
if (only.includes('bundle')) {
  const { bundleTargets } = await import('./bundle.mjs')
  const sample = join(WORK, 'sample-build')
  execFileSync(process.execPath, [join(ROOT, 'bin/dateline.js'), 'build', '--out', sample], { cwd: ROOT })
  report(bundleTargets({ work: WORK, sampleCorpus: join(sample, 'corpus.json') }))
}
if (only.includes('scale')) {
  const { scaleBuildTargets } = await import('./build.mjs')
  const { edgeTargets } = await import('./edge.mjs')
  const { out, targets } = scaleBuildTargets({ corpus100k: corpus(100_000), work: WORK })
  report(targets)
  report(edgeTargets({ out, work: WORK }))
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
  cwd: ROOT,
  encoding: 'utf8',
}).stdout.trim()
const machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
}
const record = {
  date: new Date().toISOString(),
  commit,
  machine,
  seconds: Math.round((Date.now() - started) / 1000),
  results,
}
mkdirSync(join(ROOT, 'bench'), { recursive: true })
appendFileSync(join(ROOT, 'bench/history.jsonl'), `${JSON.stringify(record)}\n`)
const missed = results.filter((r) => r.ok === false).length
console.log(
  `bench: ${results.length} figures, ${missed} missed goals, in ${record.seconds} s on ${machine.cpus} × ${machine.model}, Node ${machine.node}; appended to bench/history.jsonl`,
)
