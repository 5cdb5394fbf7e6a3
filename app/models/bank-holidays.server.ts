import crypto from 'node:crypto'
import { DEFAULT_BANK_HOLIDAYS } from '../forecast/bank-holidays'
import { compareBankHolidays, validateBankHolidays, type BankHolidaysDiff } from '../forecast/bank-holiday-file'
import { holidayDates, NATIONS, type BankHolidaysFile, type Nation } from '../forecast/working-days'
import { appendAudit } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { hasRole, type SessionUser } from '../utils/roles'

/** The calendar shipped with the product has no row; forms name it with this id. */
export const SHIPPED_CALENDAR_ID = 'shipped'

export interface ActiveBankHolidays {
  /** SHIPPED_CALENDAR_ID until an admin applies an upload. */
  id: string
  file: BankHolidaysFile
  appliedAt: string | null
  appliedBy: string | null
}

// Applied files never change, so each is parsed once per process, keyed by its id. Several app instances
// stay consistent because the active id is read from the database on every request.
const parsedFiles = new Map<string, BankHolidaysFile>()

function parseStored(id: string, json: string): BankHolidaysFile {
  const cached = parsedFiles.get(id)
  if (cached) return cached
  const result = validateBankHolidays(JSON.parse(json))
  if (!result.ok) throw new Error(`Stored bank holidays ${id} are not valid: ${result.errors[0]}`)
  if (parsedFiles.size > 20) parsedFiles.clear()
  parsedFiles.set(id, result.value)
  return result.value
}

export async function getActiveBankHolidays(db: DbOrTx): Promise<ActiveBankHolidays> {
  const row = await db
    .selectFrom('bank_holiday_file')
    .leftJoin('users', 'users.id', 'bank_holiday_file.applied_by')
    .select(['bank_holiday_file.id', 'bank_holiday_file.content_json', 'bank_holiday_file.applied_at', 'users.name as applied_by_name'])
    .where('bank_holiday_file.applied_seq', 'is not', null)
    .orderBy('bank_holiday_file.applied_seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return { id: SHIPPED_CALENDAR_ID, file: DEFAULT_BANK_HOLIDAYS, appliedAt: null, appliedBy: null }
  return { id: row.id, file: parseStored(row.id, row.content_json), appliedAt: row.applied_at, appliedBy: row.applied_by_name }
}

/** The bank-holiday dates the forecast uses for a nation, from the calendar in use. */
export async function bankHolidayDates(db: DbOrTx, nation: Nation): Promise<string[]> {
  return holidayDates((await getActiveBankHolidays(db)).file, nation)
}

export function yearsCovered(file: BankHolidaysFile, nation: Nation): { first: string; last: string } | null {
  const dates = holidayDates(file, nation)
  if (dates.length === 0) return null
  return { first: dates[0]!.slice(0, 4), last: dates[dates.length - 1]!.slice(0, 4) }
}

function summariseDiff(diff: BankHolidaysDiff) {
  return Object.fromEntries(
    NATIONS.map((nation) => {
      const d = diff.nations[nation]
      return [nation, { added: d.added.length, removed: d.removed.length, changed: d.changed.length }]
    }),
  )
}

/** Keeps a validated upload, not yet in use, so the admin can check what it would change before applying it. */
export async function storePendingBankHolidays(db: DbOrTx, file: BankHolidaysFile, user: SessionUser): Promise<{ ok: true; id: string } | { ok: false; reason: 'forbidden' }> {
  if (!hasRole(user, 'admin')) return { ok: false, reason: 'forbidden' }
  const json = JSON.stringify(file)
  const sha256 = crypto.createHash('sha256').update(json).digest('hex')
  return writeTransaction(db, async (tx) => {
    const id = crypto.randomUUID()
    await tx.insertInto('bank_holiday_file').values({ id, content_json: json, sha256, uploaded_by: user.id, uploaded_at: nowIso() }).execute()
    await appendAudit(tx, {
      actor: user,
      action: 'bank-holidays.uploaded',
      entityType: 'bank-holidays',
      entityId: id,
      summary: 'Uploaded a bank holidays file to check (not yet in use)',
      after: { sha256 },
    })
    return { ok: true as const, id }
  })
}

export interface PendingBankHolidays {
  id: string
  file: BankHolidaysFile
  uploadedAt: string
  uploadedBy: string | null
  appliedAt: string | null
}

export async function getBankHolidayUpload(db: DbOrTx, id: string): Promise<PendingBankHolidays | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const row = await db
    .selectFrom('bank_holiday_file')
    .leftJoin('users', 'users.id', 'bank_holiday_file.uploaded_by')
    .select(['bank_holiday_file.id', 'bank_holiday_file.content_json', 'bank_holiday_file.uploaded_at', 'bank_holiday_file.applied_at', 'users.name as uploaded_by_name'])
    .where('bank_holiday_file.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  return { id: row.id, file: parseStored(row.id, row.content_json), uploadedAt: row.uploaded_at, uploadedBy: row.uploaded_by_name, appliedAt: row.applied_at }
}

export type ApplyResult =
  | { ok: true }
  | { ok: false; reason: 'forbidden' | 'not-found' | 'already-applied' }
  | { ok: false; reason: 'conflict'; currentId: string }

/**
 * Puts an upload into use, only if the calendar in use is still the one the admin compared it with
 * (`baseId`): otherwise what they confirmed is not what would change.
 */
export async function applyBankHolidays(db: DbOrTx, input: { id: string; baseId: string }, user: SessionUser): Promise<ApplyResult> {
  if (!hasRole(user, 'admin')) return { ok: false, reason: 'forbidden' }
  return writeTransaction(db, async (tx) => {
    const upload = await getBankHolidayUpload(tx, input.id)
    if (!upload) return { ok: false, reason: 'not-found' }
    if (upload.appliedAt) return { ok: false, reason: 'already-applied' }
    const active = await getActiveBankHolidays(tx)
    if (active.id !== input.baseId) return { ok: false, reason: 'conflict', currentId: active.id }
    const last = await tx
      .selectFrom('bank_holiday_file')
      .select('applied_seq')
      .where('applied_seq', 'is not', null)
      .orderBy('applied_seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    const at = nowIso()
    await tx
      .updateTable('bank_holiday_file')
      .set({ applied_seq: (last?.applied_seq ?? 0) + 1, applied_by: user.id, applied_at: at })
      .where('id', '=', upload.id)
      .where('applied_seq', 'is', null)
      .execute()
    const diff = compareBankHolidays(active.file, upload.file)
    await appendAudit(tx, {
      actor: user,
      action: 'bank-holidays.applied',
      entityType: 'bank-holidays',
      entityId: upload.id,
      summary: 'Put a new bank holidays file into use for call forecasts',
      before: { calendar: active.id },
      after: { calendar: upload.id, changes: summariseDiff(diff) },
    })
    return { ok: true }
  })
}
