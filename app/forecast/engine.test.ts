import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BANK_HOLIDAYS } from './bank-holidays'
import { holidayDates, type Nation } from './bank-holiday-file'
import { DEFAULT_RESPONSE_CURVES } from './curves'
import { CHANNELS, DELIVERY_PROFILES, POSTAGE_CLASSES } from './delivery'
import { aggregateByIsoWeek, forecast, staffCombinedLoad } from './engine'
import { exampleHelpline, largeCampaignInput, typicalCampaignInput } from './examples'
import { safeForecast } from './input-validation'
import type { ForecastHelpline, ForecastInput, ForecastMessage, ForecastResult } from './types'

const SEED = 20270301
const holidays = (nation: Nation) => holidayDates(DEFAULT_BANK_HOLIDAYS, nation)

function message(overrides: Partial<ForecastMessage> = {}): ForecastMessage {
  return {
    id: 'm1',
    name: 'Letter',
    channel: 'letter',
    postage: 'second',
    waves: [{ sendDate: '2027-06-04', volume: 100_000 }],
    split: [{ helplineId: 'sa', share: 1 }],
    ...overrides,
  }
}

function input(overrides: Partial<ForecastInput> = {}): ForecastInput {
  return {
    messages: [message()],
    contactRates: { low: 0.05, central: 0.08, high: 0.12 },
    helplines: [exampleHelpline()],
    bankHolidays: holidays('england-and-wales'),
    ...overrides,
  }
}

const callsOn = (result: ForecastResult, date: string, helpline = 0) =>
  result.helplines[helpline].days.find((d) => d.date === date)?.calls.central ?? 0

/** Every number anywhere in a value. */
function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value)
  else if (Array.isArray(value)) for (const v of value) numbers(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbers(v, out)
  return out
}

