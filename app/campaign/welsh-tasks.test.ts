import { describe, expect, it } from 'vitest'
import { campaignTasks } from './tasks'
import { welshForecastTask, welshLinesTask, welshMessagesTask, welshScriptsTask, welshTasksApply, type WelshTaskInput } from './welsh-tasks'

const base = '/campaigns/OTM-2027-001'
const input = (overrides: Partial<WelshTaskInput> = {}): WelshTaskInput => ({
  welshCustomers: 9_600,
  messages: [
    { name: 'Letter', state: 'current', errors: 0 },
    { name: 'Text', state: 'current', errors: 0 },
  ],
  lines: { uncovered: [], outOfDate: 0, errors: 0 },
  scripts: [{ callType: 'inbound', state: 'current', errors: 0 }],
  scriptsRequired: true,
  welshHelpline: 'Welsh language helpline',
  forecastSaved: true,
  anyWelsh: true,
  ...overrides,
})

describe('the Welsh tasks', () => {
  it('apply once customers asked for Welsh, or anything has a Welsh version', () => {
    expect(welshTasksApply({ welshCustomers: 0, anyWelsh: false })).toBe(false)
    expect(welshTasksApply({ welshCustomers: 1, anyWelsh: false })).toBe(true)
    expect(welshTasksApply({ welshCustomers: 0, anyWelsh: true })).toBe(true)
  })

  it('say which messages are out of date or untranslated, and red only for a problem', () => {
    expect(welshMessagesTask(base, input())).toEqual({
      id: 'welsh-messages',
      title: 'Translate the messages into Welsh',
      href: `${base}/welsh#messages`,
      status: 'completed',
      hint: 'Every message has a current Welsh version, for 9,600 customers who asked for Welsh',
    })
    expect(welshMessagesTask(base, input({ messages: [{ name: 'Letter', state: 'missing', errors: 0 }, { name: 'Text', state: 'current', errors: 0 }] }))).toMatchObject({
      status: 'incomplete',
      hint: '1 message has no Welsh version yet, of 2',
    })
    expect(welshMessagesTask(base, input({ messages: [{ name: 'Letter', state: 'out-of-date', errors: 0 }, { name: 'Text', state: 'current', errors: 2 }] }))).toMatchObject({
      status: 'problem',
      hint: 'The Welsh version of “Letter” is out of date against the English; 1 Welsh version fails the checks',
    })
    expect(welshMessagesTask(base, input({ messages: [] }))).toMatchObject({ status: 'cannot-start', href: null })
  })

  it('need a Welsh-language helpline for the forecast', () => {
    expect(welshForecastTask(base, input({ welshHelpline: null }))).toMatchObject({ status: 'problem', hint: expect.stringMatching(/^No helpline is marked as the Welsh-language line/) })
    expect(welshForecastTask(base, input({ forecastSaved: false }))).toMatchObject({ status: 'incomplete', href: `${base}/forecast` })
    expect(welshForecastTask(base, input())).toMatchObject({ status: 'completed', hint: 'The Welsh-preference customers’ calls go to Welsh language helpline' })
    expect(welshForecastTask(base, input({ welshCustomers: 0 }))).toMatchObject({ status: 'not-needed' })
  })

  it('cover the standard questions in Welsh, and translate the scripts', () => {
    expect(welshLinesTask(base, input({ lines: { uncovered: [{ id: 'is-genuine', label: 'Is this genuine?', warning: '' }], outOfDate: 0, errors: 0 } }))).toMatchObject({
      status: 'incomplete',
      hint: 'Not yet covered in Welsh: Is this genuine?',
    })
    expect(welshLinesTask(base, input({ lines: { uncovered: [], outOfDate: 2, errors: 0 } }))).toMatchObject({ status: 'problem', hint: '2 Welsh lines are out of date against the English' })
    expect(welshScriptsTask(base, input({ scripts: [{ callType: 'inbound', state: 'missing', errors: 0 }] }))).toMatchObject({ status: 'incomplete', hint: 'No Welsh version yet: inbound call' })
    expect(welshScriptsTask(base, input({ scripts: [{ callType: 'third-party', state: 'out-of-date', errors: 0 }] }))).toMatchObject({
      status: 'problem',
      hint: 'Welsh scripts out of date against the English: message left with a third party',
    })
    expect(welshScriptsTask(base, input({ scripts: [], scriptsRequired: false }))).toMatchObject({ status: 'not-needed' })
  })

  it('each follow the English task they translate on the campaign page', () => {
    const ids = (welsh?: WelshTaskInput) => campaignTasks({ ref: 'OTM-2027-001', status: 'draft', plannedLaunchDate: '2027-02-01', today: '2026-11-01', welsh }).map((t) => t.id)
    expect(ids()).toEqual(['describe', 'messages', 'forecast', 'lines', 'scripts', 'debt-management', 'press', 'sign-off', 'launch'])
    expect(ids(input({ welshCustomers: 0, anyWelsh: false }))).toEqual(ids())
    expect(ids(input())).toEqual(['describe', 'messages', 'welsh-messages', 'forecast', 'welsh-helpline', 'lines', 'welsh-lines', 'scripts', 'welsh-scripts', 'debt-management', 'press', 'sign-off', 'launch'])
  })
})
