// Everything the forecast page shows, read in one place so that its route only guards, parses and responds.
import { aggregateByIsoWeek } from '../forecast/helpline-load'
import { deliveryProfileName } from '../forecast/delivery-profile'
import { defaultDelayDays, type CampaignForecast } from '../forecast/settings'
import { HELPLINE_NATION } from '../helplines/helpline'
import type { SessionUser } from '../utils/roles'
import type { DbOrTx } from '../utils/db.server'
import { actualsView, canRecordActuals, listActuals } from './actuals.server'
import { canEditCampaign, type Campaign } from './campaign.server'
import { computeSavedForecast, forecastOf, loadCampaignForecastData } from './forecast.server'
import { forecastSuggestion } from './learning.server'
import { canReforecast, currentReforecast, latestReforecast, reforecastView } from './reforecast.server'
import { workingDaysOf, MIN_WORKING_DAYS_FOR_REFORECAST } from '../forecast/reforecast'

export async function loadForecastPage(db: DbOrTx, user: SessionUser, campaign: Campaign) {
  const [loaded, actuals] = await Promise.all([loadCampaignForecastData(db, campaign), listActuals(db, campaign.id)])
  const canEdit = canEditCampaign(user, campaign)
  // Once a launched campaign has actual calls, the page sets them against the saved forecast.
  const savedForecast: CampaignForecast | null = actuals.length && loaded.saved.version > 0 ? forecastOf(loaded, loaded.saved.settings) : null
  const reforecast = savedForecast ? await latestReforecast(db, campaign.id) : null
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, nation: campaign.nation },
    canEdit,
    messages: loaded.messages,
    helplines: loaded.forecastHelplines,
    bankHolidays: loaded.bankHolidays,
    helplineBankHolidays: loaded.helplineBankHolidays,
    saved: loaded.saved,
    dispersion: loaded.dispersion,
    actuals: savedForecast ? actualsView(loaded, savedForecast, actuals) : null,
    canRecordActuals: canRecordActuals(user, campaign),
    // A launched campaign's re-forecast from its calls so far, beside the signed-off forecast.
    reforecast: savedForecast && reforecast ? reforecastView(loaded, savedForecast, reforecast) : null,
    canReforecast: canReforecast(user, campaign) && savedForecast !== null && workingDaysOf(actuals.map((a) => a.date)).length >= MIN_WORKING_DAYS_FOR_REFORECAST,
    // A forecast never saved starts from what past campaigns of the same regime and channel showed, if any did.
    suggestion: canEdit && loaded.saved.version === 0 ? await forecastSuggestion(db, campaign, loaded.messages) : null,
  }
}

export type ForecastPageData = Awaited<ReturnType<typeof loadForecastPage>>

/**
 * One helpline's printable briefing, from the saved forecast inputs: its view of the forecast, the weeks with calls,
 * and the messages that send it calls. Null when the saved forecast sends it none.
 */
export async function loadHelplineBriefing(db: DbOrTx, campaign: Campaign, helplineId: string) {
  const { data, forecast } = await computeSavedForecast(db, campaign)
  const helpline = data.helplines.find((h) => h.id === helplineId)
  if (!helpline || !forecast.ok || !forecast.result.helplines.some((h) => h.helplineId === helplineId)) return null
  const { firstCallDate, lastCallDate } = forecast.result.summary
  // Only the days the page shows travel to the browser: the open days from the campaign's first call to its last.
  const days = forecast.result.helplines.find((h) => h.helplineId === helplineId)!
  const shown = { ...days, days: firstCallDate && lastCallDate ? days.days.filter((d) => d.open && d.date >= firstCallDate && d.date <= lastCallDate) : [] }
  const weeks = aggregateByIsoWeek(shown.days).filter((w) => w.calls.high > 0)
  const messages = forecast.result.messages
    .map((m) => {
      const share = data.saved.settings.messages[m.messageId]?.split[helpline.id] ?? 0
      const source = data.messages.find((s) => s.id === m.messageId)!
      return {
        ...m,
        share,
        postage: source.postage,
        deadlineDays: source.deadlineDays,
        delay: m.delayDays,
        usualDelay: defaultDelayDays(source),
        deliveryProfile: m.channel === 'letter' ? deliveryProfileName(source.postage, source.deliveryProfile ?? null) : null,
      }
    })
    .filter((m) => m.share > 0)
  // A launched campaign re-forecast from its calls so far: the re-forecast for this helpline's days still to come.
  const redone = await currentReforecast(db, campaign.id, data)
  const redoneView = redone ? reforecastView(data, forecast, redone.saved, redone.forecast) : null
  return {
    campaign: { ref: campaign.ref, name: campaign.name, nation: campaign.nation, plannedLaunchDate: campaign.plannedLaunchDate },
    helpline,
    helplineNation: HELPLINE_NATION,
    saved: { version: data.saved.version, updatedAt: data.saved.updatedAt, settings: data.saved.settings },
    forecast: shown,
    settings: forecast.input.helplines.find((h) => h.id === helplineId) ?? null,
    weeks,
    messages,
    warnings: forecast.result.warnings,
    dispersion: data.dispersion,
    reforecast: redoneView
      ? { saved: redoneView.saved, forecastRates: data.saved.settings.contactRates, days: redoneView.helplines.find((h) => h.helplineId === helplineId)?.days ?? [] }
      : null,
  }
}
