// Sign-off as the pages read it: each group's state computed from the content as it is now (the decision and launch
// pages), or from the cached hashes (the campaign page and the inbox, after bringing any campaign changed behind the
// gateway's back up to date).
import { sql } from 'kysely'
import { requiredGroups, SIGN_OFF_GROUPS, type SignOffGroup } from '../../signoff/groups'
import { changedParts, requiredGroupsFor, type SignOffAggregate } from '../../signoff/scopes'
import { approvedByAuthor, groupState, versionRefusal, type GroupState } from '../../signoff/state'
import type { DbOrTx } from '../../utils/db.server'
import type { SessionUser } from '../../utils/roles'
import { loadAuthorIds, loadSignOffAggregate, scopesOf, type CurrentScope } from './aggregate.server'
import { asLatest, decisionSnapshot, latestDecisions, listSignOffDecisions, type DecisionRecord } from './decisions.server'
import { bringSignOffUpToDate } from './sync.server'

export interface GroupOverview {
  group: SignOffGroup
  required: boolean
  state: GroupState
  currentHash: string
  latest: (DecisionRecord & { snapshot: unknown }) | null
  /** What changed since the latest decision, when it was on an earlier version (SCOPE_PART_LABELS keys). */
  changedSince: string[]
  /** The latest decision is an approval by someone who has since become an owner or co-owner. */
  approverIsAuthor: boolean
}

export interface SignOffOverview {
  asked: { at: string; by: string } | null
  required: SignOffGroup[]
  groups: GroupOverview[]
  scopes: Record<SignOffGroup, CurrentScope>
  aggregate: SignOffAggregate
  authorIds: string[]
}

/** Each group's state and latest decision, computed from the content as it is now. */
export async function signOffOverview(db: DbOrTx, campaignId: string): Promise<SignOffOverview | null> {
  const aggregate = await loadSignOffAggregate(db, campaignId)
  if (!aggregate) return null
  const scopes = scopesOf(aggregate)
  const [request, latest, authorIds] = await Promise.all([
    db
      .selectFrom('sign_off_request')
      .innerJoin('users', 'users.id', 'sign_off_request.requested_by')
      .select(['sign_off_request.requested_at', 'users.name'])
      .where('sign_off_request.campaign_id', '=', campaignId)
      .executeTakeFirst(),
    latestDecisions(db, [campaignId]),
    loadAuthorIds(db, campaignId),
  ])
  const required = requiredGroupsFor(aggregate)
  const groups: GroupOverview[] = []
  for (const group of SIGN_OFF_GROUPS) {
    const decision = latest.get(`${campaignId}/${group}`) ?? null
    const snapshot = decision ? await decisionSnapshot(db, decision.id) : null
    const position = { asked: !!request, latest: asLatest(decision), currentHash: scopes[group].hash, authorIds }
    groups.push({
      group,
      required: required.includes(group),
      state: groupState(position),
      currentHash: scopes[group].hash,
      latest: decision ? { ...decision, snapshot } : null,
      changedSince: decision && decision.scopeHash !== scopes[group].hash ? changedParts(snapshot, scopes[group].content) : [],
      approverIsAuthor: approvedByAuthor(position),
    })
  }
  return { asked: request ? { at: request.requested_at, by: request.name } : null, required, groups, scopes, aggregate, authorIds }
}

/** Each required group's state from the cached hashes: the campaign page's task list, without hashing anything. */
export async function storedSignOffStates(
  db: DbOrTx,
  campaign: { id: string; extraLiability: boolean; pressInform: boolean; owner: { id: string }; coOwners: { id: string }[] },
): Promise<{ asked: boolean; states: Partial<Record<SignOffGroup, GroupState>> }> {
  await bringSignOffUpToDate(db, [campaign.id])
  const [request, scopes, latest, welsh] = await Promise.all([
    db.selectFrom('sign_off_request').select('campaign_id').where('campaign_id', '=', campaign.id).executeTakeFirst(),
    db.selectFrom('campaign_scope').select(['grp', 'current_hash']).where('campaign_id', '=', campaign.id).execute(),
    latestDecisions(db, [campaign.id]),
    db.selectFrom('translation').select('entity_id').where('campaign_id', '=', campaign.id).limit(1).executeTakeFirst(),
  ])
  const authorIds = [campaign.owner.id, ...campaign.coOwners.map((c) => c.id)]
  const hashes = new Map(scopes.map((s) => [s.grp, s.current_hash]))
  const states: Partial<Record<SignOffGroup, GroupState>> = {}
  for (const group of requiredGroups({ ...campaign, welshContent: !!welsh })) {
    states[group] = groupState({ asked: !!request, latest: asLatest(latest.get(`${campaign.id}/${group}`)), currentHash: hashes.get(group) ?? '', authorIds })
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
 * left out, since they may not decide on them. Plain SQL over the cached hashes.
 */
export async function listSignOffInbox(db: DbOrTx, user: SessionUser, groups: readonly SignOffGroup[]): Promise<{ items: InboxItem[]; ownLeftOut: number }> {
  if (groups.length === 0) return { items: [], ownLeftOut: 0 }
  await bringSignOffUpToDate(db)
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
    .select((eb) => eb.exists(eb.selectFrom('translation').select(sql<number>`1`.as('one')).whereRef('translation.campaign_id', '=', 'campaign.id')).as('welsh'))
    .where('campaign.status', '=', 'awaiting-sign-off')
    .orderBy('sign_off_request.requested_at')
    .orderBy('campaign.ref')
    .execute()
  const own = campaigns.filter((c) => c.owner_id === user.id || Boolean(c.co_owner))
  const theirs = campaigns.filter((c) => !own.includes(c))
  const ids = theirs.map((c) => c.id)
  const [scopes, latest, coOwners] = await Promise.all([
    ids.length
      ? db.selectFrom('campaign_scope').select(['campaign_id', 'grp', 'current_hash', 'changed_at']).where('campaign_id', 'in', ids).where('grp', 'in', [...groups]).execute()
      : Promise.resolve([]),
    latestDecisions(db, ids, groups),
    ids.length ? db.selectFrom('campaign_co_owner').select(['campaign_id', 'user_id']).where('campaign_id', 'in', ids).execute() : Promise.resolve([]),
  ])
  const scopeOf = new Map(scopes.map((s) => [`${s.campaign_id}/${s.grp}`, s]))
  const items: InboxItem[] = []
  for (const campaign of theirs) {
    const required = requiredGroups({ extraLiability: campaign.extra_liability === 1, pressInform: campaign.press_inform === 1, welshContent: Boolean(campaign.welsh) })
    const authorIds = [campaign.owner_id, ...coOwners.filter((c) => c.campaign_id === campaign.id).map((c) => c.user_id)]
    for (const group of groups.filter((g) => required.includes(g))) {
      const scope = scopeOf.get(`${campaign.id}/${group}`)
      const decision = latest.get(`${campaign.id}/${group}`) ?? null
      if (!scope || versionRefusal({ asked: true, latest: asLatest(decision), currentHash: scope.current_hash, authorIds }) !== null) continue
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
