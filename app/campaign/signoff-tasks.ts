// Tasks 8 and 9 of the campaign page: get sign-off, then launch. Pure, like the rest of the task list.
import { GROUP_LABELS, type SignOffGroup } from '../signoff/groups'
import { GROUP_STATE_LABELS, type GroupState } from '../signoff/state'
import type { Task } from './task'

export interface SignOffTaskInput {
  /** Sign-off has been asked for. */
  asked: boolean
  /** Each required group's state, in the order groups are listed. */
  states: Partial<Record<SignOffGroup, GroupState>>
  /** The campaign's messages, and how many have data-security errors. */
  messageCount: number
  messagesWithErrors: number
  /** Scripts with data-security errors. */
  scriptsWithErrors: number
}

function statesHint(states: SignOffTaskInput['states']): string {
  return (Object.entries(states) as [SignOffGroup, GroupState][]).map(([group, state]) => `${GROUP_LABELS[group]}: ${GROUP_STATE_LABELS[state].toLowerCase()}`).join('; ')
}

/**
 * "Get sign-off" can be asked for once there is a message and no data-security check reports an error (the same rule
 * the server applies); other unfinished tasks are the approvers' to judge. Once asked, it shows each group's state.
 */
export function signOffTask(base: string, status: string, input: SignOffTaskInput): Task {
  const task = { id: 'sign-off', title: 'Get sign-off', href: `${base}/sign-off` }
  if (status === 'launched' || status === 'closed') return { ...task, status: 'completed', hint: statesHint(input.states) || undefined }
  const states = Object.values(input.states)
  if (!input.asked) {
    if (input.messageCount === 0) return { ...task, href: null, status: 'cannot-start', hint: 'Write the messages first' }
    const errors = input.messagesWithErrors + input.scriptsWithErrors
    if (errors > 0) return { ...task, href: null, status: 'cannot-start', hint: 'Fix the data-security errors in the messages and scripts first' }
    const groups = (Object.keys(input.states) as SignOffGroup[]).map((g) => GROUP_LABELS[g])
    const names = groups.length <= 1 ? groups.join('') : `${groups.slice(0, -1).join(', ')} and ${groups[groups.length - 1]}`
    return { ...task, status: 'incomplete', hint: `Not yet asked: ${names} must sign it off` }
  }
  if (states.includes('changes-requested')) return { ...task, status: 'problem', hint: statesHint(input.states) }
  if (states.length > 0 && states.every((s) => s === 'approved')) return { ...task, status: 'completed', hint: statesHint(input.states) }
  return { ...task, status: 'incomplete', hint: statesHint(input.states) }
}

export function launchTask(base: string, status: string): Task {
  const task = { id: 'launch', title: 'Launch', href: `${base}/launch` }
  if (status === 'launched' || status === 'closed') return { ...task, status: 'completed' }
  if (status === 'approved') return { ...task, status: 'incomplete', hint: 'Every group has approved: ready to launch' }
  return { ...task, href: null, status: 'cannot-start', hint: 'Every group must approve the current version first' }
}
