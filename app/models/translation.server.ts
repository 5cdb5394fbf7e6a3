// The Welsh versions of a campaign's messages, lines to take and scripts, and requests to translate them. Every write
// goes through the content-write gateway: the Welsh versions are signed content (Welsh Language Services and Customer
// Services sign them), so a save moves the sign-off on in the same transaction.
import { CALL_TYPE_LABELS, CALL_TYPES, type CallType } from '../content/script-rules'
import type { Channel } from '../content/rules'
import { isStandardQuestion, type LineAudience, type StandardQuestion } from '../content/coverage'
import { canonicalJson } from '../utils/canonical-json'
import type { DbOrTx, Tx } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import {
  lineSource,
  messageSource,
  scriptSource,
  translationState,
  WELSH,
  WELSH_LINE_AUDIENCES,
  welshLineFrom,
  welshMessageFrom,
  welshScriptFrom,
  type TranslationKind,
  type TranslationState,
} from '../welsh/translation'
import { writeCampaignContent, type WriteRefusal } from './content-write.server'

const CHANNEL_WORDS: Record<string, string> = { letter: 'letter', email: 'email', sms: 'text message', online: 'online account message' }

/** An English record that can have a Welsh version, with the text that is translated as it is now. */
export interface EnglishRecord {
  kind: TranslationKind
  id: string
  /** "the letter “Rental income letter”", "the line “Why have I…”", "the inbound call script" */
  label: string
  /** A short name for lists: the message's name, the line's question, the call type. */
  name: string
  version: number
  source: Record<string, unknown>
  /** Messages: the channel. */
  channel?: Channel
  /** Lines: the audience and the standard question they answer. */
  audience?: LineAudience
  standardQuestion?: StandardQuestion | null
  /** Scripts: the call type (the address of its pages). */
  callType?: CallType
}

export interface StoredTranslation {
  kind: TranslationKind
  entityId: string
  welsh: Record<string, unknown>
  translatesVersion: number
  translatedFrom: Record<string, unknown>
  version: number
  translatedBy: string | null
  updatedAt: string
}

export const REVISION_TYPES: Record<TranslationKind, string> = { message: 'welsh-message', line: 'welsh-line', script: 'welsh-script' }

