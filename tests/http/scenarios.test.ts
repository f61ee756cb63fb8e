import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.ts'
import { createApp } from '../../src/http/app.ts'
import { compressOnce } from '../../src/http/compress-node.ts'
import { SAMPLE_CONTENT } from '../support/content-dir.ts'
import { runScenarios, SAMPLE_NOW, SCENARIOS } from '../support/http-scenarios.ts'

describe('HTTP contract through app.request', () => {
  it('has at least 30 rows', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(30)
  })

  it('answers every row', async () => {
    const { corpus } = await loadContent(SAMPLE_CONTENT)
    let now = Date.parse(SAMPLE_NOW)
    const app = createApp({ corpus, clock: () => now, compress: compressOnce })
    const ran = await runScenarios(
      'app',
      (path, init) => Promise.resolve(app.request(path, init)),
      (iso) => {
        now = Date.parse(iso)
      },
    )
    expect(ran).toBe(SCENARIOS.length)
  })
})
