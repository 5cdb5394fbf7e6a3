import crypto from 'node:crypto'
import { sql } from 'kysely'
import { CALL_TYPE_LABELS } from '../content'
import { GROUP_LABELS, GROUP_ROLE, groupName, requiredGroups, SIGN_OFF_GROUPS, type SignOffGroup } from '../signoff/groups'
export { groupName } from '../signoff/groups'
import type { ForecastSummaryView } from '../signoff/display'
import { scopeHash } from '../signoff/hash.server'
import { formatDate } from '../campaign/options'
import { changedParts, describeParts, scopeContent, type Scope, type SignOffAggregate } from '../signoff/scopes'
import { decisionRefusal, groupState, statusFromStates, type Decision, type DecisionRefusal, type GroupState, type LatestDecision } from '../signoff/state'
import { appendAudit, type Actor } from '../utils/audit.server'
import { canonicalJson } from '../utils/canonical-json'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx, type Tx } from '../utils/db.server'
import { hasRole, type SessionUser } from '../utils/roles'
import type { Campaign } from './campaign.server'
import { authorship, refuseUnlessEditable, type WriteRefusal } from './content-access.server'
import { getDebtTreatment } from './debt-treatment.server'
import { computeSavedForecast, getForecastSettings } from './forecast.server'
import { listLines } from './line.server'
import { listMessages, listMessagesWithFindings } from './message.server'
import { getPressBriefing } from './press-briefing.server'
import { listScripts, scriptFindings } from './script.server'

const CHANNEL_WORDS: Record<string, string> = { letter: 'letter', email: 'email', sms: 'text message', online: 'online account message' }