function parsed(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

const quoted = (text: string, max = 80) => {
  const t = text.replace(/\s+/g, ' ').trim()
  return `“${t.length > max ? `${t.slice(0, max)}…` : t}”`
}

/** Every message, every line that can have a Welsh version, and every script of the campaign, as they are now. */
export async function listEnglishRecords(db: DbOrTx, campaignId: string): Promise<EnglishRecord[]> {
  const [messages, lines, scripts] = await Promise.all([
    db.selectFrom('message').select(['id', 'name', 'channel', 'subject', 'body', 'version']).where('campaign_id', '=', campaignId).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('line_to_take')
      .select(['id', 'audience', 'standard_question', 'question', 'answer', 'version'])
      .where('campaign_id', '=', campaignId)
      .orderBy('position')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('script').select(['id', 'call_type', 'opening', 'verification', 'recording_notice', 'body', 'closing', 'version']).where('campaign_id', '=', campaignId).execute(),
  ])
  return [
    ...messages.map((m): EnglishRecord => {
      const channel = m.channel as Channel
      return {
        kind: 'message',
        id: m.id,
        label: `the ${CHANNEL_WORDS[channel] ?? 'message'} “${m.name}”`,
        name: m.name,
        version: m.version,
        source: { ...messageSource({ channel, subject: m.subject, body: m.body }) },
        channel,
      }
    }),
    ...lines
      .filter((l) => (WELSH_LINE_AUDIENCES as readonly string[]).includes(l.audience))
      .map((l): EnglishRecord => ({
        kind: 'line',
        id: l.id,
        label: `the line ${quoted(l.question)}`,
        name: l.question,
        version: l.version,
        source: { ...lineSource(l) },
        audience: l.audience as LineAudience,
        standardQuestion: isStandardQuestion(l.standard_question) ? l.standard_question : null,
      })),
    ...scripts
      .map((s) => ({ ...s, callType: s.call_type as CallType }))
      .sort((a, b) => CALL_TYPES.indexOf(a.callType) - CALL_TYPES.indexOf(b.callType))
      .map(
        (s): EnglishRecord => ({
          kind: 'script',
          id: s.id,
          label: `the ${CALL_TYPE_LABELS[s.callType].toLowerCase()} script`,
          name: CALL_TYPE_LABELS[s.callType],
          version: s.version,
          source: { ...scriptSource({ opening: s.opening, verification: s.verification, recordingNotice: s.recording_notice, body: s.body, closing: s.closing }) },
          callType: s.callType,
        }),
      ),
  ]
}

const TRANSLATION_COLUMNS = ['translation.entity_type', 'translation.entity_id', 'translation.content_json', 'translation.translates_version', 'translation.source_json', 'translation.version', 'translation.updated_at', 'users.name as translated_by_name'] as const

function translationFromRow(row: {
  entity_type: string
  entity_id: string
  content_json: string
  translates_version: number
  source_json: string
  version: number
  updated_at: string
  translated_by_name: string | null
}): StoredTranslation {
  return {
    kind: row.entity_type as TranslationKind,
    entityId: row.entity_id,
    welsh: parsed(row.content_json),
    translatesVersion: Number(row.translates_version),
    translatedFrom: parsed(row.source_json),
    version: Number(row.version),
    translatedBy: row.translated_by_name,
    updatedAt: row.updated_at,
  }
}

export async function listTranslations(db: DbOrTx, campaignId: string): Promise<StoredTranslation[]> {
  const rows = await db
    .selectFrom('translation')
    .leftJoin('users', 'users.id', 'translation.translated_by')
    .select(TRANSLATION_COLUMNS)
    .where('translation.campaign_id', '=', campaignId)
    .where('translation.language', '=', WELSH)
    .execute()
  return rows.map(translationFromRow)
}

export async function getTranslation(db: DbOrTx, campaignId: string, kind: TranslationKind, entityId: string): Promise<StoredTranslation | undefined> {
  const row = await db
    .selectFrom('translation')
    .leftJoin('users', 'users.id', 'translation.translated_by')
    .select(TRANSLATION_COLUMNS)
    .where('translation.campaign_id', '=', campaignId)
    .where('translation.entity_type', '=', kind)
    .where('translation.entity_id', '=', entityId)
    .where('translation.language', '=', WELSH)
    .executeTakeFirst()
  return row ? translationFromRow(row) : undefined
}

export interface TranslationRequest {
  kind: TranslationKind
  entityId: string
  neededBy: string
  requestedBy: string
  requestedAt: string
}

export async function listTranslationRequests(db: DbOrTx, campaignId: string): Promise<TranslationRequest[]> {
  const rows = await db
    .selectFrom('translation_request')
    .innerJoin('users', 'users.id', 'translation_request.requested_by')
    .select(['translation_request.entity_type', 'translation_request.entity_id', 'translation_request.needed_by', 'translation_request.requested_at', 'users.name'])
    .where('translation_request.campaign_id', '=', campaignId)
    .where('translation_request.language', '=', WELSH)
    .orderBy('translation_request.needed_by')
    .orderBy('translation_request.requested_at')
    .execute()
  return rows.map((r) => ({ kind: r.entity_type as TranslationKind, entityId: r.entity_id, neededBy: r.needed_by, requestedBy: r.name, requestedAt: r.requested_at }))
}

/** Where each record and its Welsh version stand, matched up. */
export interface WelshItem {
  english: EnglishRecord
  translation: StoredTranslation | null
  state: TranslationState | 'missing'
  request: TranslationRequest | null
}

export function matchTranslations(records: readonly EnglishRecord[], translations: readonly StoredTranslation[], requests: readonly TranslationRequest[]): WelshItem[] {
  const key = (kind: string, id: string) => `${kind}/${id}`
  const byKey = new Map(translations.map((t) => [key(t.kind, t.entityId), t]))
  const requested = new Map(requests.map((r) => [key(r.kind, r.entityId), r]))
  return records.map((english) => {
    const translation = byKey.get(key(english.kind, english.id)) ?? null
    return {
      english,
      translation,
      state: translation ? translationState(english.source, translation.translatedFrom) : 'missing',
      request: requested.get(key(english.kind, english.id)) ?? null,
    }
  })
}

/** Every record that can have a Welsh version, with its Welsh version and any request for one. */
export async function listWelshItems(db: DbOrTx, campaignId: string): Promise<WelshItem[]> {
  const [records, translations, requests] = await Promise.all([listEnglishRecords(db, campaignId), listTranslations(db, campaignId), listTranslationRequests(db, campaignId)])
  return matchTranslations(records, translations, requests)
}

async function englishRecord(tx: DbOrTx, campaignId: string, kind: TranslationKind, entityId: string): Promise<EnglishRecord | undefined> {
  return (await listEnglishRecords(tx, campaignId)).find((r) => r.kind === kind && r.id === entityId)
}

/** The Welsh content as stored, for this kind: only the fields it has. */
function welshContentOf(kind: TranslationKind, english: EnglishRecord, welsh: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'message') {
    const w = welshMessageFrom(welsh)
    return {
      layout: english.channel === 'letter' ? (w.layout ?? 'bilingual') : null,
      subject: english.channel === 'email' ? (w.subject ?? '') : null,
      body: w.body,
    }
  }
  if (kind === 'line') return { ...welshLineFrom(welsh) }
  return { ...welshScriptFrom(welsh) }
}

