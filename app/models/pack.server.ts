import { PACK_LINE_AUDIENCE, packWaves, type PackAudience, type PackForecast, type PackMessage, type PackWave } from '../campaign/pack'
import { DEFAULT_BANK_HOLIDAYS } from '../forecast/bank-holidays'
import { CHANNELS, POSTAGE_CLASSES, type Channel, type Postage } from '../forecast/delivery'
import { workingCalendarFor } from '../forecast/working-days'
import type { DbOrTx } from '../utils/db.server'
import type { Campaign } from './campaign.server'
import { getDebtTreatment } from './debt-treatment.server'
import { listLines } from './line.server'
import { getPressBriefing } from './press-briefing.server'
import { listScripts, scriptFindings } from './script.server'

/** The campaign's messages with their waves, as the key dates need them. */
export async function listPackMessages(db: DbOrTx, campaignId: string): Promise<PackMessage[]> {
  const messages = await db
    .selectFrom('message')
    .select(['id', 'name', 'channel', 'postage'])
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute()
  if (messages.length === 0) return []
  const waves = await db
    .selectFrom('wave')
    .select(['message_id', 'send_date', 'volume'])
    .where(
      'message_id',
      'in',
      messages.map((m) => m.id),
    )
    .orderBy('message_id')
    .orderBy('position')
    .execute()
  return messages
    .filter((m) => (CHANNELS as readonly string[]).includes(m.channel))
    .map((m) => ({
      name: m.name,
      channel: m.channel as Channel,
      postage: m.channel === 'letter' && (POSTAGE_CLASSES as readonly string[]).includes(m.postage ?? '') ? (m.postage as Postage) : null,
      waves: waves.filter((w) => w.message_id === m.id).map((w) => ({ sendDate: w.send_date, volume: w.volume })),
    }))
}

/** When each wave is sent and expected to arrive, counting working days with the campaign's nation's bank holidays. */
export async function packKeyDates(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>): Promise<PackWave[]> {
  const calendar = workingCalendarFor(DEFAULT_BANK_HOLIDAYS, campaign.nation)
  return packWaves(await listPackMessages(db, campaign.id), calendar)
}

/**
 * The expected calls by week and the peak day, or null when the campaign has no forecast inputs. The forecast's
 * stored inputs belong to the forecast task; until its model is connected here, no campaign has them, so the pack
 * leaves the section out rather than print figures nobody has agreed. `packForecastFromResult` turns a forecast
 * into this shape.
 */
export async function packForecast(_db: DbOrTx, _campaign: Pick<Campaign, 'id'>): Promise<PackForecast | null> {
  return null
}

export async function loadHandlerPack(db: DbOrTx, campaign: Campaign, audience: PackAudience) {
  const [lines, scripts, waves, forecast, debtTreatment, pressBriefing] = await Promise.all([
    listLines(db, campaign.id, [PACK_LINE_AUDIENCE[audience]]),
    listScripts(db, campaign.id),
    packKeyDates(db, campaign),
    packForecast(db, campaign),
    audience === 'debt-management' ? getDebtTreatment(db, campaign.id) : null,
    audience === 'press' ? getPressBriefing(db, campaign.id) : null,
  ])
  return {
    lines,
    scripts: scripts.map((script) => ({ ...script, errors: scriptFindings(script, campaign).filter((f) => f.level === 'error').length })),
    waves,
    forecast,
    debtTreatment,
    pressBriefing,
  }
}
