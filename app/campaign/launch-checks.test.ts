import { describe, expect, it } from 'vitest'
import { bankHolidayWarnings } from './launch-checks'

const campaign = { ref: 'OTM-2026-001', plannedLaunchDate: '2026-12-25', nationName: 'Scotland' }
const holidays = [
  { date: '2026-12-25', title: 'Christmas Day' },
  { date: '2027-01-04', title: '2nd January' },
]

describe('bank holidays before a launch', () => {
  it('warns when the launch or a send date falls on one of the nation’s bank holidays, naming it', () => {
    const sends = [
      { messageId: 'm2', messageName: 'Prompt to check the account', sendDate: '2027-01-04' },
      { messageId: 'm1', messageName: 'Personal tax account message', sendDate: '2026-12-25' },
      { messageId: 'm1', messageName: 'Personal tax account message', sendDate: '2026-12-29' },
    ]
    expect(bankHolidayWarnings(campaign, sends, holidays)).toEqual([
      { text: 'The planned launch date is Friday 25 December 2026, a bank holiday in Scotland (Christmas Day)', href: '/campaigns/OTM-2026-001/describe' },
      {
        text: '“Personal tax account message” is sent on Friday 25 December 2026, a bank holiday in Scotland (Christmas Day)',
        href: '/campaigns/OTM-2026-001/messages/m1',
      },
      {
        text: '“Prompt to check the account” is sent on Monday 4 January 2027, a bank holiday in Scotland (2nd January)',
        href: '/campaigns/OTM-2026-001/messages/m2',
      },
    ])
  })

  it('says nothing when every date is a working day', () => {
    expect(
      bankHolidayWarnings({ ...campaign, plannedLaunchDate: '2026-12-29' }, [{ messageId: 'm1', messageName: 'Letter', sendDate: '2026-12-30' }], holidays)
    ).toEqual([])
  })
})
