#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx dateline` always runs the current source.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
const code = await main(process.argv.slice(2))
// serve keeps the process alive through its open server; other commands end here.
process.exitCode = code
