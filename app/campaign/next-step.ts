// What a designer should do next on a campaign, for the home page. Pure: it reads the task list.
import type { Task } from './task'

export interface NextStep {
  text: string
  href: string | null
  /** A task says "There is a problem". */
  problem: boolean
}

/**
 * A problem comes first, then the first task still to do, in the task list's order. Once everything that can be
 * done is done, the step is what the campaign is waiting for. Launched campaigns record their actual calls;
 * closed ones need nothing.
 */
export function nextStep(tasks: readonly Task[], status: string, ref: string): NextStep | null {
  if (status === 'closed') return null
  if (status === 'launched') return { text: 'Record the actual calls', href: `/campaigns/${ref}/actuals`, problem: false }
  const problem = tasks.find((t) => t.status === 'problem')
  if (problem) return { text: problem.hint ? `${problem.title}: ${problem.hint.charAt(0).toLowerCase()}${problem.hint.slice(1)}` : problem.title, href: problem.href, problem: true }
  const todo = tasks.find((t) => t.status === 'incomplete')
  if (todo) return { text: todo.title, href: todo.href, problem: false }
  if (status === 'awaiting-sign-off') return { text: 'Wait for sign-off', href: `/campaigns/${ref}`, problem: false }
  const waiting = tasks.find((t) => t.status === 'cannot-start')
  if (waiting) return { text: waiting.title, href: waiting.href ?? `/campaigns/${ref}`, problem: false }
  return { text: 'Open the campaign', href: `/campaigns/${ref}`, problem: false }
}
