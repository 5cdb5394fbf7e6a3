import { PACK_LINE_AUDIENCE, PACK_TITLES, packForecastFromResult, packWaves, type PackAudience, type PackForecast, type PackMessage, type PackWave } from '../campaign/pack'
import { CHANNELS, POSTAGE_CLASSES, type Channel, type Postage } from '../forecast/delivery'
import { workingCalendarFor } from '../forecast/working-days'
import type { DbOrTx } from '../utils/db.server'
import { getActiveBankHolidays } from './bank-holidays.server'
import type { Campaign } from './campaign.server'
import { computeSavedForecast } from './forecast.server'
import { getDebtTreatment } from './debt-treatment.server'
import { listLines } from './line.server'
import { getPressBriefing } from './press-briefing.server'
import { scriptFindings } from '../content/stored-content'
import { listScripts } from './script.server'

/** The campaign's messages with their waves, as the key dates need them. */
export async function listPackMessages(db: DbOrTx, campaignId: string): Promise<PackMessage[]> {
  const messages = await db
    .selectFrom('message')
    .leftJoin('forecast_message', 'forecast_message.message_id', 'message.id')
    .select(['message.id', 'message.name', 'message.channel', 'message.postage', 'forecast_message.delay_override_days'])
    .where('message.campaign_id', '=', campaignId)
    .orderBy('message.position')
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
      delayOverrideDays: m.delay_override_days,
      waves: waves.filter((w) => w.message_id === m.id).map((w) => ({ sendDate: w.send_date, volume: w.volume })),
    }))
}

/**
 * When each wave is sent and expected to arrive: the forecast's delivery rules (its delay overrides and the bank
 * holidays in use for the campaign's nation), so the pack and the forecast agree.
 */
export async function packKeyDates(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>): Promise<PackWave[]> {
  const calendar = workingCalendarFor((await getActiveBankHolidays(db)).file, campaign.nation)
  return packWaves(await listPackMessages(db, campaign.id), calendar)
}

/** The expected calls by week and the peak day from the saved forecast, or null while there is none to show. */
export async function packForecast(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>): Promise<PackForecast | null> {
  const { forecast } = await computeSavedForecast(db, campaign)
  return forecast.ok ? packForecastFromResult(forecast.result) : null
}

/** Everything a printable pack shows, for one audience, prepared on `today`. */
export async function loadHandlerPack(db: DbOrTx, campaign: Campaign, audience: PackAudience, today: string) {
  const [lines, scripts, waves, forecast, debtTreatment, pressBriefing] = await Promise.all([
    listLines(db, campaign.id, [PACK_LINE_AUDIENCE[audience]]),
    listScripts(db, campaign.id),
    packKeyDates(db, campaign),
    packForecast(db, campaign),
    audience === 'debt-management' ? getDebtTreatment(db, campaign.id) : null,
    audience === 'press' ? getPressBriefing(db, campaign.id) : null,
  ])
  return {
    title: PACK_TITLES[audience],
    audience,
    preparedOn: today,
    campaign: {
      ref: campaign.ref,
      name: campaign.name,
      status: campaign.status,
      objective: campaign.objective,
      targetPopulation: campaign.targetPopulation,
      populationSize: campaign.populationSize,
      plannedLaunchDate: campaign.plannedLaunchDate,
      referenceType: campaign.referenceType,
      responseSought: campaign.responseSought,
      responseProcess: campaign.responseProcess,
      extraLiability: campaign.extraLiability,
      liabilityCustomers: campaign.liabilityCustomers,
      liabilityAveragePence: campaign.liabilityAveragePence,
      pressInform: campaign.pressInform,
    },
    lines,
    scripts: scripts.map((script) => ({ ...script, errors: scriptFindings(script, campaign).filter((f) => f.level === 'error').length })),
    waves,
    forecast,
    debtTreatment,
    pressBriefing,
  }
}
