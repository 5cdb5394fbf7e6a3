import crypto from 'node:crypto'
import type { MessageRow } from '../../db/types'
import type { MessagesTaskInput } from '../campaign/tasks'
import { type Channel, type Finding } from '../content/rules'
import { messageFindings } from '../content/stored-content'
import type { MessageFormInput, WaveInput } from '../schemas/message'
import type { DbOrTx, Tx } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import { deliveryProfileText, storedDeliveryProfile } from '../forecast/delivery-profile'
import { writeCampaignContent, type WriteRefusal } from './content-write.server'
import { listCampaignFieldNames } from './campaign-field.server'

export interface Wave {
  sendDate: string
  volume: number
}

export interface Message {
  id: string
  campaignId: string
  position: number
  name: string
  channel: Channel
  referenceType: string
  subject: string | null
  body: string
  addressBlock: string | null
  postage: string | null
  deadlineDays: number | null
  /** Letters only: the designer's own percentages delivered on working day 1, 2, 3 … after posting; null uses the postage class's. */
  deliveryProfile: number[] | null
  version: number
  createdAt: string
  updatedAt: string
  waves: Wave[]
  /** The sum of the waves' volumes. */
  recipients: number
}

/** What is versioned, audited and compared for a message: its content and its waves, nothing else. */
export interface MessageSnapshot {
  name: string
  channel: string
  referenceType: string
  subject: string | null
  addressBlock: string | null
  postage: string | null
  deadlineDays: number | null
  /** Absent from revisions saved before designers could set it, which read as null. */
  deliveryProfile?: number[] | null
  body: string
  waves: Wave[]
}

export function messageSnapshot(message: Omit<MessageSnapshot, 'waves'> & { waves: readonly WaveInput[] }): MessageSnapshot {
  return {
    name: message.name,
    channel: message.channel,
    referenceType: message.referenceType,
    subject: message.subject,
    addressBlock: message.addressBlock,
    postage: message.postage,
    deadlineDays: message.deadlineDays,
    deliveryProfile: message.deliveryProfile ?? null,
    body: message.body,
    waves: message.waves.map((w) => ({ sendDate: w.sendDate, volume: w.volume })),
  }
}

const SNAPSHOT_LABELS: Record<keyof MessageSnapshot, string> = {
  name: 'the name',
  channel: 'the channel',
  referenceType: 'the reference type',
  subject: 'the subject',
  addressBlock: 'the address block',
  postage: 'the postage class',
  deadlineDays: 'the action deadline',
  deliveryProfile: 'the delivery profile',
  body: 'the body',
  waves: 'the waves',
}

export function changedSnapshotKeys(before: MessageSnapshot, after: MessageSnapshot): (keyof MessageSnapshot)[] {
  return (Object.keys(SNAPSHOT_LABELS) as (keyof MessageSnapshot)[]).filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
}

