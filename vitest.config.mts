import { defineConfig } from 'vitest/config'

// Three projects: everything on Node, and the Worker inside workerd (tests/worker) and over a
// corpus kept in pieces in static assets (tests/worker-shards).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/worker/**', 'tests/worker-shards/**'],
          testTimeout: 30_000,
        },
      },
      'tests/worker/vitest.config.mts',
      'tests/worker-shards/vitest.config.mts',
    ],
  },
})
