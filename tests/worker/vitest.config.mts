import { mkdirSync } from 'node:fs'
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// The Worker inside workerd, built from wrangler.toml. global-setup.ts runs `dateline build`
// first (the Worker imports build/corpus.json) and renders the same documents on Node.
// wrangler.toml serves build/public as assets; the folder must exist before the pool starts
// (global-setup.ts fills build/ with what `dateline build` writes).
mkdirSync(new URL('../../build/public', import.meta.url), { recursive: true })

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: '../../wrangler.toml' } })],
  test: {
    name: 'worker',
    include: ['**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
  },
})
