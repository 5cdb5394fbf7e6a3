import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BANK_HOLIDAYS } from './bank-holidays'
import { forecast } from './engine'
import { performance, requiredStaff } from './erlang'
import { exampleHelpline, largeCampaignInput } from './examples'
import { staffCombinedLoad } from './helpline-load'
import { mainRule, rosterFor } from './outcomes'
import type { ForecastHelpline, ForecastInput, HelplineDay } from './types'
import { holidayDates } from './working-days'

const SEED = 20270601
const ENGLAND = holidayDates(DEFAULT_BANK_HOLIDAYS, 'england-and-wales')
const SCOTLAND = holidayDates(DEFAULT_BANK_HOLIDAYS, 'scotland')
const TARGET = { percent: 80, withinSeconds: 20 }

/** Open 09:00–11:00 on weekdays (and Saturdays when asked), calls spread evenly over the four half hours. */
function smallHelpline(overrides: Partial<ForecastHelpline> = {}, saturday = false): ForecastHelpline {
  const profile = new Array(48).fill(0)
  for (let i = 18; i < 22; i++) profile[i] = 1
  const hours = { open: '09:00', close: '11:00' }
  return exampleHelpline({
    id: 'small',
    name: 'Small helpline',
    openingHours: [hours, hours, hours, hours, hours, saturday ? hours : null, null],
    intradayProfile: profile,
    dayOfWeekWeights: [1, 1, 1, 1, 1, 0.5, 0],
    ahtSeconds: 180,
    target: TARGET,
    shrinkage: 0.25,
    maxOccupancy: 1,
    patienceSeconds: null,
    baselineCallsPerDay: 400,
    availableFte: 20,
    paidHoursPerFtePerDay: 2,
    ...overrides,
  })
}

const day = (date: string, calls: number) => ({ date, calls: { low: calls, central: calls, high: calls } })
const on = (days: HelplineDay[], date: string) => days.find((d) => d.date === date)!

describe('the roster of the available staff', () => {
  it('puts availableFte × paid hours × (1 − shrinkage) agent-hours on, in whole agents following the weights', () => {
    // 40 FTE × 1 h × 0.75 = 30 agent-hours = 60 agent-half-hours over 4 half hours, weighted 1 : 2 : 2 : 1.
    const roster = rosterFor({ availableFte: 40, paidHoursPerFtePerDay: 1, shrinkage: 0.25 }, [1, 2, 2, 1])
    expect([...roster.agents]).toEqual([10, 20, 20, 10])
    expect(roster.agentHours).toBe(30)
  })

  it('never has more agents on at once than the staff on shift, and shares what the busiest half hours cannot take', () => {
    // 15 on shift at once; 40 agent-half-hours wanted 4 : 1 : 1 : 1 would give the first 22.9.
    const roster = rosterFor({ availableFte: 20, paidHoursPerFtePerDay: 1, shrinkage: 0.25 }, [4, 1, 1, 1])
    expect(Math.max(...roster.agents)).toBe(15)
    expect(roster.agents.reduce((a, b) => a + b, 0)).toBe(30)
    expect([...roster.agents]).toEqual([15, 5, 5, 5])
  })

  it('adds up to the hours, whole agents, within the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0.5, max: 12, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 48 }),
        (fte, paid, shrinkage, weights) => {
          const roster = rosterFor({ availableFte: fte, paidHoursPerFtePerDay: paid, shrinkage }, weights)
          const atOnce = Math.floor(fte * (1 - shrinkage) + 1e-9)
          // Half hours with no weight get nobody (no calls come then), unless nothing has any weight.
          const staffed = weights.some((w) => w > 0) ? weights.filter((w) => w > 0).length : weights.length
          const slots = atOnce === 0 ? 0 : Math.min((fte * (1 - shrinkage) * paid) / 0.5, atOnce * staffed)
          const total = roster.agents.reduce((a, b) => a + b, 0)
          expect(roster.agents.every((a) => Number.isInteger(a) && a >= 0 && a <= atOnce)).toBe(true)
          expect(Math.abs(total - slots)).toBeLessThanOrEqual(1)
          expect(roster.agentHours).toBe(total * 0.5)
        },
      ),
      { seed: SEED, numRuns: 300 },
    )
  })
})

