// Preloaded into a measured process (`node -r scripts/bench/peak-rss.cjs …`): prints the process's
// peak resident memory when it exits, for the benchmark to read. Not used outside the benchmark.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-mb ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}\n`)
})
