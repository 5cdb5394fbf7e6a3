import { PACK_LINE_AUDIENCE, PACK_TITLES, packForecastFromResult, packWaves, type PackAudience, type PackForecast, type PackMessage, type PackWave } from '../campaign/pack'
import { CHANNELS, POSTAGE_CLASSES, type Channel, type Postage } from '../forecast/delivery'
import { storedDeliveryProfile } from '../forecast/delivery-profile'
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
import { listWelshItems } from './translation.server'
import { welshLineFrom, welshScriptFrom, welshScriptFindings } from '../welsh/translation'
import { getWelshHelpline } from './helpline.server'
import type { ForecastResult } from '../forecast/types'

/** The campaign's messages with their waves, as the key dates need them. */
export async function listPackMessages(db: DbOrTx, campaignId: string): Promise<PackMessage[]> {
  const messages = await db
    .selectFrom('message')
    .leftJoin('forecast_message', 'forecast_message.message_id', 'message.id')
    .select(['message.id', 'message.name', 'message.channel', 'message.postage', 'message.delivery_profile', 'forecast_message.delay_override_days'])
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
      deliveryProfile: m.channel === 'letter' ? storedDeliveryProfile(m.delivery_profile) : null,
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

/**
 * The expected calls by week and the peak day from the saved forecast, or null while there is none to show; only the
 * calls of one helpline when `helplineId` is given (the Welsh-language line, for its pack).
 */
export async function packForecast(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'nation'>, helplineId?: string | null): Promise<PackForecast | null> {
  const { forecast } = await computeSavedForecast(db, campaign)
  if (!forecast.ok) return null
  if (helplineId === undefined) return packForecastFromResult(forecast.result)
  const helplines = forecast.result.helplines.filter((h) => h.helplineId === helplineId)
  if (helplines.length === 0) return null
  const peak = helplines[0]!.peakDay
  const result: ForecastResult = { ...forecast.result, helplines, summary: { ...forecast.result.summary, peakDay: peak ? { date: peak.date, calls: peak.calls } : null } }
  return packForecastFromResult(result)
}

/**
 * The Welsh helpline's pack: the Welsh versions of the helpline lines and of the scripts, each saying whether it still
 * translates the English, and what has no Welsh version yet.
 */
async function welshPackContent(db: DbOrTx, campaign: Campaign) {
  const items = await listWelshItems(db, campaign.id)
  const lines = items.filter((i) => i.english.kind === 'line' && i.english.audience === 'helpline')
  const scripts = items.filter((i) => i.english.kind === 'script')
  return {
    lines: lines
      .filter((i) => i.translation)
      .map((i) => {
        const welsh = welshLineFrom(i.translation!.welsh)
        return { id: i.english.id, question: welsh.question, answer: welsh.answer, standardQuestion: i.english.standardQuestion ?? null, outOfDate: i.state === 'out-of-date' }
      }),
    scripts: scripts
      .filter((i) => i.translation)
      .map((i) => {
        const welsh = welshScriptFrom(i.translation!.welsh)
        const callType = i.english.callType!
        const english = { ...welshScriptFrom(i.english.source), callType }
        return { id: i.english.id, callType, ...welsh, errors: welshScriptFindings(english, welsh, campaign).filter((f) => f.level === 'error').length, outOfDate: i.state === 'out-of-date' }
      }),
    untranslated: [...lines, ...scripts].filter((i) => !i.translation).map((i) => i.english.label),
  }
}

/** Everything a printable pack shows, for one audience, prepared on `today`. */
export async function loadHandlerPack(db: DbOrTx, campaign: Campaign, audience: PackAudience, today: string) {
  const header = {
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
  }
  if (audience === 'welsh-helpline') {
    const welshHelpline = await getWelshHelpline(db)
    const [content, waves, forecast] = await Promise.all([welshPackContent(db, campaign), packKeyDates(db, campaign), packForecast(db, campaign, welshHelpline?.id ?? null)])
    return { ...header, language: 'cy' as const, welshHelpline, ...content, waves, forecast, debtTreatment: null, pressBriefing: null }
  }
  const [lines, scripts, waves, forecast, debtTreatment, pressBriefing] = await Promise.all([
    listLines(db, campaign.id, [PACK_LINE_AUDIENCE[audience]]),
    listScripts(db, campaign.id),
    packKeyDates(db, campaign),
    packForecast(db, campaign),
    audience === 'debt-management' ? getDebtTreatment(db, campaign.id) : null,
    audience === 'press' ? getPressBriefing(db, campaign.id) : null,
  ])
  return {
    ...header,
    language: 'en' as const,
    welshHelpline: null,
    lines: lines.map((line) => ({ ...line, outOfDate: false })),
    scripts: scripts.map((script) => ({ ...script, errors: scriptFindings(script, campaign).filter((f) => f.level === 'error').length, outOfDate: false })),
    untranslated: [] as string[],
    waves,
    forecast,
    debtTreatment,
    pressBriefing,
  }
}
