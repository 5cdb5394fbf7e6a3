import { describe, expect, it } from 'vitest'
import { campaignTasks, forecastTask } from './tasks'

describe('the forecast task', () => {
  it('cannot start without messages', () => {
    expect(forecastTask('/campaigns/OTM-2027-001', undefined)).toEqual({ id: 'forecast', title: 'Forecast the calls', href: null, status: 'cannot-start', hint: 'Write the messages first' })
    expect(forecastTask('/c', { messages: 0, messagesReady: 0, ratesSaved: true }).status).toBe('cannot-start')
  })

  it('is incomplete until every message has a helpline and the rates are saved', () => {
    expect(forecastTask('/c', { messages: 2, messagesReady: 0, ratesSaved: false })).toMatchObject({
      status: 'incomplete',
      href: '/c/forecast',
      hint: 'Set the contact rates and the helplines that take the calls, then save',
    })
    expect(forecastTask('/c', { messages: 3, messagesReady: 1, ratesSaved: true }).hint).toBe('2 of 3 messages have no helpline yet')
    expect(forecastTask('/c', { messages: 1, messagesReady: 0, ratesSaved: true }).hint).toBe('1 of 1 message has no helpline yet')
  })

  it('is completed once every message has a saved split', () => {
    expect(forecastTask('/c', { messages: 2, messagesReady: 2, ratesSaved: true })).toEqual({ id: 'forecast', title: 'Forecast the calls', href: '/c/forecast', status: 'completed', hint: undefined })
  })

  it('sits third on the campaign’s task list', () => {
    const tasks = campaignTasks({ ref: 'OTM-2027-001', status: 'draft', plannedLaunchDate: '2027-02-01', today: '2026-11-01', forecast: { messages: 1, messagesReady: 1, ratesSaved: true } })
    expect(tasks[2]).toMatchObject({ id: 'forecast', status: 'completed' })
  })
})
