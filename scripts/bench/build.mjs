/**
 * Target 4 (and the build half of 5): `dateline build` against Hugo on the same Markdown files,
 * cold and after one edit, and the build of the 100,000-article corpus with its peak memory.
 * Every time is wall-clock for the whole command, best of `runs`, start-up included for both.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = new URL('../..', import.meta.url).pathname
const PEAK = join(ROOT, 'scripts/bench/peak-rss.cjs')

/** Runs `dateline build`; returns seconds and peak memory of the process. */
export function timeBuild(contentDir, out) {
  const started = performance.now()
  const run = spawnSync(
    process.execPath,
    ['-r', PEAK, join(ROOT, 'bin/dateline.js'), 'build', '--content', contentDir, '--out', out],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const seconds = (performance.now() - started) / 1000
  if (run.status !== 0) throw new Error(`dateline build failed:\n${run.stdout}\n${run.stderr}`)
  const peakMb = Number(/peak-rss-mb (\d+)/.exec(run.stderr)?.[1])
  return { seconds, peakMb, output: run.stdout.trim() }
}

function timeHugo(site) {
  const started = performance.now()
  execFileSync('hugo', ['--quiet', '-s', site, '-d', join(site, 'public')], { stdio: 'pipe' })
  return (performance.now() - started) / 1000
}

/** A Hugo site over `contentDir` that writes one RSS feed of every article and nothing else. */
function hugoSite(contentDir, site) {
  mkdirSync(site, { recursive: true })
  writeFileSync(
    join(site, 'hugo.toml'),
    `baseURL = "https://corpus.example/"
title = "Corpus Gazette"
contentDir = ${JSON.stringify(contentDir)}
disableKinds = ["taxonomy", "term", "section", "sitemap", "robotsTXT", "404"]
[outputs]
home = ["RSS"]
[services.rss]
limit = -1
[taxonomies]
# Articles are read, rendered and listed in the feed, but get no HTML page of their own.
[[cascade]]
[cascade._build]
render = "never"
list = "always"
[cascade._target]
kind = "page"
`,
  )
  return site
}

const best = (n, f) => Math.min(...Array.from({ length: n }, f))

export function buildTargets({ markdown4k, work, runs = 3 }) {
  const site = hugoSite(markdown4k, join(work, 'hugo'))
  const hugo = best(runs, () => timeHugo(site))
  const items = (readFileSync(join(site, 'public/index.xml'), 'utf8').match(/<item>/g) ?? []).length
  const out = join(work, 'build-4k')
  const cold = best(runs, () => {
    rmSync(out, { recursive: true, force: true })
    return timeBuild(markdown4k, out).seconds
  })
  timeBuild(markdown4k, out) // the state a newsroom is in: the previous build is there
  const edited = execFileSync('find', [markdown4k, '-name', '*.md'], { encoding: 'utf8' })
    .split('\n')
    .sort()[1234]
  let edits = 0
  const rebuild = best(runs, () => {
    appendFileSync(edited, `\nCorrection ${++edits}: the meeting is on Tuesday.\n`)
    return timeBuild(markdown4k, out).seconds
  })
  return [
    {
      name: `build 4,000 Markdown vs Hugo (${items} items in its RSS)`,
      value: cold,
      baseline: hugo,
      goal: '<= 0.5',
      unit: 's',
    },
    {
      name: 'rebuild after one edit vs full build',
      value: rebuild,
      baseline: cold,
      goal: '<= 0.05',
      unit: 's',
    },
  ]
}

export function scaleBuildTargets({ corpus100k, work }) {
  const out = join(work, 'build-100k')
  rmSync(out, { recursive: true, force: true })
  const { seconds, peakMb } = timeBuild(corpus100k, out)
  return {
    out,
    targets: [
      { name: 'build 100,000 articles (time)', value: seconds, baseline: 60, goal: '<= 1 (60 s)', unit: 's' },
      {
        name: 'build 100,000 articles (peak memory)',
        value: peakMb,
        baseline: 2048,
        goal: '<= 1 (2 GB)',
        unit: 'MB',
      },
    ],
  }
}
