// Realistic example inputs: shared by the tests, the benchmarks (bench/forecast) and anyone seeding demo data.
// The figures are illustrative planning values, not HMRC's published helpline statistics.
import { DEFAULT_BANK_HOLIDAYS } from './bank-holidays'
import { holidayDates } from './working-days'
import { fromDayNumber, toDayNumber } from './dates'
import type { ForecastHelpline, ForecastInput, ForecastMessage } from './types'

/** Half-hourly shares for a helpline open 08:00–18:00: a mid-morning peak, a lunchtime dip, a quieter close. */
export const WEEKDAY_PROFILE_08_18 = [
  4, 6, 7.5, 7.5, 7, 6.5, 6, 5.5, 5, 4.5, 4.5, 5, 5, 4.5, 4, 3.5, 3.5, 3, 2.5, 2,
] as const

export function intradayProfile(open = '08:00', shares: readonly number[] = WEEKDAY_PROFILE_08_18): number[] {
  const profile = new Array<number>(48).fill(0)
  const start = Number(open.slice(0, 2)) * 2 + (open.slice(3) === '30' ? 1 : 0)
  shares.forEach((s, i) => (profile[start + i] = s))
  return profile
}

const weekdays = (open: string, close: string, saturday: { open: string; close: string } | null = null) => [
  { open, close },
  { open, close },
  { open, close },
  { open, close },
  { open, close },
  saturday,
  null,
]

/** A mid-sized helpline open 08:00–18:00 on weekdays. */
export function exampleHelpline(overrides: Partial<ForecastHelpline> = {}): ForecastHelpline {
  return {
    id: 'sa',
    name: 'Self Assessment helpline',
    openingHours: weekdays('08:00', '18:00'),
    intradayProfile: intradayProfile(),
    dayOfWeekWeights: [1.25, 1.05, 1, 0.95, 0.85, 0.4, 0],
    ahtSeconds: 540,
    target: { percent: 80, withinSeconds: 60 },
    shrinkage: 0.35,
    maxOccupancy: 0.85,
    patienceSeconds: null,
    baselineCallsPerDay: 6000,
    availableFte: 430,
    paidHoursPerFtePerDay: 7.4,
    ...overrides,
  }
}

/** Three large helplines, one open on Saturday mornings and one staffed with Erlang A. */
export function largeHelplines(): ForecastHelpline[] {
  return [
    exampleHelpline({ id: 'sa', name: 'Self Assessment helpline', baselineCallsPerDay: 25_000, availableFte: 1_900 }),
    exampleHelpline({
      id: 'paye',
      name: 'PAYE and Self Assessment helpline',
      openingHours: weekdays('08:00', '18:00', { open: '08:00', close: '16:00' }),
      intradayProfile: intradayProfile('08:00'),
      baselineCallsPerDay: 18_000,
      ahtSeconds: 600,
      target: { percent: 80, withinSeconds: 120 },
      availableFte: 1_500,
    }),
    exampleHelpline({
      id: 'debt',
      name: 'Payment Support Service',
      openingHours: weekdays('08:30', '17:00'),
      intradayProfile: intradayProfile('08:30', WEEKDAY_PROFILE_08_18.slice(0, 17)),
      baselineCallsPerDay: 4_000,
      ahtSeconds: 900,
      target: { percent: 70, withinSeconds: 180 },
      patienceSeconds: 300,
      availableFte: 560,
    }),
  ]
}

const ENGLAND = holidayDates(DEFAULT_BANK_HOLIDAYS, 'england-and-wales')

/** The performance budget's case (docs/performance.md): 2,000,000 letters in 10 waves over 3 helplines and 6 months. */
export function largeCampaignInput(): ForecastInput {
  const start = toDayNumber('2027-01-04')
  const waves = Array.from({ length: 10 }, (_, i) => ({
    // Alternately a Monday and a Thursday about 2½ weeks apart, so the last calls come about six months on.
    sendDate: fromDayNumber(start + Math.floor(i * 2.5) * 7 + (i % 2) * 3),
    volume: 200_000,
  }))
  const letter: ForecastMessage = {
    id: 'letter',
    name: 'Nudge letter',
    channel: 'letter',
    postage: 'second',
    deadlineDays: 30,
    waves,
    split: [
      { helplineId: 'sa', share: 0.5 },
      { helplineId: 'paye', share: 0.35 },
      { helplineId: 'debt', share: 0.15 },
    ],
  }
  return {
    messages: [letter],
    contactRates: { low: 0.06, central: 0.1, high: 0.15 },
    helplines: largeHelplines(),
    bankHolidays: ENGLAND,
    horizon: { from: '2027-01-04', to: '2027-07-02' },
  }
}

/** A typical campaign a designer edits live: 250,000 letters in 2 waves, 2 helplines. */
export function typicalCampaignInput(): ForecastInput {
  return {
    messages: [
      {
        id: 'letter',
        name: 'Letter',
        channel: 'letter',
        postage: 'second',
        deadlineDays: 30,
        waves: [
          { sendDate: '2027-04-12', volume: 125_000 },
          { sendDate: '2027-04-26', volume: 125_000 },
        ],
        split: [
          { helplineId: 'sa', share: 0.8 },
          { helplineId: 'debt', share: 0.2 },
        ],
      },
    ],
    contactRates: { low: 0.05, central: 0.08, high: 0.12 },
    helplines: [largeHelplines()[0], largeHelplines()[2]],
    bankHolidays: ENGLAND,
  }
}
