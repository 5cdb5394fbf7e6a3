import crypto from 'node:crypto'
import type { LineToTakeRow } from '../../db/types'
import { LINE_AUDIENCE_LABELS, STANDARD_QUESTION_LABELS, isStandardQuestion, type LineAudience, type StandardQuestion } from '../content/coverage'
import type { LineInput } from '../schemas/line'
import type { DbOrTx, Tx } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import { writeCampaignContent, type WriteRefusal } from './content-write.server'

export interface LineToTake {
  id: string
  audience: LineAudience
  question: string
  answer: string
  standardQuestion: StandardQuestion | null
  position: number
  version: number
  updatedAt: string
}

const COLUMNS = ['id', 'audience', 'question', 'answer', 'standard_question', 'position', 'version', 'updated_at'] as const

function fromRow(row: Pick<LineToTakeRow, (typeof COLUMNS)[number]>): LineToTake {
  return {
    id: row.id,
    audience: row.audience as LineAudience,
    question: row.question,
    answer: row.answer,
    standardQuestion: isStandardQuestion(row.standard_question) ? row.standard_question : null,
    position: row.position,
    version: row.version,
    updatedAt: row.updated_at,
  }
}

/** What a version of a line holds, for its history, its diff and the audit trail. Order is not content. */
export function lineSnapshot(line: Pick<LineToTake, 'audience' | 'question' | 'answer' | 'standardQuestion'>) {
  return { audience: line.audience, standardQuestion: line.standardQuestion, question: line.question, answer: line.answer }
}

/** Readable labels for diffs of line snapshots. */
export const LINE_DIFF_LABELS: Record<string, string> = {
  audience: 'Who it is for',
  standardQuestion: 'Standard question answered',
  question: 'Question',
  answer: 'Answer',
}

export function lineSummaryName(line: Pick<LineToTake, 'question'>): string {
  const q = line.question.replace(/\s+/g, ' ').trim()
  return `“${q.length > 80 ? `${q.slice(0, 80)}…` : q}”`
}

const LINE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function isLineId(value: unknown): value is string {
  return typeof value === 'string' && LINE_ID.test(value)
}

/** The campaign's lines in order, optionally only those for some audiences. */
export async function listLines(db: DbOrTx, campaignId: string, audiences?: readonly LineAudience[]): Promise<LineToTake[]> {
  let query = db.selectFrom('line_to_take').select(COLUMNS).where('campaign_id', '=', campaignId)
  if (audiences) {
    if (audiences.length === 0) return []
    query = query.where('audience', 'in', [...audiences])
  }
  const rows = await query.orderBy('position').orderBy('created_at').orderBy('id').execute()
  return rows.map(fromRow)
}

export async function getLine(db: DbOrTx, campaignId: string, lineId: string): Promise<LineToTake | undefined> {
  if (!isLineId(lineId)) return undefined
  const row = await db.selectFrom('line_to_take').select(COLUMNS).where('campaign_id', '=', campaignId).where('id', '=', lineId).executeTakeFirst()
  return row ? fromRow(row) : undefined
}

async function nextPosition(tx: Tx, campaignId: string): Promise<number> {
  const { highest } = await tx
    .selectFrom('line_to_take')
    .select((eb) => eb.fn.max('position').as('highest'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow()
  return (highest === null || highest === undefined ? 0 : Number(highest)) + 1
}

function describeLine(line: Pick<LineToTake, 'audience' | 'question'>): string {
  return `${LINE_AUDIENCE_LABELS[line.audience].toLowerCase()} line to take ${lineSummaryName(line)}`
}

export type LineWriteResult =
  | { ok: true; id: string; version: number }
  | { ok: false; reason: WriteRefusal | 'gone' }
  | { ok: false; reason: 'conflict'; current: LineToTake }

export async function createLine(db: DbOrTx, input: { campaignId: string; values: LineInput }, user: SessionUser): Promise<LineWriteResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<LineWriteResult> => {
    const id = crypto.randomUUID()
    const { values } = input
    await tx
      .insertInto('line_to_take')
      .values({
        id,
        campaign_id: input.campaignId,
        audience: values.audience,
        question: values.question,
        answer: values.answer,
        standard_question: values.standardQuestion,
        position: await nextPosition(tx, input.campaignId),
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute()
    const snapshot = lineSnapshot(values)
    record({
      revision: { entityType: 'line', entityId: id, version: 1, summary: 'Added the line', snapshot },
      audit: { action: 'line.created', entityType: 'line', entityId: id, summary: `Added the ${describeLine(values)}`, after: snapshot },
    })
    return { ok: true, id, version: 1 }
  })
}

const WELSH_AUDIENCES: ReadonlySet<string> = new Set(['helpline', 'debt-management'])

const CHANGE_WORDS: Record<keyof ReturnType<typeof lineSnapshot>, string> = {
  audience: 'who it is for',
  standardQuestion: 'the standard question',
  question: 'the question',
  answer: 'the answer',
}

export async function updateLine(
  db: DbOrTx,
  input: { campaignId: string; lineId: string; version: number; values: LineInput },
  user: SessionUser,
): Promise<LineWriteResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<LineWriteResult> => {
    const before = await getLine(tx, input.campaignId, input.lineId)
    if (!before) return { ok: false, reason: 'gone' }
    if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before }
    const version = before.version + 1
    const { values } = input
    // A line given to another audience goes to the end of that audience's list.
    const position = values.audience === before.audience ? before.position : await nextPosition(tx, input.campaignId)
    const result = await tx
      .updateTable('line_to_take')
      .set({
        audience: values.audience,
        question: values.question,
        answer: values.answer,
        standard_question: values.standardQuestion,
        position,
        version,
        updated_at: at,
      })
      .where('id', '=', before.id)
      .where('campaign_id', '=', input.campaignId)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (result.numUpdatedRows !== 1n) return { ok: false, reason: 'conflict', current: before }
    // Only helpline and Debt Management lines have Welsh versions (the Welsh helpline answers them): a line given to
    // another audience loses its Welsh version, and any request for one.
    const welshGone = !WELSH_AUDIENCES.has(values.audience) && (await tx.deleteFrom('translation').where('entity_type', '=', 'line').where('entity_id', '=', before.id).executeTakeFirst()).numDeletedRows > 0n
    if (!WELSH_AUDIENCES.has(values.audience)) await tx.deleteFrom('translation_request').where('entity_type', '=', 'line').where('entity_id', '=', before.id).execute()
    const beforeSnapshot = lineSnapshot(before)
    const afterSnapshot = lineSnapshot(values)
    const changed = (Object.keys(afterSnapshot) as (keyof typeof afterSnapshot)[]).filter((key) => beforeSnapshot[key] !== afterSnapshot[key])
    const summary = changed.length ? `Changed ${changed.map((key) => CHANGE_WORDS[key]).join(', ')}` : 'Saved with no changes'
    record({
      revision: { entityType: 'line', entityId: before.id, version, summary, snapshot: afterSnapshot },
      audit: {
        action: 'line.updated',
        entityType: 'line',
        entityId: before.id,
        summary: `${summary} of the ${describeLine(values)}${welshGone ? ', and removed its Welsh version' : ''}`,
        before: Object.fromEntries(changed.map((key) => [key, beforeSnapshot[key]])),
        after: Object.fromEntries(changed.map((key) => [key, afterSnapshot[key]])),
      },
    })
    return { ok: true, id: before.id, version }
  })
}

