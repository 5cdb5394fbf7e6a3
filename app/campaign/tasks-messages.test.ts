import { describe, expect, it } from 'vitest'
import { campaignTasks, type MessagesTaskInput } from './tasks'

const task = (messages?: MessagesTaskInput) =>
  campaignTasks({ ref: 'OTM-2031-001', status: 'draft', plannedLaunchDate: '2031-06-01', today: '2031-01-01', messages }).find((t) => t.id === 'messages')!

describe('the "Write the messages" task', () => {
  it('links to the messages and is incomplete until there is a message with waves', () => {
    expect(task()).toEqual({ id: 'messages', title: 'Write the messages', href: '/campaigns/OTM-2031-001/messages', status: 'incomplete' })
    expect(task({ count: 2, withoutWaves: 1, withErrors: 0, recipients: 100 })).toMatchObject({ status: 'incomplete', hint: '1 message has no send waves' })
  })

  it('shows "There is a problem" when any message fails a data-security check, even if another has no waves', () => {
    expect(task({ count: 3, withoutWaves: 1, withErrors: 2, recipients: 100 })).toMatchObject({
      status: 'problem',
      hint: '2 messages fail the data-security checks',
    })
  })

  it('is completed when every message has waves and passes, with the recipients in the hint', () => {
    expect(task({ count: 2, withoutWaves: 0, withErrors: 0, recipients: 320_000 })).toMatchObject({
      status: 'completed',
      hint: '2 messages to 320,000 recipients',
    })
  })
})
