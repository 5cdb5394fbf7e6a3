// One vitest test per catalogue entry: the property runs FUZZ_RUNS times (400 on SQLite, 100 on PostgreSQL)
// from the fixed seed, unless FUZZ_SEED/FUZZ_RUNS say otherwise for local exploration.
import { beforeEach, describe, expect, it } from 'vitest'
import { testClock } from '../../app/utils/clock.server'
import { CATALOGUE, FUZZ_NOW } from './hostile-catalogue'
import { fuzzAction, fuzzSettings, timing } from './hostile'

export const dialect = process.env.OTM_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite'

export function hostileSuite(routes: string[]) {
  beforeEach(() => testClock.freeze(FUZZ_NOW))
  describe(`hostile input on ${dialect}`, () => {
    for (const route of routes) {
      it(`${route}: every answer is a success or a 4xx that says why, and a refusal changes nothing`, async () => {
        const build = CATALOGUE[route]
        expect(build, `${route} is in the catalogue`).toBeDefined()
        const settings = fuzzSettings(dialect)
        const started = Date.now()
        Object.assign(timing, { digestMs: 0, actionMs: 0, baselineMs: 0 })
        const summary = await fuzzAction(await build!(), settings)
        expect(summary.runs).toBe(settings.numRuns)
        if (process.env.FUZZ_REPORT) console.info(route, dialect, `${Date.now() - started} ms`, JSON.stringify(summary), JSON.stringify(timing, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v)))
      }, 900_000)
    }
  })
}