describe('when calls arrive', () => {
  it('delivers second class over working days 3 to 6 after posting, each day’s letters following the letter curve', () => {
    const result = forecast(input({ messages: [message({ deadlineDays: null })] }))
    const [wave] = result.messages[0].waves
    expect(wave.deliveryDate).toBe('2027-06-09') // Friday + 3 working days = Wednesday: the class's aim
    expect(result.summary.firstCallDate).toBe('2027-06-09')
    const letter = DEFAULT_RESPONSE_CURVES.letter
    const [, , , d3, d4, d5, d6] = DELIVERY_PROFILES.second
    // 92.7% delivered on the Wednesday, 5% Thursday, 1.5% Friday, 0.8% Monday: calls are the convolution.
    expect(callsOn(result, '2027-06-09')).toBeCloseTo(8000 * d3 * letter[0], 9)
    expect(callsOn(result, '2027-06-10')).toBeCloseTo(8000 * (d3 * letter[1] + d4 * letter[0]), 9)
    expect(callsOn(result, '2027-06-11')).toBeCloseTo(8000 * (d3 * letter[2] + d4 * letter[1] + d5 * letter[0]), 9)
    expect(callsOn(result, '2027-06-12')).toBe(0) // Saturday
    expect(callsOn(result, '2027-06-14')).toBeCloseTo(8000 * (d3 * letter[3] + d4 * letter[2] + d5 * letter[1] + d6 * letter[0]), 9)
    expect(result.summary.lastCallDate).toBe('2027-07-02') // working day 14 after the last letters, on Monday 14 June
    expect(result.summary.calls.central).toBeCloseTo(8000, 9)
  })

  it('delivers first class mostly the next working day, and email on the day', () => {
    const letter = forecast(input({ messages: [message({ deadlineDays: null, postage: 'first' })] }))
    expect(callsOn(letter, '2027-06-07')).toBeCloseTo(8000 * 0.747 * DEFAULT_RESPONSE_CURVES.letter[0], 9)
    const email = forecast(input({ messages: [message({ deadlineDays: null, channel: 'email', postage: null })] }))
    expect(callsOn(email, '2027-06-04')).toBeCloseTo(8000 * DEFAULT_RESPONSE_CURVES.email[0], 9)
    // A designer's own profile replaces the class's: half on working day 1, half on day 2.
    const own = forecast(input({ messages: [message({ deadlineDays: null, postage: 'first', deliveryProfile: [0, 1, 1] })] }))
    expect(callsOn(own, '2027-06-07')).toBeCloseTo(4000 * DEFAULT_RESPONSE_CURVES.letter[0], 9)
    expect(callsOn(own, '2027-06-08')).toBeCloseTo(4000 * (DEFAULT_RESPONSE_CURVES.letter[1] + DEFAULT_RESPONSE_CURVES.letter[0]), 9)
  })

  it('moves calls off a bank holiday to the next working day, differently in each nation', () => {
    // An email sent on the Thursday before Easter 2027, with every call on working day 1.
    const easter = (nation: Nation) =>
      forecast(
        input({
          messages: [message({ channel: 'email', postage: null, responseCurve: [0, 1], waves: [{ sendDate: '2027-03-25', volume: 1000 }] })],
          bankHolidays: holidays(nation),
        }),
      )
    const england = easter('england-and-wales')
    const scotland = easter('scotland')
    expect(england.summary.firstCallDate).toBe('2027-03-30')
    expect(callsOn(england, '2027-03-30')).toBeCloseTo(80, 9)
    expect(scotland.summary.firstCallDate).toBe('2027-03-29')
    expect(callsOn(scotland, '2027-03-29')).toBeCloseTo(80, 9)
    // Good Friday and Easter Monday: the helpline is closed and has no baseline either.
    const goodFriday = england.helplines[0].days.find((d) => d.date === '2027-03-26')!
    expect(goodFriday).toMatchObject({ open: false, baselineCalls: 0 })
  })

  it('skips St Andrew’s Day in Scotland only', () => {
    const run = (nation: Nation) =>
      forecast(
        input({
          messages: [message({ channel: 'sms', postage: null, responseCurve: [0, 1], waves: [{ sendDate: '2027-11-29', volume: 1000 }] })],
          bankHolidays: holidays(nation),
        }),
      ).summary.firstCallDate
    expect(run('scotland')).toBe('2027-12-01')
    expect(run('england-and-wales')).toBe('2027-11-30')
  })

  it('rolls calls on a day the helpline is closed to its next open working day', () => {
    const hours = { open: '08:00', close: '18:00' }
    const helpline = exampleHelpline({ openingHours: [hours, hours, null, hours, hours, null, null] })
    const result = forecast(
      input({
        helplines: [helpline],
        messages: [message({ channel: 'email', postage: null, responseCurve: [0, 1], waves: [{ sendDate: '2027-06-08', volume: 1000 }] })],
      }),
    )
    expect(callsOn(result, '2027-06-09')).toBe(0)
    expect(callsOn(result, '2027-06-10')).toBeCloseTo(80, 9)
    // The message itself still reports when customers tried to call.
    const arrivals = result.messages[0].dailyCentralCalls
    expect(arrivals[result.dates.indexOf('2027-06-09')]).toBeCloseTo(80, 9)
  })

  it('adds the deadline bump: 15% of calls in the five working days up to the deadline', () => {
    const result = forecast(input({ messages: [message({ deadlineDays: 30 })] }))
    const [wave] = result.messages[0].waves
    expect(wave.deadlineDate).toBe('2027-07-09')
    const bump = ['2027-07-05', '2027-07-06', '2027-07-07', '2027-07-08', '2027-07-09'].map((d) => callsOn(result, d))
    expect(bump.reduce((a, b) => a + b, 0)).toBeCloseTo(8000 * 0.15, 9)
    expect(bump.map((c) => Math.round((c / (8000 * 0.15)) * 15))).toEqual([1, 2, 3, 4, 5])
    const [, , , d3, d4, d5] = DELIVERY_PROFILES.second
    const letter = DEFAULT_RESPONSE_CURVES.letter
    expect(callsOn(result, '2027-06-11')).toBeCloseTo(8000 * 0.85 * (d3 * letter[2] + d4 * letter[1] + d5 * letter[0]), 9)
    expect(result.summary.calls.central).toBeCloseTo(8000, 9)
  })

  it('turns the bump off with share 0, and honours a delay override and per-message rates', () => {
    const result = forecast(
      input({
        deadlineBump: { share: 0, workingDays: 5 },
        messages: [message({ deadlineDays: 30, delayOverrideDays: 0, contactRates: { low: 0.01, central: 0.02, high: 0.03 } })],
      }),
    )
    expect(result.messages[0].waves[0].deliveryDate).toBe('2027-06-04')
    expect(callsOn(result, '2027-07-09')).toBe(0)
    expect(result.summary.calls).toEqual({ low: 1000, central: 2000, high: 3000 })
  })
})