describe('outcomes with the staff available', () => {
  it('are the sums of performance() over the day’s half hours, with the roster’s agents', () => {
    for (const patienceSeconds of [null, 120]) {
      const helpline = smallHelpline({ patienceSeconds })
      const { days } = staffCombinedLoad({ helpline, bankHolidays: ENGLAND, campaigns: [[day('2027-06-07', 600)]] })
      const monday = days[0]!
      // The baseline (400 calls) needs the same agents in each half hour, so the roster is 15 in each.
      const agents = 15
      expect(monday.availableAgentHours).toBe(agents * 4 * 0.5)
      for (const [calls, outcome] of [
        [400, monday.outcome.baseline],
        [1000, monday.outcome.total.central],
      ] as const) {
        const p = performance({ calls: calls / 4, intervalSeconds: 1800, ahtSeconds: 180, agents, withinSeconds: 20, patienceSeconds: patienceSeconds ?? undefined })
        expect(outcome.calls).toBeCloseTo(calls, 9)
        expect(outcome.serviceLevel).toBeCloseTo(p.serviceLevel, 12)
        expect(outcome.occupancy).toBeCloseTo(patienceSeconds ? p.occupancy : Math.min(1, ((calls / 4) * 180) / 1800 / agents), 12)
        if (patienceSeconds) {
          expect(outcome.abandonmentRate).toBeCloseTo(p.abandonment!, 12)
          expect(outcome.abandoned).toBeCloseTo(calls * p.abandonment!, 9)
          expect(outcome.asaSeconds).toBeCloseTo(p.asaSeconds, 9)
        } else {
          expect(outcome.abandoned).toBeNull()
          expect(outcome.abandonmentRate).toBeNull()
          expect(outcome.asaSeconds === null ? Infinity : outcome.asaSeconds).toBeCloseTo(p.asaSeconds, 9)
        }
      }
      // The campaign makes things worse, never better, for the same staff.
      expect(monday.outcome.total.central.serviceLevel).toBeLessThan(monday.outcome.baseline.serviceLevel)
    }
  })

  it('say when an Erlang C queue cannot keep up: no ASA, a service level of 0 in those half hours', () => {
    const helpline = smallHelpline({ availableFte: 4 })
    const { days } = staffCombinedLoad({ helpline, bankHolidays: ENGLAND, campaigns: [[day('2027-06-07', 2000)]] })
    const monday = days[0]!
    // 3 agents for 600 calls in each half hour (60 Erlangs): the queue grows without limit.
    expect(monday.outcome.total.central.overloadedIntervals).toBe(4)
    expect(monday.outcome.total.central.asaSeconds).toBeNull()
    expect(monday.outcome.total.central.serviceLevel).toBe(0)
  })

  it('roll up by calls over the campaign’s days, with the baseline alone on the same days beside them', () => {
    const input: ForecastInput = {
      messages: [{ id: 'm', name: 'Email', channel: 'email', waves: [{ sendDate: '2027-06-07', volume: 10_000 }], split: [{ helplineId: 'small', share: 1 }] }],
      contactRates: { low: 0.05, central: 0.1, high: 0.2 },
      helplines: [smallHelpline({ patienceSeconds: 90 })],
      bankHolidays: ENGLAND,
    }
    const h = forecast(input).helplines[0]!
    const campaignDays = h.days.filter((d) => d.open && d.calls.central > 0)
    const calls = campaignDays.reduce((t, d) => t + d.outcome.total.central.calls, 0)
    const answeredWithin = campaignDays.reduce((t, d) => t + d.outcome.total.central.calls * d.outcome.total.central.serviceLevel, 0)
    const abandoned = campaignDays.reduce((t, d) => t + d.outcome.total.central.abandoned!, 0)
    expect(h.totals.outcome.total.central.calls).toBeCloseTo(calls, 9)
    expect(h.totals.outcome.total.central.serviceLevel).toBeCloseTo(answeredWithin / calls, 12)
    expect(h.totals.outcome.total.central.abandoned).toBeCloseTo(abandoned, 9)
    expect(h.totals.outcome.baseline.calls).toBeCloseTo(campaignDays.reduce((t, d) => t + d.baselineCalls, 0), 9)
    // More calls, worse outcomes: high ≤ central ≤ low for the service level, the reverse for hang-ups.
    const { low, central, high } = h.totals.outcome.total
    expect(high.serviceLevel).toBeLessThanOrEqual(central.serviceLevel)
    expect(central.serviceLevel).toBeLessThanOrEqual(low.serviceLevel)
    expect(high.abandoned!).toBeGreaterThanOrEqual(central.abandoned!)
    expect(central.abandoned!).toBeGreaterThanOrEqual(low.abandoned!)
  })

  it('give the peak day’s half hours: calls, agents needed and available, and the rule, adding up to the day', () => {
    const result = forecast(largeCampaignInput())
    for (const h of result.helplines) {
      const peak = h.days.find((d) => d.date === h.peakDay!.date)!
      const rows = h.peakDayIntervals!
      // The half hours are staffed for the day's calls at the helpline's percentile, as the day is.
      expect(rows.reduce((t, r) => t + r.campaignCalls, 0)).toBeCloseTo(peak.staffedCalls, 6)
      expect(rows.reduce((t, r) => t + r.baselineCalls, 0)).toBeCloseTo(peak.baselineCalls, 6)
      expect(rows.reduce((t, r) => t + r.agentsRequired, 0) * 0.5).toBeCloseTo(peak.agentHours.total.central, 9)
      expect(rows.reduce((t, r) => t + r.agentsAvailable, 0) * 0.5).toBeCloseTo(peak.availableAgentHours, 9)
      expect(Math.max(...rows.map((r) => r.agentsRequired))).toBe(peak.peakAgents.central)
      for (const r of rows) {
        const staff = requiredStaff(((r.baselineCalls + r.campaignCalls) * input(h.helplineId).ahtSeconds) / 1800, rulesOf(h.helplineId))
        expect({ agents: r.agentsRequired, rule: r.bindingRule }).toEqual(staff)
      }
    }
  })
})

