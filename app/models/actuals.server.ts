// Actual calls of launched campaigns: the one thing a launched campaign still records.
import { dayMonthYear, type ActualRow, type ActualsWindow } from '../actuals/upload'
import { compareWithForecast, observedContactRate, observedResponseCurves, type ActualCalls, type ForecastComparison, type ObservedCurve, type ObservedRate } from '../forecast/actuals'
import { addDays } from '../forecast/dates'
import { channelsUsed, curvePercent, type CampaignForecast } from '../forecast/settings'
import { appendAudit } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { hasRole, type SessionUser } from '../utils/roles'
import { isCampaignAuthor, type Campaign } from './campaign.server'
import { computeSavedForecast, type CampaignForecastData } from './forecast.server'
import { listHelplines } from './helpline.server'

/** Actuals can be recorded up to this long after the forecast's last calls: late callers still ring. */
export const WEEKS_AFTER_LAST_FORECAST_CALL = 4

/**
 * Who records actual calls: the campaign's own authors (owner and co-owners who are designers), and helpline
 * managers (Customer Services), who hold the figures. Only while the campaign is launched: before launch there is
 * nothing to record, and a closed campaign is finished.
 */
export function canRecordActuals(user: Pick<SessionUser, 'id' | 'roles'>, campaign: Pick<Campaign, 'status' | 'owner' | 'coOwners'>): boolean {
  return mayRecord(user, campaign.status, isCampaignAuthor(user, campaign))
}

function mayRecord(user: Pick<SessionUser, 'roles'>, status: string, author: boolean): boolean {
  return status === 'launched' && ((hasRole(user, 'designer') && author) || hasRole(user, 'customer-services'))
}

/** The days actuals may be recorded for: from the first send date to four weeks after the forecast's last call. */
export function actualsWindow(data: Pick<CampaignForecastData, 'messages'>, forecast: CampaignForecast): ActualsWindow | null {
  const sends = data.messages.flatMap((m) => m.waves.map((w) => w.sendDate)).sort()
  if (sends.length === 0) return null
  const lastCall = forecast.ok ? forecast.result.summary.lastCallDate : null
  const end = lastCall && lastCall > sends[sends.length - 1]! ? lastCall : sends[sends.length - 1]!
  return { first: sends[0]!, last: addDays(end, WEEKS_AFTER_LAST_FORECAST_CALL * 7) }
}

/** What a form or file of actual calls is checked against: the window, the helplines that can be named, today. */
export async function recordingContext(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>, today: string) {
  const [{ data, forecast }, helplines] = await Promise.all([computeSavedForecast(db, campaign), listHelplines(db)])
  return { window: actualsWindow(data, forecast), helplines: helplines.map((h) => ({ id: h.id, name: h.name })), today }
}

export interface RecordedActual extends ActualCalls {
  helplineName: string
  recordedBy: string | null
  recordedAt: string
}

export async function listActuals(db: DbOrTx, campaignId: string): Promise<RecordedActual[]> {
  const rows = await db
    .selectFrom('actual_calls')
    .innerJoin('helpline', 'helpline.id', 'actual_calls.helpline_id')
    .leftJoin('users', 'users.id', 'actual_calls.recorded_by')
    .select(['actual_calls.date', 'actual_calls.helpline_id', 'actual_calls.calls', 'actual_calls.recorded_at', 'helpline.name as helpline_name', 'users.name as recorded_by'])
    .where('actual_calls.campaign_id', '=', campaignId)
    .orderBy('actual_calls.date')
    .orderBy('helpline.name_key')
    .execute()
  return rows.map((r) => ({ date: r.date, helplineId: r.helpline_id, calls: r.calls, helplineName: r.helpline_name, recordedBy: r.recorded_by, recordedAt: r.recorded_at }))
}

export async function hasActuals(db: DbOrTx, campaignId: string): Promise<boolean> {
  return (await db.selectFrom('actual_calls').select('date').where('campaign_id', '=', campaignId).limit(1).executeTakeFirst()) !== undefined
}

export type RecordSource = { kind: 'upload'; fileName: string } | { kind: 'by-hand' }

export interface RecordInput {
  campaignId: string
  rows: readonly ActualRow[]
  source: RecordSource
  /**
   * By hand only: the calls the user saw already recorded for that day and helpline (null: none). Anything else
   * there now means someone recorded it meanwhile, and nothing is saved. Uploads replace whatever is there.
   */
  expectedExisting?: number | null
}

export type RecordResult =
  | { ok: true; added: number; replaced: number; unchanged: number }
  | { ok: false; reason: 'not-found' | 'forbidden' | 'locked' }
  | { ok: false; reason: 'conflict'; existing: { calls: number; recordedBy: string | null } }

const keyOf = (date: string, helplineId: string) => `${date}|${helplineId}`
const CHUNK = 400

/**
 * Saves actual calls: a day and helpline already recorded is replaced. The permission check, the writes and one
 * audit event with every figure before and after share a write transaction, so a refused or failed save changes
 * nothing.
 */