describe('conservation', () => {
  const helplineArb = (id: string) =>
    fc
      .record({
        closed: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        baseline: fc.integer({ min: 0, max: 5000 }),
        aht: fc.integer({ min: 60, max: 900 }),
        patience: fc.option(fc.integer({ min: 30, max: 600 }), { nil: null }),
      })
      .map(({ closed, baseline, aht, patience }): ForecastHelpline => {
        const hours = { open: '08:00', close: '18:00' }
        const openingHours = closed.map((c, i) => (c && i !== 1 ? null : i < 5 ? hours : c ? null : { open: '09:00', close: '13:00' }))
        return exampleHelpline({ id, name: id, openingHours, baselineCallsPerDay: baseline, ahtSeconds: aht, patienceSeconds: patience })
      })

  const messageArb = (index: number, helplineCount: number) =>
    fc
      .record({
        channel: fc.constantFrom(...CHANNELS),
        postage: fc.constantFrom(...POSTAGE_CLASSES),
        deadlineDays: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
        // A designer's own delivery spread (some all zero: the class's profile is used), or none.
        deliveryProfile: fc.option(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 15 }), { nil: null }),
        waves: fc.array(
          fc.record({ day: fc.integer({ min: 0, max: 600 }), volume: fc.integer({ min: 0, max: 2_000_000 }) }),
          { minLength: 1, maxLength: 4 },
        ),
        weights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: helplineCount, maxLength: helplineCount }),
      })
      .map(({ channel, postage, deadlineDays, deliveryProfile, waves, weights }): ForecastMessage => {
        const w = weights.some((x) => x > 0) ? weights : weights.map((_, i) => (i === 0 ? 1 : 0))
        const total = w.reduce((a, b) => a + b, 0)
        return {
          id: `m${index}`,
          name: `Message ${index}`,
          channel,
          postage,
          deadlineDays,
          deliveryProfile,
          waves: waves.map(({ day, volume }) => ({
            sendDate: new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10),
            volume,
          })),
          split: w.map((x, i) => ({ helplineId: `h${i}`, share: x / total })).filter((s) => s.share > 0),
        }
      })

  const campaignArb = fc.integer({ min: 1, max: 3 }).chain((helplineCount) =>
    fc.record({
      helplines: fc.tuple(...Array.from({ length: helplineCount }, (_, i) => helplineArb(`h${i}`))),
      messages: fc.tuple(messageArb(0, helplineCount), messageArb(1, helplineCount)).chain((ms) =>
        fc.integer({ min: 1, max: 2 }).map((n) => ms.slice(0, n)),
      ),
      rates: fc.tuple(fc.double({ min: 0, max: 0.3, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true })),
      nation: fc.constantFrom<Nation>('england-and-wales', 'scotland', 'northern-ireland'),
      helplineNation: fc.constantFrom<Nation>('england-and-wales', 'scotland', 'northern-ireland'),
    }),
  )

  it('answers every call, however delivery spreads: totals equal Σ volume × contact rate, per scenario and per helpline (property)', () => {
    fc.assert(
      fc.property(campaignArb, ({ helplines, messages, rates, nation, helplineNation }) => {
        const [a, b] = rates
        const contactRates = { low: Math.min(a, b) / 2, central: Math.min(a, b), high: Math.max(a, b) }
        // The campaign's nation decides when calls arrive, the helplines' own calendar when they are answered.
        const result = forecast({ messages, helplines, contactRates, bankHolidays: holidays(nation), helplineBankHolidays: holidays(helplineNation) })
        // Each day's central figure is its expected calls, so they add up to every call; the totals' low and high
        // are the calls at the P10 and P90 rates, which the days share.
        const centralExpected = messages.reduce((t, m) => t + m.waves.reduce((u, w) => u + w.volume, 0) * contactRates.central, 0)
        const answered = result.helplines.reduce((t, h) => t + h.days.reduce((u, d) => u + d.calls.central, 0), 0)
        expect(Math.abs(answered - centralExpected)).toBeLessThanOrEqual(1e-9 * Math.max(1, centralExpected))
        for (const s of ['low', 'central', 'high'] as const) {
          const expected = messages.reduce((t, m) => t + m.waves.reduce((u, w) => u + w.volume, 0) * contactRates[s], 0)
          const totals = result.helplines.reduce((t, h) => t + h.totals.calls[s], 0)
          expect(Math.abs(totals - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected))
          expect(Math.abs(result.summary.calls[s] - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected))
        }
        // Each day's band is a whole-number P10 and P90 around its mean.
        for (const h of result.helplines)
          for (const d of h.days) {
            expect(d.calls.low).toBeLessThanOrEqual(d.calls.central)
            expect(d.calls.high).toBeGreaterThanOrEqual(d.calls.central)
            if (d.calls.low < d.calls.central) expect(Number.isInteger(d.calls.low)).toBe(true)
            if (d.calls.high > d.calls.central) expect(Number.isInteger(d.calls.high)).toBe(true)
          }
        // The split conserves: each helpline gets its share of each message.
        helplines.forEach((h, i) => {
          const expected = messages.reduce((t, m) => {
            const share = m.split.find((s) => s.helplineId === h.id)?.share ?? 0
            return t + m.waves.reduce((u, w) => u + w.volume, 0) * contactRates.central * share
          }, 0)
          expect(Math.abs(result.helplines[i].totals.calls.central - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected))
          // Calls land only on days the helpline is open.
          for (const d of result.helplines[i].days) if (!d.open) expect(d.calls.central).toBe(0)
        })
        for (const m of result.messages) {
          const arrived = m.dailyCentralCalls.reduce((t, c) => t + c, 0)
          expect(Math.abs(arrived - m.calls.central)).toBeLessThanOrEqual(1e-9 * Math.max(1, m.calls.central))
        }
        expect(numbers(result).every(Number.isFinite)).toBe(true)
      }),
      { seed: SEED, numRuns: 60 },
    )
    // Sixty whole forecasts with their outcomes: more than the default five seconds on a busy machine.
  }, 60_000)
})

