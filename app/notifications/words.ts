// What each notification says: a title (the email's subject) and a few sentences naming the campaign and what
// happened, and the page where the person acts. Pure. Nothing here is customer data: campaign references and names,
// group and helpline names, people's names and dates. A reviewer's comment is never copied out of the planner.
import { formatDate } from '../campaign/options'
import { GROUP_LABELS, groupName, type SignOffGroup } from '../signoff/groups'
import { describeParts } from '../signoff/scopes'
import { capitalise, listWords } from '../signoff/words'
import type { NotificationKind } from './kinds'

export interface CampaignNamed {
  ref: string
  name: string
}

export interface NotificationWords {
  kind: NotificationKind
  title: string
  body: string
  /** A path inside the service. */
  href: string
}

const named = (c: CampaignNamed) => `${c.ref} (${c.name})`
const by = (actorName: string | null) => actorName ?? 'The planner'

export function signOffRequestedWords(campaign: CampaignNamed, input: { groups: readonly SignOffGroup[]; actorName: string | null }): NotificationWords {
  const [first] = input.groups
  return {
    kind: 'sign-off-requested',
    title: `Sign-off needed: ${campaign.ref} ${campaign.name}`,
    body: `${by(input.actorName)} asked ${listWords(input.groups.map(groupName))} to sign off ${named(campaign)}. Review what your group signs and record your decision.`,
    href: input.groups.length === 1 && first ? `/campaigns/${campaign.ref}/sign-off/${first}` : '/sign-off',
  }
}

export function changesRequestedWords(campaign: CampaignNamed, input: { group: SignOffGroup; actorName: string | null }): NotificationWords {
  return {
    kind: 'changes-requested',
    title: `Changes asked for: ${campaign.ref} ${campaign.name}`,
    body: `${capitalise(groupName(input.group))} asked for changes to ${named(campaign)}${input.actorName ? ` (${input.actorName})` : ''}. Read their comment in the planner, change the campaign, and the group can decide again.`,
    href: `/campaigns/${campaign.ref}/sign-off/${input.group}`,
  }
}

export function approvalOutOfDateWords(campaign: CampaignNamed, input: { group: SignOffGroup; changedParts: readonly string[]; approverIsAuthor: boolean }): NotificationWords {
  const reasons = [
    ...(input.changedParts.length ? [`${describeParts(input.changedParts)} changed`] : []),
    ...(input.approverIsAuthor ? ['the person who approved it is now an owner or co-owner of the campaign'] : []),
  ]
  return {
    kind: 'approval-out-of-date',
    title: `Approval out of date: ${campaign.ref} ${campaign.name}`,
    body: `The ${GROUP_LABELS[input.group]} approval of ${named(campaign)} no longer counts: ${reasons.length ? reasons.join(', and ') : 'its content changed'}. The campaign cannot launch until your group approves it again.`,
    href: `/campaigns/${campaign.ref}/sign-off/${input.group}`,
  }
}

export function readyToLaunchWords(campaign: CampaignNamed): NotificationWords {
  return {
    kind: 'ready-to-launch',
    title: `Ready to launch: ${campaign.ref} ${campaign.name}`,
    body: `Every group that must sign off ${named(campaign)} has approved its current version. It is ready to launch.`,
    href: `/campaigns/${campaign.ref}/launch`,
  }
}

export function launchedWords(campaign: CampaignNamed, input: { actorName: string | null }): NotificationWords {
  return {
    kind: 'launched',
    title: `Launched: ${campaign.ref} ${campaign.name}`,
    body: `${by(input.actorName)} launched ${named(campaign)}. Its content is now locked as it was signed off.`,
    href: `/campaigns/${campaign.ref}`,
  }
}

export function overCapacityWords(campaign: CampaignNamed, input: { helplineId: string; helplineName: string; weekStarts: readonly string[] }): NotificationWords {
  const [first, ...rest] = [...input.weekStarts].sort()
  const more = rest.length === 0 ? '' : rest.length === 1 ? ' and 1 later week' : ` and ${rest.length} later weeks`
  return {
    kind: 'over-capacity',
    title: `Over capacity: ${input.helplineName}, week beginning ${formatDate(first)}`,
    body: `After a change to ${named(campaign)}, the forecast for ${input.helplineName} needs more staff than are available in the week beginning ${formatDate(first)}${more}. Check the helpline calendar.`,
    href: `/helplines/${input.helplineId}/calendar?start=${(first ?? '').slice(0, 7)}&months=3`,
  }
}
