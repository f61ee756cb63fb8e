#!/usr/bin/env node
// Runs the current source of the CLI: compiled to JavaScript once per version of the source
// (compile-cache.js), so that a run does not pay for TypeScript; through tsx when it cannot be
// compiled. Either way `npx dateline` runs what is in src/ now, with no build step to remember.
import { compiledCli } from './compile-cache.js'

/** @type {(argv: string[]) => Promise<number>} */
let main
try {
  const compiled = await compiledCli()
  // Stack traces name the TypeScript source (the bundles have linked source maps).
  process.setSourceMapsEnabled(true)
  ;({ main } = await import(compiled.main.href))
} catch (e) {
  const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]
  console.error(
    `[dateline] warning: running the TypeScript through tsx, as it could not be compiled (${reason})`,
  )
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../src/cli/main.ts'))
}
const code = await main(process.argv.slice(2))
// serve keeps the process alive through its open server; other commands end here.
process.exitCode = code