const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Everything any group signs, read as it is now (inside the caller's transaction when there is one). */
export async function loadSignOffAggregate(db: DbOrTx, campaignId: string): Promise<SignOffAggregate | null> {
  const campaign = await db
    .selectFrom('campaign')
    .select(['planned_launch_date', 'nation', 'extra_liability', 'liability_customers', 'liability_average_pence', 'press_inform'])
    .where('id', '=', campaignId)
    .executeTakeFirst()
  if (!campaign) return null
  const [messages, forecast, lines, scripts, debtTreatment, pressBriefing] = await Promise.all([
    listMessages(db, campaignId),
    getForecastSettings(db, campaignId),
    listLines(db, campaignId),
    listScripts(db, campaignId),
    getDebtTreatment(db, campaignId),
    getPressBriefing(db, campaignId),
  ])
  return {
    campaign: {
      plannedLaunchDate: campaign.planned_launch_date,
      nation: campaign.nation,
      extraLiability: campaign.extra_liability === 1,
      liabilityCustomers: campaign.liability_customers,
      liabilityAveragePence: campaign.liability_average_pence,
      pressInform: campaign.press_inform === 1,
    },
    messages: messages.map((m) => ({
      id: m.id,
      name: m.name,
      channel: m.channel,
      referenceType: m.referenceType,
      subject: m.subject,
      addressBlock: m.addressBlock,
      postage: m.postage,
      deadlineDays: m.deadlineDays,
      body: m.body,
      waves: m.waves,
    })),
    forecast:
      forecast.version === 0
        ? null
        : {
            contactRatesPercent: forecast.settings.contactRates,
            responseCurvesPercent: forecast.settings.responseCurves as Record<string, number[]>,
            deadlineBump: forecast.settings.deadlineBump,
            messages: forecast.settings.messages,
          },
    lines: lines.map((l) => ({ id: l.id, audience: l.audience, standardQuestion: l.standardQuestion, question: l.question, answer: l.answer })),
    scripts: scripts.map((s) => ({
      id: s.id,
      callType: s.callType,
      opening: s.opening,
      verification: s.verification,
      recordingNotice: s.recordingNotice,
      body: s.body,
      closing: s.closing,
    })),
    debtTreatment: debtTreatment ? { specialTreatment: debtTreatment.specialTreatment } : null,
    pressBriefing: pressBriefing ? { launchDateTold: pressBriefing.launchDateTold } : null,
  }
}

export interface CurrentScope {
  content: Scope
  hash: string
}

export function scopesOf(aggregate: SignOffAggregate): Record<SignOffGroup, CurrentScope> {
  return Object.fromEntries(
    SIGN_OFF_GROUPS.map((group) => {
      const content = scopeContent(group, aggregate)
      return [group, { content, hash: scopeHash(content) }]
    }),
  ) as Record<SignOffGroup, CurrentScope>
}

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

/** Each group's latest decision on these campaigns: the one with the highest sequence number. */
async function latestDecisions(db: DbOrTx, campaignIds: string[], groups: readonly SignOffGroup[] = SIGN_OFF_GROUPS): Promise<Map<string, DecisionRecord>> {
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

async function latestDecision(db: DbOrTx, campaignId: string, group: SignOffGroup): Promise<DecisionRecord | null> {
  return (await latestDecisions(db, [campaignId], [group])).get(`${campaignId}/${group}`) ?? null
}

async function snapshotOf(db: DbOrTx, decisionId: string): Promise<unknown> {
  const row = await db.selectFrom('sign_off_decision').select('snapshot_json').where('id', '=', decisionId).executeTakeFirstOrThrow()
  return JSON.parse(row.snapshot_json) as unknown
}

const asLatest = (d: DecisionRecord | null | undefined): LatestDecision | null => (d ? { decision: d.decision, scopeHash: d.scopeHash } : null)

/**
 * Brings the sign-off in line with the campaign's content, in the transaction of the change that altered it: every
 * group's current hash, the campaign's status once sign-off has been asked for (approved only while every required
 * group's latest decision approves the current hash), and an audit event for each approval that goes out of date or
 * comes back into date, and for each change of status. Every model function that changes signed content calls it.
 */
export async function refreshSignOff(tx: Tx, campaignId: string, actor: Actor | null): Promise<{ status: string } | null> {
  const aggregate = await loadSignOffAggregate(tx, campaignId)
  if (!aggregate) return null
  const scopes = scopesOf(aggregate)
  const at = nowIso()
  const stored = await tx.selectFrom('campaign_scope').select(['grp', 'current_hash']).where('campaign_id', '=', campaignId).execute()
  const before = new Map(stored.map((row) => [row.grp, row.current_hash]))
  for (const group of SIGN_OFF_GROUPS) {
    const previous = before.get(group)
    if (previous === undefined) {
      await tx.insertInto('campaign_scope').values({ campaign_id: campaignId, grp: group, current_hash: scopes[group].hash, changed_at: at }).execute()
    } else if (previous !== scopes[group].hash) {
      await tx
        .updateTable('campaign_scope')
        .set({ current_hash: scopes[group].hash, changed_at: at })
        .where('campaign_id', '=', campaignId)
        .where('grp', '=', group)
        .execute()
    }
  }

  const campaign = await tx.selectFrom('campaign').select(['status']).where('id', '=', campaignId).executeTakeFirstOrThrow()
  const request = await tx.selectFrom('sign_off_request').select('requested_at').where('campaign_id', '=', campaignId).executeTakeFirst()
  const required = requiredGroups(aggregate.campaign)
  const latest = await latestDecisions(tx, [campaignId])
  const states: Partial<Record<SignOffGroup, GroupState>> = {}
  for (const group of SIGN_OFF_GROUPS) {
    const decision = latest.get(`${campaignId}/${group}`)
    states[group] = groupState({ asked: !!request, latest: asLatest(decision), currentHash: scopes[group].hash })
    const previous = before.get(group)
    if (!decision || decision.decision !== 'approved' || previous === undefined || !required.includes(group)) continue
    const wasCurrent = previous === decision.scopeHash
    const isCurrent = scopes[group].hash === decision.scopeHash
    if (wasCurrent && !isCurrent) {
      const parts = changedParts(await snapshotOf(tx, decision.id), scopes[group].content)
      await appendAudit(tx, {
        actor,
        campaignId,
        action: 'sign-off.out-of-date',
        entityType: 'sign-off',
        entityId: decision.id,
        summary: `${GROUP_LABELS[group]} approval went out of date: ${parts.length ? `${describeParts(parts)} changed` : 'its content changed'}`,
        before: { group, scopeHash: decision.scopeHash },
        after: { group, scopeHash: scopes[group].hash, changed: parts },
      })
    } else if (!wasCurrent && isCurrent) {
      await appendAudit(tx, {
        actor,
        campaignId,
        action: 'sign-off.current-again',
        entityType: 'sign-off',
        entityId: decision.id,
        summary: `${GROUP_LABELS[group]} approval is current again: the content is back to the version ${decision.decidedBy.name} approved`,
        before: { group, scopeHash: previous },
        after: { group, scopeHash: scopes[group].hash },
      })
    }
  }

  // A status set by hand (tests, or data from before sign-off existed) is left alone until sign-off is asked for.
  if (!request || (campaign.status !== 'awaiting-sign-off' && campaign.status !== 'approved')) return { status: campaign.status }
  const status = statusFromStates(required, states)
  if (status !== campaign.status) {
    await tx.updateTable('campaign').set({ status }).where('id', '=', campaignId).where('status', '=', campaign.status).execute()
    const waiting = required.filter((g) => states[g] !== 'approved')
    await appendAudit(tx, {
      actor,
      campaignId,
      action: 'campaign.status-changed',
      entityType: 'campaign',
      entityId: campaignId,
      summary:
        status === 'approved'
          ? 'The campaign is approved: every group that must sign it off has approved the current version'
          : `The campaign is awaiting sign-off again: ${waiting.map((g) => `${GROUP_LABELS[g]} (${stateWords(states[g]!)})`).join(', ')}`,
      before: { status: campaign.status },
      after: { status },
    })
  }
  return { status }
}

function stateWords(state: GroupState): string {
  return state === 'out-of-date' ? 'approval out of date' : state === 'changes-requested' ? 'changes requested' : state === 'awaiting' ? 'no decision yet' : 'not asked'
}

export interface Blocker {
  text: string
  href: string
}

/** What stops the campaign being put forward for sign-off or launched: its data-security errors, or no message at all. */
export async function signOffBlockers(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'ref' | 'referenceType'>): Promise<Blocker[]> {
  const base = `/campaigns/${campaign.ref}`
  const [{ messages }, scripts] = await Promise.all([listMessagesWithFindings(db, campaign.id), listScripts(db, campaign.id)])
  const blockers: Blocker[] = []
  if (messages.length === 0) blockers.push({ text: 'The campaign has no messages yet: write at least one', href: `${base}/messages` })
  for (const message of messages) {
    for (const finding of message.findings.filter((f) => f.level === 'error')) {
      blockers.push({ text: `The ${CHANNEL_WORDS[message.channel] ?? 'message'} “${message.name}”: ${finding.message}`, href: `${base}/messages/${message.id}` })
    }
  }
  for (const script of scripts) {
    for (const finding of scriptFindings(script, campaign).filter((f) => f.level === 'error')) {
      blockers.push({ text: `The ${CALL_TYPE_LABELS[script.callType].toLowerCase()} script: ${finding.message}`, href: `${base}/scripts/${script.callType}` })
    }
  }
  return blockers
}

export type RequestResult = { ok: true } | { ok: false; reason: WriteRefusal | 'already-asked' } | { ok: false; reason: 'blocked'; blockers: Blocker[] }

/**
 * Puts a draft campaign forward for sign-off: the owner or a co-owner, and only while no data-security check reports
 * an error. The campaign becomes "awaiting sign-off" and appears in each required group's inbox.
 */
export async function requestSignOff(db: DbOrTx, input: { campaignId: string }, user: SessionUser): Promise<RequestResult> {
  return writeTransaction(db, async (tx) => {
    const refusal = await refuseUnlessEditable(tx, input.campaignId, user)
    if (refusal) return { ok: false, reason: refusal }
    const campaign = await tx.selectFrom('campaign').select(['ref', 'status', 'reference_type', 'extra_liability', 'press_inform']).where('id', '=', input.campaignId).executeTakeFirstOrThrow()
    const asked = await tx.selectFrom('sign_off_request').select('campaign_id').where('campaign_id', '=', input.campaignId).executeTakeFirst()
    if (asked || campaign.status !== 'draft') return { ok: false, reason: 'already-asked' }
    const blockers = await signOffBlockers(tx, { id: input.campaignId, ref: campaign.ref, referenceType: campaign.reference_type as Campaign['referenceType'] })
    if (blockers.length) return { ok: false, reason: 'blocked', blockers }
    await tx.insertInto('sign_off_request').values({ campaign_id: input.campaignId, requested_by: user.id, requested_at: nowIso() }).execute()
    await tx.updateTable('campaign').set({ status: 'awaiting-sign-off' }).where('id', '=', input.campaignId).where('status', '=', 'draft').execute()
    const groups = requiredGroups({ extraLiability: campaign.extra_liability === 1, pressInform: campaign.press_inform === 1 })
    await appendAudit(tx, {
      actor: user,
      campaignId: input.campaignId,
      action: 'sign-off.requested',
      entityType: 'campaign',
      entityId: input.campaignId,
      summary: `Asked for sign-off from ${listWords(groups.map((g) => GROUP_LABELS[g]))}`,
      before: { status: 'draft' },
      after: { status: 'awaiting-sign-off', groups },
    })
    await refreshSignOff(tx, input.campaignId, user)
    return { ok: true }
  })
}

function listWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
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
  | { ok: true; status: string }
  | { ok: false; reason: 'not-found' | 'not-a-member' | 'own-campaign' | 'locked' | 'not-required' }
  | { ok: false; reason: Exclude<DecisionRefusal, 'already-approved'> }
  | { ok: false; reason: 'already-approved' | 'decided-meanwhile'; latest: DecisionRecord }
  | { ok: false; reason: 'changed'; currentHash: string }

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/**
 * Records a group's decision on its scope as it is now. The group comes from the URL and is checked against the
 * user's roles; the hash is computed here from the content, never taken from the form. Separation of duties: a
 * campaign's owner and co-owners never decide on it, whatever groups they belong to.
 */
export async function decideSignOff(db: DbOrTx, input: DecisionInput, user: SessionUser): Promise<DecisionResult> {
  try {
    return await writeTransaction(db, async (tx): Promise<DecisionResult> => {
      const campaign = await authorship(tx, input.campaignId, user.id)
      if (!campaign) return { ok: false, reason: 'not-found' }
      if (!hasRole(user, GROUP_ROLE[input.group])) return { ok: false, reason: 'not-a-member' }
      if (campaign.author) return { ok: false, reason: 'own-campaign' }
      if (campaign.status === 'launched' || campaign.status === 'closed') return { ok: false, reason: 'locked' }
      const aggregate = (await loadSignOffAggregate(tx, input.campaignId))!
      if (!requiredGroups(aggregate.campaign).includes(input.group)) return { ok: false, reason: 'not-required' }
      const asked = !!(await tx.selectFrom('sign_off_request').select('campaign_id').where('campaign_id', '=', input.campaignId).executeTakeFirst())
      const content = scopeContent(input.group, aggregate)
      const currentHash = scopeHash(content)
      const latest = await latestDecision(tx, input.campaignId, input.group)
      const refusal = decisionRefusal({ asked, latest: asLatest(latest), currentHash })
      if (refusal === 'already-approved') return { ok: false, reason: 'already-approved', latest: latest! }
      if (refusal) return { ok: false, reason: refusal }
      if (input.reviewedHash !== currentHash) return { ok: false, reason: 'changed', currentHash }

      const id = crypto.randomUUID()
      await tx
        .insertInto('sign_off_decision')
        .values({
          id,
          campaign_id: input.campaignId,
          grp: input.group,
          seq: (latest?.seq ?? 0) + 1,
          decision: input.decision,
          comment: input.comment,
          decided_by: user.id,
          decided_at: nowIso(),
          scope_hash: currentHash,
          snapshot_json: canonicalJson(content),
        })
        .execute()
      await appendAudit(tx, {
        actor: user,
        campaignId: input.campaignId,
        action: input.decision === 'approved' ? 'sign-off.approved' : 'sign-off.changes-requested',
        entityType: 'sign-off',
        entityId: id,
        summary:
          input.decision === 'approved'
            ? `${GROUP_LABELS[input.group]} approved the current version (scope ${currentHash.slice(0, 12)}…)`
            : `${capitalise(groupName(input.group))} asked for changes: “${input.comment}”`,
        after: { group: input.group, decision: input.decision, comment: input.comment, scopeHash: currentHash },
      })
      const refreshed = await refreshSignOff(tx, input.campaignId, user)
      return { ok: true, status: refreshed!.status }
    })
  } catch (error) {
    // Another member of the group decided in the same instant, on the same state: theirs stands, this one is refused.
    if (!isUniqueViolation(error)) throw error
    const latest = await latestDecision(db, input.campaignId, input.group)
    if (!latest) throw error
    return { ok: false, reason: latest.decision === 'approved' ? 'already-approved' : 'decided-meanwhile', latest }
  }
}

export interface GroupOverview {
  group: SignOffGroup
  required: boolean
  state: GroupState
  currentHash: string
  latest: (DecisionRecord & { snapshot: unknown }) | null
  /** What changed since the latest decision, when it was on an earlier version (SCOPE_PART_LABELS keys). */
  changedSince: string[]
}

export interface SignOffOverview {
  asked: { at: string; by: string } | null
  required: SignOffGroup[]
  groups: GroupOverview[]
  scopes: Record<SignOffGroup, CurrentScope>
  aggregate: SignOffAggregate
}

/** Each group's state and latest decision, computed from the content as it is now. */
export async function signOffOverview(db: DbOrTx, campaignId: string): Promise<SignOffOverview | null> {
  const aggregate = await loadSignOffAggregate(db, campaignId)
  if (!aggregate) return null
  const scopes = scopesOf(aggregate)
  const [request, latest] = await Promise.all([
    db
      .selectFrom('sign_off_request')
      .innerJoin('users', 'users.id', 'sign_off_request.requested_by')
      .select(['sign_off_request.requested_at', 'users.name'])
      .where('sign_off_request.campaign_id', '=', campaignId)
      .executeTakeFirst(),
    latestDecisions(db, [campaignId]),
  ])
  const required = requiredGroups(aggregate.campaign)
  const groups: GroupOverview[] = []
  for (const group of SIGN_OFF_GROUPS) {
    const decision = latest.get(`${campaignId}/${group}`) ?? null
    const snapshot = decision ? await snapshotOf(db, decision.id) : null
    const state = groupState({ asked: !!request, latest: asLatest(decision), currentHash: scopes[group].hash })
    groups.push({
      group,
      required: required.includes(group),
      state,
      currentHash: scopes[group].hash,
      latest: decision ? { ...decision, snapshot } : null,
      changedSince: decision && decision.scopeHash !== scopes[group].hash ? changedParts(snapshot, scopes[group].content) : [],
    })
  }
  return { asked: request ? { at: request.requested_at, by: request.name } : null, required, groups, scopes, aggregate }
}

/** Each required group's state from the stored hashes: the campaign page's task list, without hashing anything. */
export async function storedSignOffStates(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'extraLiability' | 'pressInform'>): Promise<{ asked: boolean; states: Partial<Record<SignOffGroup, GroupState>> }> {
  const [request, scopes, latest] = await Promise.all([
    db.selectFrom('sign_off_request').select('campaign_id').where('campaign_id', '=', campaign.id).executeTakeFirst(),
    db.selectFrom('campaign_scope').select(['grp', 'current_hash']).where('campaign_id', '=', campaign.id).execute(),
    latestDecisions(db, [campaign.id]),
  ])
  const hashes = new Map(scopes.map((s) => [s.grp, s.current_hash]))
  const states: Partial<Record<SignOffGroup, GroupState>> = {}
  for (const group of requiredGroups(campaign)) {
    states[group] = groupState({ asked: !!request, latest: asLatest(latest.get(`${campaign.id}/${group}`)), currentHash: hashes.get(group) ?? '' })
  }
  return { asked: !!request, states }
}

export interface InboxItem {
  ref: string
  name: string
  group: SignOffGroup
  plannedLaunchDate: string
  askedAt: string
  /** new: never decided; out-of-date: their approval went out of date; changed: changed since they asked for changes */
  kind: 'new' | 'out-of-date' | 'changed'
  changedAt: string
  latest: DecisionRecord | null
}

/**
 * The campaigns awaiting a decision from any group the user belongs to, oldest request first: never decided, an
 * approval gone out of date, or changed since the group asked for changes. Campaigns the user owns or co-owns are
 * left out, since they may not decide on them. Plain SQL over the stored hashes.
 */
export async function listSignOffInbox(db: DbOrTx, user: SessionUser, groups: readonly SignOffGroup[]): Promise<{ items: InboxItem[]; ownLeftOut: number }> {
  if (groups.length === 0) return { items: [], ownLeftOut: 0 }
  const campaigns = await db
    .selectFrom('campaign')
    .innerJoin('sign_off_request', 'sign_off_request.campaign_id', 'campaign.id')
    .select(['campaign.id', 'campaign.ref', 'campaign.name', 'campaign.planned_launch_date', 'campaign.extra_liability', 'campaign.press_inform', 'campaign.owner_id', 'sign_off_request.requested_at'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('campaign_co_owner')
            .select(sql<number>`1`.as('one'))
            .whereRef('campaign_co_owner.campaign_id', '=', 'campaign.id')
            .where('campaign_co_owner.user_id', '=', user.id),
        )
        .as('co_owner'),
    )
    .where('campaign.status', '=', 'awaiting-sign-off')
    .orderBy('sign_off_request.requested_at')
    .orderBy('campaign.ref')
    .execute()
  const own = campaigns.filter((c) => c.owner_id === user.id || Boolean(c.co_owner))
  const theirs = campaigns.filter((c) => !own.includes(c))
  const ids = theirs.map((c) => c.id)
  const [scopes, latest] = await Promise.all([
    ids.length
      ? db.selectFrom('campaign_scope').select(['campaign_id', 'grp', 'current_hash', 'changed_at']).where('campaign_id', 'in', ids).where('grp', 'in', [...groups]).execute()
      : Promise.resolve([]),
    latestDecisions(db, ids, groups),
  ])
  const scopeOf = new Map(scopes.map((s) => [`${s.campaign_id}/${s.grp}`, s]))
  const items: InboxItem[] = []
  for (const campaign of theirs) {
    const required = requiredGroups({ extraLiability: campaign.extra_liability === 1, pressInform: campaign.press_inform === 1 })
    for (const group of groups.filter((g) => required.includes(g))) {
      const scope = scopeOf.get(`${campaign.id}/${group}`)
      const decision = latest.get(`${campaign.id}/${group}`) ?? null
      if (!scope || decisionRefusal({ asked: true, latest: asLatest(decision), currentHash: scope.current_hash }) !== null) continue
      items.push({
        ref: campaign.ref,
        name: campaign.name,
        group,
        plannedLaunchDate: campaign.planned_launch_date,
        askedAt: campaign.requested_at,
        kind: !decision ? 'new' : decision.decision === 'approved' ? 'out-of-date' : 'changed',
        changedAt: scope.changed_at,
        latest: decision,
      })
    }
  }
  return { items, ownLeftOut: own.length }
}

/** The sign-off decisions for the campaign's JSON export. */
export async function signOffsForExport(db: DbOrTx, campaignId: string) {
  const decisions = await listSignOffDecisions(db, campaignId)
  return decisions.map((d) => ({
    group: d.group,
    decision: d.decision,
    comment: d.comment,
    decidedBy: { name: d.decidedBy.name, email: d.decidedBy.email },
    decidedAt: d.decidedAt,
    scopeHash: d.scopeHash,
  }))
}

export interface LaunchRecord {
  hash: string
  launchedAt: string
  launchedBy: { name: string; email: string }
}

export async function getLaunchRecord(db: DbOrTx, campaignId: string): Promise<LaunchRecord | null> {
  const row = await db
    .selectFrom('launch_snapshot')
    .innerJoin('users', 'users.id', 'launch_snapshot.launched_by')
    .select(['launch_snapshot.hash', 'launch_snapshot.launched_at', 'users.name', 'users.email'])
    .where('launch_snapshot.campaign_id', '=', campaignId)
    .executeTakeFirst()
  return row ? { hash: row.hash, launchedAt: row.launched_at, launchedBy: { name: row.name, email: row.email } } : null
}

const whole = (n: number) => Math.round(n).toLocaleString('en-GB')
const oneDecimal = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })

