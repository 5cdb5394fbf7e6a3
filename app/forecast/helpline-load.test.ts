import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { agentsForLoad, clearAgentCache, resolveAgents, type StaffingRules } from './agent-cache'
import { createWorkingCalendar } from './bank-holiday-file'
import { requiredAgents } from './erlang'
import { exampleHelpline } from './examples'
import {
  aggregateByIsoWeek,
  fteFromAgentHours,
  intervalIndex,
  intervalLabel,
  staffCombinedLoad,
} from './helpline-load'
import type { DailyCalls, ForecastHelpline } from './types'

const SEED = 20270301
const TARGET = { percent: 80, withinSeconds: 20 }

/** A helpline open for `halfHours` half hours from 09:00 on weekdays, with no baseline: every call is the campaign's. */
function smallHelpline(halfHours: number, overrides: Partial<ForecastHelpline> = {}): ForecastHelpline {
  const profile = new Array(48).fill(0)
  for (let i = 0; i < halfHours; i++) profile[18 + i] = 1
  const hours = { open: '09:00', close: intervalLabel(18 + halfHours) }
  return exampleHelpline({
    id: 'small',
    name: 'Small helpline',
    openingHours: [hours, hours, hours, hours, hours, null, null],
    intradayProfile: profile,
    dayOfWeekWeights: [1, 1, 1, 1, 1, 1, 1],
    ahtSeconds: 180,
    target: TARGET,
    shrinkage: 0.3,
    maxOccupancy: 1,
    patienceSeconds: null,
    baselineCallsPerDay: 0,
    availableFte: 2,
    paidHoursPerFtePerDay: 7,
    ...overrides,
  })
}

const day = (date: string, calls: number): DailyCalls => ({ date, calls: { low: calls, central: calls, high: calls } })
const MONDAY = '2027-06-07'

describe('half-hour intervals', () => {
  it('reads opening times on the hour or half hour', () => {
    expect(intervalIndex('00:00')).toBe(0)
    expect(intervalIndex('08:30')).toBe(17)
    expect(intervalIndex('24:00')).toBe(48)
    expect(intervalIndex('08:15')).toBeNaN()
    expect(intervalIndex('8:00')).toBeNaN()
    expect(intervalLabel(17)).toBe('08:30')
  })
})

describe('FTE', () => {
  it('is agent-hours ÷ paid hours ÷ (1 − shrinkage), checked by hand', () => {
    // 200 calls over two half hours = 100 calls per half hour at 180 s AHT, 80% in 20 s: the published
    // example says 14 agents each. So 2 × 14 × 0.5 h = 14 agent-hours; 14 ÷ 7 h ÷ (1 − 0.3) = 2.857… FTE.
    const { days } = staffCombinedLoad({ helpline: smallHelpline(2), bankHolidays: [], campaigns: [[day(MONDAY, 200)]] })
    expect(days).toHaveLength(1)
    const [monday] = days
    expect(monday.peakAgents.central).toBe(14)
    expect(monday.agentHours.total.central).toBe(14)
    expect(monday.requiredFte.central).toBeCloseTo(14 / 7 / 0.7, 12)
    expect(monday.requiredFte.central).toBeCloseTo(2.857142857142857, 12)
    expect(monday.baselineFte).toBe(0)
    expect(monday.shortfallFte.central).toBeCloseTo(2.857142857142857 - 2, 12)
    expect(fteFromAgentHours(14, 7, 0.3)).toBeCloseTo(2.857142857142857, 12)
  })

  it('respects the occupancy cap (15 agents at 70%, as the published example says)', () => {
    const { days } = staffCombinedLoad({
      helpline: smallHelpline(1, { maxOccupancy: 0.7 }),
      bankHolidays: [],
      campaigns: [[day(MONDAY, 100)]],
    })
    expect(days[0].peakAgents.central).toBe(15)
  })
})

