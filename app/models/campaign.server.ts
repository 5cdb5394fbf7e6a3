import crypto from 'node:crypto'
import { sql } from 'kysely'
import type { CampaignRow } from '../../db/types'
import {
  isEditableStatus,
  type CampaignStatus,
  type Nation,
  type ReferenceType,
  type Regime,
  type ResponseSought,
} from '../campaign/options'
import type { CampaignInput } from '../schemas/campaign'
import type { DbOrTx, Tx } from '../utils/db.server'
import { writeCampaignContent } from './content-write.server'
import { bringSignOffUpToDate } from './signoff/sync.server'
import { hasRole, type SessionUser } from '../utils/roles'

export interface Campaign {
  id: string
  ref: string
  name: string
  regime: Regime
  objective: string
  targetPopulation: string
  populationSize: number
  plannedLaunchDate: string
  status: CampaignStatus
  responseSought: ResponseSought
  extraLiability: boolean
  liabilityCustomers: number | null
  liabilityAveragePence: number | null
  pressInform: boolean
  pressReason: string | null
  responseProcess: string
  referenceType: ReferenceType
  nation: Nation
  /** Customers who asked HMRC to write to them in Welsh. */
  welshCustomers: number
  owner: { id: string; name: string; email: string }
  coOwners: { id: string; name: string; email: string }[]
  version: number
  createdAt: string
  updatedAt: string
}

/** The describable fields, as versioned and audited. */
export function describeSnapshot(
  campaign: Omit<Campaign, 'owner' | 'coOwners' | 'id' | 'ref' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'welshCustomers'> & { coOwners: { email: string }[]; welshCustomers?: number },
) {
  return {
    name: campaign.name,
    regime: campaign.regime,
    objective: campaign.objective,
    targetPopulation: campaign.targetPopulation,
    populationSize: campaign.populationSize,
    welshCustomers: campaign.welshCustomers ?? 0,
    plannedLaunchDate: campaign.plannedLaunchDate,
    nation: campaign.nation,
    referenceType: campaign.referenceType,
    responseSought: campaign.responseSought,
    responseProcess: campaign.responseProcess,
    extraLiability: campaign.extraLiability,
    liabilityCustomers: campaign.liabilityCustomers,
    liabilityAveragePence: campaign.liabilityAveragePence,
    pressInform: campaign.pressInform,
    pressReason: campaign.pressReason,
    coOwners: campaign.coOwners.map((c) => c.email).sort(),
  }
}

