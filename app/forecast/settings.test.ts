import { describe, expect, it } from 'vitest'
import { exampleHelpline } from './examples'
import { forecast } from './engine'
import {
  buildForecastInput,
  defaultForecastSettings,
  forecastFromSettings,
  sameSettings,
  withWelshShare,
  type CampaignMessageForForecast,
  type ForecastSettings,
} from './settings'

const helplines = [exampleHelpline({ id: 'sa', name: 'Self Assessment helpline' }), exampleHelpline({ id: 'pss', name: 'Payment Support Service', patienceSeconds: 300 }), exampleHelpline({ id: 'vat', name: 'VAT helpline' })]
const bankHolidays = ['2027-03-26', '2027-03-29']

const messages: CampaignMessageForForecast[] = [
  { id: 'letter', name: 'Letter', channel: 'letter', postage: 'first', deadlineDays: 21, waves: [{ sendDate: '2027-03-01', volume: 100_000 }] },
  { id: 'sms', name: 'Text', channel: 'sms', postage: null, deadlineDays: null, waves: [{ sendDate: '2027-03-08', volume: 20_000 }] },
  { id: 'draft', name: 'Draft email', channel: 'email', postage: null, deadlineDays: null, waves: [] },
]

const settings: ForecastSettings = {
  contactRates: { low: 5, central: 8, high: 12 },
  responseCurves: { sms: [50, 30, 20] },
  deadlineBump: { sharePercent: 10, workingDays: 3 },
  messages: {
    letter: { delayOverrideDays: 2, split: { sa: 75, pss: 25 } },
    sms: { delayOverrideDays: null, split: {} },
    draft: { delayOverrideDays: null, split: { sa: 100 } },
  },
}

describe('from the designer’s settings to the engine’s input', () => {
  it('turns percentages into fractions and leaves out what cannot be forecast yet', () => {
    const { input, excluded } = buildForecastInput(settings, messages, helplines, bankHolidays)
    expect(excluded).toEqual([
      { id: 'sms', name: 'Text', reason: 'no-split' },
      { id: 'draft', name: 'Draft email', reason: 'no-waves' },
    ])
    expect(input).toEqual({
      messages: [
        {
          id: 'letter',
          name: 'Letter',
          channel: 'letter',
          postage: 'first',
          deadlineDays: 21,
          delayOverrideDays: 2,
          waves: [{ sendDate: '2027-03-01', volume: 100_000 }],
          split: [
            { helplineId: 'sa', share: 0.75 },
            { helplineId: 'pss', share: 0.25 },
          ],
        },
      ],
      contactRates: { low: 0.05, central: 0.08, high: 0.12 },
      responseCurves: { sms: [50, 30, 20] },
      deadlineBump: { share: 0.1, workingDays: 3 },
      // Only the helplines that take calls are staffed.
      helplines: [helplines[0], helplines[1]],
      bankHolidays,
      // The helplines close on the campaign's own bank holidays unless told otherwise.
      helplineBankHolidays: null,
    })
    const scottish = ['2027-11-30']
    expect(buildForecastInput(settings, messages, helplines, bankHolidays, scottish).input?.helplineBankHolidays).toEqual(scottish)
  })

  it('gives the engine’s own answer, with every call accounted for', () => {
    const result = forecastFromSettings(settings, messages, helplines, bankHolidays)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.result).toEqual(forecast(result.input))
    expect(result.result.summary.calls.central).toBeCloseTo(100_000 * 0.08, 9)
    const pss = result.result.helplines.find((h) => h.helplineId === 'pss')!
    expect(pss.totals.calls.high).toBeCloseTo(100_000 * 0.12 * 0.25, 9)
  })

  it('has nothing to forecast until a message with waves has a split', () => {
    expect(forecastFromSettings(defaultForecastSettings(), messages, helplines, bankHolidays)).toMatchObject({ ok: false, reason: 'nothing-to-forecast' })
  })

  it('reports what the engine refuses instead of throwing', () => {
    const closed = helplines.map((h) => ({ ...h, openingHours: [null, null, null, null, null, { open: '09:00', close: '12:00' }, null] }))
    const result = forecastFromSettings({ ...settings, messages: { letter: settings.messages.letter! } }, messages, closed, bankHolidays)
    expect(result).toMatchObject({ ok: true })
    const never = helplines.map((h) => ({ ...h, openingHours: [null, null, null, null, null, null, null] }))
    expect(forecastFromSettings(settings, messages, never, bankHolidays)).toMatchObject({ ok: false, reason: 'engine' })
  })

  it('treats a message with nothing set like one that is missing when comparing with what was saved', () => {
    const saved: ForecastSettings = { ...settings, messages: { letter: settings.messages.letter! } }
    expect(sameSettings(settings, saved, messages.slice(0, 2))).toBe(true)
    expect(sameSettings({ ...settings, contactRates: { ...settings.contactRates, central: 9 } }, saved, messages)).toBe(false)
    expect(sameSettings({ ...settings, responseCurves: {} }, saved, messages)).toBe(false)
  })
})