const large = largeCampaignInput()
const input = (id: string) => large.helplines.find((h) => h.id === id)!
const rulesOf = (id: string) => {
  const h = input(id)
  return { ahtSeconds: h.ahtSeconds, target: h.target, maxOccupancy: h.maxOccupancy, patienceSeconds: h.patienceSeconds }
}

describe('the rule that sets the staffing', () => {
  it('is counted for each half hour, and at helpline scale it is the occupancy cap', () => {
    const result = forecast(largeCampaignInput())
    for (const h of result.helplines) {
      const counted = Object.values(h.totals.bindingRules).reduce((a, b) => a + b, 0)
      const halfHours = h.days.filter((d) => d.open && d.calls.central > 0).reduce((t, d) => t + Object.values(d.bindingRules).reduce((a, b) => a + b, 0), 0)
      expect(counted).toBe(halfHours)
      expect(mainRule(h.totals.bindingRules)).toBe('occupancy')
      expect(h.peakInterval!.bindingRule).toBe('occupancy')
    }
  })

  it('follows a maximum ASA and a maximum abandonment rate when they need more agents than the target and the cap', () => {
    const base = smallHelpline({ patienceSeconds: 120, maxOccupancy: 0.95 })
    const plain = staffCombinedLoad({ helpline: base, bankHolidays: ENGLAND, campaigns: [[day('2027-06-07', 600)]] }).days[0]!
    const asa = staffCombinedLoad({ helpline: { ...base, maxAsaSeconds: 1 }, bankHolidays: ENGLAND, campaigns: [[day('2027-06-07', 600)]] }).days[0]!
    expect(asa.bindingRules.asa).toBe(4)
    expect(asa.agentHours.total.central).toBeGreaterThan(plain.agentHours.total.central)
    const abandonment = staffCombinedLoad({ helpline: { ...base, maxAbandonment: 0.001 }, bankHolidays: ENGLAND, campaigns: [[day('2027-06-07', 600)]] }).days[0]!
    expect(abandonment.bindingRules.abandonment).toBe(4)
    // Under Erlang C an abandonment limit has nothing to limit.
    const c = staffCombinedLoad({ helpline: { ...base, patienceSeconds: null, maxAbandonment: 0.001 }, bankHolidays: ENGLAND, campaigns: [[day('2027-06-07', 600)]] }).days[0]!
    expect(c.bindingRules.abandonment).toBe(0)
  })

  it('warns when, with no abandonment limit, callers hanging up is what meets the target', () => {
    // Patience set and a 100% cap: 80% in 20 s is met with fewer agents than the load, callers hanging up.
    const helpline = smallHelpline({ patienceSeconds: 30, maxOccupancy: 1, ahtSeconds: 900 })
    const input: ForecastInput = {
      messages: [{ id: 'm', name: 'Email', channel: 'email', waves: [{ sendDate: '2027-06-07', volume: 40_000 }], split: [{ helplineId: 'small', share: 1 }] }],
      contactRates: { low: 0.05, central: 0.1, high: 0.2 },
      helplines: [helpline],
      bankHolidays: ENGLAND,
    }
    const warned = forecast(input)
    expect(warned.warnings.join(' ')).toMatch(/^Small helpline: the service-level target is met only because callers hang up\. On 2027-06-07 from 09:00, \d+ agents are planned for [\d.]+ Erlangs/)
    const capped = forecast({ ...input, helplines: [{ ...helpline, maxAbandonment: 0.05 }] })
    expect(capped.warnings).toEqual([])
    expect(capped.helplines[0]!.days[0]!.bindingRules.abandonment).toBeGreaterThan(0)
  })
})

