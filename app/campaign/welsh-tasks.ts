// The Welsh tasks of the campaign page, shown once the campaign has Welsh-preference customers (or Welsh content).
// Pure, like the rest of the task list.
import { CALL_TYPE_LABELS, type CallType } from '../content/script-rules'
import type { UncoveredQuestion } from '../content/coverage'
import { formatNumber } from './options'
import type { Task } from './task'

export type WelshItemState = 'missing' | 'current' | 'out-of-date'

export interface WelshTaskInput {
  /** Customers who asked HMRC to write to them in Welsh. */
  welshCustomers: number
  /** Every message, with its Welsh version's state and how many error findings the Welsh version has. */
  messages: readonly { name: string; state: WelshItemState; errors: number }[]
  /** The standard questions no Welsh line answers yet, and the Welsh lines out of date or with errors. */
  lines: { uncovered: readonly UncoveredQuestion[]; outOfDate: number; errors: number }
  /** Every script, with its Welsh version's state. */
  scripts: readonly { callType: CallType; state: WelshItemState; errors: number }[]
  /** Scripts are required (a response is sought). */
  scriptsRequired: boolean
  /** A helpline is marked as the Welsh-language line. */
  welshHelpline: string | null
  /** The forecast inputs have been saved. */
  forecastSaved: boolean
  /** There is any Welsh version at all. */
  anyWelsh: boolean
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`

/** Whether the campaign page shows the Welsh tasks. */
export function welshTasksApply(input: Pick<WelshTaskInput, 'welshCustomers' | 'anyWelsh'>): boolean {
  return input.welshCustomers > 0 || input.anyWelsh
}

export function welshMessagesTask(base: string, input: WelshTaskInput): Task {
  const task = { id: 'welsh-messages', title: 'Translate the messages into Welsh', href: `${base}/welsh#messages` }
  if (input.messages.length === 0) return { ...task, href: null, status: 'cannot-start', hint: 'Write the messages first' }
  const stale = input.messages.filter((m) => m.state === 'out-of-date')
  const failing = input.messages.filter((m) => m.state !== 'missing' && m.errors > 0)
  if (stale.length || failing.length) {
    const names = stale.map((m) => `“${m.name}”`).join(', ')
    const hints = [
      ...(stale.length ? [`The Welsh ${stale.length === 1 ? 'version of' : 'versions of'} ${names} ${stale.length === 1 ? 'is' : 'are'} out of date against the English`] : []),
      ...(failing.length ? [`${plural(failing.length, 'Welsh version fails', 'Welsh versions fail')} the checks`] : []),
    ]
    return { ...task, status: 'problem', hint: hints.join('; ') }
  }
  const missing = input.messages.filter((m) => m.state === 'missing')
  if (missing.length) {
    return { ...task, status: 'incomplete', hint: `${plural(missing.length, 'message has', 'messages have')} no Welsh version yet, of ${formatNumber(input.messages.length)}` }
  }
  return { ...task, status: 'completed', hint: `Every message has a current Welsh version, for ${plural(input.welshCustomers, 'customer', 'customers')} who asked for Welsh` }
}

export function welshForecastTask(base: string, input: WelshTaskInput): Task {
  const task = { id: 'welsh-helpline', title: 'Forecast calls to the Welsh helpline', href: `${base}/forecast` }
  if (input.welshCustomers <= 0) return { ...task, href: null, status: 'not-needed', hint: 'No customer has asked for Welsh' }
  if (!input.welshHelpline) {
    return { ...task, status: 'problem', hint: 'No helpline is marked as the Welsh-language line: ask a helpline manager to mark one, so the Welsh calls are forecast' }
  }
  if (!input.forecastSaved) return { ...task, status: 'incomplete', hint: `Save the forecast: the Welsh-preference customers’ calls then go to ${input.welshHelpline}` }
  return { ...task, status: 'completed', hint: `The Welsh-preference customers’ calls go to ${input.welshHelpline}` }
}

export function welshLinesTask(base: string, input: WelshTaskInput): Task {
  const task = { id: 'welsh-lines', title: 'Write Welsh lines to take', href: `${base}/welsh#lines` }
  if (input.lines.outOfDate || input.lines.errors) {
    const hints = [
      ...(input.lines.outOfDate ? [`${plural(input.lines.outOfDate, 'Welsh line is', 'Welsh lines are')} out of date against the English`] : []),
      ...(input.lines.errors ? [`${plural(input.lines.errors, 'Welsh line fails', 'Welsh lines fail')} the checks`] : []),
    ]
    return { ...task, status: 'problem', hint: hints.join('; ') }
  }
  if (input.lines.uncovered.length) return { ...task, status: 'incomplete', hint: `Not yet covered in Welsh: ${input.lines.uncovered.map((q) => q.label).join('; ')}` }
  return { ...task, status: 'completed' }
}

export function welshScriptsTask(base: string, input: WelshTaskInput): Task {
  const task = { id: 'welsh-scripts', title: 'Translate the scripts into Welsh', href: `${base}/welsh#scripts` }
  if (input.scripts.length === 0) {
    return input.scriptsRequired
      ? { ...task, href: null, status: 'cannot-start', hint: 'Write the scripts first' }
      : { ...task, href: null, status: 'not-needed', hint: 'There are no scripts to translate' }
  }
  const name = (s: { callType: CallType }) => CALL_TYPE_LABELS[s.callType].toLowerCase()
  const stale = input.scripts.filter((s) => s.state === 'out-of-date')
  const failing = input.scripts.filter((s) => s.state !== 'missing' && s.errors > 0)
  if (stale.length || failing.length) {
    const hints = [
      ...(stale.length ? [`out of date against the English: ${stale.map(name).join(', ')}`] : []),
      ...(failing.length ? [`errors to fix: ${failing.map(name).join(', ')}`] : []),
    ]
    return { ...task, status: 'problem', hint: `Welsh scripts ${hints.join('; ')}` }
  }
  const missing = input.scripts.filter((s) => s.state === 'missing')
  if (missing.length) return { ...task, status: 'incomplete', hint: `No Welsh version yet: ${missing.map(name).join(', ')}` }
  return { ...task, status: 'completed' }
}
