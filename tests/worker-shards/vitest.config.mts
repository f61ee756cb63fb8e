import { mkdirSync } from 'node:fs'
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// The Worker over a corpus kept in pieces in static assets, inside workerd. global-setup.ts
// writes .build/ and renders the same documents on Node from the corpus in memory. The assets
// folder must exist before the pool starts.
mkdirSync(new URL('.build/public', import.meta.url), { recursive: true })

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
  test: {
    name: 'worker-shards',
    include: ['**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
  },
})
