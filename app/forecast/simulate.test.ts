import { describe, expect, it } from 'vitest'
import { performance } from './erlang'
import { simulate, simulationSteps, uniformStream, type SimulationInput } from './simulate'
import { solveChain } from './test-support/queue-oracles'

const HALF_HOUR = 1800

/** A stationary day: `halfHours` identical half hours. */
function stationary(calls: number, agents: number, ahtSeconds: number, patienceSeconds: number | undefined, halfHours = 14): Omit<SimulationInput, 'replications' | 'seed'> {
  return { intervals: Array.from({ length: halfHours }, () => ({ calls, agents })), intervalSeconds: HALF_HOUR, ahtSeconds, withinSeconds: 20, patienceSeconds }
}

interface Estimate {
  mean: number
  /** The standard error of the mean, from the spread between independent replications. */
  se: number
}

function estimate(values: number[]): Estimate {
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)
  return { mean, se: Math.sqrt(variance / values.length) }
}

/**
 * Runs `replications` independent replications of a stationary day (each its own seed) and measures each over the
 * half hours after the first two, when the queue has forgotten that the day began empty. Returns the estimates of the
 * service level, the share abandoning and the ASA of answered calls, each with its standard error.
 */
function steadyState(day: Omit<SimulationInput, 'replications' | 'seed'>, replications: number) {
  const sl: number[] = []
  const ab: number[] = []
  const asa: number[] = []
  for (let r = 0; r < replications; r++) {
    const { intervals } = simulate({ ...day, replications: 1, seed: 7_000 + r })
    const window = intervals.slice(2)
    const offered = window.reduce((t, i) => t + i.offered, 0)
    const answered = window.reduce((t, i) => t + i.answered, 0)
    sl.push(window.reduce((t, i) => t + i.serviceLevel * i.offered, 0) / offered)
    ab.push(window.reduce((t, i) => t + i.abandoned, 0) / offered)
    asa.push(window.reduce((t, i) => t + i.asaSeconds * i.answered, 0) / answered)
  }
  return { serviceLevel: estimate(sl), abandonment: estimate(ab), asa: estimate(asa) }
}

/** |simulated − exact| within four standard errors (the seeds are fixed, so this either always holds or never). */
function expectAgrees(simulated: Estimate, exact: number) {
  expect(simulated.se).toBeGreaterThan(0)
  expect(Math.abs(simulated.mean - exact)).toBeLessThanOrEqual(4 * simulated.se)
}

describe('the day simulation agrees with Erlang on stationary days', () => {
  const REPLICATIONS = 120
  const cases: [string, number, number, number, number | undefined][] = [
    // name, calls per half hour, agents, AHT, patience
    ['Erlang C, the published example (10 Erlangs, 14 agents)', 100, 14, 180, undefined],
    ['Erlang C, busy (50 Erlangs, 54 agents)', 300, 54, 300, undefined],
    ['Erlang C, light (4 Erlangs, 8 agents)', 40, 8, 180, undefined],
    ['Erlang A, patience 60 s (10 Erlangs, 12 agents)', 100, 12, 180, 60],
    ['Erlang A, overloaded (10 Erlangs, 8 agents, patience 90 s)', 100, 8, 180, 90],
    ['Erlang A, large (100 Erlangs, 104 agents, patience 240 s)', 600, 104, 300, 240],
  ]
  for (const [name, calls, agents, aht, patience] of cases) {
    it(name, () => {
      const sim = steadyState(stationary(calls, agents, aht, patience), REPLICATIONS)
      const exact = performance({ calls, intervalSeconds: HALF_HOUR, ahtSeconds: aht, agents, withinSeconds: 20, patienceSeconds: patience })
      expectAgrees(sim.serviceLevel, exact.serviceLevel)
      expectAgrees(sim.asa, exact.asaSeconds)
      if (patience) {
        expectAgrees(sim.abandonment, exact.abandonment!)
        // The answered calls' ASA is the chain's too, an oracle independent of erlang.ts.
        expect(Math.abs(solveChain(calls / HALF_HOUR, 1 / aht, 1 / patience, agents).answeredWait - exact.asaSeconds)).toBeLessThan(1e-7)
      } else {
        expect(sim.abandonment.mean).toBe(0)
      }
    })
  }
})

