// Keeps the cached sign-off state (each group's hash and state, the campaign's status) in line with the content. The
// content-write gateway calls syncSignOff in the transaction of every write; the database's content sequence
// (migration 0060) catches any write that did not come through it, and the readers below bring such a campaign up to
// date before they show it.
import { sql } from 'kysely'
import { GROUP_LABELS, SIGN_OFF_GROUPS, type SignOffGroup } from '../../signoff/groups'
import { changedParts, requiredGroupsFor } from '../../signoff/scopes'
import { approvedByAuthor, groupState, statusFromStates, type GroupPosition, type GroupState } from '../../signoff/state'
import { outOfDateReason, statusSummary } from '../../signoff/words'
import { appendAudit, type Actor, type AuditInput } from '../../utils/audit.server'
import { nowIso } from '../../utils/clock.server'
import { writeTransaction, type DbOrTx, type Tx } from '../../utils/db.server'
import { notifyResync } from '../notifications/write-hook.server'
import { loadAuthorIds, loadSignOffAggregate, scopesOf } from './aggregate.server'
import { asLatest, decisionSnapshot, latestDecisions } from './decisions.server'

/**
 * Brings the sign-off in line with the campaign's content and authors, inside the transaction of the change: every
 * group's current hash and state, the campaign's status once sign-off has been asked for (approved only while every
 * required group's latest decision approves the current hash and its approver is not an author), and an audit event
 * for each approval that goes out of date or comes back into date, and for each change of status.
 */
export async function syncSignOff(tx: Tx, campaignId: string, actor: Actor | null): Promise<{ status: string; events: AuditInput[] } | null> {
  const aggregate = await loadSignOffAggregate(tx, campaignId)
  if (!aggregate) return null
  const scopes = scopesOf(aggregate)
  const at = nowIso()
  const stored = await tx.selectFrom('campaign_scope').select(['grp', 'current_hash', 'state', 'decision_id']).where('campaign_id', '=', campaignId).execute()
  const before = new Map(stored.map((row) => [row.grp, row]))
  const campaign = await tx.selectFrom('campaign').select(['status']).where('id', '=', campaignId).executeTakeFirstOrThrow()
  const request = await tx.selectFrom('sign_off_request').select('requested_at').where('campaign_id', '=', campaignId).executeTakeFirst()
  const authorIds = await loadAuthorIds(tx, campaignId)
  const latest = await latestDecisions(tx, [campaignId])
  const required = requiredGroupsFor(aggregate)
  const states: Partial<Record<SignOffGroup, GroupState>> = {}
  // What this sync recorded, returned so that whatever else must happen in the same transaction can follow from it.
  const events: AuditInput[] = []
  const emit = async (event: AuditInput) => {
    events.push(event)
    await appendAudit(tx, event)
  }

  for (const group of SIGN_OFF_GROUPS) {
    const decision = latest.get(`${campaignId}/${group}`) ?? null
    const position: GroupPosition = { asked: !!request, latest: asLatest(decision), currentHash: scopes[group].hash, authorIds }
    const state = groupState(position)
    states[group] = state
    const previous = before.get(group)
    const values = { current_hash: scopes[group].hash, state, decision_id: decision?.id ?? null }
    if (!previous) {
      await tx.insertInto('campaign_scope').values({ campaign_id: campaignId, grp: group, changed_at: at, ...values }).execute()
      continue
    }
    const hashMoved = previous.current_hash !== values.current_hash
    if (hashMoved || previous.state !== state || previous.decision_id !== values.decision_id) {
      await tx
        .updateTable('campaign_scope')
        .set({ ...values, ...(hashMoved ? { changed_at: at } : {}) })
        .where('campaign_id', '=', campaignId)
        .where('grp', '=', group)
        .execute()
    }

    // Only a change of state for the same approval is news: a new decision has an audit event of its own.
    if (!decision || decision.decision !== 'approved' || !required.includes(group)) continue
    const sameDecision = previous.state === null || previous.decision_id === decision.id
    if (!sameDecision) continue
    // Rows from before the state was kept: it was approved exactly while the stored hash was the approved one.
    const wasApproved = previous.state === null ? previous.current_hash === decision.scopeHash : previous.state === 'approved'
    if (wasApproved && state === 'out-of-date') {
      const parts = decision.scopeHash === scopes[group].hash ? [] : changedParts(await decisionSnapshot(tx, decision.id), scopes[group].content)
      const approverIsAuthor = approvedByAuthor(position)
      await emit({
        actor,
        campaignId,
        action: 'sign-off.out-of-date',
        entityType: 'sign-off',
        entityId: decision.id,
        summary: `The ${GROUP_LABELS[group]} approval went out of date: ${outOfDateReason({ changedParts: parts, approverName: decision.decidedBy.name, approverIsAuthor })}`,
        before: { group, scopeHash: decision.scopeHash },
        after: { group, scopeHash: scopes[group].hash, changed: parts, ...(approverIsAuthor ? { approverIsAuthor: true } : {}) },
      })
    } else if (!wasApproved && state === 'approved') {
      await emit({
        actor,
        campaignId,
        action: 'sign-off.current-again',
        entityType: 'sign-off',
        entityId: decision.id,
        summary: `The ${GROUP_LABELS[group]} approval is current again: the campaign is back to the version ${decision.decidedBy.name} approved, and ${decision.decidedBy.name} is not an owner or co-owner`,
        before: { group, scopeHash: previous.current_hash },
        after: { group, scopeHash: scopes[group].hash },
      })
    }
  }

  await markSynced(tx, campaignId)
  // A status set by hand (tests, or data from before sign-off existed) is left alone until sign-off is asked for.
  if (!request || (campaign.status !== 'awaiting-sign-off' && campaign.status !== 'approved')) return { status: campaign.status, events }
  const status = statusFromStates(required, states)
  if (status !== campaign.status) {
    await tx.updateTable('campaign').set({ status }).where('id', '=', campaignId).where('status', '=', campaign.status).execute()
    await emit({
      actor,
      campaignId,
      action: 'campaign.status-changed',
      entityType: 'campaign',
      entityId: campaignId,
      summary: statusSummary(
        status,
        required.filter((g) => states[g] !== 'approved').map((g) => ({ group: g, state: states[g]! })),
      ),
      before: { status: campaign.status },
      after: { status },
    })
  }
  return { status, events }
}

