import { describe, expect, it } from 'vitest'
import { nextStep } from './next-step'
import { campaignTasks } from './tasks'

const base = { ref: 'OTM-2027-001', plannedLaunchDate: '2027-06-01', today: '2027-03-01' }
const ready = {
  messages: { count: 1, withoutWaves: 0, withErrors: 0, recipients: 1000 },
  forecast: { messages: 1, messagesReady: 1, ratesSaved: true },
}

describe('the next step on a campaign', () => {
  it('is the first task still to do, in the task list’s order', () => {
    const tasks = campaignTasks({ ...base, status: 'draft' })
    expect(nextStep(tasks, 'draft', base.ref)).toEqual({ text: 'Write the messages', href: '/campaigns/OTM-2027-001/messages', problem: false })
    const messagesDone = campaignTasks({ ...base, status: 'draft', messages: ready.messages, forecast: { messages: 1, messagesReady: 0, ratesSaved: false } })
    expect(nextStep(messagesDone, 'draft', base.ref)).toEqual({ text: 'Forecast the calls', href: '/campaigns/OTM-2027-001/forecast', problem: false })
  })

  it('puts a problem first, saying what it is', () => {
    const tasks = campaignTasks({ ...base, status: 'draft', messages: { count: 2, withoutWaves: 0, withErrors: 1, recipients: 10 } })
    expect(nextStep(tasks, 'draft', base.ref)).toEqual({ text: 'Write the messages: 1 message fails the data-security checks', href: '/campaigns/OTM-2027-001/messages', problem: true })
    const late = campaignTasks({ ...base, status: 'draft', today: '2027-07-01' })
    expect(nextStep(late, 'draft', base.ref)?.text).toBe('Describe the campaign: the planned launch date has passed')
  })

  it('follows the campaign once its own tasks are done', () => {
    // Everything but sign-off and launch, which wait for their own work.
    const tasks = campaignTasks({ ...base, status: 'draft', ...ready }).map((t) => (t.id === 'sign-off' || t.id === 'launch' ? t : { ...t, status: 'completed' as const }))
    expect(nextStep(tasks, 'draft', base.ref)).toEqual({ text: 'Get sign-off', href: '/campaigns/OTM-2027-001', problem: false })
    expect(nextStep(tasks, 'awaiting-sign-off', base.ref)).toEqual({ text: 'Wait for sign-off', href: '/campaigns/OTM-2027-001', problem: false })
    expect(nextStep(tasks, 'launched', base.ref)).toEqual({ text: 'Record the actual calls', href: '/campaigns/OTM-2027-001/actuals', problem: false })
    expect(nextStep(tasks, 'closed', base.ref)).toBeNull()
  })
})