describe('the Welsh-preference customers’ calls', () => {
  const welshLine = exampleHelpline({ id: 'cy', name: 'Welsh language helpline' })
  const withWelsh = [...helplines, welshLine]
  const welsh = { helplineId: 'cy', sharePercent: 4 }

  it('go to the Welsh-language helpline at the campaign’s Welsh share, the rest as the split says', () => {
    expect(withWelshShare([{ helplineId: 'sa', share: 0.75 }, { helplineId: 'pss', share: 0.25 }], welsh)).toEqual([
      { helplineId: 'sa', share: 0.72 },
      { helplineId: 'pss', share: 0.24 },
      { helplineId: 'cy', share: 0.04 },
    ])
    // A split that already names the Welsh line keeps its own share there, plus the Welsh share.
    expect(withWelshShare([{ helplineId: 'sa', share: 0.5 }, { helplineId: 'cy', share: 0.5 }], welsh)).toEqual([
      { helplineId: 'sa', share: 0.48 },
      { helplineId: 'cy', share: 0.52 },
    ])
    expect(withWelshShare([{ helplineId: 'sa', share: 1 }], { helplineId: 'cy', sharePercent: 100 })).toEqual([{ helplineId: 'cy', share: 1 }])
    expect(withWelshShare([{ helplineId: 'sa', share: 1 }], null)).toEqual([{ helplineId: 'sa', share: 1 }])
  })

  it('are forecast on the Welsh line as on any other, and the campaign’s total calls do not change', () => {
    const routed = messages.map((m) => ({ ...m, welsh }))
    const { input } = buildForecastInput(settings, routed, withWelsh, bankHolidays)
    expect(input!.messages[0]!.split.map((s) => [s.helplineId, Math.round(s.share * 1000) / 1000])).toEqual([
      ['sa', 0.72],
      ['pss', 0.24],
      ['cy', 0.04],
    ])
    expect(input!.helplines.map((h) => h.id)).toEqual(['sa', 'pss', 'cy'])
    const plain = forecastFromSettings(settings, messages, withWelsh, bankHolidays)
    const welshForecast = forecastFromSettings(settings, routed, withWelsh, bankHolidays)
    if (!plain.ok || !welshForecast.ok) throw new Error('Both should forecast')
    const calls = (result: typeof plain.result, id?: string) =>
      result.helplines.filter((h) => !id || h.helplineId === id).reduce((sum, h) => sum + h.totals.calls.central, 0)
    expect(calls(welshForecast.result)).toBeCloseTo(calls(plain.result), 6)
    expect(calls(welshForecast.result, 'cy')).toBeCloseTo(calls(plain.result) * 0.04, 6)
  })

  it('stay with the split when the Welsh line is not one of the forecast’s helplines', () => {
    const routed = messages.map((m) => ({ ...m, welsh }))
    const { input } = buildForecastInput(settings, routed, helplines, bankHolidays)
    expect(input!.messages[0]!.split).toEqual([
      { helplineId: 'sa', share: 0.75 },
      { helplineId: 'pss', share: 0.25 },
    ])
  })
})
