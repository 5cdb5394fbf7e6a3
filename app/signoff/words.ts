// The sentences sign-off writes into the audit trail and onto its pages. Pure.
import { GROUP_LABELS, groupName, groupNameFirst, groupNames, type SignOffGroup } from './groups'
import { describeParts } from './scopes'
import type { GroupState } from './state'

/** "A", "A and B", "A, B and C" */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Why a group is not approved, in a few words: "approval out of date". */
export function stateWords(state: GroupState): string {
  return state === 'out-of-date' ? 'approval out of date' : state === 'changes-requested' ? 'changes requested' : state === 'awaiting' ? 'no decision yet' : state === 'approved' ? 'approved' : 'not asked'
}

/** Why an approval no longer counts: what changed since, and whether the approver has since become an author. */
export function outOfDateReason(input: { changedParts: readonly string[]; approverName: string; approverIsAuthor: boolean }): string {
  const reasons: string[] = []
  if (input.changedParts.length) reasons.push(`${describeParts(input.changedParts)} changed`)
  if (input.approverIsAuthor) reasons.push(`${input.approverName} approved it and is now an owner or co-owner of the campaign`)
  return reasons.length ? reasons.join('; ') : 'its content changed'
}

export function requestedSummary(groups: readonly SignOffGroup[]): string {
  return `Asked for sign-off from ${groupNames(groups)}`
}

export function decisionSummary(input: { group: SignOffGroup; decision: 'approved' | 'changes-requested'; scopeHash: string; comment: string | null }): string {
  return input.decision === 'approved'
    ? `${groupNameFirst(input.group)} approved the current version (scope ${input.scopeHash.slice(0, 12)}…)`
    : `${capitalise(groupName(input.group))} asked for changes: “${input.comment}”`
}

export function statusSummary(status: 'approved' | 'awaiting-sign-off', waiting: readonly { group: SignOffGroup; state: GroupState }[]): string {
  return status === 'approved'
    ? 'The campaign is approved: every group that must sign it off has approved the current version'
    : `The campaign is awaiting sign-off again: ${waiting.map((w) => `${GROUP_LABELS[w.group]} (${stateWords(w.state)})`).join(', ')}`
}
