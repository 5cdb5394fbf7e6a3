import { describe, expect, it } from 'vitest'
import { DEFAULT_BANK_HOLIDAYS } from '../forecast/bank-holidays'
import { weekday } from '../forecast/dates'
import { forecast } from '../forecast/engine'
import { typicalCampaignInput } from '../forecast/examples'
import { workingCalendarFor } from '../forecast/working-days'
import { isPackAudience, packForecastFromResult, packWaves } from './pack'

const england = workingCalendarFor(DEFAULT_BANK_HOLIDAYS, 'england-and-wales')
const scotland = workingCalendarFor(DEFAULT_BANK_HOLIDAYS, 'scotland')

describe('packWaves', () => {
  const messages = [
    { name: 'Reminder letter', channel: 'letter' as const, postage: 'second' as const, waves: [{ sendDate: '2027-12-23', volume: 40_000 }] },
    { name: 'Nudge text', channel: 'sms' as const, postage: null, waves: [{ sendDate: '2027-12-23', volume: 10_000 }] },
    {
      name: 'First letter',
      channel: 'letter' as const,
      postage: 'first' as const,
      waves: [
        { sendDate: '2027-12-31', volume: 5_000 },
        { sendDate: '2027-12-01', volume: 7_000 },
      ],
    },
  ]

  it('adds the delivery delay in working days, skipping weekends and the nation’s bank holidays, in date order', () => {
    expect(packWaves(messages, england)).toEqual([
      { messageName: 'First letter', channel: 'letter', postage: 'first', sendDate: '2027-12-01', delayDays: 1, deliveryDate: '2027-12-02', volume: 7_000 },
      { messageName: 'Nudge text', channel: 'sms', postage: null, sendDate: '2027-12-23', delayDays: 0, deliveryDate: '2027-12-23', volume: 10_000 },
      // Thursday 23 December: Friday 24, then Christmas and Boxing Day substitutes on 27 and 28 December.
      { messageName: 'Reminder letter', channel: 'letter', postage: 'second', sendDate: '2027-12-23', delayDays: 3, deliveryDate: '2027-12-30', volume: 40_000 },
      { messageName: 'First letter', channel: 'letter', postage: 'first', sendDate: '2027-12-31', delayDays: 1, deliveryDate: '2028-01-04', volume: 5_000 },
    ])
  })

  it('uses the campaign’s own nation: 4 January 2028 is a bank holiday in Scotland only', () => {
    const firstClass = [{ name: 'Letter', channel: 'letter' as const, postage: 'first' as const, waves: [{ sendDate: '2027-12-31', volume: 1 }] }]
    expect(packWaves(firstClass, england)[0]!.deliveryDate).toBe('2028-01-04')
    expect(packWaves(firstClass, scotland)[0]!.deliveryDate).toBe('2028-01-05')
  })

  it('treats a letter without a postage class as second class', () => {
    const letter = [{ name: 'Letter', channel: 'letter' as const, postage: null, waves: [{ sendDate: '2027-03-01', volume: 1 }] }]
    expect(packWaves(letter, england)[0]).toMatchObject({ delayDays: 3, deliveryDate: '2027-03-04' })
  })

  it('dates a letter with its own delivery profile by the day half its letters have arrived', () => {
    const letter = [{ name: 'Letter', channel: 'letter' as const, postage: 'second' as const, deliveryProfile: [20, 40, 40], waves: [{ sendDate: '2027-03-01', volume: 1 }] }]
    expect(packWaves(letter, england)[0]).toMatchObject({ delayDays: 2, deliveryDate: '2027-03-03' })
  })
})

describe('packForecastFromResult', () => {
  const result = forecast(typicalCampaignInput())
  const pack = packForecastFromResult(result)

  it('adds every helpline’s calls up week by week, Monday to Sunday, losing none', () => {
    expect(pack.weeks.length).toBeGreaterThan(3)
    for (const week of pack.weeks) {
      expect(weekday(week.weekStart)).toBe(0)
      expect(weekday(week.weekEnd)).toBe(6)
    }
    for (const scenario of ['low', 'central', 'high'] as const) {
      const total = pack.weeks.reduce((sum, week) => sum + week.calls[scenario], 0)
      expect(total).toBeCloseTo(result.summary.calls[scenario], 6)
    }
    const weekStarts = pack.weeks.map((w) => w.weekStart)
    expect(weekStarts).toEqual([...weekStarts].sort())
  })

  it('puts each day’s calls in the week that holds it', () => {
    const week = pack.weeks[1]!
    const days = result.helplines.flatMap((h) => h.days).filter((d) => d.date >= week.weekStart && d.date <= week.weekEnd)
    expect(week.calls.central).toBeCloseTo(
      days.reduce((sum, d) => sum + d.calls.central, 0),
      9,
    )
  })

  it('carries the forecast’s peak day', () => {
    expect(pack.peakDay).toEqual(result.summary.peakDay)
    expect(pack.peakDay!.calls.central).toBeGreaterThan(0)
  })
})

describe('isPackAudience', () => {
  it('knows the three packs and nothing else', () => {
    expect(['helpline', 'press', 'debt-management', 'internal', '__proto__'].map(isPackAudience)).toEqual([true, true, true, false, false])
  })
})
