import { defineConfig } from 'vitest/config'

// Two projects: everything on Node, and the Worker inside workerd (tests/worker).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/worker/**'],
          testTimeout: 30_000,
        },
      },
      'tests/worker/vitest.config.mts',
    ],
  },
})
