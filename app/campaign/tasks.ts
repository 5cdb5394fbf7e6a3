// The campaign page's task list: pure, so its rules are tested without a server.
import { handlingTasks, type HandlingTaskInput } from './handling-tasks'
import { launchTask, signOffTask, type SignOffTaskInput } from './signoff-tasks'
import { welshForecastTask, welshLinesTask, welshMessagesTask, welshScriptsTask, welshTasksApply, type WelshTaskInput } from './welsh-tasks'
import { formatNumber } from './options'
import type { Task, TaskStatus } from './task'

export type { Task, TaskStatus } from './task'

/** What "Write the messages" needs to know, counted from the campaign's messages and their findings. */
export interface MessagesTaskInput {
  count: number
  /** Messages with no send wave yet. */
  withoutWaves: number
  /** Messages with at least one data-security error. */
  withErrors: number
  /** Recipients across every wave of every message. */
  recipients: number
}

export interface TaskListInput {
  ref: string
  status: string
  plannedLaunchDate: string
  today: string
  messages?: MessagesTaskInput
  /** Lines to take, scripts, Debt Management and press lines; without it those tasks cannot start. */
  handling?: HandlingTaskInput
  /** The campaign's messages, how many have a saved helpline split, and whether contact rates are saved. */
  forecast?: ForecastProgress
  /** Whether sign-off was asked for and each required group's state; without it tasks 8 and 9 cannot start. */
  signOff?: SignOffTaskInput
  /** The Welsh versions and the Welsh helpline; their tasks show when the campaign has Welsh-preference customers. */
  welsh?: WelshTaskInput
}

export interface ForecastProgress {
  messages: number
  messagesReady: number
  ratesSaved: boolean
}

/** Task 3 needs messages to start, and is done once every message's calls go to a helpline at saved rates. */
export function forecastTask(base: string, progress: ForecastProgress | undefined): Task {
  const title = 'Forecast the calls'
  if (!progress || progress.messages === 0) return { id: 'forecast', title, href: null, status: 'cannot-start', hint: 'Write the messages first' }
  const done = progress.ratesSaved && progress.messagesReady === progress.messages
  return {
    id: 'forecast',
    title,
    href: `${base}/forecast`,
    status: done ? 'completed' : 'incomplete',
    hint: done
      ? undefined
      : !progress.ratesSaved
        ? 'Set the contact rates and the helplines that take the calls, then save'
        : `${progress.messages - progress.messagesReady} of ${progress.messages} message${progress.messages === 1 ? '' : 's'} ${progress.messages - progress.messagesReady === 1 ? 'has' : 'have'} no helpline yet`,
  }
}

export const TASK_STATUS_TEXT: Record<TaskStatus, string> = {
  completed: 'Completed',
  incomplete: 'Incomplete',
  'cannot-start': 'Cannot start yet',
  problem: 'There is a problem',
  'not-needed': 'Not needed',
  waiting: 'Waiting for others',
}

/** "5 of 9 tasks completed": tasks that are not needed for this campaign are not counted. */
export function taskProgress(tasks: readonly Task[]): { completed: number; total: number } {
  const counted = tasks.filter((t) => t.status !== 'not-needed')
  return { completed: counted.filter((t) => t.status === 'completed').length, total: counted.length }
}

export function campaignTasks(input: TaskListInput): Task[] {
  const base = `/campaigns/${input.ref}`
  const launchPassed = input.status !== 'launched' && input.status !== 'closed' && input.plannedLaunchDate < input.today
  const later = (id: string, title: string): Task => ({ id, title, href: null, status: 'cannot-start' })
  const welsh = input.welsh && welshTasksApply(input.welsh) ? input.welsh : null
  const handling = input.handling
    ? handlingTasks(base, input.handling)
    : [
        later('lines', 'Write lines to take'),
        later('scripts', 'Write scripts'),
        later('debt-management', 'Plan Debt Management treatment'),
        later('press', 'Prepare press lines'),
      ]
  // Each Welsh task follows the English task it translates.
  const withWelsh = (task: Task): Task[] => {
    if (!welsh) return [task]
    if (task.id === 'messages') return [task, welshMessagesTask(base, welsh)]
    if (task.id === 'forecast') return [task, welshForecastTask(base, welsh)]
    if (task.id === 'lines') return [task, welshLinesTask(base, welsh)]
    if (task.id === 'scripts') return [task, welshScriptsTask(base, welsh)]
    return [task]
  }
  return [
    {
      id: 'describe',
      title: 'Describe the campaign',
      href: `${base}/describe`,
      status: launchPassed ? 'problem' : 'completed',
      hint: launchPassed ? 'The planned launch date has passed' : undefined,
    },
    ...withWelsh(messagesTask(base, input.messages)),
    ...withWelsh(forecastTask(base, input.forecast)),
    ...handling.flatMap(withWelsh),
    ...(input.signOff ? [signOffTask(base, input.status, input.signOff), launchTask(base, input.status)] : [later('sign-off', 'Get sign-off'), later('launch', 'Launch')]),
  ]
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`

/** A letter must pass its data-security checks: any error finding is "There is a problem". */
function messagesTask(base: string, messages: MessagesTaskInput = { count: 0, withoutWaves: 0, withErrors: 0, recipients: 0 }): Task {
  const task = { id: 'messages', title: 'Write the messages', href: `${base}/messages` }
  if (messages.withErrors > 0) {
    return { ...task, status: 'problem', hint: `${plural(messages.withErrors, 'message fails', 'messages fail')} the data-security checks` }
  }
  if (messages.count === 0) return { ...task, status: 'incomplete' }
  if (messages.withoutWaves > 0) {
    return { ...task, status: 'incomplete', hint: `${plural(messages.withoutWaves, 'message has', 'messages have')} no send waves` }
  }
  return { ...task, status: 'completed', hint: `${plural(messages.count, 'message', 'messages')} to ${plural(messages.recipients, 'recipient', 'recipients')}` }
}