describe('what the simulation shows that Erlang cannot', () => {
  it('carries a backlog from an overloaded half hour into the next', () => {
    // 14 agents answer 100 calls a half hour well (10 Erlangs); a half hour of 160 calls (16 Erlangs) swamps them.
    const intervals = [100, 100, 160, 100, 100, 100].map((calls) => ({ calls, agents: 14 }))
    const day = { intervals, intervalSeconds: HALF_HOUR, ahtSeconds: 180, withinSeconds: 20, replications: 200, seed: 11 }
    const { intervals: out } = simulate(day)
    const steady = performance({ calls: 100, intervalSeconds: HALF_HOUR, ahtSeconds: 180, agents: 14, withinSeconds: 20 })
    // The half hour after the surge starts with a queue: far worse than Erlang's steady state for its own calls.
    expect(out[3]!.serviceLevel).toBeLessThan(steady.serviceLevel - 0.2)
    expect(out[3]!.asaSeconds).toBeGreaterThan(steady.asaSeconds * 3)
    // …and the queue clears later on.
    expect(out[5]!.serviceLevel).toBeGreaterThan(out[3]!.serviceLevel)
    // Erlang C cannot say anything about the surge itself: 16 Erlangs on 14 agents has no steady state.
    expect(performance({ calls: 160, intervalSeconds: HALF_HOUR, ahtSeconds: 180, agents: 14, withinSeconds: 20 }).stable).toBe(false)
    expect(out[2]!.answered).toBeCloseTo(out[2]!.offered, 9)
  })

  it('counts redials as calls offered again, so hang-ups feed more calls and a worse day', () => {
    const base = { ...stationary(100, 8, 180, 60, 8), replications: 100, seed: 5 }
    const without = simulate(base)
    const withRedials = simulate({ ...base, redial: { probability: 0.8, meanDelaySeconds: 120 } })
    expect(withRedials.total.offered).toBeGreaterThan(without.total.offered + 100)
    expect(withRedials.total.abandoned).toBeGreaterThan(without.total.abandoned)
    expect(withRedials.total.serviceLevel).toBeLessThan(without.total.serviceLevel)
    // Nobody hangs up without a patience, so nobody rings again.
    const patient = simulate({ ...base, patienceSeconds: undefined, redial: { probability: 0.8, meanDelaySeconds: 120 } })
    expect(patient.total.abandoned).toBe(0)
  })

  it('answers the calls still waiting at closing with the last team', () => {
    const out = simulate({ intervals: [{ calls: 200, agents: 5 }], intervalSeconds: HALF_HOUR, ahtSeconds: 180, withinSeconds: 20, replications: 20, seed: 3 })
    expect(out.total.answered).toBeCloseTo(out.total.offered, 9)
    expect(out.total.asaSeconds).toBeGreaterThan(600)
  })
})

describe('the simulation itself', () => {
  const day = { ...stationary(100, 12, 180, 60, 6), replications: 30, seed: 99 }

  it('is deterministic for a seed, and another seed gives another day', () => {
    expect(simulate(day)).toEqual(simulate(day))
    expect(simulate({ ...day, seed: 100 }).total).not.toEqual(simulate(day).total)
  })

  it('reports means per replication, pooled ratios, and a 5–95% range around them', () => {
    const r = simulate(day)
    expect(r.replications).toHaveLength(30)
    const mean = (f: (x: (typeof r.replications)[number]) => number) => r.replications.reduce((t, x) => t + f(x), 0) / 30
    expect(r.total.offered).toBeCloseTo(mean((x) => x.offered), 9)
    expect(r.total.abandoned).toBeCloseTo(mean((x) => x.abandoned), 9)
    expect(r.total.offered).toBeCloseTo(r.intervals.reduce((t, i) => t + i.offered, 0), 9)
    expect(r.range.serviceLevel[0]).toBeLessThanOrEqual(r.total.serviceLevel)
    expect(r.range.serviceLevel[1]).toBeGreaterThanOrEqual(r.total.serviceLevel)
    expect(r.range.abandoned[0]).toBeLessThanOrEqual(r.total.abandoned)
    expect(r.range.abandoned[1]).toBeGreaterThanOrEqual(r.total.abandoned)
    // About 600 calls a day on average (Poisson): the means are close to it.
    expect(Math.abs(r.total.offered - 600)).toBeLessThan(4 * Math.sqrt(600 / 30))
  })

  it('runs in steps, one replication at a time, to the same result', () => {
    const steps = simulationSteps(day)
    const seen: number[] = []
    let step = steps.next()
    while (!step.done) {
      seen.push(step.value)
      step = steps.next()
    }
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
    expect(step.value).toEqual(simulate(day))
  })

  it('refuses what it cannot simulate', () => {
    const bad: Partial<SimulationInput>[] = [
      { intervals: [] },
      { intervals: [{ calls: -1, agents: 3 }] },
      { intervals: [{ calls: 10, agents: 2.5 }] },
      { replications: 0 },
      { replications: 5000 },
      { ahtSeconds: 0 },
      { redial: { probability: 2, meanDelaySeconds: 60 } },
      { intervals: [{ calls: 10_000_000, agents: 3 }], replications: 100 },
    ]
    for (const b of bad) expect(() => simulate({ ...day, ...b })).toThrow(RangeError)
  })

  it('draws uniform numbers in (0, 1] with a stream per replication', () => {
    const a = uniformStream(1, 0)
    const b = uniformStream(1, 1)
    let sum = 0
    let min = 1
    const n = 100_000
    for (let i = 0; i < n; i++) {
      const u = a()
      sum += u
      min = Math.min(min, u)
    }
    expect(min).toBeGreaterThan(0)
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n))
    expect(a()).not.toBe(b())
  })
})