function revisionSnapshot(english: EnglishRecord, translatesVersion: number, content: Record<string, unknown>) {
  return { name: english.name, translatesVersion, ...content }
}

export type TranslationSaveResult =
  | { ok: true; version: number }
  | { ok: false; reason: WriteRefusal | 'gone' }
  | { ok: false; reason: 'english-changed'; english: EnglishRecord }
  | { ok: false; reason: 'conflict'; current: StoredTranslation | null }

/** What a save changed, for the audit trail and the history. */
function changeSummary(before: StoredTranslation | null, content: Record<string, unknown>, english: EnglishRecord): string {
  if (!before) return 'Added the Welsh version'
  const changed = Object.keys(content).filter((k) => canonicalJson(before.welsh[k] ?? null) !== canonicalJson(content[k] ?? null))
  const caughtUp = before.translatesVersion !== english.version
  const parts = [...(changed.length ? [`changed the Welsh ${changed.map((k) => (k === 'recordingNotice' ? 'recording notice' : k)).join(', ')}`] : []), ...(caughtUp ? [`brought it up to English version ${english.version}`] : [])]
  return parts.length ? parts.join(' and ').replace(/^./, (c) => c.toUpperCase()) : 'Saved with no changes'
}

async function writeTranslation(
  tx: Tx,
  input: { campaignId: string; english: EnglishRecord; before: StoredTranslation | null; content: Record<string, unknown>; translatesVersion: number; translatedFrom: Record<string, unknown>; at: string; userId: string },
): Promise<number> {
  const { english, before } = input
  // A Welsh version added again after one was removed carries on its history's numbering, which is kept under the
  // English record's id.
  const previous = before
    ? before.version
    : Number(
        (
          await tx
            .selectFrom('revision')
            .select((eb) => eb.fn.max('version').as('top'))
            .where('campaign_id', '=', input.campaignId)
            .where('entity_type', '=', REVISION_TYPES[english.kind])
            .where('entity_id', '=', english.id)
            .executeTakeFirst()
        )?.top ?? 0,
      )
  const version = previous + 1
  const columns = {
    content_json: JSON.stringify(input.content),
    translates_version: input.translatesVersion,
    source_json: JSON.stringify(input.translatedFrom),
    version,
    translated_by: input.userId,
    updated_at: input.at,
  }
  if (before) {
    await tx
      .updateTable('translation')
      .set(columns)
      .where('entity_type', '=', english.kind)
      .where('entity_id', '=', english.id)
      .where('language', '=', WELSH)
      .where('version', '=', before.version)
      .execute()
  } else {
    await tx
      .insertInto('translation')
      .values({ entity_type: english.kind, entity_id: english.id, language: WELSH, campaign_id: input.campaignId, ...columns, created_at: input.at })
      .execute()
  }
  // A Welsh version of the English as it is now fulfils any request for one.
  if (translationState(english.source, input.translatedFrom) === 'current') {
    await tx.deleteFrom('translation_request').where('entity_type', '=', english.kind).where('entity_id', '=', english.id).where('language', '=', WELSH).execute()
  }
  return version
}

/**
 * Saves the Welsh version of one message, line or script as a translation of the English as it is now. Refused when
 * someone else saved the Welsh since `version` (0: there was none), and when the English text changed since the user
 * opened the page (`englishVersion`), so nobody records a translation of a text they have not seen.
 */