/** The saved forecast in a few sentences, for a Customer Services reviewer; null when there is nothing to forecast. */
export async function forecastSummaryForReading(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>): Promise<ForecastSummaryView | null> {
  const { forecast } = await computeSavedForecast(db, campaign)
  if (!forecast.ok) return null
  const { summary, helplines } = forecast.result
  return {
    rows: [
      { key: 'Calls', value: `${whole(summary.calls.central)} (low ${whole(summary.calls.low)}, high ${whole(summary.calls.high)})` },
      {
        key: 'Calls arrive',
        value: summary.firstCallDate && summary.lastCallDate ? `${formatDate(summary.firstCallDate)} to ${formatDate(summary.lastCallDate)}` : 'No calls are forecast',
      },
      { key: 'Peak day', value: summary.peakDay ? `${formatDate(summary.peakDay.date)}: ${whole(summary.peakDay.calls.central)} calls` : 'None' },
      { key: 'Extra staff for the campaign', value: `${oneDecimal(summary.requiredFteDays.central)} FTE-days (central)` },
    ],
    helplines: helplines.map((h) => ({
      name: h.name,
      text: `${whole(h.totals.calls.central)} calls; ${h.peakDay ? `busiest on ${formatDate(h.peakDay.date)} with ${whole(h.peakDay.calls.central)}` : 'no busiest day'}; ${oneDecimal(h.totals.requiredFteDays.central)} extra FTE-days; ${
        h.totals.daysOverCapacity.central === 0 ? 'enough staff every day' : `short of staff on ${h.totals.daysOverCapacity.central} day${h.totals.daysOverCapacity.central === 1 ? '' : 's'}`
      }`,
    })),
  }
}
