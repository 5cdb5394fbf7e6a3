import { describe, expect, it } from 'vitest'
import { signOffRisks, versionName, versionNumbers } from './decision-summary'
import { groupNameFirst, groupNames } from './groups'
import { scopeContent } from './scopes'
import { exampleAggregate } from './test-support/aggregate'

describe('the risks a decision page opens with', () => {
  it('tells Customer Services the days each helpline is short of staff', () => {
    const scope = scopeContent('customer-services', exampleAggregate())
    const staffing = {
      shortfalls: [
        { helpline: 'Self Assessment helpline', days: 2, firstDate: '2027-03-04' },
        { helpline: 'Payment Support Service', days: 0, firstDate: null },
      ],
    }
    expect(signOffRisks('customer-services', scope, staffing)).toEqual([
      'Self Assessment helpline is short of staff on 2 days, the first on Thursday 4 March 2027.',
    ])
    expect(signOffRisks('customer-services', scope, { shortfalls: [] })).toEqual([])
    expect(signOffRisks('customer-services', { ...scope, forecastInputs: null }, null)[0]).toMatch(/^The calls have not been forecast/)
  })

  it('tells Debt Management how many customers may be left owing, and how much', () => {
    const scope = scopeContent('debt-management', exampleAggregate())
    expect(signOffRisks('debt-management', scope, null)).toEqual(['About 60,000 customers may be left with extra tax to pay, £920 each on average.'])
    expect(signOffRisks('debt-management', { ...scope, liabilityEstimate: { customers: null, averagePence: null } }, null)).toEqual([
      'The campaign may leave customers with extra tax to pay, but how many has not been estimated.',
    ])
  })

  it('tells the Press Office when the launch date differs from the one it was told, or it was told none', () => {
    const scope = scopeContent('press-office', exampleAggregate())
    expect(signOffRisks('press-office', { ...scope, launchDateTold: scope.launchDate }, null)).toEqual([])
    expect(signOffRisks('press-office', { ...scope, launchDate: '2027-03-08', launchDateTold: '2027-03-01' }, null)).toEqual([
      'The Press Office was told the campaign launches on 1 March 2027, but it is now planned for Monday 8 March 2027.',
    ])
    expect(signOffRisks('press-office', { ...scope, launchDateTold: null }, null)).toEqual([
      'The Press Office has not been told the launch date. The campaign is planned to launch on Monday 1 March 2027.',
    ])
  })
})

describe('versions named as people name them', () => {
  it('numbers the versions a group decided on in order, and the one in front of it next', () => {
    expect([...versionNumbers([], 'c')]).toEqual([['c', 1]])
    expect([...versionNumbers(['a', 'a', 'b'], 'c')]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ])
    // Changes asked for, then approved, on the same version; nothing new since.
    expect(versionNumbers(['a', 'b', 'b'], 'b').get('b')).toBe(2)
  })

  it('says the version and the day it was saved', () => {
    expect(versionName(3, '2026-12-04T09:05:00Z')).toBe('version 3, saved 4 December 2026')
    expect(versionName(1, null)).toBe('version 1')
  })
})

describe('group names in sentences', () => {
  it('gives the Press Office its article, and capitalises it at the start of a sentence', () => {
    expect(groupNames(['customer-services', 'debt-management', 'press-office'])).toBe('Customer Services, Debt Management and the Press Office')
    expect(groupNames(['debt-management', 'press-office'], 'or')).toBe('Debt Management or the Press Office')
    expect(groupNames(['customer-services'])).toBe('Customer Services')
    expect(groupNameFirst('press-office')).toBe('The Press Office')
    expect(groupNameFirst('debt-management')).toBe('Debt Management')
  })
})
