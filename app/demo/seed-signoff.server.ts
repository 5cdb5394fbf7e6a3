// The demo's sign-off: each campaign beyond draft is asked for sign-off by its owner, decided on by the demo group
// members (never its authors) and, for the launched one, launched, all through the app's own model functions, so
// the hashes, snapshots and audit trail are real.
import type { CampaignStatus } from '../campaign/options'
import { getCampaignByRef } from '../models/campaign.server'
import { launchCampaign } from '../models/launch.server'
import { decideSignOff, requestSignOff } from '../models/signoff/commands.server'
import { loadSignOffAggregate, scopesOf } from '../models/signoff/aggregate.server'
import { GROUP_ROLE, type SignOffGroup } from '../signoff/groups'
import { requiredGroupsFor } from '../signoff/scopes'
import type { Db } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'

export interface DemoSignOff {
  ref: string
  owner: SessionUser
  target: CampaignStatus
}

const DEMO_MEMBER: Record<SignOffGroup, string> = {
  'customer-services': 'customer-services@example.gov.uk',
  'debt-management': 'debt-management@example.gov.uk',
  'press-office': 'press-office@example.gov.uk',
  'welsh-language-services': 'welsh-language-services@example.gov.uk',
}

async function approve(db: Db, campaignId: string, group: SignOffGroup, member: SessionUser) {
  const reviewedHash = scopesOf((await loadSignOffAggregate(db, campaignId))!)[group].hash
  const result = await decideSignOff(db, { campaignId, group, reviewedHash, decision: 'approved', comment: null }, member)
  if (!result.ok) throw new Error(`The demo ${group} approval was refused: ${result.reason}`)
}

/**
 * Awaiting sign-off: asked, with Customer Services' approval in and the others still to decide. Approved: every
 * required group approved the current version. Launched: approved, then launched, so it has its launch snapshot.
 */
export async function seedDemoSignOffs(db: Db, campaigns: DemoSignOff[], users: Map<string, SessionUser>): Promise<void> {
  for (const demo of campaigns) {
    const campaign = await getCampaignByRef(db, demo.ref)
    if (!campaign) throw new Error(`The demo campaign ${demo.ref} was not created`)
    const asked = await requestSignOff(db, { campaignId: campaign.id }, demo.owner)
    if (!asked.ok) throw new Error(`The demo campaign ${demo.ref} could not be put forward for sign-off: ${asked.reason}`)
    const groups = demo.target === 'awaiting-sign-off' ? (['customer-services'] as SignOffGroup[]) : requiredGroupsFor((await loadSignOffAggregate(db, campaign.id))!)
    for (const group of groups) {
      const member = users.get(DEMO_MEMBER[group])!
      if (!member.roles.includes(GROUP_ROLE[group])) throw new Error(`${member.email} is not in ${group}`)
      await approve(db, campaign.id, group, member)
    }
    if (demo.target === 'launched') {
      const launched = await launchCampaign(db, { campaignId: campaign.id }, demo.owner)
      if (!launched.ok) throw new Error(`The demo campaign ${demo.ref} could not be launched: ${JSON.stringify(launched)}`)
    }
  }
}