export async function removeLine(
  db: DbOrTx,
  input: { campaignId: string; lineId: string; version: number },
  user: SessionUser,
): Promise<LineWriteResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, record }): Promise<LineWriteResult> => {
    const before = await getLine(tx, input.campaignId, input.lineId)
    if (!before) return { ok: false, reason: 'gone' }
    if (before.version !== input.version) return { ok: false, reason: 'conflict', current: before }
    const welsh = await tx.selectFrom('translation').select('version').where('entity_type', '=', 'line').where('entity_id', '=', before.id).executeTakeFirst()
    // Its revisions stay, so the history of a removed line can still be read; its Welsh version goes with it (0110).
    await tx.deleteFrom('line_to_take').where('id', '=', before.id).where('version', '=', input.version).execute()
    record({
      audit: { action: 'line.removed', entityType: 'line', entityId: before.id, summary: `Removed the ${describeLine(before)}${welsh ? ', and its Welsh version' : ''}`, before: lineSnapshot(before) },
    })
    return { ok: true, id: before.id, version: before.version }
  })
}

export type LineMoveResult =
  | { ok: true }
  | { ok: false; reason: WriteRefusal | 'gone' | 'changed' | 'order-changed' }

/**
 * Swaps a line with its neighbour in its audience's list. The form says which neighbour the user saw, so a move
 * made against an order that has since changed (a line added, removed or moved) is refused rather than applied to
 * a list the user has not seen. Order is not content: moving records no new version of either line.
 */
export async function moveLine(
  db: DbOrTx,
  input: { campaignId: string; lineId: string; version: number; direction: 'up' | 'down'; neighbourId: string },
  user: SessionUser,
): Promise<LineMoveResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, record }): Promise<LineMoveResult> => {
    const line = await getLine(tx, input.campaignId, input.lineId)
    if (!line) return { ok: false, reason: 'gone' }
    if (line.version !== input.version) return { ok: false, reason: 'changed' }
    const list = await listLines(tx, input.campaignId, [line.audience])
    const index = list.findIndex((l) => l.id === line.id)
    const neighbour = list[input.direction === 'up' ? index - 1 : index + 1]
    if (!neighbour || neighbour.id !== input.neighbourId) return { ok: false, reason: 'order-changed' }
    // Positions are unique within a campaign (each new line takes the next one), so a swap is two updates.
    await tx.updateTable('line_to_take').set({ position: neighbour.position }).where('id', '=', line.id).execute()
    await tx.updateTable('line_to_take').set({ position: line.position }).where('id', '=', neighbour.id).execute()
    // Order is not signed content (the scopes sort lines by their text), so no approval goes out of date.
    record({
      audit: {
        action: 'line.moved',
        entityType: 'line',
        entityId: line.id,
        summary: `Moved the ${describeLine(line)} ${input.direction}`,
        before: { order: list.map((l) => l.id) },
        after: { order: list.map((l) => (l.id === line.id ? neighbour.id : l.id === neighbour.id ? line.id : l.id)) },
      },
    })
    return { ok: true }
  })
}

export function standardQuestionLabel(id: StandardQuestion | null): string | null {
  return id ? STANDARD_QUESTION_LABELS[id] : null
}
