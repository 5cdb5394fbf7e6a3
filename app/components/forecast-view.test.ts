import { describe, expect, it } from 'vitest'
import { forecast } from '~/forecast/engine'
import { typicalCampaignInput } from '~/forecast/examples'
import { axisDate, calls, duration, fte, hangUps, helplineViews, longDate, mainRuleOf, outcomeClause, percent, ruleWords, shortDate } from './forecast-view'

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

describe('the words for outcomes and rules', () => {
  it('rounds shares and waits for reading, never showing a little as none or nearly all as all', () => {
    expect([0.41, 0.004, 0.996, 1, 0].map(percent)).toEqual(['41%', 'less than 1%', 'more than 99%', '100%', '0%'])
    expect([0.2, 20, 60, 65, 185, 720, 3900].map(duration)).toEqual([
      'less than a second',
      '20 seconds',
      '1 minute',
      '1 minute 5 seconds',
      '3 minutes 5 seconds',
      '12 minutes',
      '1 hour 5 minutes',
    ])
    expect([0.2, 1, 314, 3_149].map(hangUps)).toEqual(['nobody hangs up', 'about 1 caller hangs up', 'about 314 callers hang up', 'about 3,100 callers hang up'])
  })

  it('names the rule that set the staffing, with the helpline’s own figures', () => {
    const h = { target: { percent: 80, withinSeconds: 20 }, maxOccupancy: 0.85, maxAbandonment: 0.05, maxAsaSeconds: 90 }
    expect(ruleWords('target', h)).toBe('the service-level target (80% within 20 seconds)')
    expect(ruleWords('occupancy', h)).toBe('the 85% occupancy cap')
    expect(ruleWords('abandonment', h)).toBe('the maximum abandonment rate (5%)')
    expect(ruleWords('asa', h)).toBe('the maximum average speed of answer (1 minute 30 seconds)')
    expect(mainRuleOf({ target: 2, occupancy: 18, abandonment: 0, asa: 0 })).toEqual({ rule: 'occupancy', halfHours: 18, of: 20 })
    expect(mainRuleOf({ target: 3, occupancy: 3, abandonment: 0, asa: 0 })).toMatchObject({ rule: 'target' })
    expect(mainRuleOf({ target: 0, occupancy: 0, abandonment: 0, asa: 0 })).toBeNull()
  })

  it('says what the staff achieve, with hang-ups under Erlang A and waits under Erlang C', () => {
    const base = { calls: 1000, answered: 1000, occupancy: 0.8, agentHours: 10, busyHours: 8, overloadedIntervals: 0 }
    const h = { target: { percent: 80, withinSeconds: 20 } }
    expect(outcomeClause({ ...base, serviceLevel: 0.412, asaSeconds: 31, abandoned: 3149, abandonmentRate: 0.3 }, h)).toBe(
      '41% answered within 20 seconds, about 3,100 callers hang up',
    )
    expect(outcomeClause({ ...base, serviceLevel: 0.9, asaSeconds: 8, abandoned: null, abandonmentRate: null }, h)).toBe(
      '90% answered within 20 seconds, answered calls waiting 8 seconds on average',
    )
    expect(outcomeClause({ ...base, serviceLevel: 0.1, asaSeconds: null, abandoned: null, abandonmentRate: null, overloadedIntervals: 3 }, h)).toBe(
      '10% answered within 20 seconds, with the queue growing faster than it is answered in 3 half hours',
    )
  })

  it('gives each helpline’s peak-day row and its outcome chart from the same days as the table', () => {
    const input = typicalCampaignInput()
    const result = forecast(input)
    for (const view of helplineViews(result, input.helplines)) {
      expect(view.settings?.id).toBe(view.id)
      expect(view.peakDayRow?.date).toBe(view.peakDay?.date)
      expect(view.outcomeChart.map((p) => p.withCampaign)).toEqual(view.days.map((d) => d.outcome.total.central.serviceLevel * 100))
      expect(view.outcomeChart.every((p) => p.withCampaignBand[0] <= p.withCampaign && p.withCampaign <= p.withCampaignBand[1])).toBe(true)
    }
  })
})
