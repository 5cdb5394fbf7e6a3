import { describe, expect, it } from 'vitest'
import { launchTask, signOffTask, type SignOffTaskInput } from './signoff-tasks'
import { campaignTasks } from './tasks'

const base = '/campaigns/OTM-2027-001'
const ready: SignOffTaskInput = {
  asked: false,
  states: { 'customer-services': 'not-asked', 'press-office': 'not-asked' },
  messageCount: 2,
  messagesWithErrors: 0,
  scriptsWithErrors: 0,
}

describe('the Get sign-off and Launch tasks', () => {
  it('cannot start without a message or while a data-security check reports an error', () => {
    expect(signOffTask(base, 'draft', { ...ready, messageCount: 0 })).toMatchObject({ status: 'cannot-start', href: null, hint: 'Write the messages first' })
    expect(signOffTask(base, 'draft', { ...ready, messagesWithErrors: 1 })).toMatchObject({ status: 'cannot-start', href: null })
    expect(signOffTask(base, 'draft', { ...ready, scriptsWithErrors: 1 })).toMatchObject({ status: 'cannot-start', href: null })
    expect(signOffTask(base, 'draft', ready)).toEqual({
      id: 'sign-off',
      title: 'Get sign-off',
      href: `${base}/sign-off`,
      status: 'incomplete',
      hint: 'Not yet asked: Customer Services and Press Office must sign it off',
    })
  })

  it('shows each required group’s state once asked, in red only when changes are requested', () => {
    const asked = { ...ready, asked: true }
    expect(signOffTask(base, 'awaiting-sign-off', { ...asked, states: { 'customer-services': 'approved', 'press-office': 'out-of-date' } })).toMatchObject({
      status: 'incomplete',
      hint: 'Customer Services: approved; Press Office: out of date',
    })
    expect(signOffTask(base, 'awaiting-sign-off', { ...asked, states: { 'customer-services': 'changes-requested', 'press-office': 'approved' } }).status).toBe('problem')
    expect(signOffTask(base, 'approved', { ...asked, states: { 'customer-services': 'approved', 'press-office': 'approved' } }).status).toBe('completed')
    expect(signOffTask(base, 'launched', { ...asked, states: { 'customer-services': 'approved' } }).status).toBe('completed')
  })

  it('lets the campaign launch only once it is approved', () => {
    expect(launchTask(base, 'awaiting-sign-off')).toMatchObject({ status: 'cannot-start', href: null })
    expect(launchTask(base, 'approved')).toMatchObject({ status: 'incomplete', href: `${base}/launch` })
    expect(launchTask(base, 'launched')).toMatchObject({ status: 'completed' })
    const tasks = campaignTasks({ ref: 'OTM-2027-001', status: 'approved', plannedLaunchDate: '2027-03-01', today: '2027-01-01', signOff: { ...ready, asked: true, states: { 'customer-services': 'approved' } } })
    expect(tasks.slice(-2).map((t) => [t.id, t.status])).toEqual([
      ['sign-off', 'completed'],
      ['launch', 'incomplete'],
    ])
  })
})
