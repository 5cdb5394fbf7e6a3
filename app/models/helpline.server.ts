import crypto from 'node:crypto'
import type { HelplineRow } from '../../db/types'
import type { OpeningHours } from '../forecast/types'
import type { Helpline, HelplineSettings } from '../helplines/helpline'
import { appendAudit } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { recordRevision } from '../utils/revision.server'
import { hasRole, type SessionUser } from '../utils/roles'
import { DEFAULT_STAFF_TO_PERCENTILE, isStaffToPercentile, type StaffToPercentile } from '../forecast/intervals'

/** Administrators and Customer Services (helpline managers) manage helplines. */
export function canManageHelplines(user: Pick<SessionUser, 'roles'>): boolean {
  return hasRole(user, 'admin', 'customer-services')
}

const COLUMNS = [
  'id',
  'name',
  'opening_hours_json',
  'intraday_profile_json',
  'day_weights_json',
  'aht_seconds',
  'target_percent',
  'target_seconds',
  'shrinkage_percent',
  'max_occupancy_percent',
  'patience_seconds',
  'max_abandonment_percent',
  'max_asa_seconds',
  'baseline_calls_per_day',
  'available_fte',
  'paid_hours_per_fte',
  'staff_to_percentile',
  'welsh_line',
  'version',
  'updated_at',
] as const

type StoredHelpline = Pick<HelplineRow, (typeof COLUMNS)[number]>

function numbers(json: string, length: number, what: string): number[] {
  const value: unknown = JSON.parse(json)
  if (!Array.isArray(value) || value.length !== length || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new Error(`A stored helpline has a malformed ${what}`)
  }
  return value as number[]
}

function openingHours(json: string): (OpeningHours | null)[] {
  const value: unknown = JSON.parse(json)
  if (!Array.isArray(value) || value.length !== 7) throw new Error('A stored helpline has malformed opening hours')
  return value.map((day) => {
    if (day === null) return null
    if (typeof day?.open !== 'string' || typeof day?.close !== 'string') throw new Error('A stored helpline has malformed opening hours')
    return { open: day.open, close: day.close }
  })
}

function fromRow(row: StoredHelpline): Helpline {
  return {
    id: row.id,
    name: row.name,
    openingHours: openingHours(row.opening_hours_json),
    intradayProfile: numbers(row.intraday_profile_json, 48, 'intraday profile'),
    dayWeights: numbers(row.day_weights_json, 7, 'set of day weights'),
    ahtSeconds: row.aht_seconds,
    targetPercent: row.target_percent,
    targetSeconds: row.target_seconds,
    shrinkagePercent: row.shrinkage_percent,
    maxOccupancyPercent: row.max_occupancy_percent,
    patienceSeconds: row.patience_seconds,
    maxAbandonmentPercent: row.max_abandonment_percent,
    maxAsaSeconds: row.max_asa_seconds,
    baselineCallsPerDay: row.baseline_calls_per_day,
    availableFte: row.available_fte,
    paidHoursPerFte: row.paid_hours_per_fte,
    staffToPercentile: storedPercentile(row.staff_to_percentile),
    welshLine: Number(row.welsh_line) === 1,
    version: row.version,
    updatedAt: row.updated_at,
  }
}

function columnsFrom(settings: HelplineSettings) {
  return {
    name: settings.name,
    name_key: nameKey(settings.name),
    opening_hours_json: JSON.stringify(settings.openingHours),
    intraday_profile_json: JSON.stringify(settings.intradayProfile),
    day_weights_json: JSON.stringify(settings.dayWeights),
    aht_seconds: settings.ahtSeconds,
    target_percent: settings.targetPercent,
    target_seconds: settings.targetSeconds,
    shrinkage_percent: settings.shrinkagePercent,
    max_occupancy_percent: settings.maxOccupancyPercent,
    patience_seconds: settings.patienceSeconds,
    max_abandonment_percent: settings.maxAbandonmentPercent,
    max_asa_seconds: settings.maxAsaSeconds,
    baseline_calls_per_day: settings.baselineCallsPerDay,
    available_fte: settings.availableFte,
    paid_hours_per_fte: settings.paidHoursPerFte,
    // Absent (a form from before the choice existed): the stored choice stands.
    ...(settings.staffToPercentile !== undefined ? { staff_to_percentile: settings.staffToPercentile } : {}),
    welsh_line: settings.welshLine ? 1 : 0,
  }
}

function storedPercentile(value: number | string): StaffToPercentile {
  const n = Number(value)
  return isStaffToPercentile(n) ? n : DEFAULT_STAFF_TO_PERCENTILE
}

