// The campaign page's task list (DESIGN §4): pure, so its rules are tested without a server.
import { handlingTasks, type HandlingTaskInput } from './handling-tasks'

export type TaskStatus = 'completed' | 'incomplete' | 'cannot-start' | 'problem' | 'not-needed'

export interface Task {
  id: string
  title: string
  href: string | null
  status: TaskStatus
  hint?: string
}

export interface TaskListInput {
  ref: string
  status: string
  plannedLaunchDate: string
  today: string
  /** Lines to take, scripts, Debt Management and press lines; without it those tasks cannot start. */
  handling?: HandlingTaskInput
}

export const TASK_STATUS_TEXT: Record<TaskStatus, string> = {
  completed: 'Completed',
  incomplete: 'Incomplete',
  'cannot-start': 'Cannot start yet',
  problem: 'There is a problem',
  'not-needed': 'Not needed',
}

export function campaignTasks(input: TaskListInput): Task[] {
  const base = `/campaigns/${input.ref}`
  const launchPassed = input.status !== 'launched' && input.status !== 'closed' && input.plannedLaunchDate < input.today
  const later = (id: string, title: string): Task => ({ id, title, href: null, status: 'cannot-start' })
  return [
    {
      id: 'describe',
      title: 'Describe the campaign',
      href: `${base}/describe`,
      status: launchPassed ? 'problem' : 'completed',
      hint: launchPassed ? 'The planned launch date has passed' : undefined,
    },
    later('messages', 'Write the messages'),
    later('forecast', 'Forecast the calls'),
    ...(input.handling
      ? handlingTasks(base, input.handling)
      : [
          later('lines', 'Write lines to take'),
          later('scripts', 'Write scripts'),
          later('debt-management', 'Plan Debt Management treatment'),
          later('press', 'Prepare press lines'),
        ]),
    later('sign-off', 'Get sign-off'),
    later('launch', 'Launch'),
  ]
}
