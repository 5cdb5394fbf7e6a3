import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BINDING_RULES, occupancyFraction, performance, requiredAgents, requiredStaff, staffing, type Performance } from './erlang'
import { solveChain } from './test-support/queue-oracles'

// Fixed seed so a failure reproduces; fast-check prints the counterexample and path.
const SEED = 20_240_501
const INTERVAL = 1800

const calls = fc.double({ min: 0.01, max: 3000, noNaN: true })
const aht = fc.double({ min: 5, max: 3600, noNaN: true })
const within = fc.double({ min: 0, max: 300, noNaN: true })
const patience = fc.double({ min: 1, max: 3600, noNaN: true })
const percent = fc.double({ min: 1, max: 99.9, noNaN: true })
const occupancy = fc.double({ min: 0.1, max: 1, noNaN: true })
const maybePatience = fc.option(patience, { nil: undefined })

function expectSane(p: Performance, erlangA: boolean): void {
  for (const v of [p.probabilityOfWaiting, p.serviceLevel, p.occupancy]) {
    expect(Number.isFinite(v)).toBe(true)
    expect(v).toBeGreaterThanOrEqual(0)
    expect(v).toBeLessThanOrEqual(1)
  }
  expect(Number.isNaN(p.asaSeconds)).toBe(false)
  expect(p.asaSeconds).toBeGreaterThanOrEqual(0)
  expect(Number.isInteger(p.agents) && p.agents >= 0).toBe(true)
  if (erlangA) {
    expect(p.stable).toBe(true)
    expect(Number.isFinite(p.asaSeconds)).toBe(true)
    expect(p.abandonment).toBeGreaterThanOrEqual(0)
    expect(p.abandonment).toBeLessThanOrEqual(1)
    // Callers who hang up are never counted as answered.
    expect(p.serviceLevel).toBeLessThanOrEqual(1 - p.abandonment! + 1e-12)
  } else {
    expect(p.abandonment).toBeUndefined()
    if (p.stable) expect(Number.isFinite(p.asaSeconds)).toBe(true)
  }
}

