// Tasks 8 and 9 of the campaign page: get sign-off, then launch. Pure, like the rest of the task list.
import { GROUP_LABELS, groupNames, type SignOffGroup } from '../signoff/groups'
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
    return { ...task, status: 'incomplete', hint: `Not yet asked: ${groupNames(Object.keys(input.states) as SignOffGroup[])} must sign it off` }
  }
  if (states.includes('changes-requested')) return { ...task, status: 'problem', hint: statesHint(input.states) }
  if (states.length > 0 && states.every((s) => s === 'approved')) return { ...task, status: 'completed', hint: statesHint(input.states) }
  // Asked, and nothing for the owner to do: every group still to approve has the campaign in front of it.
  const waitingFor = (Object.entries(input.states) as [SignOffGroup, GroupState][]).filter(([, state]) => state !== 'approved').map(([group]) => group)
  return { ...task, status: 'waiting', statusText: `Waiting for ${groupNames(waitingFor)}`, hint: statesHint(input.states) }
}

/** How a member of a group that must sign the campaign off stands, for the top of the campaign page. */
export interface YourSignOff {
  group: SignOffGroup
  href: string
  /** "awaiting your decision", "approved"… */
  text: string
  /** Something for them to do now. */
  actionNeeded: boolean
}

const YOUR_STATE: Record<GroupState, { text: string; actionNeeded: boolean }> = {
  'not-asked': { text: 'not asked for yet', actionNeeded: false },
  awaiting: { text: 'awaiting your decision', actionNeeded: true },
  'out-of-date': { text: 'your group’s approval is out of date, so it needs your decision again', actionNeeded: true },
  'changes-requested': { text: 'your group asked for changes', actionNeeded: false },
  approved: { text: 'approved', actionNeeded: false },
}

/** The sign-off of each required group the user belongs to, unless they own or co-own the campaign (they cannot sign it off). */
export function yourSignOff(base: string, userGroups: readonly SignOffGroup[], states: SignOffTaskInput['states'], isAuthor: boolean): YourSignOff[] {
  if (isAuthor) return []
  return userGroups.flatMap((group) => {
    const state = states[group]
    return state ? [{ group, href: `${base}/sign-off/${group}`, ...YOUR_STATE[state] }] : []
  })
}

export function launchTask(base: string, status: string): Task {
  const task = { id: 'launch', title: 'Launch', href: `${base}/launch` }
  if (status === 'launched' || status === 'closed') return { ...task, status: 'completed' }
  if (status === 'approved') return { ...task, status: 'incomplete', hint: 'Every group has approved: ready to launch' }
  return { ...task, href: null, status: 'cannot-start', hint: 'Every group must approve the current version first' }
}
