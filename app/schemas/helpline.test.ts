import { describe, expect, it } from 'vitest'
import { profileFrom, starterHelplineSettings, STARTER_PROFILE_08_18, type HelplineSettings } from '../helplines/helpline'
import { describeIntervals, helplineToFormValues, normaliseTime, parseHelplineForm } from './helpline'

const settings: HelplineSettings = {
  ...starterHelplineSettings(),
  name: 'Self Assessment helpline',
  ahtSeconds: 540,
  baselineCallsPerDay: 18_000,
  availableFte: 860.5,
  patienceSeconds: 200,
}

describe('the helpline form', () => {
  it('reads back exactly the helpline it was filled with', () => {
    expect(parseHelplineForm(helplineToFormValues(settings))).toEqual({ ok: true, data: settings })
    // The Welsh-language line is a checkbox: ticked, it reads back; left out, the helpline is not the Welsh line.
    const welsh = { ...settings, welshLine: true }
    expect(helplineToFormValues(welsh).welshLine).toBe('yes')
    expect(parseHelplineForm(helplineToFormValues(welsh))).toEqual({ ok: true, data: welsh })
    expect(parseHelplineForm({ ...helplineToFormValues(welsh), welshLine: 'no' })).toEqual({ ok: true, data: settings })
  })

  it('starts new helplines from a profile that adds up to 100%', () => {
    expect(STARTER_PROFILE_08_18.reduce((a, b) => a + b, 0)).toBe(100)
    expect(profileFrom('08:00', STARTER_PROFILE_08_18).slice(0, 16).every((x) => x === 0)).toBe(true)
  })

  it('reads times as people type them, on the hour or half hour only', () => {
    expect(['8', '8:30', '0830', '08.30', '24:00', ' 17:30 '].map(normaliseTime)).toEqual(['08:00', '08:30', '08:30', '08:30', '24:00', '17:30'])
    expect(['8:15', '25:00', '24:30', 'noon', ''].map(normaliseTime)).toEqual([null, null, null, null, null])
  })

  it('counts a profile only over the half hours the helpline opens', () => {
    // Saturday mornings add no half hours beyond the weekday ones, so the total is unchanged.
    const withSaturday = { ...settings, openingHours: settings.openingHours.map((h, d) => (d === 5 ? { open: '09:00', close: '12:00' } : h)) }
    expect(parseHelplineForm(helplineToFormValues(withSaturday)).ok).toBe(true)
    // Values typed into half hours no longer open do not count.
    const shorter = { ...helplineToFormValues(settings), 'hours-0-close': '17:00', 'hours-1-close': '17:00', 'hours-2-close': '17:00', 'hours-3-close': '17:00', 'hours-4-close': '17:00' }
    expect(parseHelplineForm(shorter)).toEqual({ ok: false, errors: { profile: 'The intraday profile adds up to 95.5%. It must add up to 100% (4.5% short)' } })
  })

  it('names runs of half hours', () => {
    expect(describeIntervals([16, 17, 18, 30])).toBe('8am to 9:30am, 3pm to 3:30pm')
  })

  it('reads the optional abandonment and ASA limits, blank as none, and keeps them when read back', () => {
    const withLimits = { ...settings, maxAbandonmentPercent: 5, maxAsaSeconds: 45 }
    expect(parseHelplineForm(helplineToFormValues(withLimits))).toEqual({ ok: true, data: withLimits })
    const values = helplineToFormValues(settings)
    expect(values.maxAbandonmentPercent).toBeUndefined()
    expect(parseHelplineForm({ ...values, maxAbandonmentPercent: '', maxAsaSeconds: ' ' })).toEqual({ ok: true, data: settings })
    expect(parseHelplineForm({ ...values, maxAbandonmentPercent: '7.5%' })).toMatchObject({ ok: true, data: { maxAbandonmentPercent: 7.5 } })
  })

  it('refuses limits out of range, and an abandonment limit without the patience that makes callers hang up', () => {
    const values = helplineToFormValues(settings)
    expect(parseHelplineForm({ ...values, maxAbandonmentPercent: '60', maxAsaSeconds: '0' })).toEqual({
      ok: false,
      errors: {
        maxAbandonmentPercent: 'The maximum abandonment rate must be 50% or less',
        maxAsaSeconds: 'The maximum average speed of answer must be 1 second or more',
      },
    })
    expect(parseHelplineForm({ ...values, maxAsaSeconds: '12.5' })).toEqual({
      ok: false,
      errors: { maxAsaSeconds: 'The maximum average speed of answer must be a whole number, like 60' },
    })
    expect(parseHelplineForm({ ...values, patienceSeconds: '', maxAbandonmentPercent: '5' })).toEqual({
      ok: false,
      errors: { maxAbandonmentPercent: 'Enter the average caller patience to staff to a maximum abandonment rate, or leave the maximum abandonment rate blank' },
    })
  })
})

describe('the percentile to staff to', () => {
  it('reads each of P50, P80 and P90 back, and leaves the stored choice alone when a form has no such field', () => {
    for (const staffToPercentile of [50, 80, 90] as const) {
      const chosen = { ...settings, staffToPercentile }
      expect(helplineToFormValues(chosen).staffToPercentile).toBe(String(staffToPercentile))
      expect(parseHelplineForm(helplineToFormValues(chosen))).toEqual({ ok: true, data: chosen })
    }
    const { staffToPercentile: _absent, ...older } = helplineToFormValues(settings)
    const read = parseHelplineForm(older)
    expect(read.ok && read.data.staffToPercentile).toBeUndefined()
  })

  it('refuses anything but the three choices, with one message whatever was sent', () => {
    const values = helplineToFormValues(settings)
    for (const sent of ['75', '100', '0', '', ' ', 'P80', '80.0', '8e1', '50,80']) {
      expect(parseHelplineForm({ ...values, staffToPercentile: sent }), sent).toEqual({ ok: false, errors: { staffToPercentile: 'Choose whether to staff to P50, P80 or P90' } })
    }
  })
})