function fromRow(row: CampaignRow, owner: Campaign['owner'], coOwners: Campaign['coOwners']): Campaign {
  return {
    id: row.id,
    ref: row.ref,
    name: row.name,
    regime: row.regime as Regime,
    objective: row.objective,
    targetPopulation: row.target_population,
    populationSize: row.population_size,
    plannedLaunchDate: row.planned_launch_date,
    status: row.status as CampaignStatus,
    responseSought: row.response_sought as ResponseSought,
    extraLiability: row.extra_liability === 1,
    liabilityCustomers: row.liability_customers,
    liabilityAveragePence: row.liability_average_pence,
    pressInform: row.press_inform === 1,
    pressReason: row.press_reason,
    responseProcess: row.response_process,
    referenceType: row.reference_type as ReferenceType,
    nation: row.nation as Nation,
    welshCustomers: Number(row.welsh_customers),
    owner,
    coOwners,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export async function getCampaignByRef(db: DbOrTx, ref: string): Promise<Campaign | undefined> {
  if (!/^[A-Z0-9-]{1,40}$/.test(ref)) return undefined
  const row = await db.selectFrom('campaign').selectAll().where('ref', '=', ref).executeTakeFirst()
  if (!row) return undefined
  const [owner, coOwners] = await Promise.all([
    db.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', row.owner_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('campaign_co_owner')
      .innerJoin('users', 'users.id', 'campaign_co_owner.user_id')
      .select(['users.id', 'users.name', 'users.email'])
      .where('campaign_co_owner.campaign_id', '=', row.id)
      .orderBy('users.name')
      .execute(),
  ])
  return fromRow(row, owner, coOwners)
}

export function isCampaignAuthor(user: Pick<SessionUser, 'id'>, campaign: Pick<Campaign, 'owner' | 'coOwners'>): boolean {
  return campaign.owner.id === user.id || campaign.coOwners.some((c) => c.id === user.id)
}

/** Designers edit the campaigns they own or co-own, and only before launch. */
export function canEditCampaign(user: SessionUser, campaign: Pick<Campaign, 'owner' | 'coOwners' | 'status'>): boolean {
  return hasRole(user, 'designer') && isCampaignAuthor(user, campaign) && isEditableStatus(campaign.status)
}

export type CampaignSort = 'launch-asc' | 'launch-desc'

export interface CampaignListQuery {
  userId: string
  status?: CampaignStatus
  mine?: boolean
  sort?: CampaignSort
  page?: number
  pageSize?: number
}

export interface CampaignListItem {
  ref: string
  name: string
  status: CampaignStatus
  regime: Regime
  plannedLaunchDate: string
  ownerName: string
}

export async function listCampaigns(db: DbOrTx, query: CampaignListQuery) {
  await bringSignOffUpToDate(db)
  const pageSize = query.pageSize ?? 20
  let base = db.selectFrom('campaign')
  if (query.status) base = base.where('campaign.status', '=', query.status)
  if (query.mine) {
    base = base.where((eb) =>
      eb.or([
        eb('campaign.owner_id', '=', query.userId),
        eb.exists(
          eb
            .selectFrom('campaign_co_owner')
            .select(sql<number>`1`.as('one'))
            .whereRef('campaign_co_owner.campaign_id', '=', 'campaign.id')
            .where('campaign_co_owner.user_id', '=', query.userId),
        ),
      ]),
    )
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const pages = Math.max(1, Math.ceil(Number(total) / pageSize))
  const page = Math.min(Math.max(1, query.page ?? 1), pages)
  const direction = query.sort === 'launch-desc' ? 'desc' : 'asc'
  const rows = await base
    .innerJoin('users', 'users.id', 'campaign.owner_id')
    .select([
      'campaign.ref',
      'campaign.name',
      'campaign.status',
      'campaign.regime',
      'campaign.planned_launch_date',
      'users.name as owner_name',
    ])
    .orderBy('campaign.planned_launch_date', direction)
    .orderBy('campaign.ref', direction)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()
  const items: CampaignListItem[] = rows.map((row) => ({
    ref: row.ref,
    name: row.name,
    status: row.status as CampaignStatus,
    regime: row.regime as Regime,
    plannedLaunchDate: row.planned_launch_date,
    ownerName: row.owner_name,
  }))
  return { items, total: Number(total), page, pages, pageSize }
}

async function validCoOwnerIds(tx: Tx, requested: string[], ownerId: string): Promise<string[]> {
  const wanted = requested.filter((id) => id !== ownerId)
  if (wanted.length === 0) return []
  const rows = await tx
    .selectFrom('users')
    .innerJoin('user_role', 'user_role.user_id', 'users.id')
    .select('users.id')
    .where('users.id', 'in', wanted)
    .where('user_role.role', '=', 'designer')
    .where('users.disabled', '=', 0)
    .execute()
  return rows.map((row) => row.id)
}

async function nextRef(tx: Tx, launchDate: string): Promise<string> {
  const year = launchDate.slice(0, 4)
  const prefix = `OTM-${year}-`
  const rows = await tx.selectFrom('campaign').select('ref').where('ref', 'like', `${prefix}%`).execute()
  const highest = rows.reduce((max, row) => Math.max(max, Number(row.ref.slice(prefix.length)) || 0), 0)
  return `${prefix}${String(highest + 1).padStart(3, '0')}`
}

function columnsFrom(input: CampaignInput) {
  return {
    name: input.name,
    regime: input.regime,
    objective: input.objective,
    target_population: input.targetPopulation,
    population_size: input.populationSize,
    planned_launch_date: input.launchDate,
    response_sought: input.responseSought,
    extra_liability: input.extraLiability ? 1 : 0,
    liability_customers: input.extraLiability ? input.liabilityCustomers : null,
    liability_average_pence: input.extraLiability ? input.liabilityAveragePence : null,
    press_inform: input.pressInform ? 1 : 0,
    press_reason: input.pressInform ? null : input.pressReason,
    response_process: input.responseProcess,
    reference_type: input.referenceType,
    nation: input.nation,
    welsh_customers: input.welshCustomers ?? 0,
  }
}

export class NotADesignerError extends Error {}

export async function createCampaign(db: DbOrTx, input: CampaignInput, owner: SessionUser, options: { status?: CampaignStatus } = {}): Promise<string> {
  if (!hasRole(owner, 'designer')) throw new NotADesignerError()
  const id = crypto.randomUUID()
  // Any designer may create a campaign: the role is checked above, and there is no campaign yet to be an author of.
  const created = await writeCampaignContent(db, { campaignId: id, user: owner, access: async () => null }, async ({ tx, at, record }) => {
    const ref = await nextRef(tx, input.launchDate)
    await tx
      .insertInto('campaign')
      .values({ id, ref, ...columnsFrom(input), status: options.status ?? 'draft', owner_id: owner.id, version: 1, created_at: at, updated_at: at })
      .execute()
    const coOwnerIds = await validCoOwnerIds(tx, input.coOwners, owner.id)
    if (coOwnerIds.length) {
      await tx.insertInto('campaign_co_owner').values(coOwnerIds.map((user_id) => ({ campaign_id: id, user_id }))).execute()
    }
    const snapshot = describeSnapshot((await getCampaignByRef(tx, ref))!)
    record({
      revision: { entityType: 'campaign', entityId: id, version: 1, summary: 'Created the campaign', snapshot },
      audit: { action: 'campaign.created', entityType: 'campaign', entityId: id, summary: `Created campaign ${ref} “${input.name}”`, after: snapshot },
    })
    return { ok: true as const, ref }
  })
  if (!created.ok) throw new NotADesignerError()
  return created.ref
}

export type CampaignUpdateResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'locked' }
  | { ok: false; reason: 'conflict'; current: Campaign }

/**
 * Saves the description if, and only if, the user is still an author and nobody has saved since the
 * version they started from. The version check and the write share one write transaction.
 */
export async function updateCampaignDescription(
  db: DbOrTx,
  input: { ref: string; version: number; values: CampaignInput },
  user: SessionUser,
): Promise<CampaignUpdateResult> {
  const found = await db.selectFrom('campaign').select('id').where('ref', '=', input.ref).executeTakeFirst()
  if (!found) return { ok: false, reason: 'not-found' }
  return writeCampaignContent(db, { campaignId: found.id, user }, async ({ tx, at, record }): Promise<CampaignUpdateResult> => {
    const before = (await getCampaignByRef(tx, input.ref))!
    if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before }
    const version = before.version + 1
    const result = await tx
      .updateTable('campaign')
      .set({ ...columnsFrom(input.values), version, updated_at: at })
      .where('id', '=', before.id)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (result.numUpdatedRows !== 1n) return { ok: false, reason: 'conflict', current: before }

    const coOwnerIds = await validCoOwnerIds(tx, input.values.coOwners, before.owner.id)
    await tx.deleteFrom('campaign_co_owner').where('campaign_id', '=', before.id).execute()
    if (coOwnerIds.length) {
      await tx.insertInto('campaign_co_owner').values(coOwnerIds.map((user_id) => ({ campaign_id: before.id, user_id }))).execute()
    }
    const after = await getCampaignByRef(tx, input.ref)
    const beforeSnapshot = describeSnapshot(before)
    const afterSnapshot = describeSnapshot(after!)
    const changed = (Object.keys(afterSnapshot) as (keyof typeof afterSnapshot)[]).filter(
      (key) => JSON.stringify(beforeSnapshot[key]) !== JSON.stringify(afterSnapshot[key]),
    )
    const summary = changed.length ? `Changed ${changed.map(fieldLabel).join(', ')}` : 'Saved with no changes'
    record({
      revision: { entityType: 'campaign', entityId: before.id, version, summary, snapshot: afterSnapshot },
      audit: {
        action: 'campaign.updated',
        entityType: 'campaign',
        entityId: before.id,
        summary: `${summary} of the campaign description`,
        before: Object.fromEntries(changed.map((key) => [key, beforeSnapshot[key]])),
        after: Object.fromEntries(changed.map((key) => [key, afterSnapshot[key]])),
      },
    })
    return { ok: true, version }
  })
}

const FIELD_LABELS: Record<string, string> = {
  name: 'the name',
  regime: 'the tax regime',
  objective: 'the objective',
  targetPopulation: 'the target population',
  populationSize: 'the population size',
  welshCustomers: 'the number of customers who asked for Welsh',
  plannedLaunchDate: 'the planned launch date',
  nation: 'the nation',
  referenceType: 'the reference type',
  responseSought: 'whether a response is sought',
  responseProcess: 'the response-handling process',
  extraLiability: 'extra liability',
  liabilityCustomers: 'the number of customers with extra liability',
  liabilityAveragePence: 'the average extra liability',
  pressInform: 'whether the Press Office must be informed',
  pressReason: 'the reason the Press Office need not be informed',
  coOwners: 'the co-owners',
}

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key
}

