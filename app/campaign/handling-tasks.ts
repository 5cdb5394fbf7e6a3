// Tasks 4 to 7 of the campaign page: lines to take, scripts, Debt Management and press lines.
// Pure, like the rest of the task list, so each rule is tested without a server.
import { CALL_TYPE_LABELS, uncoveredQuestions, type CallType, type CoverageLine } from '../content'
import type { Task } from './task'

export interface HandlingTaskInput {
  responseSought: 'none' | 'possible' | 'sought'
  extraLiability: boolean
  pressInform: boolean
  plannedLaunchDate: string
  lines: readonly CoverageLine[]
  /** Every script the campaign has, with how many error findings its checks give. */
  scripts: readonly { callType: CallType; errors: number }[]
  /** A special treatment has been recorded on the Debt Management task. */
  hasDebtTreatment: boolean
  /** The launch date the Press Office has been told, or null before it is confirmed. */
  pressLaunchDateTold: string | null
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** A required script exists for a response that is sought (CH600440: "you may need to provide a script"). */
export function scriptsRequired(responseSought: HandlingTaskInput['responseSought']): boolean {
  return responseSought === 'sought'
}

export function linesTask(base: string, input: HandlingTaskInput): Task {
  const uncovered = uncoveredQuestions(input.lines, { extraLiability: input.extraLiability })
  return {
    id: 'lines',
    title: 'Write lines to take',
    href: `${base}/lines`,
    status: uncovered.length ? 'incomplete' : 'completed',
    hint: uncovered.length ? `Not yet covered: ${uncovered.map((q) => q.label).join('; ')}` : undefined,
  }
}

export function scriptsTask(base: string, input: HandlingTaskInput): Task {
  const task = { id: 'scripts', title: 'Write scripts', href: `${base}/scripts` }
  const withErrors = input.scripts.filter((s) => s.errors > 0)
  if (withErrors.length) {
    const names = withErrors.map((s) => CALL_TYPE_LABELS[s.callType].toLowerCase()).join(', ')
    return { ...task, status: 'problem', hint: `${count(withErrors.length, 'script has', 'scripts have')} errors to fix: ${names}` }
  }
  if (!scriptsRequired(input.responseSought)) {
    return input.scripts.length
      ? { ...task, status: 'completed' }
      : { ...task, status: 'not-needed', hint: 'Optional: no particular response is sought' }
  }
  if (!input.scripts.some((s) => s.callType === 'inbound')) {
    return { ...task, status: 'incomplete', hint: 'A response is sought, so write at least the inbound call script' }
  }
  return { ...task, status: 'completed' }
}

export function debtManagementTask(base: string, input: HandlingTaskInput): Task {
  const task = { id: 'debt-management', title: 'Plan Debt Management treatment' }
  if (!input.extraLiability) return { ...task, href: null, status: 'not-needed' }
  const missing = [
    !input.hasDebtTreatment && 'record the special treatment',
    !input.lines.some((l) => l.audience === 'debt-management') && 'add a Debt Management line',
  ].filter((m): m is string => Boolean(m))
  return {
    ...task,
    href: `${base}/debt-management`,
    status: missing.length ? 'incomplete' : 'completed',
    hint: missing.length ? `To do: ${missing.join(' and ')}` : undefined,
  }
}

export function pressTask(base: string, input: HandlingTaskInput): Task {
  const task = { id: 'press', title: 'Prepare press lines' }
  if (!input.pressInform) return { ...task, href: null, status: 'not-needed' }
  const told = input.pressLaunchDateTold
  const missing = [
    !input.lines.some((l) => l.audience === 'press') && 'add a press line',
    told === null && 'confirm the launch date told to the Press Office',
    told !== null && told !== input.plannedLaunchDate && 'tell the Press Office the new launch date',
  ].filter((m): m is string => Boolean(m))
  return {
    ...task,
    href: `${base}/press`,
    status: missing.length ? 'incomplete' : 'completed',
    hint: missing.length ? `To do: ${missing.join(' and ')}` : undefined,
  }
}

/** The four tasks in page order. */
export function handlingTasks(base: string, input: HandlingTaskInput): Task[] {
  return [linesTask(base, input), scriptsTask(base, input), debtManagementTask(base, input), pressTask(base, input)]
}