describe('calls on the days people can call', () => {
  const email = (sendDate: string, volume: number): ForecastInput['messages'][number] => ({
    id: 'm',
    name: 'Email',
    channel: 'email',
    responseCurve: [1],
    waves: [{ sendDate, volume }],
    split: [{ helplineId: 'small', share: 1 }],
  })

  it('gives a helpline open on Saturdays a share of Friday’s calls by its day weights, and conserves them', () => {
    // Friday 2027-06-11: 1,000 calls; Friday weighs 1 and Saturday 0.5, so Saturday takes a third.
    const result = forecast({ messages: [email('2027-06-11', 10_000)], contactRates: { low: 0.1, central: 0.1, high: 0.1 }, helplines: [smallHelpline({}, true)], bankHolidays: ENGLAND })
    const days = result.helplines[0]!.days
    expect(on(days, '2027-06-11').calls.central).toBeCloseTo(1000 * (1 / 1.5), 9)
    expect(on(days, '2027-06-12').calls.central).toBeCloseTo(1000 * (0.5 / 1.5), 9)
    expect(on(days, '2027-06-12').open).toBe(true)
    expect(result.helplines[0]!.totals.calls.central).toBeCloseTo(1000, 9)
    // A helpline closed at weekends keeps Friday's calls on Friday.
    const weekdays = forecast({ messages: [email('2027-06-11', 10_000)], contactRates: { low: 0.1, central: 0.1, high: 0.1 }, helplines: [smallHelpline()], bankHolidays: ENGLAND })
    expect(on(weekdays.helplines[0]!.days, '2027-06-11').calls.central).toBeCloseTo(1000, 9)
  })

  it('takes the calls of a working day the helpline is closed on its next open day', () => {
    // Easter Monday 2027 (29 March) is a bank holiday in England and Wales but a working day in Scotland: a Scottish
    // campaign's Monday calls wait for the English helpline's Tuesday.
    const result = forecast({
      messages: [email('2027-03-29', 10_000)],
      contactRates: { low: 0.1, central: 0.1, high: 0.1 },
      helplines: [smallHelpline()],
      bankHolidays: SCOTLAND,
      helplineBankHolidays: ENGLAND,
    })
    const days = result.helplines[0]!.days
    expect(on(days, '2027-03-29').open).toBe(false)
    expect(on(days, '2027-03-30').calls.central).toBeCloseTo(1000, 9)
    // The usual calls of Good Friday and Easter Monday come on Tuesday too.
    expect(on(days, '2027-03-30').baselineCalls).toBeCloseTo(1200, 9)
  })

  it('opens the helpline on the campaign nation’s bank holidays when its own calendar is open', () => {
    // St Andrew's Day 2026 (Monday 30 November) is a Scottish bank holiday only. Friday 27 November's calls from a
    // Scottish campaign share the stretch to the next Scottish working day with the open English helpline's Monday.
    const result = forecast({
      messages: [email('2026-11-27', 10_000)],
      contactRates: { low: 0.1, central: 0.1, high: 0.1 },
      helplines: [smallHelpline()],
      bankHolidays: SCOTLAND,
      helplineBankHolidays: ENGLAND,
    })
    const days = result.helplines[0]!.days
    expect(on(days, '2026-11-30').open).toBe(true)
    expect(on(days, '2026-11-27').calls.central).toBeCloseTo(500, 9)
    expect(on(days, '2026-11-30').calls.central).toBeCloseTo(500, 9)
  })
})

describe('what a bank holiday does to the usual calls', () => {
  it('moves them to the next open day instead of losing them, over a long weekend too', () => {
    // Good Friday (26 March 2027) and Easter Monday (29 March): both days' usual calls come on Tuesday.
    const helpline = smallHelpline({ dayOfWeekWeights: [1.2, 1, 1, 1, 0.9, 0.5, 0] })
    const { days } = staffCombinedLoad({ helpline, bankHolidays: ENGLAND, campaigns: [], from: '2027-03-22', to: '2027-04-04' })
    expect(on(days, '2027-03-26').baselineCalls).toBe(0)
    expect(on(days, '2027-03-29').baselineCalls).toBe(0)
    expect(on(days, '2027-03-30').baselineCalls).toBeCloseTo(400 * (1 + 0.9 + 1.2), 9)
    // Weekdays it never opens bring nothing (Saturday's weight describes a day it is closed): Wednesday is as usual.
    expect(on(days, '2027-03-31').baselineCalls).toBeCloseTo(400, 9)
    const total = days.reduce((t, d) => t + d.baselineCalls, 0)
    expect(total).toBeCloseTo(400 * 2 * (1.2 + 1 + 1 + 1 + 0.9), 9)
  })
})
