// Factories for the helpline calendar, actual calls and learning: campaigns built through the app's own model
// functions (so every write path that refreshes stored arrivals runs), then moved to the status a test needs.
import type { CampaignStatus } from '../../app/campaign/options'
import type { Channel } from '../../app/forecast/delivery'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { saveForecastSettings } from '../../app/models/forecast.server'
import { createMessage } from '../../app/models/message.server'
import type { CampaignInput } from '../../app/schemas/campaign'
import type { MessageFormInput } from '../../app/schemas/message'
import { db } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/roles'
import { makeCampaign } from './factories'
import { letterInput } from './messages'

export interface ForecastedCampaignOptions {
  waves: { sendDate: string; volume: number }[]
  channel?: Channel
  status?: CampaignStatus
  /** Contact rates in %. */
  rates?: { low: number; central: number; high: number }
  /** Helpline id → share in %. */
  split: Record<string, number>
  campaign?: Partial<CampaignInput>
  message?: Partial<MessageFormInput>
  responseCurves?: Partial<Record<Channel, number[]>>
  /** False: leave the forecast unsaved, as a campaign whose forecast was never started. */
  saveForecast?: boolean
}

function messageFor(channel: Channel, waves: ForecastedCampaignOptions['waves'], overrides: Partial<MessageFormInput> = {}): MessageFormInput {
  if (channel === 'letter') return letterInput({ waves, deadlineDays: null, ...overrides })
  return {
    channel,
    name: `A ${channel} message`,
    referenceType: 'utr',
    subject: channel === 'email' ? 'About your tax return' : null,
    body: 'We think your tax return may be missing income. Find out what to do on GOV.UK.',
    addressBlock: null,
    postage: null,
    deadlineDays: null,
    waves,
    ...overrides,
  }
}

/** A campaign with one message and saved forecast inputs, then given `status` as the sign-off and launch flows would. */
export async function makeForecastedCampaign(owner: SessionUser, options: ForecastedCampaignOptions) {
  const ref = await makeCampaign(owner, options.campaign ?? {})
  const campaign = (await getCampaignByRef(db, ref))!
  const created = await createMessage(db, { campaignId: campaign.id, values: messageFor(options.channel ?? 'letter', options.waves, options.message) }, owner)
  if (!created.ok) throw new Error(`makeForecastedCampaign: the message was refused (${created.reason})`)
  if (options.saveForecast === false) return { ref, campaignId: campaign.id, messageId: created.id }
  const saved = await saveForecastSettings(
    db,
    {
      campaignId: campaign.id,
      version: 0,
      settings: {
        contactRates: options.rates ?? { low: 5, central: 8, high: 12 },
        responseCurves: options.responseCurves ?? {},
        deadlineBump: { sharePercent: 15, workingDays: 5 },
        messages: { [created.id]: { delayOverrideDays: null, split: options.split } },
      },
    },
    owner,
  )
  if (!saved.ok) throw new Error(`makeForecastedCampaign: the forecast was refused (${saved.reason})`)
  if (options.status && options.status !== 'draft') await setStatus(campaign.id, options.status)
  return { ref, campaignId: campaign.id, messageId: created.id }
}

/** Moves a campaign to a status directly, as the sign-off and launch actions will. */
export async function setStatus(campaignId: string, status: CampaignStatus): Promise<void> {
  await db.updateTable('campaign').set({ status }).where('id', '=', campaignId).execute()
}