describe('properties (fast-check, fixed seed)', () => {
  it('Erlang C: one more agent never lowers the service level', () => {
    fc.assert(
      fc.property(calls, aht, within, fc.integer({ min: 0, max: 40 }), (c, h, t, k) => {
        const n = Math.floor((c * h) / INTERVAL) + 1 + k
        const a = performance({ calls: c, intervalSeconds: INTERVAL, ahtSeconds: h, agents: n, withinSeconds: t })
        const b = performance({ calls: c, intervalSeconds: INTERVAL, ahtSeconds: h, agents: n + 1, withinSeconds: t })
        expect(b.serviceLevel).toBeGreaterThanOrEqual(a.serviceLevel - 1e-12)
        expect(b.asaSeconds).toBeLessThanOrEqual(a.asaSeconds * (1 + 1e-12))
      }),
      { seed: SEED, numRuns: 400 },
    )
  })

  it('Erlang A: one more agent never lowers the service level, nor raises occupancy or abandonment', () => {
    fc.assert(
      fc.property(calls, aht, within, patience, fc.double({ min: 0, max: 1.6, noNaN: true }), (c, h, t, p, share) => {
        const n = Math.floor(((c * h) / INTERVAL) * share)
        const input = { calls: c, intervalSeconds: INTERVAL, ahtSeconds: h, withinSeconds: t, patienceSeconds: p }
        const a = performance({ ...input, agents: n })
        const b = performance({ ...input, agents: n + 1 })
        expect(b.serviceLevel).toBeGreaterThanOrEqual(a.serviceLevel - 1e-12)
        expect(b.abandonment!).toBeLessThanOrEqual(a.abandonment! + 1e-12)
        expect(b.occupancy).toBeLessThanOrEqual(a.occupancy + 1e-12)
        // The answered calls' ASA falls too, which the maximum-ASA rule's bisection relies on.
        if (n > 0) expect(b.asaSeconds).toBeLessThanOrEqual(a.asaSeconds * (1 + 1e-9) + 1e-12)
      }),
      { seed: SEED, numRuns: 400 },
    )
  })

  it('required agents never fall as calls rise (C and A)', () => {
    fc.assert(
      fc.property(calls, fc.double({ min: 0, max: 200, noNaN: true }), aht, percent, within, occupancy, maybePatience, (c, extra, h, pc, t, occ, p) => {
        const target = { percent: pc, withinSeconds: t }
        const fewer = requiredAgents((c * h) / INTERVAL, h, target, occ, p)
        const more = requiredAgents(((c + extra) * h) / INTERVAL, h, target, occ, p)
        expect(more).toBeGreaterThanOrEqual(fewer)
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('staffing() is the smallest team meeting both the target and the cap, with sane figures', () => {
    fc.assert(
      fc.property(calls, aht, percent, within, occupancy, maybePatience, (c, h, pc, t, occ, p) => {
        const input = { calls: c, intervalSeconds: INTERVAL, ahtSeconds: h, target: { percent: pc, withinSeconds: t }, maxOccupancy: occ, patienceSeconds: p }
        const r = staffing(input)
        const erlangA = p !== undefined
        expectSane(r, erlangA)
        expect(r.stable).toBe(true)
        expect(r.targetMet).toBe(true)
        expect(r.serviceLevel).toBeGreaterThanOrEqual(pc / 100 - 1e-12)
        expect(r.occupancy).toBeLessThanOrEqual(occ * (1 + 1e-12))
        expect(requiredAgents((c * h) / INTERVAL, h, input.target, occ, p)).toBe(r.agents)
        if (r.agents > 1) {
          const fewer = performance({ calls: c, intervalSeconds: INTERVAL, ahtSeconds: h, agents: r.agents - 1, withinSeconds: t, patienceSeconds: p })
          const meets = fewer.stable && fewer.serviceLevel >= pc / 100 - 1e-12 && fewer.occupancy <= occupancyFraction(occ) * (1 + 1e-12)
          expect(meets).toBe(false)
        }
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('performance() outputs are finite, non-negative and within [0, 1] where fractions', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), aht, within, maybePatience, fc.integer({ min: 0, max: 6000 }), (c, h, t, p, n) => {
        const r = performance({ calls: c, intervalSeconds: INTERVAL, ahtSeconds: h, agents: n, withinSeconds: t, patienceSeconds: p })
        expectSane(r, p !== undefined)
        if (p === undefined && !r.stable) expect(r).toMatchObject({ probabilityOfWaiting: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1 })
      }),
      { seed: SEED, numRuns: 400 },
    )
  })

  it('Erlang A (P(wait), P(abandon), answered ASA) matches the birth–death chain for random small centres', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 600, noNaN: true }), aht, patience, fc.integer({ min: 1, max: 80 }), (c, h, p, n) => {
        const r = performance({ calls: c, intervalSeconds: INTERVAL, ahtSeconds: h, agents: n, withinSeconds: 20, patienceSeconds: p })
        const o = solveChain(c / INTERVAL, 1 / h, 1 / p, n)
        expect(Math.abs(r.probabilityOfWaiting - o.pWait)).toBeLessThan(1e-9)
        expect(Math.abs(r.abandonment! - o.pAbandon)).toBeLessThan(1e-9)
        expect(Math.abs(r.asaSeconds - o.answeredWait)).toBeLessThan(1e-7 * Math.max(1, o.answeredWait))
      }),
      { seed: SEED, numRuns: 200 },
    )
  })

  it('with abandonment and ASA caps, staffing meets every rule, and one agent fewer breaks the rule it names', () => {
    const maxAbandonment = fc.option(fc.double({ min: 0.001, max: 0.5, noNaN: true }), { nil: undefined })
    const maxAsa = fc.option(fc.double({ min: 1, max: 600, noNaN: true }), { nil: undefined })
    fc.assert(
      fc.property(calls, aht, percent, within, occupancy, maybePatience, maxAbandonment, maxAsa, (c, h, pc, t, occ, p, ab, asa) => {
        const rules = { ahtSeconds: h, target: { percent: pc, withinSeconds: t }, maxOccupancy: occ, patienceSeconds: p, maxAbandonment: ab, maxAsaSeconds: asa }
        const r = staffing({ calls: c, intervalSeconds: INTERVAL, ...rules })
        expect(requiredStaff((c * h) / INTERVAL, rules)).toEqual({ agents: r.agents, rule: r.bindingRule })
        const erlangA = p !== undefined
        expect(r.targetMet).toBe(true)
        if (asa !== undefined) expect(r.asaSeconds).toBeLessThanOrEqual(asa * (1 + 1e-12))
        if (erlangA && ab !== undefined) expect(r.abandonment!).toBeLessThanOrEqual(ab + 1e-12)
        if (r.agents === 0) return
        const fewer = performance({ calls: c, intervalSeconds: INTERVAL, ahtSeconds: h, agents: r.agents - 1, withinSeconds: t, patienceSeconds: p })
        const breaks: Record<(typeof BINDING_RULES)[number], boolean> = {
          target: !fewer.stable || fewer.serviceLevel < pc / 100 - 1e-12,
          occupancy: fewer.occupancy > occupancyFraction(occ) * (1 + 1e-12),
          abandonment: erlangA && ab !== undefined && fewer.abandonment! > ab + 1e-12,
          asa: asa !== undefined && fewer.asaSeconds > asa * (1 + 1e-12),
        }
        // The rule named is the first, in the order of BINDING_RULES, that one agent fewer breaks.
        expect(BINDING_RULES.find((rule) => breaks[rule])).toBe(r.bindingRule)
      }),
      { seed: SEED, numRuns: 400 },
    )
  })
})
