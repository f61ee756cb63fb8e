import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { runScenarios, SCENARIOS } from '../support/http-scenarios.ts'

describe('HTTP contract inside workerd', () => {
  it('answers every row that does not need an injected clock or Node compression', async () => {
    const ran = await runScenarios('worker', (path, init) =>
      exports.default.fetch(new Request(`http://localhost:8787${path}`, init)),
    )
    const expected = SCENARIOS.filter((r) => !r.at && (!r.only || r.only.includes('worker'))).length
    expect(ran).toBe(expected)
    expect(ran).toBeGreaterThanOrEqual(30)
  })
})