export async function saveTranslation(
  db: DbOrTx,
  input: { campaignId: string; kind: TranslationKind; entityId: string; version: number; englishVersion: number; welsh: Record<string, unknown> },
  user: SessionUser,
): Promise<TranslationSaveResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<TranslationSaveResult> => {
    const english = await englishRecord(tx, input.campaignId, input.kind, input.entityId)
    if (!english) return { ok: false, reason: 'gone' }
    const before = (await getTranslation(tx, input.campaignId, input.kind, input.entityId)) ?? null
    if ((before?.version ?? 0) !== input.version) return { ok: false, reason: 'conflict', current: before }
    if (english.version !== input.englishVersion) {
      const seen = await sourceAt(tx, input.campaignId, english, input.englishVersion)
      if (!seen || translationState(english.source, seen) !== 'current') return { ok: false, reason: 'english-changed', english }
    }
    const content = welshContentOf(input.kind, english, input.welsh)
    const version = await writeTranslation(tx, { campaignId: input.campaignId, english, before, content, translatesVersion: english.version, translatedFrom: english.source, at, userId: user.id })
    const summary = changeSummary(before, content, english)
    const snapshot = revisionSnapshot(english, english.version, content)
    record({
      revision: { entityType: REVISION_TYPES[input.kind], entityId: english.id, version, summary, snapshot },
      audit: {
        action: 'translation.saved',
        entityType: REVISION_TYPES[input.kind],
        entityId: english.id,
        summary: `${summary} of ${english.label}, translating English version ${english.version} (Welsh version ${version})`,
        before: before ? { translatesVersion: before.translatesVersion, ...before.welsh } : undefined,
        after: { translatesVersion: english.version, ...content },
      },
    })
    return { ok: true, version }
  })
}

export type TranslationRemoveResult = { ok: true } | { ok: false; reason: WriteRefusal | 'gone' } | { ok: false; reason: 'conflict'; current: StoredTranslation }

export async function removeTranslation(
  db: DbOrTx,
  input: { campaignId: string; kind: TranslationKind; entityId: string; version: number },
  user: SessionUser,
): Promise<TranslationRemoveResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, record }): Promise<TranslationRemoveResult> => {
    const english = await englishRecord(tx, input.campaignId, input.kind, input.entityId)
    const before = await getTranslation(tx, input.campaignId, input.kind, input.entityId)
    if (!english || !before) return { ok: false, reason: 'gone' }
    if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before }
    await tx.deleteFrom('translation').where('entity_type', '=', input.kind).where('entity_id', '=', input.entityId).where('language', '=', WELSH).execute()
    record({
      audit: {
        action: 'translation.removed',
        entityType: REVISION_TYPES[input.kind],
        entityId: english.id,
        summary: `Removed the Welsh version of ${english.label} (Welsh version ${before.version})`,
        before: { translatesVersion: before.translatesVersion, ...before.welsh },
      },
    })
    return { ok: true }
  })
}

export type TranslationRequestResult = { ok: true; requested: number } | { ok: false; reason: WriteRefusal } | { ok: false; reason: 'gone'; missing: number }

/** Asks for these records to be translated by a date; asking again changes the date. */
export async function requestTranslations(
  db: DbOrTx,
  input: { campaignId: string; items: { kind: TranslationKind; entityId: string }[]; neededBy: string },
  user: SessionUser,
): Promise<TranslationRequestResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<TranslationRequestResult> => {
    const records = await listEnglishRecords(tx, input.campaignId)
    const wanted = input.items.map((i) => records.find((r) => r.kind === i.kind && r.id === i.entityId))
    const missing = wanted.filter((r) => !r).length
    if (missing) return { ok: false, reason: 'gone', missing }
    for (const english of wanted as EnglishRecord[]) {
      await tx.deleteFrom('translation_request').where('entity_type', '=', english.kind).where('entity_id', '=', english.id).where('language', '=', WELSH).execute()
      await tx
        .insertInto('translation_request')
        .values({ entity_type: english.kind, entity_id: english.id, language: WELSH, campaign_id: input.campaignId, needed_by: input.neededBy, requested_by: user.id, requested_at: at })
        .execute()
    }
    const labels = (wanted as EnglishRecord[]).map((r) => r.label)
    record({
      audit: {
        action: 'translation.requested',
        entityType: 'campaign',
        entityId: input.campaignId,
        summary: `Asked for a Welsh translation of ${labels.length === 1 ? labels[0] : `${labels.length} items`} by ${input.neededBy}`,
        after: { neededBy: input.neededBy, items: (wanted as EnglishRecord[]).map((r) => ({ kind: r.kind, id: r.id, englishVersion: r.version })) },
      },
    })
    return { ok: true, requested: labels.length }
  })
}