describe('staffing a combined load', () => {
  it('needs fewer agents for two campaigns together than the sum of each alone', () => {
    const helpline = smallHelpline(1)
    const a = staffCombinedLoad({ helpline, bankHolidays: [], campaigns: [[day(MONDAY, 100)]] }).days[0]
    const b = staffCombinedLoad({ helpline, bankHolidays: [], campaigns: [[day(MONDAY, 100)]] }).days[0]
    const both = staffCombinedLoad({ helpline, bankHolidays: [], campaigns: [[day(MONDAY, 100)], [day(MONDAY, 100)]] }).days[0]
    // 100 calls alone: 14 agents. 200 calls (20 Erlangs) together: 24, not 28.
    expect(a.peakAgents.central + b.peakAgents.central).toBe(28)
    expect(both.peakAgents.central).toBe(requiredAgents(20, 180, TARGET))
    expect(both.peakAgents.central).toBe(24)
    expect(both.calls.central).toBe(200)
    expect(both.requiredFte.central).toBeLessThan(a.requiredFte.central + b.requiredFte.central)
  })

  it('counts only the extra the campaign needs on top of the baseline', () => {
    // Baseline 100 calls needs 14 agents; baseline + 100 campaign calls needs 24; so the campaign needs 10, not 14.
    const helpline = smallHelpline(1, { baselineCallsPerDay: 100 })
    const monday = staffCombinedLoad({ helpline, bankHolidays: [], campaigns: [[day(MONDAY, 100)]] }).days[0]
    expect(monday.agentHours.baseline).toBe(7)
    expect(monday.agentHours.total.central).toBe(12)
    expect(monday.peakCampaignAgents.central).toBe(10)
    expect(monday.requiredFte.central).toBeCloseTo(5 / 7 / 0.7, 12)
    expect(monday.totalFte.central).toBeCloseTo(12 / 7 / 0.7, 12)
  })

  it('rolls calls on a closed day to the next open working day, conserving them', () => {
    const hours = { open: '09:00', close: '17:00' }
    const helpline = smallHelpline(16, { openingHours: [hours, hours, null, hours, hours, hours, null] })
    const { days } = staffCombinedLoad({
      helpline,
      bankHolidays: ['2027-06-10'],
      campaigns: [[day('2027-06-09', 300), day('2027-06-12', 50)]],
    })
    const byDate = Object.fromEntries(days.map((d) => [d.date, d]))
    // Wednesday is closed and Thursday is a bank holiday: Wednesday's calls are answered on Friday.
    expect(byDate['2027-06-09'].calls.central).toBe(0)
    expect(byDate['2027-06-09'].open).toBe(false)
    expect(byDate['2027-06-10'].open).toBe(false)
    expect(byDate['2027-06-11'].calls.central).toBe(300)
    // Saturday is open, so its own calls stay there.
    expect(byDate['2027-06-12'].calls.central).toBe(50)
    expect(days.reduce((t, d) => t + d.calls.central, 0)).toBe(350)
  })

  it('renormalises the intraday profile over the open half hours', () => {
    const profile = new Array(48).fill(0)
    profile[16] = 5 // 08:00, before opening: ignored
    profile[18] = 1
    profile[19] = 3
    const helpline = smallHelpline(2, { intradayProfile: profile })
    const monday = staffCombinedLoad({ helpline, bankHolidays: [], campaigns: [[day(MONDAY, 400)]] }).days[0]
    // 100 calls at 09:00 and 300 at 09:30.
    expect(monday.peakInterval).toBe('09:30')
    expect(monday.peakAgents.central).toBe(requiredAgents(30, 180, TARGET))
    expect(monday.agentHours.total.central).toBe((14 + requiredAgents(30, 180, TARGET)) / 2)
  })

  it('spreads calls evenly when the profile has nothing in the open hours, rather than losing them', () => {
    const profile = new Array(48).fill(0)
    profile[40] = 1 // 20:00, after closing
    const helpline = smallHelpline(2, { intradayProfile: profile })
    const monday = staffCombinedLoad({ helpline, bankHolidays: [], campaigns: [[day(MONDAY, 200)]] }).days[0]
    expect(monday.calls.central).toBe(200)
    expect(monday.agentHours.total.central).toBe(14)
  })

  it('applies day-of-week weights to the baseline, is closed on bank holidays, and takes a closed day’s usual calls the next open day', () => {
    const helpline = smallHelpline(2, { baselineCallsPerDay: 1000, dayOfWeekWeights: [1.3, 1, 1, 1, 0.8, 0, 0] })
    const { days } = staffCombinedLoad({ helpline, bankHolidays: ['2027-06-08'], campaigns: [], from: MONDAY, to: '2027-06-13' })
    // Tuesday's 1,000 usual calls ring again on Wednesday rather than vanishing.
    expect(days.map((d) => d.baselineCalls)).toEqual([1300, 0, 2000, 1000, 800, 0, 0])
    expect(days.map((d) => d.open)).toEqual([true, false, true, true, true, false, false])
    expect(days[0].requiredFte.central).toBe(0)
    expect(days[0].baselineFte).toBeGreaterThan(0)
  })

  it('accepts a calendar instead of a list of holidays', () => {
    const calendar = createWorkingCalendar(['2027-06-07'])
    const { days } = staffCombinedLoad({ helpline: smallHelpline(2), bankHolidays: calendar, campaigns: [[day(MONDAY, 10)]] })
    expect(days.map((d) => [d.date, d.calls.central])).toEqual([
      ['2027-06-07', 0],
      ['2027-06-08', 10],
    ])
  })
})