function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ')
}

/** Everything a helpline manager set, as versioned and audited. */
export function helplineSnapshot(settings: HelplineSettings): HelplineSettings {
  return {
    name: settings.name,
    openingHours: settings.openingHours,
    intradayProfile: settings.intradayProfile,
    dayWeights: settings.dayWeights,
    ahtSeconds: settings.ahtSeconds,
    targetPercent: settings.targetPercent,
    targetSeconds: settings.targetSeconds,
    shrinkagePercent: settings.shrinkagePercent,
    maxOccupancyPercent: settings.maxOccupancyPercent,
    patienceSeconds: settings.patienceSeconds,
    maxAbandonmentPercent: settings.maxAbandonmentPercent,
    maxAsaSeconds: settings.maxAsaSeconds,
    baselineCallsPerDay: settings.baselineCallsPerDay,
    availableFte: settings.availableFte,
    paidHoursPerFte: settings.paidHoursPerFte,
    staffToPercentile: settings.staffToPercentile ?? DEFAULT_STAFF_TO_PERCENTILE,
    welshLine: settings.welshLine ?? false,
  }
}

const FIELD_LABELS: Record<keyof HelplineSettings, string> = {
  name: 'the name',
  openingHours: 'the opening hours',
  intradayProfile: 'the intraday profile',
  dayWeights: 'the day-of-week weights',
  ahtSeconds: 'the average handle time',
  targetPercent: 'the service-level percentage',
  targetSeconds: 'the service-level time',
  shrinkagePercent: 'the shrinkage',
  maxOccupancyPercent: 'the maximum occupancy',
  patienceSeconds: 'the caller patience',
  maxAbandonmentPercent: 'the maximum abandonment rate',
  maxAsaSeconds: 'the maximum average speed of answer',
  baselineCallsPerDay: 'the baseline calls per day',
  availableFte: 'the available FTE',
  paidHoursPerFte: 'the paid hours per FTE',
  staffToPercentile: 'the percentile to staff to',
  welshLine: 'whether it is the Welsh-language line',
}

export async function listHelplines(db: DbOrTx): Promise<Helpline[]> {
  const rows = await db.selectFrom('helpline').select(COLUMNS).orderBy('name_key').execute()
  return rows.map(fromRow)
}

export async function getHelpline(db: DbOrTx, id: string): Promise<Helpline | undefined> {
  if (!/^[0-9a-f-]{1,64}$/i.test(id)) return undefined
  const row = await db.selectFrom('helpline').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  return row ? fromRow(row) : undefined
}

export type HelplineSaveResult =
  | { ok: true; id: string; version: number }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'duplicate-name' }
  | { ok: false; reason: 'welsh-line-taken'; welshLine: string }
  | { ok: false; reason: 'conflict'; current: Helpline }

/** The Welsh-language line, if a helpline is marked as it (one at most: a unique index holds it). */
export async function getWelshHelpline(db: DbOrTx): Promise<{ id: string; name: string } | null> {
  const row = await db.selectFrom('helpline').select(['id', 'name']).where('welsh_line', '=', 1).executeTakeFirst()
  return row ?? null
}

async function otherWelshLine(tx: DbOrTx, settings: HelplineSettings, exceptId?: string): Promise<string | null> {
  if (!settings.welshLine) return null
  const current = await getWelshHelpline(tx)
  return current && current.id !== exceptId ? current.name : null
}

