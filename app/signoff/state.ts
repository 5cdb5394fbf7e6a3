// A group's sign-off state, derived from its latest decision, the current hash of its scope and who the authors are.
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
  /** The id of the member who decided. */
  decidedBy: string
}

/** A group's position on a campaign: what its state and whether it may decide are derived from. */
export interface GroupPosition {
  asked: boolean
  latest: LatestDecision | null
  currentHash: string
  /** The campaign's owner and co-owners now. An approval given by one of them no longer counts. */
  authorIds: readonly string[]
}

/**
 * Whether the latest decision is an approval that counts now: of the content as it is, by someone who is not an
 * owner or co-owner of the campaign today (separation of duties holds after the fact, not only when deciding).
 */
export function approvalStands(position: GroupPosition): boolean {
  const { latest } = position
  return !!latest && latest.decision === 'approved' && latest.scopeHash === position.currentHash && !position.authorIds.includes(latest.decidedBy)
}

/** An approval that no longer counts because the approver has since become an owner or co-owner. */
export function approvedByAuthor(position: GroupPosition): boolean {
  const { latest } = position
  return !!latest && latest.decision === 'approved' && position.authorIds.includes(latest.decidedBy)
}

/**
 * Only the latest decision counts. An approval is current while its hash is the scope's hash now and its approver is
 * not an author; "changes requested" holds, whatever happens to the content, until the group approves a later version.
 */
export function groupState(position: GroupPosition): GroupState {
  const { latest } = position
  if (!latest) return position.asked ? 'awaiting' : 'not-asked'
  if (latest.decision === 'changes-requested') return 'changes-requested'
  return approvalStands(position) ? 'approved' : 'out-of-date'
}

/** The status of a campaign that has been asked for sign-off: approved when every required group's approval is current. */
export function statusFromStates(required: readonly SignOffGroup[], states: Partial<Record<SignOffGroup, GroupState>>): 'approved' | 'awaiting-sign-off' {
  return required.every((group) => states[group] === 'approved') ? 'approved' : 'awaiting-sign-off'
}

export type VersionRefusal = 'not-asked' | 'already-approved' | 'changes-requested-on-this-version'

/**
 * Whether the group can decide on the content as it is now. It cannot before sign-off is asked for, nor twice on the
 * same version: an approval of this version stands, and changes requested on it wait for the content to change. An
 * approval by someone who has since become an author does not stand, so another member may approve the same version.
 */
export function versionRefusal(position: GroupPosition): VersionRefusal | null {
  if (!position.asked) return 'not-asked'
  const { latest } = position
  if (latest && latest.scopeHash === position.currentHash) {
    if (latest.decision === 'changes-requested') return 'changes-requested-on-this-version'
    if (approvalStands(position)) return 'already-approved'
  }
  return null
}

/** Whether a group has something to decide now: what its members' inbox lists. */
export function awaitsGroup(position: GroupPosition): boolean {
  return versionRefusal(position) === null
}