/** Records that the cached state now reflects the content as it is in this transaction. */
async function markSynced(tx: Tx, campaignId: string): Promise<void> {
  await tx
    .insertInto('campaign_content')
    .values({ campaign_id: campaignId, seq: 0, synced_seq: 0 })
    .onConflict((c) => c.column('campaign_id').doUpdateSet({ synced_seq: sql<number>`campaign_content.seq` }))
    .execute()
}

async function behind(db: DbOrTx, campaignIds?: readonly string[]): Promise<string[]> {
  let query = db.selectFrom('campaign_content').select('campaign_id').where(sql<boolean>`seq <> synced_seq`)
  if (campaignIds) {
    if (campaignIds.length === 0) return []
    query = query.where('campaign_id', 'in', [...campaignIds])
  }
  return (await query.execute()).map((row) => row.campaign_id)
}

/**
 * Recomputes the cached sign-off state of every campaign (or of those given) whose content changed without the
 * gateway: a row edited by hand, a future write path that forgot it. Nothing to do, and one indexed query, otherwise.
 */
export async function bringSignOffUpToDate(db: DbOrTx, campaignIds?: readonly string[]): Promise<number> {
  const ids = await behind(db, campaignIds)
  for (const id of ids) {
    await writeTransaction(db, async (tx) => {
      if (!(await behind(tx, [id])).length) return
      const synced = await syncSignOff(tx, id, null)
      if (synced) await notifyResync(tx, id, synced.events)
    })
  }
  return ids.length
}