export async function recordActuals(db: DbOrTx, input: RecordInput, user: SessionUser): Promise<RecordResult> {
  return writeTransaction(db, async (tx) => {
    const campaign = await tx.selectFrom('campaign').select(['id', 'ref', 'status', 'owner_id']).where('id', '=', input.campaignId).executeTakeFirst()
    if (!campaign) return { ok: false, reason: 'not-found' }
    const coOwner = await tx.selectFrom('campaign_co_owner').select('user_id').where('campaign_id', '=', campaign.id).where('user_id', '=', user.id).executeTakeFirst()
    // Checked again here: the route's guard ran before this transaction, and the campaign may have moved on since.
    if (!mayRecord(user, campaign.status, campaign.owner_id === user.id || coOwner !== undefined)) return { ok: false, reason: campaign.status === 'launched' ? 'forbidden' : 'locked' }

    const [existingRows, helplines] = await Promise.all([
      tx
        .selectFrom('actual_calls')
        .leftJoin('users', 'users.id', 'actual_calls.recorded_by')
        .select(['actual_calls.date', 'actual_calls.helpline_id', 'actual_calls.calls', 'users.name as recorded_by'])
        .where('actual_calls.campaign_id', '=', campaign.id)
        .execute(),
      tx.selectFrom('helpline').select(['id', 'name']).execute(),
    ])
    const existing = new Map(existingRows.map((r) => [keyOf(r.date, r.helpline_id), r]))
    const nameOf = new Map(helplines.map((h) => [h.id, h.name]))

    if (input.expectedExisting !== undefined && input.rows.length === 1) {
      const row = input.rows[0]!
      const now = existing.get(keyOf(row.date, row.helplineId))
      if (now && now.calls !== input.expectedExisting) return { ok: false, reason: 'conflict', existing: { calls: now.calls, recordedBy: now.recorded_by } }
    }

    const before: Record<string, number> = {}
    const after: Record<string, number> = {}
    const replacedKeys: ActualRow[] = []
    const toInsert: ActualRow[] = []
    let unchanged = 0
    for (const row of input.rows) {
      const label = `${row.date} ${nameOf.get(row.helplineId) ?? row.helplineId}`
      const old = existing.get(keyOf(row.date, row.helplineId))
      if (old && old.calls === row.calls) {
        unchanged++
        continue
      }
      if (old) {
        before[label] = old.calls
        replacedKeys.push(row)
      }
      after[label] = row.calls
      toInsert.push(row)
    }

    for (let i = 0; i < replacedKeys.length; i += CHUNK) {
      const chunk = replacedKeys.slice(i, i + CHUNK)
      await tx
        .deleteFrom('actual_calls')
        .where('campaign_id', '=', campaign.id)
        .where((eb) => eb.or(chunk.map((r) => eb.and([eb('date', '=', r.date), eb('helpline_id', '=', r.helplineId)]))))
        .execute()
    }
    const at = nowIso()
    for (let i = 0; i < toInsert.length; i += CHUNK) {
      await tx
        .insertInto('actual_calls')
        .values(toInsert.slice(i, i + CHUNK).map((r) => ({ campaign_id: campaign.id, helpline_id: r.helplineId, date: r.date, calls: r.calls, recorded_by: user.id, recorded_at: at })))
        .execute()
    }

    const added = toInsert.length - replacedKeys.length
    const replaced = replacedKeys.length
    await appendAudit(tx, {
      actor: user,
      campaignId: campaign.id,
      action: 'actuals.recorded',
      entityType: 'actual-calls',
      entityId: campaign.id,
      summary: summarise(input, { added, replaced, unchanged }, nameOf),
      before: replaced ? before : undefined,
      after,
    })
    return { ok: true, added, replaced, unchanged }
  })
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

function summarise(input: RecordInput, counts: { added: number; replaced: number; unchanged: number }, nameOf: Map<string, string>): string {
  if (input.source.kind === 'upload') {
    const name = input.source.fileName.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 100) || 'a file'
    return `Uploaded actual calls from “${name}”: ${plural(counts.added, 'day', 'days')} added, ${counts.replaced.toLocaleString('en-GB')} replaced, ${counts.unchanged.toLocaleString('en-GB')} unchanged`
  }
  const row = input.rows[0]!
  const where = `at ${nameOf.get(row.helplineId) ?? 'a helpline'} on ${dayMonthYear(row.date)}`
  if (counts.unchanged) return `Recorded the same ${plural(row.calls, 'actual call', 'actual calls')} again ${where}`
  return `${counts.replaced ? 'Replaced the actual calls' : 'Recorded actual calls'} ${where}: ${row.calls.toLocaleString('en-GB')}`
}

export interface ActualsView {
  comparison: ForecastComparison
  helplineNames: Record<string, string>
  rate: ObservedRate
  curves: ObservedCurve[]
}

/** What the forecast page shows once a campaign has actual calls: null without actuals or a saved forecast. */
export function actualsView(data: CampaignForecastData, forecast: CampaignForecast, actuals: readonly RecordedActual[]): ActualsView | null {
  if (!forecast.ok || actuals.length === 0) return null
  const comparison = compareWithForecast(forecast.result, actuals)
  if (!comparison) return null
  const recipients = data.messages.reduce((n, m) => n + m.waves.reduce((k, w) => k + w.volume, 0), 0)
  const lengths = Object.fromEntries(channelsUsed(data.messages).map((c) => [c, curvePercent(data.saved.settings, c).length]))
  const helplineNames: Record<string, string> = {}
  for (const h of data.helplines) helplineNames[h.id] = h.name
  for (const a of actuals) helplineNames[a.helplineId] ??= a.helplineName
  return {
    comparison,
    helplineNames,
    rate: observedContactRate(comparison, recipients, data.saved.settings.contactRates.central),
    curves: observedResponseCurves(forecast.input, actuals, lengths),
  }
}
