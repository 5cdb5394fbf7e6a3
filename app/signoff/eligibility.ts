// Whether a person may decide for a group now, and why not: one ordered list of reasons and one way of saying each,
// shared by the decision page (what it offers) and the model (what it refuses). Pure.
import type { CampaignStatus } from '../campaign/options'
import { groupName, groupNameFirst, type SignOffGroup } from './groups'
import { versionRefusal, type GroupPosition } from './state'

/** In the order they are checked: the first that applies is the one given. */
export const DECISION_REFUSALS = ['not-a-member', 'own-campaign', 'locked', 'not-required', 'not-asked', 'already-approved', 'changes-requested-on-this-version'] as const
export type DecisionRefusal = (typeof DECISION_REFUSALS)[number]

export interface DecisionContext extends GroupPosition {
  group: SignOffGroup
  status: CampaignStatus
  /** The person holds the group's role. */
  member: boolean
  /** The person owns or co-owns the campaign. */
  author: boolean
  /** The group must sign this campaign off. */
  required: boolean
}

export function decisionRefusal(context: DecisionContext): DecisionRefusal | null {
  if (!context.member) return 'not-a-member'
  if (context.author) return 'own-campaign'
  if (context.status === 'launched' || context.status === 'closed') return 'locked'
  if (!context.required) return 'not-required'
  return versionRefusal(context)
}

/** Who decided last, for the refusals that name them. */
export interface LatestDecider {
  name: string
  at: string
}

export const DECISION_REFUSAL_WORDS: Record<DecisionRefusal, (context: { group: SignOffGroup; status: CampaignStatus; latest?: LatestDecider; formatDateTime: (iso: string) => string }) => string> = {
  'not-a-member': ({ group }) => `Only members of ${groupName(group)} can sign off for ${groupName(group)}.`,
  'own-campaign': () => 'You own or co-own this campaign, so you cannot sign it off. Another member of your group must decide.',
  locked: ({ status }) => `The campaign is ${status}, so there is nothing to decide.`,
  'not-required': ({ group }) => `${groupNameFirst(group)} does not need to sign off this campaign.`,
  'not-asked': () => 'Sign-off has not been asked for yet, so there is nothing to decide.',
  'already-approved': ({ group, latest, formatDateTime }) =>
    latest
      ? `${latest.name} approved this version for ${groupName(group)} on ${formatDateTime(latest.at)}. There is nothing more to decide unless it changes.`
      : 'Your group has approved this version. There is nothing more to decide unless it changes.',
  'changes-requested-on-this-version': ({ group }) =>
    `${groupNameFirst(group)} has asked for changes to this version. You can decide again once the campaign has changed.`,
}
