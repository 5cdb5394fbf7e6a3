// Sign-off decisions as stored: append-only rows, each bound to the hash of the scope decided on, with a copy of it.
import crypto from 'node:crypto'
import type { SignOffGroup } from '../../signoff/groups'
import { SIGN_OFF_GROUPS } from '../../signoff/groups'
import type { Decision, LatestDecision } from '../../signoff/state'
import { canonicalJson } from '../../utils/canonical-json'
import type { DbOrTx, Tx } from '../../utils/db.server'

export interface DecisionRecord {
  id: string
  group: SignOffGroup
  seq: number
  decision: Decision
  comment: string | null
  decidedAt: string
  decidedBy: { id: string; name: string; email: string }
  scopeHash: string
}

const DECISION_COLUMNS = [
  'sign_off_decision.id',
  'sign_off_decision.grp',
  'sign_off_decision.seq',
  'sign_off_decision.decision',
  'sign_off_decision.comment',
  'sign_off_decision.decided_at',
  'sign_off_decision.scope_hash',
  'users.id as user_id',
  'users.name as user_name',
  'users.email as user_email',
] as const

type DecisionRow = {
  id: string
  grp: string
  seq: number
  decision: string
  comment: string | null
  decided_at: string
  scope_hash: string
  user_id: string
  user_name: string
  user_email: string
}

function decisionFromRow(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    group: row.grp as SignOffGroup,
    seq: Number(row.seq),
    decision: row.decision as Decision,
    comment: row.comment,
    decidedAt: row.decided_at,
    decidedBy: { id: row.user_id, name: row.user_name, email: row.user_email },
    scopeHash: row.scope_hash,
  }
}

/** The shape the pure state rules read. */
export const asLatest = (d: DecisionRecord | null | undefined): LatestDecision | null =>
  d ? { decision: d.decision, scopeHash: d.scopeHash, decidedBy: d.decidedBy.id } : null

/** Every decision on the campaign, oldest first. */
export async function listSignOffDecisions(db: DbOrTx, campaignId: string): Promise<DecisionRecord[]> {
  const rows = await db
    .selectFrom('sign_off_decision')
    .innerJoin('users', 'users.id', 'sign_off_decision.decided_by')
    .select(DECISION_COLUMNS)
    .where('sign_off_decision.campaign_id', '=', campaignId)
    .orderBy('sign_off_decision.decided_at')
    .orderBy('sign_off_decision.seq')
    .execute()
  return rows.map(decisionFromRow)
}

/** Each group's latest decision on these campaigns, keyed "campaignId/group": the one with the highest sequence number. */
export async function latestDecisions(db: DbOrTx, campaignIds: string[], groups: readonly SignOffGroup[] = SIGN_OFF_GROUPS): Promise<Map<string, DecisionRecord>> {
  const latest = new Map<string, DecisionRecord>()
  if (campaignIds.length === 0 || groups.length === 0) return latest
  const rows = await db
    .selectFrom('sign_off_decision')
    .innerJoin('users', 'users.id', 'sign_off_decision.decided_by')
    .select(DECISION_COLUMNS)
    .where('sign_off_decision.campaign_id', 'in', campaignIds)
    .where('sign_off_decision.grp', 'in', [...groups])
    .where((eb) =>
      eb(
        'sign_off_decision.seq',
        '=',
        eb
          .selectFrom('sign_off_decision as later')
          .select((e) => e.fn.max('later.seq').as('top'))
          .whereRef('later.campaign_id', '=', 'sign_off_decision.campaign_id')
          .whereRef('later.grp', '=', 'sign_off_decision.grp'),
      ),
    )
    .select('sign_off_decision.campaign_id')
    .execute()
  for (const row of rows) latest.set(`${row.campaign_id}/${row.grp}`, decisionFromRow(row))
  return latest
}

export async function latestDecision(db: DbOrTx, campaignId: string, group: SignOffGroup): Promise<DecisionRecord | null> {
  return (await latestDecisions(db, [campaignId], [group])).get(`${campaignId}/${group}`) ?? null
}

/** The scope content the decision was made on, as the approver saw it. */
export async function decisionSnapshot(db: DbOrTx, decisionId: string): Promise<unknown> {
  const row = await db.selectFrom('sign_off_decision').select('snapshot_json').where('id', '=', decisionId).executeTakeFirstOrThrow()
  return JSON.parse(row.snapshot_json) as unknown
}

/**
 * Stores a decision following `previous` (the group's latest when the decider looked). Two members deciding at once
 * on the same state cannot both succeed: the second breaks the unique (campaign, group, seq) constraint.
 */
export async function insertDecision(
  tx: Tx,
  input: { campaignId: string; group: SignOffGroup; decision: Decision; comment: string | null; decidedBy: string; at: string; scopeHash: string; content: unknown },
  previous: DecisionRecord | null,
): Promise<string> {
  const id = crypto.randomUUID()
  await tx
    .insertInto('sign_off_decision')
    .values({
      id,
      campaign_id: input.campaignId,
      grp: input.group,
      seq: (previous?.seq ?? 0) + 1,
      decision: input.decision,
      comment: input.comment,
      decided_by: input.decidedBy,
      decided_at: input.at,
      scope_hash: input.scopeHash,
      snapshot_json: canonicalJson(input.content),
    })
    .execute()
  return id
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