describe('the forecast result', () => {
  it('has one row per calendar day for every helpline, and a summary that matches the rows', () => {
    const result = forecast(largeCampaignInput())
    expect(result.dates[0]).toBe('2027-01-04')
    expect(result.helplines).toHaveLength(3)
    for (const h of result.helplines) expect(h.days.map((d) => d.date)).toEqual(result.dates)
    expect(result.summary.calls.central).toBeCloseTo(200_000, 6)
    const perDay = result.dates.map((_, i) => result.helplines.reduce((t, h) => t + h.days[i].calls.central, 0))
    const peak = Math.max(...perDay)
    expect(result.summary.peakDay?.calls.central).toBe(peak)
    expect(result.summary.peakDay?.date).toBe(result.dates[perDay.indexOf(peak)])
    for (const h of result.helplines) {
      const max = Math.max(...h.days.map((d) => d.peakAgents.central))
      expect(h.peakInterval?.agents).toBe(max)
      expect(h.peakDay?.calls.central).toBe(Math.max(...h.days.map((d) => d.calls.central)))
    }
    expect(result.summary.peakInterval?.agents).toBe(Math.max(...result.helplines.map((h) => h.peakInterval!.agents)))
    expect(result.warnings).toEqual([])
  })

  it('orders the scenarios: low ≤ central ≤ high for calls and staff', () => {
    const result = forecast(typicalCampaignInput())
    for (const h of result.helplines) {
      for (const d of h.days) {
        expect(d.calls.low).toBeLessThanOrEqual(d.calls.central)
        expect(d.calls.central).toBeLessThanOrEqual(d.calls.high)
        expect(d.requiredFte.low).toBeLessThanOrEqual(d.requiredFte.central)
        expect(d.requiredFte.central).toBeLessThanOrEqual(d.requiredFte.high)
        expect(d.requiredFte.low).toBeGreaterThanOrEqual(0)
        expect(d.totalFte.central).toBeCloseTo(d.baselineFte + d.requiredFte.central, 9)
      }
    }
  })

  it('is plain JSON', () => {
    const result = forecast(typicalCampaignInput())
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('stays finite at huge volumes (5,000+ agents in a half hour), with Erlang C and Erlang A', () => {
    for (const patienceSeconds of [null, 240]) {
      const result = forecast(
        input({
          helplines: [exampleHelpline({ baselineCallsPerDay: 60_000, patienceSeconds })],
          messages: [message({ waves: [{ sendDate: '2027-06-04', volume: 30_000_000 }] })],
          contactRates: { low: 0.2, central: 0.35, high: 0.5 },
        }),
      )
      expect(result.summary.peakInterval!.agents).toBeGreaterThan(5000)
      const all = numbers(result)
      expect(all.length).toBeGreaterThan(500)
      expect(all.every(Number.isFinite)).toBe(true)
    }
  })

  it('shows the baseline alone over a horizon when there are no messages', () => {
    const result = forecast(input({ messages: [], horizon: { from: '2027-06-07', to: '2027-06-13' } }))
    expect(result.dates).toHaveLength(7)
    expect(result.summary.firstCallDate).toBeNull()
    expect(result.summary.peakDay).toBeNull()
    expect(result.helplines[0].days[0].baselineCalls).toBe(6000 * 1.25)
    expect(forecast(input({ messages: [] })).dates).toEqual([])
  })

  it('warns when calls fall after the last year of known bank holidays', () => {
    const result = forecast(input({ messages: [message({ waves: [{ sendDate: '2028-12-20', volume: 1000 }] })] }))
    expect(result.warnings).toEqual([
      'Bank holidays are known only up to 2028-12-31. Later days count weekends as the only non-working days: upload a newer bank holidays file.',
    ])
  })
})

describe('staffing to a percentile of each day’s calls', () => {
  const at = (staffToPercentile: 50 | 80 | 90) => forecast(input({ helplines: [exampleHelpline({ staffToPercentile, availableFte: 250 })] })).helplines[0]!

  it('staffs more at P90 than at P80 than at P50, while the calls shown stay the same', () => {
    const [p50, p80, p90] = [at(50), at(80), at(90)]
    expect([p50.staffToPercentile, p80.staffToPercentile, p90.staffToPercentile]).toEqual([50, 80, 90])
    expect(p80.days.map((d) => d.calls)).toEqual(p50.days.map((d) => d.calls))
    expect(p90.days.map((d) => d.calls)).toEqual(p50.days.map((d) => d.calls))
    expect(p90.totals.calls).toEqual(p50.totals.calls)
    let busyDays = 0
    p50.days.forEach((day, i) => {
      const fte = [day.totalFte.central, p80.days[i]!.totalFte.central, p90.days[i]!.totalFte.central]
      expect(fte[1]).toBeGreaterThanOrEqual(fte[0]!)
      expect(fte[2]).toBeGreaterThanOrEqual(fte[1]!)
      // P90 staffing is the band's high scenario; the low and high scenarios do not move.
      expect(p90.days[i]!.totalFte.central).toBe(day.totalFte.high)
      expect(p90.days[i]!.totalFte.low).toBe(day.totalFte.low)
      if (day.calls.central > 100) busyDays++
    })
    expect(busyDays).toBeGreaterThan(5)
    expect(p80.totals.requiredFteDays.central).toBeGreaterThan(p50.totals.requiredFteDays.central)
    expect(p90.totals.requiredFteDays.central).toBeGreaterThan(p80.totals.requiredFteDays.central)
  })

  it('judges what the available staff achieve on a day as busy as the chosen percentile', () => {
    const [p50, p90] = [at(50), at(90)]
    expect(p90.totals.outcome.total.central.serviceLevel).toBeLessThan(p50.totals.outcome.total.central.serviceLevel)
    expect(p90.totals.outcome.total.central).toEqual(p50.totals.outcome.total.high)
    expect(p90.totals.outcome.baseline).toEqual(p50.totals.outcome.baseline)
  })

  it('staffs to the median when the helpline says nothing', () => {
    const unset = forecast(input()).helplines[0]!
    expect(unset.staffToPercentile).toBe(50)
    expect(unset.days).toEqual(forecast(input({ helplines: [exampleHelpline({ staffToPercentile: 50 })] })).helplines[0]!.days)
  })
})

describe('staffing several campaigns on one helpline', () => {
  it('matches the engine for one campaign, and staffs two together for less than the sum', () => {
    // A helpline where the occupancy cap does not bind, so Erlang's economies of scale show.
    const one = { ...typicalCampaignInput(), helplines: [exampleHelpline({ maxOccupancy: 1, baselineCallsPerDay: 2000 })] }
    one.messages = one.messages.map((m) => ({ ...m, split: [{ helplineId: 'sa', share: 1 }] }))
    const result = forecast(one)
    const helpline = one.helplines[0]
    const daily = result.helplines[0].days.map((d) => ({ date: d.date, calls: d.calls }))
    const alone = staffCombinedLoad({ helpline, bankHolidays: one.bankHolidays, campaigns: [daily] })
    // Daily calls carry no rate spread to find a percentile from, so the central staffing here is for the mean calls;
    // the calls and the low and high scenarios match the engine's.
    const scenarios = (days: typeof alone.days) => days.map((d) => ({ calls: d.calls, low: d.totalFte.low, high: d.totalFte.high, baseline: d.baselineFte }))
    expect(scenarios(alone.days)).toEqual(scenarios(result.helplines[0].days))

    const together = staffCombinedLoad({ helpline, bankHolidays: one.bankHolidays, campaigns: [daily, daily] })
    const sum = (days: typeof alone.days) => days.reduce((t, d) => t + d.requiredFte.central, 0)
    expect(together.days.reduce((t, d) => t + d.calls.central, 0)).toBeCloseTo(2 * result.helplines[0].totals.calls.central, 6)
    expect(sum(together.days)).toBeLessThan(2 * sum(alone.days))
    const weeks = aggregateByIsoWeek(together.days)
    expect(weeks.reduce((t, w) => t + w.calls.central, 0)).toBeCloseTo(2 * result.helplines[0].totals.calls.central, 6)
  })
})

describe('safeForecast', () => {
  it('forecasts valid input', () => {
    const result = safeForecast(typicalCampaignInput())
    expect(result.ok).toBe(true)
  })

  it('turns bad input into sentences, never an exception', () => {
    const bad = input({
      messages: [
        message({
          split: [
            { helplineId: 'sa', share: 0.5 },
            { helplineId: 'nope', share: 0.4 },
          ],
          waves: [{ sendDate: '2027-02-30', volume: -5 }],
        }),
      ],
      contactRates: { low: 0.1, central: 0.05, high: 0.2 },
    })
    const result = safeForecast(bad)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const messages = result.issues.map((i) => i.message)
    expect(messages).toContain('The send date must be a real date')
    expect(messages).toContain('The wave’s volume must be 0 or more')
    expect(messages).toContain('The helpline shares must add up to 100% (they add up to 90%)')
    expect(messages).toContain('Contact rates must go up from low to central to high')
    for (const junk of [null, 42, 'x', {}, { messages: 'no' }]) expect(safeForecast(junk).ok).toBe(false)
  })

  it('names an unknown helpline and impossible opening hours', () => {
    const result = safeForecast(
      input({
        helplines: [exampleHelpline({ openingHours: [{ open: '18:00', close: '08:00' }, null, null, null, null, null, null] })],
        messages: [message({ split: [{ helplineId: 'nope', share: 1 }] })],
      }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toContainEqual({ path: ['helplines', 0, 'openingHours', 0], message: 'The closing time must be after the opening time' })
    expect(result.issues).toContainEqual({ path: ['messages', 0, 'split', 0, 'helplineId'], message: 'Choose one of the forecast’s helplines' })
  })
})
