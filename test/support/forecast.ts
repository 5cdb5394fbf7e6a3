// Test data for helplines and forecasts. Messages and waves are inserted straight into the message editor's
// tables, as that editor would leave them, so forecast tests do not depend on its forms.
import crypto from 'node:crypto'
import type { Channel, Postage } from '../../app/forecast/delivery'
import type { ForecastSettings } from '../../app/forecast/settings'
import { profileFrom, STARTER_PROFILE_08_18, type HelplineSettings } from '../../app/helplines/helpline'
import { createHelpline } from '../../app/models/helpline.server'
import { forecastToFormValues, type ForecastFormContext } from '../../app/schemas/forecast'
import { helplineToFormValues } from '../../app/schemas/helpline'
import type { DbOrTx } from '../../app/utils/db.server'
import { db as appDb } from '../../app/utils/db.server'
import type { FormValues } from '../../app/utils/forms'
import type { SessionUser } from '../../app/utils/roles'

export interface TestMessage {
  name?: string
  channel?: Channel
  postage?: Postage | null
  deadlineDays?: number | null
  waves?: { sendDate: string; volume: number }[]
}

/** Inserts a message and its waves as the message editor stores them; returns the message id. */
export async function insertMessage(db: DbOrTx, campaignId: string, message: TestMessage = {}): Promise<string> {
  const id = crypto.randomUUID()
  const at = new Date().toISOString()
  const existing = await db.selectFrom('message').select('id').where('campaign_id', '=', campaignId).execute()
  const channel = message.channel ?? 'letter'
  await db
    .insertInto('message')
    .values({
      id,
      campaign_id: campaignId,
      position: existing.length,
      name: message.name ?? `Message ${existing.length + 1}`,
      channel,
      reference_type: 'utr',
      subject: channel === 'email' ? 'About your tax return' : null,
      body: 'Dear ((customer_name)), we think your return may be wrong. Your reference is ((reference)).',
      address_block: channel === 'letter' ? '((customer_name))\n((address_line_1))' : null,
      postage: channel === 'letter' ? (message.postage === undefined ? 'second' : message.postage) : null,
      deadline_days: channel === 'letter' ? (message.deadlineDays ?? null) : null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute()
  const waves = message.waves ?? [{ sendDate: '2027-03-01', volume: 100_000 }]
  if (waves.length) {
    await db
      .insertInto('wave')
      .values(waves.map((w, position) => ({ id: crypto.randomUUID(), message_id: id, position, send_date: w.sendDate, volume: w.volume })))
      .execute()
  }
  return id
}

export async function campaignIdOf(ref: string, db: DbOrTx = appDb): Promise<string> {
  const row = await db.selectFrom('campaign').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()
  return row.id
}

export function helplineSettings(overrides: Partial<HelplineSettings> = {}): HelplineSettings {
  const weekday = { open: '08:00', close: '18:00' }
  return {
    name: `Helpline ${crypto.randomUUID().slice(0, 8)}`,
    openingHours: [weekday, weekday, weekday, weekday, weekday, null, null],
    intradayProfile: profileFrom('08:00', STARTER_PROFILE_08_18),
    dayWeights: [1.2, 1, 1, 1, 0.8, 1, 1],
    ahtSeconds: 540,
    targetPercent: 80,
    targetSeconds: 60,
    shrinkagePercent: 35,
    maxOccupancyPercent: 85,
    patienceSeconds: null,
    maxAbandonmentPercent: null,
    maxAsaSeconds: null,
    baselineCallsPerDay: 5_000,
    availableFte: 300,
    paidHoursPerFte: 7.4,
    staffToPercentile: 50,
    ...overrides,
  }
}

export async function makeHelpline(admin: SessionUser, overrides: Partial<HelplineSettings> = {}): Promise<{ id: string; settings: HelplineSettings }> {
  const settings = helplineSettings(overrides)
  const result = await createHelpline(appDb, settings, admin)
  if (!result.ok) throw new Error(`makeHelpline: ${result.reason}`)
  return { id: result.id, settings }
}

/** The helpline form as a browser posts it. */
export function helplineForm(settings: HelplineSettings, extra: Record<string, string> = {}): Record<string, string> {
  return { ...helplineToFormValues(settings), ...extra }
}

/** The forecast form as a browser posts it. */
export function forecastForm(
  settings: ForecastSettings,
  ctx: Pick<ForecastFormContext, 'messages' | 'helplines'>,
  extra: Record<string, string> = {},
): Record<string, string> {
  const values: FormValues = forecastToFormValues(settings, ctx)
  return { ...values, ...extra }
}
