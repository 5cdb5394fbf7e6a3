// A group's sign-off state, derived from its latest decision and the current hash of its scope.
import type { SignOffGroup } from './groups'

export type GroupState = 'not-asked' | 'awaiting' | 'approved' | 'changes-requested' | 'out-of-date'
export type Decision = 'approved' | 'changes-requested'

export const GROUP_STATE_LABELS: Record<GroupState, string> = {
  'not-asked': 'Not yet asked',
  awaiting: 'Awaiting decision',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
  'out-of-date': 'Out of date',
}

export const GROUP_STATE_COLOURS: Record<GroupState, 'grey' | 'yellow' | 'green' | 'red' | 'orange'> = {
  'not-asked': 'grey',
  awaiting: 'yellow',
  approved: 'green',
  'changes-requested': 'red',
  'out-of-date': 'orange',
}

export interface LatestDecision {
  decision: Decision
  scopeHash: string
}

/**
 * Only the latest decision counts. An approval is current while its hash is the scope's hash now; "changes
 * requested" holds, whatever happens to the content, until the group approves a later version.
 */
export function groupState(input: { asked: boolean; latest: LatestDecision | null; currentHash: string }): GroupState {
  const { latest } = input
  if (!latest) return input.asked ? 'awaiting' : 'not-asked'
  if (latest.decision === 'changes-requested') return 'changes-requested'
  return latest.scopeHash === input.currentHash ? 'approved' : 'out-of-date'
}

/** The status of a campaign that has been asked for sign-off: approved when every required group's approval is current. */
export function statusFromStates(required: readonly SignOffGroup[], states: Partial<Record<SignOffGroup, GroupState>>): 'approved' | 'awaiting-sign-off' {
  return required.every((group) => states[group] === 'approved') ? 'approved' : 'awaiting-sign-off'
}

export type DecisionRefusal = 'not-asked' | 'already-approved' | 'changes-requested-on-this-version'

/**
 * Whether the group can decide on the content as it is now. It cannot before sign-off is asked for, nor twice on the
 * same version: an approval of this version stands, and changes requested on it wait for the content to change.
 */
export function decisionRefusal(input: { asked: boolean; latest: LatestDecision | null; currentHash: string }): DecisionRefusal | null {
  if (!input.asked) return 'not-asked'
  if (input.latest && input.latest.scopeHash === input.currentHash) {
    return input.latest.decision === 'approved' ? 'already-approved' : 'changes-requested-on-this-version'
  }
  return null
}

/** Whether a group has something to decide now: what its members' inbox lists. */
export function awaitsGroup(input: { asked: boolean; latest: LatestDecision | null; currentHash: string }): boolean {
  return decisionRefusal(input) === null
}