/** "the body and the waves" */
export function changeList(keys: (keyof MessageSnapshot)[]): string {
  const labels = keys.map((key) => SNAPSHOT_LABELS[key])
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`
}

export function describeChanges(keys: (keyof MessageSnapshot)[]): string {
  return keys.length === 0 ? 'Saved with no changes' : `Changed ${changeList(keys)}`
}

const CHANNEL_WORDS: Record<string, string> = { letter: 'letter', email: 'email', sms: 'text message', online: 'online account message' }

function named(message: { channel: string; name: string }): string {
  return `the ${CHANNEL_WORDS[message.channel] ?? 'message'} “${message.name}”`
}

const MESSAGE_COLUMNS = [
  'id',
  'campaign_id',
  'position',
  'name',
  'channel',
  'reference_type',
  'subject',
  'body',
  'address_block',
  'postage',
  'deadline_days',
  'delivery_profile',
  'version',
  'created_at',
  'updated_at',
] as const

function fromRow(row: Pick<MessageRow, (typeof MESSAGE_COLUMNS)[number]>, waves: Wave[]): Message {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    position: row.position,
    name: row.name,
    channel: row.channel as Channel,
    referenceType: row.reference_type,
    subject: row.subject,
    body: row.body,
    addressBlock: row.address_block,
    postage: row.postage,
    deadlineDays: row.deadline_days,
    deliveryProfile: row.channel === 'letter' ? storedDeliveryProfile(row.delivery_profile) : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    waves,
    recipients: waves.reduce((sum, wave) => sum + wave.volume, 0),
  }
}

async function wavesFor(db: DbOrTx, messageIds: string[]): Promise<Map<string, Wave[]>> {
  const byMessage = new Map<string, Wave[]>(messageIds.map((id) => [id, []]))
  if (messageIds.length === 0) return byMessage
  const rows = await db
    .selectFrom('wave')
    .select(['message_id', 'send_date', 'volume'])
    .where('message_id', 'in', messageIds)
    .orderBy('message_id')
    .orderBy('position')
    .execute()
  for (const row of rows) byMessage.get(row.message_id)?.push({ sendDate: row.send_date, volume: Number(row.volume) })
  return byMessage
}

export async function listMessages(db: DbOrTx, campaignId: string): Promise<Message[]> {
  const rows = await db.selectFrom('message').select(MESSAGE_COLUMNS).where('campaign_id', '=', campaignId).orderBy('position').orderBy('id').execute()
  const waves = await wavesFor(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => fromRow(row, waves.get(row.id) ?? []))
}

/** A message of this campaign; a message of another campaign is not found, whatever its id. */
export async function getMessage(db: DbOrTx, campaignId: string, messageId: string): Promise<Message | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(messageId)) return undefined
  const row = await db.selectFrom('message').select(MESSAGE_COLUMNS).where('id', '=', messageId).where('campaign_id', '=', campaignId).executeTakeFirst()
  if (!row) return undefined
  const waves = await wavesFor(db, [row.id])
  return fromRow(row, waves.get(row.id) ?? [])
}

export interface MessageWithFindings extends Message {
  findings: Finding[]
  errorCount: number
  warningCount: number
}

/** Every message of the campaign with its data-security findings, computed from its current content. */
export async function listMessagesWithFindings(db: DbOrTx, campaignId: string): Promise<{ messages: MessageWithFindings[]; extraFields: string[] }> {
  const [messages, extraFields] = await Promise.all([listMessages(db, campaignId), listCampaignFieldNames(db, campaignId)])
  return {
    extraFields,
    messages: messages.map((message) => {
      const findings = messageFindings(message, extraFields)
      return {
        ...message,
        findings,
        errorCount: findings.filter((f) => f.level === 'error').length,
        warningCount: findings.filter((f) => f.level === 'warning').length,
      }
    }),
  }
}

/** The numbers the campaign's task list needs for "Write the messages". */
export async function messagesTaskInput(db: DbOrTx, campaignId: string): Promise<MessagesTaskInput> {
  const { messages } = await listMessagesWithFindings(db, campaignId)
  return {
    count: messages.length,
    withoutWaves: messages.filter((m) => m.waves.length === 0).length,
    withErrors: messages.filter((m) => m.errorCount > 0).length,
    recipients: messages.reduce((sum, m) => sum + m.recipients, 0),
  }
}

function columnsFrom(input: MessageFormInput) {
  return {
    name: input.name,
    channel: input.channel,
    reference_type: input.referenceType,
    subject: input.channel === 'email' ? input.subject : null,
    body: input.body,
    address_block: input.channel === 'letter' ? input.addressBlock : null,
    postage: input.channel === 'letter' ? input.postage : null,
    deadline_days: input.channel === 'letter' ? input.deadlineDays : null,
    delivery_profile: input.channel === 'letter' && input.deliveryProfile ? deliveryProfileText(input.deliveryProfile) : null,
  }
}

async function replaceWaves(tx: Tx, messageId: string, waves: readonly WaveInput[]) {
  await tx.deleteFrom('wave').where('message_id', '=', messageId).execute()
  if (waves.length === 0) return
  await tx
    .insertInto('wave')
    .values(waves.map((wave, position) => ({ id: crypto.randomUUID(), message_id: messageId, position, send_date: wave.sendDate, volume: wave.volume })))
    .execute()
}

function snapshotOfInput(input: MessageFormInput): MessageSnapshot {
  const c = columnsFrom(input)
  return messageSnapshot({
    name: c.name,
    channel: c.channel,
    referenceType: c.reference_type,
    subject: c.subject,
    addressBlock: c.address_block,
    postage: c.postage,
    deadlineDays: c.deadline_days,
    deliveryProfile: storedDeliveryProfile(c.delivery_profile),
    body: c.body,
    waves: input.waves,
  })
}

export type CreateMessageResult = { ok: true; id: string } | { ok: false; reason: WriteRefusal }

export async function createMessage(db: DbOrTx, input: { campaignId: string; values: MessageFormInput }, user: SessionUser): Promise<CreateMessageResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }) => {
    const last = await tx
      .selectFrom('message')
      .select('position')
      .where('campaign_id', '=', input.campaignId)
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirst()
    const id = crypto.randomUUID()
    await tx
      .insertInto('message')
      .values({ id, campaign_id: input.campaignId, position: (last?.position ?? 0) + 1, ...columnsFrom(input.values), version: 1, created_at: at, updated_at: at })
      .execute()
    await replaceWaves(tx, id, input.values.waves)
    const snapshot = snapshotOfInput(input.values)
    record({
      revision: { entityType: 'message', entityId: id, version: 1, summary: 'Created the message', snapshot },
      audit: { action: 'message.created', entityType: 'message', entityId: id, summary: `Added ${named(snapshot)}`, after: snapshot },
    })
    return { ok: true as const, id }
  })
}

export type UpdateMessageResult =
  | { ok: true; version: number }
  | { ok: false; reason: WriteRefusal }
  | { ok: false; reason: 'delay-set'; delayDays: number }
  | { ok: false; reason: 'conflict'; current: Message }

/**
 * Saves a new version of the message if, and only if, nobody has saved since the version the user started from.
 * The version check, the content, the waves (replaced as a whole), the revision and the audit event share one
 * write transaction.
 */
export async function updateMessage(
  db: DbOrTx,
  input: { campaignId: string; messageId: string; version: number; values: MessageFormInput },
  user: SessionUser,
): Promise<UpdateMessageResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<UpdateMessageResult> => {
    const before = await getMessage(tx, input.campaignId, input.messageId)
    if (!before) return { ok: false, reason: 'not-found' }
    if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before }
    // A letter takes either its own delivery profile or a delivery delay set on the forecast page, never both.
    if (input.values.channel === 'letter' && input.values.deliveryProfile) {
      const delay = await tx.selectFrom('forecast_message').select('delay_override_days').where('message_id', '=', before.id).executeTakeFirst()
      if (delay?.delay_override_days !== null && delay?.delay_override_days !== undefined) return { ok: false, reason: 'delay-set', delayDays: delay.delay_override_days }
    }
    const version = before.version + 1
    const result = await tx
      .updateTable('message')
      .set({ ...columnsFrom(input.values), version, updated_at: at })
      .where('id', '=', before.id)
      .where('campaign_id', '=', input.campaignId)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (result.numUpdatedRows !== 1n) return { ok: false, reason: 'conflict', current: before }
    await replaceWaves(tx, before.id, input.values.waves)

    const beforeSnapshot = messageSnapshot(before)
    const afterSnapshot = snapshotOfInput(input.values)
    const changed = changedSnapshotKeys(beforeSnapshot, afterSnapshot)
    const summary = describeChanges(changed)
    record({
      revision: { entityType: 'message', entityId: before.id, version, summary, snapshot: afterSnapshot },
      audit: {
        action: 'message.updated',
        entityType: 'message',
        entityId: before.id,
        summary: `${summary} of ${named(afterSnapshot)} (version ${version})`,
        before: Object.fromEntries(changed.map((key) => [key, beforeSnapshot[key]])),
        after: Object.fromEntries(changed.map((key) => [key, afterSnapshot[key]])),
      },
    })
    return { ok: true, version }
  })
}

export type DeleteMessageResult = { ok: true } | { ok: false; reason: WriteRefusal } | { ok: false; reason: 'conflict'; current: Message }

/** Deletes the message and its waves. Its revisions stay, so its history can still be read. */
export async function deleteMessage(db: DbOrTx, input: { campaignId: string; messageId: string; version: number }, user: SessionUser): Promise<DeleteMessageResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, record }): Promise<DeleteMessageResult> => {
    const before = await getMessage(tx, input.campaignId, input.messageId)
    if (!before) return { ok: false, reason: 'not-found' }
    if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before }
    const welsh = await tx.selectFrom('translation').select('version').where('entity_type', '=', 'message').where('entity_id', '=', before.id).executeTakeFirst()
    await tx.deleteFrom('wave').where('message_id', '=', before.id).execute()
    // Its Welsh version, and any request for one, go with it (a trigger of migration 0110 sees to that).
    await tx.deleteFrom('message').where('id', '=', before.id).where('campaign_id', '=', input.campaignId).execute()
    const snapshot = messageSnapshot(before)
    record({
      audit: {
        action: 'message.deleted',
        entityType: 'message',
        entityId: before.id,
        summary: `Deleted ${named(snapshot)} (version ${before.version})${welsh ? ', and its Welsh version' : ''}`,
        before: snapshot,
      },
    })
    return { ok: true }
  })
}

export interface DeletedMessage {
  id: string
  name: string
  channel: string
  at: string
  by: string | null
}

/** Messages deleted from the campaign, newest first, so their history stays reachable. */
export async function listDeletedMessages(db: DbOrTx, campaignId: string): Promise<DeletedMessage[]> {
  const events = await db
    .selectFrom('audit_event')
    .select(['entity_id', 'at', 'actor_email', 'before_json'])
    .where('campaign_id', '=', campaignId)
    .where('action', '=', 'message.deleted')
    .orderBy('id', 'desc')
    .execute()
  return events
    .filter((event): event is typeof event & { entity_id: string } => event.entity_id !== null)
    .map((event) => {
      const before = safeJson(event.before_json) as Partial<MessageSnapshot> | null
      return { id: event.entity_id, name: before?.name ?? 'Unnamed message', channel: before?.channel ?? '', at: event.at, by: event.actor_email }
    })
}

function safeJson(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** Messages with their waves and current version numbers, for the campaign's JSON export. */
export async function messagesForExport(db: DbOrTx, campaignId: string) {
  const messages = await listMessages(db, campaignId)
  return messages.map((message) => ({
    id: message.id,
    version: message.version,
    ...messageSnapshot(message),
    recipients: message.recipients,
    updatedAt: message.updatedAt,
  }))
}
