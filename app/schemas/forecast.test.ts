import { describe, expect, it } from 'vitest'
import { defaultCurvePercent, defaultForecastSettings, type ForecastSettings } from '../forecast/settings'
import { curveRows, forecastToFormValues, parseForecastForm, type ForecastFormContext } from './forecast'

const ctx: ForecastFormContext = {
  messages: [
    { id: 'm1', name: 'Letter', channel: 'letter', deadlineDays: 30 },
    { id: 'm2', name: 'Text', channel: 'sms', deadlineDays: null },
  ],
  helplines: [
    { id: 'h1', name: 'Self Assessment helpline' },
    { id: 'h2', name: 'Payment Support Service' },
  ],
  fallback: defaultForecastSettings(),
}

const settings: ForecastSettings = {
  contactRates: { low: 4.5, central: 7, high: 10.25 },
  responseCurves: { sms: [60, 25, 15] },
  deadlineBump: { sharePercent: 20, workingDays: 4 },
  messages: {
    m1: { delayOverrideDays: 5, split: { h1: 62.5, h2: 37.5 } },
    m2: { delayOverrideDays: null, split: { h1: 100 } },
  },
}

describe('the forecast form', () => {
  it('reads back exactly the settings it was filled with', () => {
    const parsed = parseForecastForm(forecastToFormValues(settings, ctx), ctx)
    expect(parsed).toEqual({ ok: true, data: settings })
  })

  it('keeps a default curve as no change, so that later improvements to the defaults still apply', () => {
    const values = forecastToFormValues(defaultForecastSettings(), ctx)
    expect(values['curve-letter-3']).toBe('16')
    expect(values['curve-letter-14']).toBe('1')
    expect(values['curve-letter-15']).toBeUndefined()
    const parsed = parseForecastForm({ ...values, 'split-m1-h1': '100' }, ctx)
    expect(parsed.ok && parsed.data.responseCurves).toEqual({})
    // The same shape typed as counts rather than percentages is still the default.
    const doubled = Object.fromEntries(defaultCurvePercent('sms').map((x, k) => [`curve-sms-${k}`, String(x * 2)]))
    const again = parseForecastForm({ ...values, ...doubled }, ctx)
    expect(again.ok && again.data.responseCurves).toEqual({})
  })

  it('ends a curve at its last non-blank day and treats blanks before it as 0', () => {
    const values: Record<string, string> = { ...forecastToFormValues(defaultForecastSettings(), ctx), 'curve-sms-0': '50', 'curve-sms-1': '', 'curve-sms-2': '30', 'curve-sms-3': '20' }
    for (let k = 4; k < 7; k++) values[`curve-sms-${k}`] = ''
    const parsed = parseForecastForm(values, ctx)
    expect(parsed.ok && parsed.data.responseCurves.sms).toEqual([50, 0, 30, 20])
  })

  it('accepts percentages typed with a % sign and blank shares for a message not yet split', () => {
    const values = { ...forecastToFormValues(settings, ctx), rateCentral: '7 %', 'split-m2-h1': '' }
    const parsed = parseForecastForm(values, ctx)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.data.contactRates.central).toBe(7)
      expect(parsed.data.messages.m2).toEqual({ delayOverrideDays: null, split: {} })
    }
  })

  it('says by how much a split is over', () => {
    const parsed = parseForecastForm({ ...forecastToFormValues(settings, ctx), 'split-m1-h2': '40' }, ctx)
    expect(parsed).toEqual({ ok: false, errors: { 'split-m1': 'The shares of “Letter” calls add up to 102.5%. They must add up to 100% (2.5% over)' } })
  })

  it('keeps the saved deadline bump when no message has a deadline to show it for', () => {
    const noDeadlines = { ...ctx, messages: ctx.messages.map((m) => ({ ...m, deadlineDays: null })), fallback: settings }
    const values = forecastToFormValues(settings, noDeadlines)
    delete values.bumpShare
    delete values.bumpDays
    const parsed = parseForecastForm(values, noDeadlines)
    expect(parsed.ok && parsed.data.deadlineBump).toEqual({ sharePercent: 20, workingDays: 4 })
  })

  it('offers five spare days after the longest curve, up to 60', () => {
    expect(curveRows(defaultForecastSettings(), ['letter', 'sms'])).toBe(20)
    expect(curveRows({ ...defaultForecastSettings(), responseCurves: { sms: new Array(58).fill(1) } }, ['sms'])).toBe(60)
  })
})
