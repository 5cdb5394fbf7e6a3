// Factories for lines to take, scripts and the messages whose waves give a handler pack its key dates.
import crypto from 'node:crypto'
import { getCampaignByRef, type Campaign } from '../../app/models/campaign.server'
import { createLine } from '../../app/models/line.server'
import type { LineInput } from '../../app/schemas/line'
import { nowIso } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/roles'

export async function campaignByRef(ref: string): Promise<Campaign> {
  const campaign = await getCampaignByRef(db, ref)
  if (!campaign) throw new Error(`No campaign ${ref}`)
  return campaign
}

export function lineInput(overrides: Partial<LineInput> = {}): LineInput {
  return {
    audience: 'helpline',
    standardQuestion: null,
    question: 'Why have I been sent this letter?',
    answer: 'We think you may have rental income that is not on your return.',
    ...overrides,
  }
}

/** The line form as a browser posts it. */
export function lineForm(input: Partial<LineInput> = {}, extra: Record<string, string> = {}): Record<string, string> {
  const line = lineInput(input)
  return { audience: line.audience, standardQuestion: line.standardQuestion ?? '', question: line.question, answer: line.answer, ...extra }
}

export async function makeLine(author: SessionUser, ref: string, overrides: Partial<LineInput> = {}): Promise<string> {
  const campaign = await campaignByRef(ref)
  const result = await createLine(db, { campaignId: campaign.id, values: lineInput(overrides) }, author)
  if (!result.ok) throw new Error(`Could not add the line: ${result.reason}`)
  return result.id
}

export interface TestMessage {
  name: string
  channel: 'letter' | 'email' | 'sms' | 'online'
  postage?: 'second' | 'first' | 'economy' | 'signed-for' | null
  waves: { sendDate: string; volume: number }[]
}

/** Inserts a message and its waves as rows: the message editor belongs to another task. */
export async function insertMessage(ref: string, message: TestMessage): Promise<string> {
  const campaign = await campaignByRef(ref)
  const id = crypto.randomUUID()
  const at = nowIso()
  const { n } = await db
    .selectFrom('message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaign.id)
    .executeTakeFirstOrThrow()
  await db
    .insertInto('message')
    .values({
      id,
      campaign_id: campaign.id,
      position: Number(n) + 1,
      name: message.name,
      channel: message.channel,
      reference_type: campaign.referenceType,
      subject: message.channel === 'email' ? 'A message from HMRC' : null,
      body: 'Dear ((customer_name)), your reference is ((reference)).',
      address_block: message.channel === 'letter' ? '((customer_name))\n((address_line_1))\n((postcode))' : null,
      postage: message.channel === 'letter' ? (message.postage ?? 'second') : null,
      deadline_days: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute()
  if (message.waves.length) {
    await db
      .insertInto('wave')
      .values(message.waves.map((wave, index) => ({ id: crypto.randomUUID(), message_id: id, position: index + 1, send_date: wave.sendDate, volume: wave.volume })))
      .execute()
  }
  return id
}

export async function countRows(table: 'line_to_take' | 'script' | 'revision' | 'audit_event' | 'debt_treatment' | 'press_briefing'): Promise<number> {
  const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(n)
}

export async function snapshotCounts() {
  const tables = ['line_to_take', 'script', 'revision', 'audit_event', 'debt_treatment', 'press_briefing'] as const
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await countRows(t)] as const)))
}