/** The English text of a record as it was at a version, from its history; null when there is no such version. */
export async function sourceAt(db: DbOrTx, campaignId: string, english: EnglishRecord, version: number): Promise<Record<string, unknown> | null> {
  if (version === english.version) return english.source
  if (!(version >= 1 && version < english.version)) return null
  const row = await db
    .selectFrom('revision')
    .select('snapshot_json')
    .where('campaign_id', '=', campaignId)
    .where('entity_type', '=', english.kind)
    .where('entity_id', '=', english.id)
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row) return null
  const snapshot = parsed(row.snapshot_json)
  const text = (key: string) => (typeof snapshot[key] === 'string' ? (snapshot[key] as string) : '')
  if (english.kind === 'message') {
    const channel = (typeof snapshot.channel === 'string' ? snapshot.channel : english.channel) as Channel
    return { ...messageSource({ channel, subject: typeof snapshot.subject === 'string' ? snapshot.subject : null, body: text('body') }) }
  }
  if (english.kind === 'line') return { question: text('question'), answer: text('answer') }
  return { ...scriptSource({ opening: text('opening'), verification: text('verification'), recordingNotice: text('recordingNotice'), body: text('body'), closing: text('closing') }) }
}

/** One Welsh version read from a translation file, checked: the English version it translates and its text then. */
export interface ImportedTranslation {
  kind: TranslationKind
  entityId: string
  englishVersion: number
  translatedFrom: Record<string, unknown>
  welsh: Record<string, unknown>
}

export type TranslationImportResult = { ok: true; saved: number } | { ok: false; reason: WriteRefusal } | { ok: false; reason: 'english-changed'; labels: string[] }

/**
 * Saves every Welsh version from a translation file in one transaction, or none: each records the English version the
 * file was exported at, so a file translated from an English text changed since arrives already out of date.
 */
export async function importTranslations(db: DbOrTx, input: { campaignId: string; fileName: string; translations: ImportedTranslation[] }, user: SessionUser): Promise<TranslationImportResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<TranslationImportResult> => {
    const records = await listEnglishRecords(tx, input.campaignId)
    // Checked against the records as they are inside the transaction: an English record removed, or a version the
    // file names rewritten, since the file was read is refused rather than half-imported.
    const changed: string[] = []
    for (const t of input.translations) {
      const english = records.find((r) => r.kind === t.kind && r.id === t.entityId)
      const then = english ? await sourceAt(tx, input.campaignId, english, t.englishVersion) : null
      if (!english || !then || canonicalJson(then) !== canonicalJson(t.translatedFrom)) changed.push(english?.label ?? 'a record that has been removed')
    }
    if (changed.length) return { ok: false, reason: 'english-changed', labels: changed }
    for (const t of input.translations) {
      const english = records.find((r) => r.kind === t.kind && r.id === t.entityId)!
      const before = (await getTranslation(tx, input.campaignId, t.kind, t.entityId)) ?? null
      const content = welshContentOf(t.kind, english, { ...(before?.welsh ?? {}), ...t.welsh })
      const version = await writeTranslation(tx, { campaignId: input.campaignId, english, before, content, translatesVersion: t.englishVersion, translatedFrom: t.translatedFrom, at, userId: user.id })
      const summary = before ? `Imported a new Welsh version from “${input.fileName}”` : `Imported the Welsh version from “${input.fileName}”`
      record({
        revision: { entityType: REVISION_TYPES[t.kind], entityId: english.id, version, summary, snapshot: revisionSnapshot(english, t.englishVersion, content) },
        audit: {
          action: 'translation.saved',
          entityType: REVISION_TYPES[t.kind],
          entityId: english.id,
          summary: `${summary} for ${english.label}, translating English version ${t.englishVersion} (Welsh version ${version})`,
          before: before ? { translatesVersion: before.translatesVersion, ...before.welsh } : undefined,
          after: { translatesVersion: t.englishVersion, ...content },
        },
      })
    }
    return { ok: true, saved: input.translations.length }
  })
}

/** The Welsh versions for the campaign's JSON export, each with the English version it translates. */
export async function translationsForExport(db: DbOrTx, campaignId: string) {
  const items = (await listWelshItems(db, campaignId)).filter((i) => i.translation)
  const of = (kind: TranslationKind) =>
    items
      .filter((i) => i.english.kind === kind)
      .map((i) => ({
        ...(kind === 'message' ? { messageId: i.english.id } : kind === 'line' ? { lineId: i.english.id } : { callType: i.english.callType }),
        translatesEnglishVersion: i.translation!.translatesVersion,
        englishVersionNow: i.english.version,
        upToDate: i.state === 'current',
        ...i.translation!.welsh,
        version: i.translation!.version,
        updatedAt: i.translation!.updatedAt,
      }))
  return { language: WELSH, messages: of('message'), linesToTake: of('line'), scripts: of('script') }
}
