// What people do to sign-off: ask for it, and decide. Both go through the content-write gateway, so the sign-off is
// brought up to date in the same transaction, by the same code, as after any content change.
import type { CampaignStatus } from '../../campaign/options'
import type { ReferenceType } from '../../content/fields'
import { decisionRefusal, type DecisionRefusal } from '../../signoff/eligibility'
import { GROUP_ROLE, type SignOffGroup } from '../../signoff/groups'
import { scopeHash } from '../../signoff/hash.server'
import { requiredGroupsFor, scopeContent } from '../../signoff/scopes'
import type { Decision } from '../../signoff/state'
import { decisionSummary, requestedSummary } from '../../signoff/words'
import type { DbOrTx } from '../../utils/db.server'
import { hasRole, type SessionUser } from '../../utils/roles'
import { authorship, type WriteRefusal } from '../content-access.server'
import { writeCampaignContent } from '../content-write.server'
import { loadAuthorIds, loadSignOffAggregate, signOffBlockers, type Blocker } from './aggregate.server'
import { asLatest, insertDecision, isUniqueViolation, latestDecision, type DecisionRecord } from './decisions.server'

export type RequestResult = { ok: true } | { ok: false; reason: WriteRefusal | 'already-asked' } | { ok: false; reason: 'blocked'; blockers: Blocker[] }

/**
 * Puts a draft campaign forward for sign-off: the owner or a co-owner, and only while no data-security check reports
 * an error. The campaign becomes "awaiting sign-off" and appears in each required group's inbox.
 */
export async function requestSignOff(db: DbOrTx, input: { campaignId: string }, user: SessionUser): Promise<RequestResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<RequestResult> => {
    const campaign = await tx.selectFrom('campaign').select(['ref', 'status', 'reference_type']).where('id', '=', input.campaignId).executeTakeFirstOrThrow()
    const asked = await tx.selectFrom('sign_off_request').select('campaign_id').where('campaign_id', '=', input.campaignId).executeTakeFirst()
    if (asked || campaign.status !== 'draft') return { ok: false, reason: 'already-asked' }
    const blockers = await signOffBlockers(tx, { id: input.campaignId, ref: campaign.ref, referenceType: campaign.reference_type as ReferenceType })
    if (blockers.length) return { ok: false, reason: 'blocked', blockers }
    await tx.insertInto('sign_off_request').values({ campaign_id: input.campaignId, requested_by: user.id, requested_at: at }).execute()
    await tx.updateTable('campaign').set({ status: 'awaiting-sign-off' }).where('id', '=', input.campaignId).where('status', '=', 'draft').execute()
    const groups = requiredGroupsFor((await loadSignOffAggregate(tx, input.campaignId))!)
    record({
      audit: {
        action: 'sign-off.requested',
        entityType: 'campaign',
        entityId: input.campaignId,
        summary: requestedSummary(groups),
        before: { status: 'draft' },
        after: { status: 'awaiting-sign-off', groups },
      },
    })
    return { ok: true }
  })
}

export interface DecisionInput {
  campaignId: string
  group: SignOffGroup
  /** The hash of the scope the member was shown: the decision is refused if the content has changed since. */
  reviewedHash: string
  decision: Decision
  comment: string | null
}

export type DecisionResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: Exclude<DecisionRefusal, 'already-approved'> }
  | { ok: false; reason: 'already-approved' | 'decided-meanwhile'; latest: DecisionRecord }
  | { ok: false; reason: 'changed'; currentHash: string }

/** Any signed-in user reaches the decision; whether they may make it is the one rule of app/signoff/eligibility.ts. */
const campaignExists = async (tx: DbOrTx, campaignId: string, user: SessionUser) => ((await authorship(tx, campaignId, user.id)) ? null : ('not-found' as const))

/**
 * Records a group's decision on its scope as it is now. The group comes from the URL and is checked against the
 * user's roles; the hash is computed here from the content, never taken from the form. Separation of duties: a
 * campaign's owner and co-owners never decide on it, whatever groups they belong to.
 */
export async function decideSignOff(db: DbOrTx, input: DecisionInput, user: SessionUser): Promise<DecisionResult> {
  try {
    return await writeCampaignContent(db, { campaignId: input.campaignId, user, access: campaignExists }, async ({ tx, at, record }): Promise<DecisionResult> => {
      const campaign = (await authorship(tx, input.campaignId, user.id))!
      const aggregate = (await loadSignOffAggregate(tx, input.campaignId))!
      const asked = !!(await tx.selectFrom('sign_off_request').select('campaign_id').where('campaign_id', '=', input.campaignId).executeTakeFirst())
      const content = scopeContent(input.group, aggregate)
      const currentHash = scopeHash(content)
      const latest = await latestDecision(tx, input.campaignId, input.group)
      const refusal = decisionRefusal({
        group: input.group,
        status: campaign.status as CampaignStatus,
        member: hasRole(user, GROUP_ROLE[input.group]),
        author: campaign.author,
        required: requiredGroupsFor(aggregate).includes(input.group),
        asked,
        latest: asLatest(latest),
        currentHash,
        authorIds: await loadAuthorIds(tx, input.campaignId),
      })
      if (refusal === 'already-approved') return { ok: false, reason: 'already-approved', latest: latest! }
      if (refusal) return { ok: false, reason: refusal }
      if (input.reviewedHash !== currentHash) return { ok: false, reason: 'changed', currentHash }

      const id = await insertDecision(
        tx,
        { campaignId: input.campaignId, group: input.group, decision: input.decision, comment: input.comment, decidedBy: user.id, at, scopeHash: currentHash, content },
        latest,
      )
      record({
        audit: {
          action: input.decision === 'approved' ? 'sign-off.approved' : 'sign-off.changes-requested',
          entityType: 'sign-off',
          entityId: id,
          summary: decisionSummary({ group: input.group, decision: input.decision, scopeHash: currentHash, comment: input.comment }),
          after: { group: input.group, decision: input.decision, comment: input.comment, scopeHash: currentHash },
        },
      })
      return { ok: true }
    })
  } catch (error) {
    // Another member of the group decided in the same instant, on the same state: theirs stands, this one is refused.
    if (!isUniqueViolation(error)) throw error
    const latest = await latestDecision(db, input.campaignId, input.group)
    if (!latest) throw error
    return { ok: false, reason: latest.decision === 'approved' ? 'already-approved' : 'decided-meanwhile', latest }
  }
}
