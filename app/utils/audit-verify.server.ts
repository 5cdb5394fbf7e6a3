// Everything `npm run audit:verify` checks (scripts/cli/audit-verify.ts), and the restore drill with it
// (scripts/db/backup.ts): the hash chain, the seals, the checkpoint kept outside the database, and the records the
// audit trail vouches for — every sign-off decision and launch snapshot must have its event, and every such event its
// record, unchanged.
import crypto from 'node:crypto'
import type { DbOrTx } from '../../db/connection'
import { checkpointIsSealed, type Checkpoint } from './audit-checkpoint.server'
import { verifyAuditChain } from './audit.server'

export interface AuditVerification {
  /** Events walked. */
  checked: number
  sealed: number
  /** Everything wrong, in words; empty when the trail holds. */
  problems: string[]
}

export interface VerifyOptions {
  /** The audit key; without it the seals cannot be checked, which is itself reported. */
  key: Buffer | null
  /**
   * The checkpoint read from outside the database: null when there is none at `checkpointFile`, 'skip' for a copy
   * of the database (a backup) that has no checkpoint of its own.
   */
  checkpoint: Checkpoint | null | 'unreadable' | 'skip'
  checkpointFile?: string | null
}

export async function verifyAuditTrail(db: DbOrTx, options: VerifyOptions): Promise<AuditVerification> {
  const problems: string[] = []
  const chain = await verifyAuditChain(db, { key: options.key })
  if (chain.firstBreak) problems.push(chain.firstBreak.reason)
  if (!options.key) problems.push('The audit key (AUDIT_HMAC_KEY) is not set, so no seal was checked')
  else if (chain.head && !chain.head.sealed && !chain.firstBreak && options.checkpoint && options.checkpoint !== 'skip') {
    // A checkpoint exists, so sealing had begun: a trail with no seal at all had them removed. (A trail from before
    // sealing, with no checkpoint either, is sealed by the app's next start.)
    problems.push(`The newest event, ${chain.head.id}, has no seal, though a checkpoint exists: the seals were removed`)
  }
  problems.push(...(await checkpointProblems(db, options)))
  problems.push(...(await decisionProblems(db)))
  problems.push(...(await launchProblems(db)))
  return { checked: chain.checked, sealed: chain.sealed, problems }
}

async function checkpointProblems(db: DbOrTx, { key, checkpoint, checkpointFile }: VerifyOptions): Promise<string[]> {
  if (checkpoint === 'skip') return []
  const where = checkpointFile ? ` (${checkpointFile})` : ''
  if (checkpoint === 'unreadable') return [`The checkpoint${where} cannot be read`]
  if (!checkpoint) {
    const any = await db.selectFrom('audit_event').select('id').limit(1).executeTakeFirst()
    return any ? [`There is no checkpoint${where}, so deleting the newest events could not be detected`] : []
  }
  if (key && !checkpointIsSealed(key, checkpoint)) return [`The checkpoint${where} was not sealed with the audit key: it was forged or altered`]
  const named = await db.selectFrom('audit_event').select('hash').where('id', '=', checkpoint.id).executeTakeFirst()
  if (!named) return [`The checkpoint written at ${checkpoint.at} names event ${checkpoint.id}, which is missing: the newest events were deleted`]
  if (named.hash !== checkpoint.hash) return [`The checkpoint written at ${checkpoint.at} names event ${checkpoint.id}, whose hash has changed: the trail was rewritten`]
  return []
}

function parsed(json: string | null): Record<string, unknown> {
  try {
    const value = JSON.parse(json ?? 'null') as unknown
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

const DECISION_ACTIONS = { approved: 'sign-off.approved', 'changes-requested': 'sign-off.changes-requested' } as const

/** Every sign-off decision has the event that recorded it, with the same decision, group, scope and person; and back. */
async function decisionProblems(db: DbOrTx): Promise<string[]> {
  const problems: string[] = []
  const decisions = await db.selectFrom('sign_off_decision').select(['id', 'campaign_id', 'grp', 'decision', 'decided_by', 'scope_hash']).execute()
  const events = await db
    .selectFrom('audit_event')
    .select(['id', 'campaign_id', 'actor_id', 'entity_id', 'action', 'after_json'])
    .where('action', 'in', Object.values(DECISION_ACTIONS))
    .execute()
  const eventsByDecision = new Map(events.map((event) => [event.entity_id, event]))
  const decisionIds = new Set(decisions.map((d) => d.id))
  for (const decision of decisions) {
    const event = eventsByDecision.get(decision.id)
    if (!event) {
      problems.push(`Sign-off decision ${decision.id} has no audit event: it was added outside the app, or its event was deleted`)
      continue
    }
    const after = parsed(event.after_json)
    const expected = DECISION_ACTIONS[decision.decision as keyof typeof DECISION_ACTIONS]
    if (event.action !== expected || event.campaign_id !== decision.campaign_id || event.actor_id !== decision.decided_by || after.group !== decision.grp || after.scopeHash !== decision.scope_hash) {
      problems.push(`Sign-off decision ${decision.id} differs from audit event ${event.id} that recorded it: it was changed outside the app`)
    }
  }
  for (const event of events) {
    if (!event.entity_id || !decisionIds.has(event.entity_id)) problems.push(`Audit event ${event.id} records sign-off decision ${event.entity_id ?? '(none)'}, which is missing: it was deleted`)
  }
  return problems
}

/** Every launch snapshot has its "launched" event with the same hash and person, and hashes to that hash; and back. */
async function launchProblems(db: DbOrTx): Promise<string[]> {
  const problems: string[] = []
  const snapshots = await db.selectFrom('launch_snapshot').select(['campaign_id', 'hash', 'launched_by']).execute()
  const events = await db.selectFrom('audit_event').select(['id', 'campaign_id', 'actor_id', 'after_json']).where('action', '=', 'campaign.launched').execute()
  const eventsByCampaign = new Map(events.map((event) => [event.campaign_id, event]))
  for (const snapshot of snapshots) {
    const event = eventsByCampaign.get(snapshot.campaign_id)
    if (!event) {
      problems.push(`The launch snapshot of campaign ${snapshot.campaign_id} has no audit event: it was added outside the app, or its event was deleted`)
      continue
    }
    if (parsed(event.after_json).snapshotHash !== snapshot.hash || event.actor_id !== snapshot.launched_by) {
      problems.push(`The launch snapshot of campaign ${snapshot.campaign_id} differs from audit event ${event.id} that recorded it: it was changed outside the app`)
    }
    // One at a time: a snapshot is a whole campaign.
    const row = await db.selectFrom('launch_snapshot').select('snapshot_json').where('campaign_id', '=', snapshot.campaign_id).executeTakeFirstOrThrow()
    if (crypto.createHash('sha256').update(row.snapshot_json, 'utf8').digest('hex') !== snapshot.hash) {
      problems.push(`The launch snapshot of campaign ${snapshot.campaign_id} does not match its own hash: its content was changed`)
    }
  }
  const launched = new Set(snapshots.map((s) => s.campaign_id))
  for (const event of events) {
    if (!event.campaign_id || !launched.has(event.campaign_id)) problems.push(`Audit event ${event.id} records the launch of campaign ${event.campaign_id ?? '(none)'}, whose launch snapshot is missing: it was deleted`)
  }
  return problems
}
