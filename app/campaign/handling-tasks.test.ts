import { describe, expect, it } from 'vitest'
import type { CoverageLine } from '../content'
import { debtManagementTask, handlingTasks, linesTask, pressTask, scriptsTask, type HandlingTaskInput } from './handling-tasks'
import { campaignTasks } from './tasks'

const base = '/campaigns/OTM-2027-001'
const line = (overrides: Partial<CoverageLine>): CoverageLine => ({ audience: 'helpline', standardQuestion: null, question: 'Q', answer: 'A', ...overrides })
const everyQuestion = (['why-sent', 'how-to-act', 'more-information', 'is-genuine'] as const).map((id) => line({ standardQuestion: id }))

function input(overrides: Partial<HandlingTaskInput> = {}): HandlingTaskInput {
  return {
    responseSought: 'possible',
    extraLiability: false,
    pressInform: true,
    plannedLaunchDate: '2027-06-01',
    lines: [],
    scripts: [],
    hasDebtTreatment: false,
    pressLaunchDateTold: null,
    ...overrides,
  }
}

describe('Write lines to take', () => {
  it('is incomplete, naming each uncovered standard question, until every one is answered', () => {
    expect(linesTask(base, input())).toEqual({
      id: 'lines',
      title: 'Write lines to take',
      href: `${base}/lines`,
      status: 'incomplete',
      hint: 'Not yet covered: Why was I sent this?; How do I act on it or change my return?; I want to send more information; Is this genuine?',
    })
    expect(linesTask(base, input({ lines: everyQuestion.slice(1) })).hint).toBe('Not yet covered: Why was I sent this?')
    expect(linesTask(base, input({ lines: everyQuestion }))).toMatchObject({ status: 'completed', hint: undefined })
  })

  it('asks for time to pay only when customers may be left with extra liability', () => {
    expect(linesTask(base, input({ lines: everyQuestion, extraLiability: true }))).toMatchObject({
      status: 'incomplete',
      hint: 'Not yet covered: I can’t pay: time to pay',
    })
    const timeToPay = line({ audience: 'debt-management', standardQuestion: 'time-to-pay' })
    expect(linesTask(base, input({ lines: [...everyQuestion, timeToPay], extraLiability: true })).status).toBe('completed')
  })
})

describe('Write scripts', () => {
  it('is required when a response is sought: incomplete until there is an inbound script', () => {
    const sought = { responseSought: 'sought' as const }
    expect(scriptsTask(base, input(sought))).toMatchObject({ status: 'incomplete', href: `${base}/scripts` })
    expect(scriptsTask(base, input({ ...sought, scripts: [{ callType: 'third-party', errors: 0 }] })).status).toBe('incomplete')
    expect(scriptsTask(base, input({ ...sought, scripts: [{ callType: 'inbound', errors: 0 }] })).status).toBe('completed')
  })

  it('shows a problem when any script has an error, whether or not scripts are required', () => {
    for (const responseSought of ['sought', 'none'] as const) {
      const task = scriptsTask(base, input({ responseSought, scripts: [{ callType: 'inbound', errors: 0 }, { callType: 'third-party', errors: 2 }] }))
      expect(task).toMatchObject({ status: 'problem', hint: '1 script has errors to fix: message left with a third party' })
    }
  })

  it('is optional when no particular response is sought: not needed, but still open, unless scripts exist', () => {
    for (const responseSought of ['none', 'possible'] as const) {
      expect(scriptsTask(base, input({ responseSought }))).toMatchObject({ status: 'not-needed', href: `${base}/scripts` })
      expect(scriptsTask(base, input({ responseSought, scripts: [{ callType: 'outbound', errors: 0 }] })).status).toBe('completed')
    }
  })
})

describe('Plan Debt Management treatment', () => {
  it('is not needed without extra liability', () => {
    expect(debtManagementTask(base, input())).toEqual({ id: 'debt-management', title: 'Plan Debt Management treatment', href: null, status: 'not-needed' })
  })

  it('is incomplete until there is a treatment and a Debt Management line', () => {
    const liable = { extraLiability: true }
    expect(debtManagementTask(base, input(liable))).toMatchObject({
      status: 'incomplete',
      href: `${base}/debt-management`,
      hint: 'To do: record the special treatment and add a Debt Management line',
    })
    expect(debtManagementTask(base, input({ ...liable, hasDebtTreatment: true })).hint).toBe('To do: add a Debt Management line')
    const dmLine = line({ audience: 'debt-management' })
    expect(debtManagementTask(base, input({ ...liable, lines: [dmLine] })).hint).toBe('To do: record the special treatment')
    expect(debtManagementTask(base, input({ ...liable, hasDebtTreatment: true, lines: [dmLine] })).status).toBe('completed')
  })
})

describe('Prepare press lines', () => {
  it('is not needed when the Press Office need not be informed', () => {
    expect(pressTask(base, input({ pressInform: false }))).toMatchObject({ status: 'not-needed', href: null })
  })

  it('is incomplete until there is a press line and the launch date told is confirmed', () => {
    const pressLine = line({ audience: 'press' })
    expect(pressTask(base, input()).hint).toBe('To do: add a press line and confirm the launch date told to the Press Office')
    expect(pressTask(base, input({ lines: [pressLine] })).status).toBe('incomplete')
    expect(pressTask(base, input({ pressLaunchDateTold: '2027-06-01' })).hint).toBe('To do: add a press line')
    expect(pressTask(base, input({ lines: [pressLine], pressLaunchDateTold: '2027-06-01' }))).toMatchObject({ status: 'completed', href: `${base}/press` })
  })

  it('is incomplete again when the planned launch date moves away from the date the Press Office was told', () => {
    const task = pressTask(base, input({ lines: [line({ audience: 'press' })], pressLaunchDateTold: '2027-05-01' }))
    expect(task).toMatchObject({ status: 'incomplete', hint: 'To do: tell the Press Office the new launch date' })
  })
})

describe('the campaign task list', () => {
  it('places the four tasks after the forecast, in the order of the campaign page’s task list', () => {
    const tasks = campaignTasks({ ref: 'OTM-2027-001', status: 'draft', plannedLaunchDate: '2027-06-01', today: '2027-01-01', handling: input() })
    expect(tasks.map((t) => t.id)).toEqual(['describe', 'messages', 'forecast', 'lines', 'scripts', 'debt-management', 'press', 'sign-off', 'launch'])
    expect(tasks.slice(3, 7)).toEqual(handlingTasks(base, input()))
  })

  it('cannot start those tasks without their data', () => {
    const tasks = campaignTasks({ ref: 'OTM-2027-001', status: 'draft', plannedLaunchDate: '2027-06-01', today: '2027-01-01' })
    expect(tasks.slice(3, 7).map((t) => t.status)).toEqual(['cannot-start', 'cannot-start', 'cannot-start', 'cannot-start'])
  })
})
