import { describe, expect, it } from 'vitest'
import { parseCampaignForm } from './campaign'

const values = (overrides: Record<string, string> = {}) => ({
  name: 'Rental income',
  regime: 'self-assessment',
  objective: 'Prompt landlords.',
  targetPopulation: 'Landlords.',
  populationSize: '320000',
  'launchDate-day': '1',
  'launchDate-month': '3',
  'launchDate-year': '2027',
  nation: 'england-and-wales',
  referenceType: 'utr',
  responseSought: 'possible',
  responseProcess: 'Replies are logged.',
  extraLiability: 'no',
  pressInform: 'yes',
  ...overrides,
})

describe('the Welsh-preference customers on the campaign form', () => {
  it('are optional, a whole number of 0 or more, and no more than the population', () => {
    const parse = (welshCustomers?: string) => parseCampaignForm(welshCustomers === undefined ? values() : values({ welshCustomers }), [], { today: '2026-12-01' })
    expect(parse()).toMatchObject({ ok: true, data: { welshCustomers: 0 } })
    expect(parse('')).toMatchObject({ ok: true, data: { welshCustomers: 0 } })
    expect(parse('9,600')).toMatchObject({ ok: true, data: { welshCustomers: 9_600 } })
    expect(parse('320000')).toMatchObject({ ok: true, data: { welshCustomers: 320_000 } })
    expect(parse('320001')).toEqual({ ok: false, errors: { welshCustomers: 'The number of customers who asked for Welsh must not be more than the population size' } })
    expect(parse('3%')).toEqual({ ok: false, errors: { welshCustomers: 'The number of customers who asked for Welsh must be a whole number, like 3200' } })
    // Reported beside every other problem in one summary.
    const both = parseCampaignForm(values({ welshCustomers: 'x', name: '' }), [], { today: '2026-12-01' })
    expect(both.ok ? {} : both.errors).toEqual({ name: 'Enter the campaign name', welshCustomers: 'The number of customers who asked for Welsh must be a whole number, like 3200' })
  })
})
