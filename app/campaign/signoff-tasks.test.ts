import { describe, expect, it } from 'vitest'
import { launchTask, signOffTask, yourSignOff, type SignOffTaskInput } from './signoff-tasks'
import { campaignTasks, taskProgress } from './tasks'

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
      hint: 'Not yet asked: Customer Services and the Press Office must sign it off',
    })
  })

  it('shows each required group’s state once asked, in red only when changes are requested', () => {
    const asked = { ...ready, asked: true }
    expect(signOffTask(base, 'awaiting-sign-off', { ...asked, states: { 'customer-services': 'approved', 'press-office': 'out-of-date' } })).toMatchObject({
      status: 'waiting',
      statusText: 'Waiting for the Press Office',
      hint: 'Customer Services: approved; Press Office: out of date',
    })
    expect(signOffTask(base, 'awaiting-sign-off', { ...asked, states: { 'customer-services': 'changes-requested', 'press-office': 'approved' } }).status).toBe('problem')
    expect(signOffTask(base, 'approved', { ...asked, states: { 'customer-services': 'approved', 'press-office': 'approved' } }).status).toBe('completed')
    expect(signOffTask(base, 'launched', { ...asked, states: { 'customer-services': 'approved' } }).status).toBe('completed')
  })

  it('says who the owner is waiting for, rather than calling the task incomplete', () => {
    const asked = { ...ready, asked: true, states: { 'customer-services': 'approved', 'debt-management': 'awaiting', 'press-office': 'awaiting' } } as const
    expect(signOffTask(base, 'awaiting-sign-off', asked)).toMatchObject({ status: 'waiting', statusText: 'Waiting for Debt Management and the Press Office' })
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

describe('the task list’s progress', () => {
  it('counts the completed tasks out of those the campaign needs', () => {
    const tasks = campaignTasks({ ref: 'OTM-2027-001', status: 'draft', plannedLaunchDate: '2027-02-01', today: '2026-11-01', forecast: { messages: 1, messagesReady: 1, ratesSaved: true } })
    expect(taskProgress(tasks)).toEqual({ completed: tasks.filter((t) => t.status === 'completed').length, total: 9 })
    expect(taskProgress([...tasks.slice(0, 8), { id: 'launch', title: 'Launch', href: null, status: 'not-needed' }]).total).toBe(8)
  })
})

describe('your sign-off, at the top of the campaign page', () => {
  const states = { 'customer-services': 'awaiting', 'press-office': 'approved' } as const
  it('tells a member of a required group where their decision stands, and whether it needs them', () => {
    expect(yourSignOff(base, ['customer-services'], states, false)).toEqual([
      { group: 'customer-services', href: `${base}/sign-off/customer-services`, text: 'awaiting your decision', actionNeeded: true },
    ])
    expect(yourSignOff(base, ['press-office'], states, false)).toEqual([{ group: 'press-office', href: `${base}/sign-off/press-office`, text: 'approved', actionNeeded: false }])
    expect(yourSignOff(base, ['press-office'], { 'press-office': 'out-of-date' }, false)[0]!.actionNeeded).toBe(true)
  })

  it('says nothing to someone whose group need not sign, or who owns the campaign', () => {
    expect(yourSignOff(base, ['debt-management'], states, false)).toEqual([])
    expect(yourSignOff(base, [], states, false)).toEqual([])
    expect(yourSignOff(base, ['customer-services'], states, true)).toEqual([])
  })
})
