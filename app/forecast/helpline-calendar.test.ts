import { countQuantile, rateSpreadPerBand } from './intervals'
import { describe, expect, it } from 'vitest'
import { holidayDates } from './working-days'
import { DEFAULT_BANK_HOLIDAYS } from './bank-holidays'
import { createWorkingCalendar } from './working-days'
import { requiredAgents } from './erlang'
import { exampleHelpline } from './examples'
import { aggregateByIsoWeek, fteFromAgentHours, intervalLabel, staffCombinedLoad } from './helpline-load'
import { arrivals, forecast } from './engine'
import { buildHelplineCalendar, calendarGroupOf, calendarRange, dayLoadFrom, nextWeeksRange, peakWeek, type CalendarCampaignInput } from './helpline-calendar'
import type { ForecastHelpline } from './types'

const ENGLAND = createWorkingCalendar(holidayDates(DEFAULT_BANK_HOLIDAYS, 'england-and-wales'))
const SCOTLAND = createWorkingCalendar(holidayDates(DEFAULT_BANK_HOLIDAYS, 'scotland'))
const TARGET = { percent: 80, withinSeconds: 20 }

/** Open 09:00 to 10:00 on weekdays, calls spread evenly over the two half hours, no baseline unless asked. */
function smallHelpline(overrides: Partial<ForecastHelpline> = {}): ForecastHelpline {
  const profile = new Array(48).fill(0)
  profile[18] = 1
  profile[19] = 1
  const hours = { open: '09:00', close: intervalLabel(20) }
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

const campaign = (ref: string, status: string, calls: Record<string, number>, calendar = ENGLAND): CalendarCampaignInput => ({
  ref,
  name: `Campaign ${ref}`,
  status,
  calendar,
  arrivals: dayLoadFrom(calls),
})

/** FTE for one day with `calls` spread over the small helpline's two half hours. */
function fteFor(calls: number): number {
  const agents = requiredAgents((calls / 2) * 180 / 1800, 180, TARGET, 1)
  return fteFromAgentHours(agents * 2 * 0.5, 7, 0.3)
}

/** The median of a day's calls expecting `mean`, with the rate known exactly: what a helpline staffs to by default. */
const median = (mean: number) => countQuantile(0.5, mean, mean + (mean * mean) / 40)

describe('the calendar range', () => {
  it('covers whole ISO weeks from the first to the last month, crossing months and years', () => {
    // December 2026 starts on a Tuesday; January 2027 ends on a Sunday.
    expect(calendarRange('2026-12', 2)).toEqual({ from: '2026-11-30', to: '2027-01-31' })
    // Twelve months from March 2027 end on Tuesday 29 February 2028, whose week ends on 5 March.
    expect(calendarRange('2027-03', 12)).toEqual({ from: '2027-03-01', to: '2028-03-05' })
    expect(calendarRange('2027-11', 3)).toEqual({ from: '2027-11-01', to: '2028-02-06' })
    expect(() => calendarRange('2027-03', 13)).toThrow(RangeError)
    expect(() => calendarRange('2027-3', 1)).toThrow(RangeError)
    expect(nextWeeksRange('2027-03-04', 8)).toEqual({ from: '2027-03-01', to: '2027-04-25' })
  })

  it('puts each campaign status in its group, with closed campaigns counted as launched', () => {
    expect(['draft', 'awaiting-sign-off', 'approved', 'launched', 'closed'].map(calendarGroupOf)).toEqual(['planned', 'planned', 'approved', 'launched', 'launched'])
  })
})

describe('combined-load staffing', () => {
  it('staffs two campaigns on their combined load, which needs fewer staff than the two added up', () => {
    const helpline = smallHelpline()
    // Monday 7 June 2027: 100 calls from each campaign.
    const calendar = buildHelplineCalendar({
      helpline,
      helplineCalendar: ENGLAND,
      campaigns: [campaign('A', 'launched', { '2027-06-07': 100 }), campaign('B', 'approved', { '2027-06-07': 100 })],
      from: '2027-06-07',
      to: '2027-06-13',
    })
    const [week] = calendar.weeks
    // The published Erlang C example: 100 calls in a half hour at 180 s, 80% in 20 s needs 14 agents.
    const combined = fteFromAgentHours(14 * 2 * 0.5, 7, 0.3)
    expect(fteFor(200)).toBeCloseTo(combined, 12)
    expect(week!.openDays).toBe(5)
    // The week's figures are means over its five open days; only Monday has calls.
    // Each stage staffs to the median of its day's calls (the helpline's default percentile).
    expect(week!.totalFte.central * 5).toBeCloseTo(fteFor(median(200)), 10)
    expect(week!.fte.baseline).toBe(0)
    expect(week!.fte.launched * 5).toBeCloseTo(fteFor(median(100)), 10)
    expect(week!.fte.approved * 5).toBeCloseTo(fteFor(median(200)) - fteFor(median(100)), 10)
    expect(week!.fte.planned).toBe(0)
    // Economies of scale: the approved campaign adds less than it would need alone.
    expect(week!.fte.approved * 5).toBeLessThan(fteFor(100))
    expect((week!.fte.launched + week!.fte.approved) * 5).toBeLessThan(2 * fteFor(100))
    // staffCombinedLoad staffs the mean calls it is given, having no rate spread to find a percentile from.
    const together = staffCombinedLoad({
      helpline,
      bankHolidays: ENGLAND,
      campaigns: [[{ date: '2027-06-07', calls: { low: 200, central: 200, high: 200 } }]],
      from: '2027-06-07',
      to: '2027-06-13',
    })
    expect(together.days[0]!.totalFte.central).toBeCloseTo(combined, 12)
    expect(week!.calls).toEqual({ launched: 100, approved: 100, planned: 0 })
    // Even with the rate known exactly, a day expecting 200 calls has a band: its P10 and P90 under the
    // negative binomial with size 40 (mean 200, variance 200 + 200²/40 = 1,200).
    expect(week!.totalCalls).toEqual({ low: countQuantile(0.1, 200, 1200), central: 200, high: countQuantile(0.9, 200, 1200) })
    expect(week!.totalCalls.low).toBeLessThan(200)
    expect(week!.totalCalls.high).toBeGreaterThan(200)
  })

  it('stacks a baseline under the campaigns, and each campaign’s FTE is what it adds to the load below it', () => {
    const helpline = smallHelpline({ baselineCallsPerDay: 100, availableFte: 10 })
    const calendar = buildHelplineCalendar({
      helpline,
      helplineCalendar: ENGLAND,
      campaigns: [campaign('P', 'draft', { '2027-06-08': 100 }), campaign('L', 'launched', { '2027-06-08': 100 })],
      from: '2027-06-07',
      to: '2027-06-13',
    })
    const [week] = calendar.weeks
    expect(week!.fte.baseline).toBeCloseTo(fteFor(100), 10)
    // Tuesday: baseline 100, launched +100, planned +100 on top.
    expect(week!.fte.launched * 5).toBeCloseTo(fteFor(100 + median(100)) - fteFor(100), 10)
    expect(week!.fte.planned * 5).toBeCloseTo(fteFor(100 + median(200)) - fteFor(100 + median(100)), 10)
    expect(week!.fte.baseline + week!.fte.launched + week!.fte.approved + week!.fte.planned).toBeCloseTo(week!.totalFte.central, 12)
    expect(week!.baselineCalls).toBe(500)
    expect(week!.overCapacity).toBe(false)
    expect(week!.causes).toEqual([])
  })
})

describe('weeks that cross months and years', () => {
  it('counts calls in the ISO week they are answered, rolling New Year’s Day calls into 2027-W01', () => {
    const calendar = buildHelplineCalendar({
      helpline: smallHelpline({ availableFte: 100 }),
      helplineCalendar: ENGLAND,
      // Thursday 31 December 2026, then Friday 1 January 2027, a bank holiday: its calls are answered on Monday 4 January.
      campaigns: [campaign('NY', 'launched', { '2026-12-31': 40, '2027-01-01': 60, '2027-01-29': 10 })],
      ...calendarRange('2026-12', 2),
    })
    expect(calendar.weeks.map((w) => w.isoWeek)).toEqual([
      '2026-W49',
      '2026-W50',
      '2026-W51',
      '2026-W52',
      '2026-W53',
      '2027-W01',
      '2027-W02',
      '2027-W03',
      '2027-W04',
    ])
    const byWeek = Object.fromEntries(calendar.weeks.map((w) => [w.isoWeek, w]))
    expect(byWeek['2026-W53']).toMatchObject({ weekStart: '2026-12-28', weekEnd: '2027-01-03', calls: { launched: 40 } })
    // 28 December 2026 is the substitute Boxing Day and 1 January 2027 New Year's Day: three open days left.
    expect(byWeek['2026-W53']!.openDays).toBe(3)
    expect(byWeek['2027-W01']).toMatchObject({ weekStart: '2027-01-04', calls: { launched: 60 } })
    expect(byWeek['2027-W04']!.calls.launched).toBe(10)
    expect(calendar.campaigns).toEqual([
      { ref: 'NY', name: 'Campaign NY', status: 'launched', group: 'launched', calls: { low: 110, central: 110, high: 110 }, peakWeek: '2027-01-04', peakWeekCalls: 60 },
    ])
  })

  it('counts calls that arrive before the range but are answered in it, and leaves out calls after it', () => {
    const calendar = buildHelplineCalendar({
      helpline: smallHelpline({ availableFte: 100 }),
      helplineCalendar: ENGLAND,
      // Saturday 29 May 2027 rolls to Tuesday 1 June (31 May is a bank holiday); Monday 14 June is after the range.
      campaigns: [campaign('E', 'approved', { '2027-05-29': 30, '2027-06-14': 70 })],
      from: '2027-05-31',
      to: '2027-06-13',
    })
    expect(calendar.weeks.map((w) => w.calls.approved)).toEqual([30, 0])
    expect(calendar.campaigns[0]!.calls.central).toBe(30)
  })

  it('rolls a Scottish campaign first by its own bank holidays, then off the days the helpline itself is closed', () => {
    // Easter Monday 2027 (29 March) is a bank holiday in England and Wales but not in Scotland.
    const scottish = campaign('S', 'launched', { '2027-03-26': 50, '2027-03-29': 20 }, SCOTLAND)
    const calendar = buildHelplineCalendar({ helpline: smallHelpline({ availableFte: 100 }), helplineCalendar: ENGLAND, campaigns: [scottish], from: '2027-03-22', to: '2027-04-04' })
    // Good Friday is a holiday in both: both days' calls are answered on Tuesday 30 March, in the second week.
    expect(calendar.weeks.map((w) => w.calls.launched)).toEqual([0, 70])
    expect(calendar.weeks[1]!.openDays).toBe(4)
  })
})

describe('the percentile the helpline staffs to', () => {
  it('staffs every stage to that percentile of its calls, so P90 needs more than P80 than P50', () => {
    const build = (staffToPercentile: 50 | 80 | 90) =>
      buildHelplineCalendar({
        helpline: smallHelpline({ staffToPercentile, baselineCallsPerDay: 100, availableFte: 10 }),
        helplineCalendar: ENGLAND,
        campaigns: [campaign('L', 'launched', { '2027-06-08': 200 })],
        from: '2027-06-07',
        to: '2027-06-13',
      }).weeks[0]!
    const [p50, p80, p90] = [build(50), build(80), build(90)]
    const at = (q: number) => countQuantile(q, 200, 200 + (200 * 200) / 40)
    expect(p80.fte.launched * 5).toBeCloseTo(fteFor(100 + at(0.8)) - fteFor(100), 10)
    expect(p90.fte.launched * 5).toBeCloseTo(fteFor(100 + at(0.9)) - fteFor(100), 10)
    expect(p90.totalFte.central).toBeGreaterThanOrEqual(p80.totalFte.central)
    expect(p80.totalFte.central).toBeGreaterThan(p50.totalFte.central)
    expect(p90.totalCalls).toEqual(p50.totalCalls)
    expect(p90.calls).toEqual(p50.calls)
  })
})

describe('over-capacity weeks', () => {
  it('are flagged and name the campaigns with calls on the days short of staff, most calls first', () => {
    const helpline = smallHelpline({ availableFte: 2 })
    // fteFor(200) is about 2.86 FTE: more than the 2 available on Wednesday 9 June only.
    const calendar = buildHelplineCalendar({
      helpline,
      helplineCalendar: ENGLAND,
      campaigns: [
        campaign('BIG', 'approved', { '2027-06-09': 150, '2027-06-16': 20 }),
        campaign('SMALL', 'draft', { '2027-06-09': 50 }),
        campaign('ELSEWHEN', 'launched', { '2027-06-07': 20 }),
      ],
      from: '2027-06-07',
      to: '2027-06-20',
    })
    const [first, second] = calendar.weeks
    expect(first!.overCapacity).toBe(true)
    expect(first!.daysOverCapacity).toBe(1)
    expect(first!.baselineOverCapacity).toBe(false)
    expect(first!.peakTotalFte).toBeCloseTo(fteFor(median(200)), 10)
    expect(first!.causes.map((c) => [c.ref, c.group, c.calls])).toEqual([
      ['BIG', 'approved', 150],
      ['SMALL', 'planned', 50],
    ])
    expect(second!.overCapacity).toBe(false)
    expect(second!.causes).toEqual([])
    expect(peakWeek(calendar)?.weekStart).toBe('2027-06-07')
    expect(calendar.campaigns.map((c) => c.ref)).toEqual(['BIG', 'SMALL', 'ELSEWHEN'])
  })

  it('says when the baseline alone is short of staff, and lists no campaign for a week without one', () => {
    const calendar = buildHelplineCalendar({
      helpline: smallHelpline({ baselineCallsPerDay: 200, availableFte: 2 }),
      helplineCalendar: ENGLAND,
      campaigns: [],
      from: '2027-06-07',
      to: '2027-06-13',
    })
    expect(calendar.weeks[0]).toMatchObject({ overCapacity: true, baselineOverCapacity: true, daysOverCapacity: 5, causes: [] })
    expect(calendar.campaigns).toEqual([])
  })

  it('refuses a range that is not whole weeks', () => {
    expect(() => buildHelplineCalendar({ helpline: smallHelpline(), helplineCalendar: ENGLAND, campaigns: [], from: '2027-06-08', to: '2027-06-13' })).toThrow(RangeError)
  })
})

describe('one calendar for a helpline', () => {
  it('gives the campaign forecast’s own figures, week by week, for a Scottish campaign on a helpline open on Saturdays', () => {
    // The campaign's nation decides when its calls arrive; the helpline's own (England and Wales) calendar when it
    // opens. Easter 2027 and a Saturday opening make the two differ; the calendar and the forecast must still agree.
    const saturday = { open: '09:00', close: '10:00' }
    const helpline = smallHelpline({ baselineCallsPerDay: 60, availableFte: 3, openingHours: [...smallHelpline().openingHours.slice(0, 5), saturday, null], dayOfWeekWeights: [1, 1, 1, 1, 1, 0.5, 0], patienceSeconds: 120 })
    const input = {
      messages: [{ id: 'm', name: 'Letter', channel: 'letter' as const, postage: 'second' as const, waves: [{ sendDate: '2027-03-17', volume: 20_000 }], split: [{ helplineId: 'small', share: 1 }] }],
      contactRates: { low: 0.02, central: 0.03, high: 0.05 },
      helplines: [helpline],
      bankHolidays: holidayDates(DEFAULT_BANK_HOLIDAYS, 'scotland'),
      helplineBankHolidays: holidayDates(DEFAULT_BANK_HOLIDAYS, 'england-and-wales'),
      horizon: { from: '2027-03-15', to: '2027-05-02' },
    }
    const result = forecast(input)
    const placed = arrivals(input)
    const calendar = buildHelplineCalendar({
      helpline,
      helplineCalendar: ENGLAND,
      campaigns: [{ ref: 'S', name: 'Scottish', status: 'launched', calendar: SCOTLAND, arrivals: placed.loads[0]!, spreadPerBand: rateSpreadPerBand(input.contactRates) }],
      from: '2027-03-15',
      to: '2027-05-02',
    })
    const weeks = aggregateByIsoWeek(result.helplines[0]!.days)
    expect(calendar.weeks.map((w) => w.weekStart)).toEqual(weeks.map((w) => w.weekStart))
    calendar.weeks.forEach((w, i) => {
      expect(w.calls.launched).toBeCloseTo(weeks[i]!.calls.central, 9)
      expect(w.totalCalls.high).toBeCloseTo(weeks[i]!.calls.high, 9)
      expect(w.baselineCalls).toBeCloseTo(weeks[i]!.baselineCalls, 9)
      expect(w.totalFte.central).toBeCloseTo(weeks[i]!.totalFte.central, 12)
      expect(w.openDays).toBe(weeks[i]!.openDays)
      expect(w.outcome.serviceLevel).toBeCloseTo(weeks[i]!.outcome.central.serviceLevel, 12)
      expect(w.outcome.abandoned!).toBeCloseTo(weeks[i]!.outcome.central.abandoned!, 9)
    })
    // Saturdays take calls, and the Easter Monday (closed in England and Wales) takes none.
    const days = result.helplines[0]!.days
    expect(days.find((d) => d.date === '2027-03-27')!.calls.central).toBeGreaterThan(0)
    expect(days.find((d) => d.date === '2027-03-29')!.open).toBe(false)
  })
})
