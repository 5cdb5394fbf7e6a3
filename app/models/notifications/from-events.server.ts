// Notifications follow from the audit events a write records, in that write's transaction: the sign-off request, a
// decision, an approval going out of date, every approval in, and launch. The content-write gateway and the sign-off
// resync pass their events here; nothing else needs to remember to notify.
import { isSignOffGroup, type SignOffGroup } from '../../signoff/groups'
import type { AuditInput } from '../../utils/audit.server'
import type { Tx } from '../../utils/db.server'
import {
  approvalOutOfDateWords,
  changesRequestedWords,
  launchedWords,
  readyToLaunchWords,
  signOffRequestedWords,
  type CampaignNamed,
} from '../../notifications/words'
import { notify } from './notify.server'
import { campaignAuthors, groupMembers, helplineManagers, helplinesReceivingCalls } from './recipients.server'

export interface NotifyingActor {
  id: string
  name: string
}

/** The audit events a write records that somebody must be told of. */
const KINDS_OF_EVENT = new Set(['sign-off.requested', 'sign-off.changes-requested', 'sign-off.out-of-date', 'campaign.status-changed', 'campaign.launched'])

/** What of an audit event decides who is told and what they are told. */
export type TellingEvent = Pick<AuditInput, 'action' | 'after'>

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {})
const groupsIn = (value: unknown): SignOffGroup[] => (Array.isArray(value) ? value.filter(isSignOffGroup) : [])

/** Tells the right people of each event worth telling of; returns how many notifications it wrote. */
export async function notifyFromAuditEvents(tx: Tx, campaignId: string, actor: NotifyingActor | null, events: readonly TellingEvent[]): Promise<number> {
  const worthTelling = events.filter((e) => KINDS_OF_EVENT.has(e.action))
  if (worthTelling.length === 0) return 0
  const campaign = await tx.selectFrom('campaign').select(['ref', 'name']).where('id', '=', campaignId).executeTakeFirst()
  if (!campaign) return 0
  const named: CampaignNamed = { ref: campaign.ref, name: campaign.name }
  const authors = await campaignAuthors(tx, campaignId)
  // Nobody is told of what they did themselves, and authors are not asked to decide: they may not sign their own.
  const others = (ids: readonly string[]) => ids.filter((id) => id !== actor?.id)
  const deciders = (ids: readonly string[]) => others(ids).filter((id) => !authors.includes(id))
  const actorName = actor?.name ?? null
  let told = 0
  const target = { campaignId }

  for (const event of worthTelling) {
    const after = record(event.after)
    switch (event.action) {
      case 'sign-off.requested': {
        const groups = groupsIn(after.groups)
        const byPerson = new Map<string, SignOffGroup[]>()
        for (const group of groups) {
          for (const id of deciders(await groupMembers(tx, group))) byPerson.set(id, [...(byPerson.get(id) ?? []), group])
        }
        // One notification each, naming the person's own groups (a person may belong to more than one).
        const byGroups = new Map<string, string[]>()
        for (const [id, theirs] of byPerson) byGroups.set(theirs.join(','), [...(byGroups.get(theirs.join(',')) ?? []), id])
        for (const [key, ids] of byGroups) {
          told += await notify(tx, signOffRequestedWords(named, { groups: key.split(',') as SignOffGroup[], actorName }), { ...target, userIds: ids })
        }
        break
      }
      case 'sign-off.changes-requested': {
        const group = after.group
        if (!isSignOffGroup(group)) break
        told += await notify(tx, changesRequestedWords(named, { group, actorName }), { ...target, userIds: others(authors) })
        break
      }
      case 'sign-off.out-of-date': {
        const group = after.group
        if (!isSignOffGroup(group)) break
        const changed = Array.isArray(after.changed) ? after.changed.filter((p): p is string => typeof p === 'string') : []
        const words = approvalOutOfDateWords(named, { group, changedParts: changed, approverIsAuthor: after.approverIsAuthor === true })
        told += await notify(tx, words, { ...target, userIds: deciders(await groupMembers(tx, group)) })
        break
      }
      case 'campaign.status-changed': {
        if (after.status !== 'approved') break
        told += await notify(tx, readyToLaunchWords(named), { ...target, userIds: others(authors) })
        break
      }
      case 'campaign.launched': {
        const signed = Object.keys(record(after.approvedScopes)).filter(isSignOffGroup)
        const members = (await Promise.all(signed.map((group) => groupMembers(tx, group)))).flat()
        const managers = await helplineManagers(tx, await helplinesReceivingCalls(tx, campaignId))
        told += await notify(tx, launchedWords(named, { actorName }), { ...target, userIds: others([...authors, ...members, ...managers]) })
        break
      }
    }
  }
  return told
}