async function nameTaken(tx: DbOrTx, name: string, exceptId?: string): Promise<boolean> {
  let query = tx.selectFrom('helpline').select('id').where('name_key', '=', nameKey(name))
  if (exceptId) query = query.where('id', '<>', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

export async function createHelpline(db: DbOrTx, settings: HelplineSettings, user: SessionUser): Promise<HelplineSaveResult> {
  if (!canManageHelplines(user)) return { ok: false, reason: 'forbidden' }
  return writeTransaction(db, async (tx) => {
    if (await nameTaken(tx, settings.name)) return { ok: false, reason: 'duplicate-name' }
    const welshLine = await otherWelshLine(tx, settings)
    if (welshLine) return { ok: false, reason: 'welsh-line-taken', welshLine }
    const id = crypto.randomUUID()
    const at = nowIso()
    await tx
      .insertInto('helpline')
      .values({ id, ...columnsFrom(settings), version: 1, created_at: at, updated_at: at })
      .execute()
    const snapshot = helplineSnapshot(settings)
    await recordRevision(tx, { entityType: 'helpline', entityId: id, campaignId: null, version: 1, authorId: user.id, summary: 'Added the helpline', snapshot })
    await appendAudit(tx, {
      actor: user,
      action: 'helpline.created',
      entityType: 'helpline',
      entityId: id,
      summary: `Added the helpline “${settings.name}”`,
      after: snapshot,
    })
    return { ok: true, id, version: 1 }
  })
}

/** Saves only against the version the user started from; the check and the write share one transaction. */
export async function updateHelpline(
  db: DbOrTx,
  input: { id: string; version: number; settings: HelplineSettings },
  user: SessionUser,
): Promise<HelplineSaveResult> {
  if (!canManageHelplines(user)) return { ok: false, reason: 'forbidden' }
  return writeTransaction(db, async (tx) => {
    const before = await getHelpline(tx, input.id)
    if (!before) return { ok: false, reason: 'not-found' }
    if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before }
    // A form without the percentile choice leaves the stored one as it is.
    const settings: HelplineSettings = { ...input.settings, staffToPercentile: input.settings.staffToPercentile ?? before.staffToPercentile }
    if (await nameTaken(tx, settings.name, input.id)) return { ok: false, reason: 'duplicate-name' }
    const welshLine = await otherWelshLine(tx, settings, input.id)
    if (welshLine) return { ok: false, reason: 'welsh-line-taken', welshLine }
    const version = before.version + 1
    const result = await tx
      .updateTable('helpline')
      .set({ ...columnsFrom(settings), version, updated_at: nowIso() })
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (result.numUpdatedRows !== 1n) return { ok: false, reason: 'conflict', current: before }
    const beforeSnapshot = helplineSnapshot(before)
    const afterSnapshot = helplineSnapshot(settings)
    const changed = (Object.keys(afterSnapshot) as (keyof HelplineSettings)[]).filter(
      (key) => JSON.stringify(beforeSnapshot[key]) !== JSON.stringify(afterSnapshot[key]),
    )
    const summary = changed.length ? `Changed ${changed.map((key) => FIELD_LABELS[key]).join(', ')}` : 'Saved with no changes'
    await recordRevision(tx, { entityType: 'helpline', entityId: input.id, campaignId: null, version, authorId: user.id, summary, snapshot: afterSnapshot })
    await appendAudit(tx, {
      actor: user,
      action: 'helpline.updated',
      entityType: 'helpline',
      entityId: input.id,
      summary: `${summary} of the helpline “${settings.name}”`,
      before: Object.fromEntries(changed.map((key) => [key, beforeSnapshot[key]])),
      after: Object.fromEntries(changed.map((key) => [key, afterSnapshot[key]])),
    })
    return { ok: true, id: input.id, version }
  })
}

/** Campaigns whose saved forecast sends calls to the helpline: the people a change to it affects. */
export async function campaignsUsingHelpline(db: DbOrTx, helplineId: string) {
  const [split, welsh] = await Promise.all([
    db
      .selectFrom('forecast_split')
      .innerJoin('campaign', 'campaign.id', 'forecast_split.campaign_id')
      .select(['campaign.ref', 'campaign.name', 'campaign.status'])
      .where('forecast_split.helpline_id', '=', helplineId)
      .where('forecast_split.share_percent', '>', 0)
      .groupBy(['campaign.ref', 'campaign.name', 'campaign.status'])
      .execute(),
    // The Welsh-language line takes the Welsh-preference share of every campaign with a saved forecast.
    db
      .selectFrom('campaign')
      .innerJoin('forecast_input', 'forecast_input.campaign_id', 'campaign.id')
      .select(['campaign.ref', 'campaign.name', 'campaign.status'])
      .where('campaign.welsh_customers', '>', 0)
      .where((eb) => eb.exists(eb.selectFrom('helpline').select('helpline.id').where('helpline.id', '=', helplineId).where('helpline.welsh_line', '=', 1)))
      .execute(),
  ])
  const byRef = new Map([...split, ...welsh].map((c) => [c.ref, c]))
  return [...byRef.values()].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
}

export async function listHelplineRevisions(db: DbOrTx, helplineId: string) {
  const rows = await db
    .selectFrom('revision')
    .leftJoin('users', 'users.id', 'revision.author_id')
    .select(['revision.version', 'revision.at', 'revision.summary', 'users.name as author_name'])
    .where('revision.entity_type', '=', 'helpline')
    .where('revision.entity_id', '=', helplineId)
    .orderBy('revision.version', 'desc')
    .execute()
  return rows.map((r) => ({ version: r.version, at: r.at, summary: r.summary, authorName: r.author_name }))
}