describe('weeks', () => {
  it('groups days Monday to Sunday and flags weeks short of staff', () => {
    const helpline = smallHelpline(2, { availableFte: 3 })
    const campaigns = [[day('2027-06-04', 100), day('2027-06-07', 400), day('2027-06-08', 100), day('2027-06-14', 50)]]
    const { days } = staffCombinedLoad({ helpline, bankHolidays: [], campaigns })
    const weeks = aggregateByIsoWeek(days)
    expect(weeks.map((w) => [w.weekStart, w.weekEnd, w.isoWeek, w.days, w.openDays])).toEqual([
      ['2027-05-31', '2027-06-06', '2027-W22', 3, 1],
      ['2027-06-07', '2027-06-13', '2027-W23', 7, 5],
      ['2027-06-14', '2027-06-20', '2027-W24', 1, 1],
    ])
    expect(weeks.map((w) => w.calls.central)).toEqual([100, 500, 50])
    const w23 = weeks[1]
    const monday = days.find((d) => d.date === '2027-06-07')!
    expect(monday.shortfallFte.central).toBeGreaterThan(0)
    expect(w23.daysOverCapacity.central).toBe(1)
    expect(w23.overCapacity).toBe(true)
    expect(weeks[0].overCapacity).toBe(false)
    expect(w23.peakTotalFte.central).toBe(monday.totalFte.central)
    const open = days.filter((d) => d.open && d.date >= '2027-06-07' && d.date <= '2027-06-13')
    expect(w23.totalFte.central).toBeCloseTo(open.reduce((t, d) => t + d.totalFte.central, 0) / 5, 12)
    expect(w23.agentHours.total.central).toBeCloseTo(open.reduce((t, d) => t + d.agentHours.total.central, 0), 12)
  })
})

describe('the agent cache', () => {
  const rules = (patienceSeconds: number | null): StaffingRules => ({
    ahtSeconds: 300,
    target: { percent: 80, withinSeconds: 30 },
    maxOccupancy: 0.85,
    patienceSeconds,
  })

  it('gives exactly what requiredAgents gives, for any batch of loads (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom<number | null>(null, 240),
        (loads, patience) => {
          clearAgentCache()
          const r = rules(patience)
          const out = new Int32Array(loads.length)
          resolveAgents(r, Float64Array.from(loads), loads.length, out)
          const direct = loads.map((l) => (l > 0 ? requiredAgents(l, 300, r.target, 0.85, patience ?? undefined) : 0))
          expect([...out]).toEqual(direct)
        },
      ),
      { seed: SEED, numRuns: 40 },
    )
  })

  it('stays exact when later batches reuse earlier samples', () => {
    clearAgentCache()
    const r = rules(null)
    const loads = Array.from({ length: 2000 }, (_, i) => (i * 7919) % 1000 / 3)
    for (let start = 0; start < loads.length; start += 250) {
      const batch = Float64Array.from(loads.slice(start, start + 250))
      const out = new Int32Array(batch.length)
      resolveAgents(r, batch, batch.length, out)
      expect([...out]).toEqual([...batch].map((l) => (l > 0 ? requiredAgents(l, 300, r.target, 0.85) : 0)))
    }
    expect(agentsForLoad(r, 123.456)).toBe(requiredAgents(123.456, 300, r.target, 0.85))
  })
})
