import { describe, expect, it } from 'vitest'
import { forecast } from '~/forecast/engine'
import { typicalCampaignInput } from '~/forecast/examples'
import { axisDate, calls, fte, helplineViews, longDate, shortDate } from './forecast-view'

describe('what the forecast page shows', () => {
  it('formats dates and figures the same way on the server and in any browser', () => {
    expect(shortDate('2027-03-29')).toBe('Mon 29 Mar 2027')
    expect(longDate('2027-03-26')).toBe('Friday 26 March 2027')
    expect(axisDate('2027-12-05')).toBe('5 Dec')
    expect(calls(1234567.49)).toBe('1,234,567')
    expect(calls(0.4)).toBe('0')
    expect(fte(1234.56)).toBe('1,234.6')
    expect(fte(-2.04)).toBe('-2.0')
  })

  it('shows each helpline’s open days from the first call to the last, with chart points that match the rows', () => {
    const result = forecast(typicalCampaignInput())
    const views = helplineViews(result)
    expect(views.map((v) => v.id)).toEqual(['sa', 'debt'])
    for (const view of views) {
      expect(view.days.every((d) => d.open && d.date >= result.summary.firstCallDate! && d.date <= result.summary.lastCallDate!)).toBe(true)
      expect(view.callsChart.map((p) => [p.date, p.central, p.band])).toEqual(view.days.map((d) => [d.date, d.calls.central, [d.calls.low, d.calls.high]]))
      expect(view.fteChart.map((p) => p.available)).toEqual(view.days.map((d) => d.availableFte))
      const shown = view.days.reduce((sum, d) => sum + d.calls.central, 0)
      expect(shown).toBeCloseTo(view.totals.calls.central, 6)
    }
  })
})