export async function listCampaignAudit(db: DbOrTx, campaignId: string, options: { page?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? 50
  const { total } = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow()
  const pages = Math.max(1, Math.ceil(Number(total) / pageSize))
  const page = Math.min(Math.max(1, options.page ?? 1), pages)
  const events = await db
    .selectFrom('audit_event')
    .select(['id', 'at', 'actor_email', 'action', 'entity_type', 'summary', 'before_json', 'after_json'])
    .where('campaign_id', '=', campaignId)
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()
  return { events, total: Number(total), page, pages }
}

export async function listAllCampaignAudit(db: DbOrTx, campaignId: string) {
  return db
    .selectFrom('audit_event')
    .select(['id', 'at', 'actor_email', 'action', 'entity_type', 'entity_id', 'summary', 'before_json', 'after_json', 'hash'])
    .where('campaign_id', '=', campaignId)
    .orderBy('id')
    .execute()
}

export async function listCampaignRevisions(db: DbOrTx, campaignId: string, entityType: string, entityId: string) {
  return db
    .selectFrom('revision')
    .leftJoin('users', 'users.id', 'revision.author_id')
    .select(['revision.version', 'revision.at', 'revision.summary', 'revision.snapshot_json', 'users.name as author_name', 'users.email as author_email'])
    .where('revision.campaign_id', '=', campaignId)
    .where('revision.entity_type', '=', entityType)
    .where('revision.entity_id', '=', entityId)
    .orderBy('revision.version', 'desc')
    .execute()
}
