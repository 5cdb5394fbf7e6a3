import { beforeAll, describe, expect, it } from 'vitest'
import * as editMessage from '../../app/routes/campaigns.$ref.messages.$id.edit'
import * as messagePage from '../../app/routes/campaigns.$ref.messages.$id._index'
import * as forecastRoute from '../../app/routes/campaigns.$ref.forecast._index'
import { defaultForecastSettings, type ForecastSettings } from '../../app/forecast/settings'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { computeSavedForecast, saveForecastSettings } from '../../app/models/forecast.server'
import { getMessage } from '../../app/models/message.server'
import { db } from '../../app/utils/db.server'
import { makeCampaign, makeUser, type TestUser } from '../support/factories'
import { forecastForm, makeHelpline } from '../support/forecast'
import { letterInput, makeMessage, messageForm } from '../support/messages'
import { callAction, callLoader } from '../support/routes'

let owner: TestUser
let helplineId: string

beforeAll(async () => {
  const admin = await makeUser(['admin'])
  owner = await makeUser(['designer'], 'Owner')
  helplineId = (await makeHelpline(admin, { name: 'Profile helpline', baselineCallsPerDay: 2_000, availableFte: 120 })).id
})

/** A campaign with one second-class letter and a saved forecast that sends its calls to one helpline. */
async function letterWithForecast(delayOverrideDays: number | null = null) {
  const ref = await makeCampaign(owner)
  const campaign = (await getCampaignByRef(db, ref))!
  const messageId = await makeMessage(owner, ref, { postage: 'second' })
  const settings: ForecastSettings = {
    ...defaultForecastSettings(),
    contactRates: { low: 4, central: 7, high: 11 },
    messages: { [messageId]: { delayOverrideDays, split: { [helplineId]: 100 } } },
  }
  const saved = await saveForecastSettings(db, { campaignId: campaign.id, version: 0, settings }, owner)
  expect(saved.ok).toBe(true)
  return { ref, campaign, messageId, settings }
}

const edit = (ref: string, id: string, form: Record<string, string>) =>
  callAction(editMessage.action, `/campaigns/${ref}/messages/${id}/edit`, { cookie: owner.cookie, params: { ref, id }, form })

async function callsByDate(campaign: { id: string; nation: 'england-and-wales' | 'scotland' | 'northern-ireland' }) {
  const { forecast } = await computeSavedForecast(db, campaign)
  if (!forecast.ok) throw new Error(`no forecast: ${forecast.reason}`)
  const days = forecast.result.helplines[0]!.days.filter((d) => d.calls.central > 0)
  return { total: forecast.result.summary.calls.central, first: forecast.result.summary.firstCallDate, days }
}

const counts = async (campaignId: string) => ({
  revisions: (await db.selectFrom('revision').select('id').where('campaign_id', '=', campaignId).execute()).length,
  audit: (await db.selectFrom('audit_event').select('id').where('campaign_id', '=', campaignId).execute()).length,
})

describe('a letter’s own delivery profile', () => {
  it('is saved with the message, versioned and audited, and moves the forecast’s calls earlier without losing any', async () => {
    const { ref, campaign, messageId } = await letterWithForecast()
    const before = await callsByDate(campaign as never)
    const message = (await getMessage(db, campaign.id, messageId))!
    expect(message.deliveryProfile).toBeNull()

    const saved = await edit(ref, messageId, messageForm(letterInput(), { version: String(message.version), deliveryProfile: '60, 30%, 10' }))
    expect(saved.status).toBe(303)
    const after = (await getMessage(db, campaign.id, messageId))!
    expect(after.deliveryProfile).toEqual([60, 30, 10])
    const stored = await db.selectFrom('message').select('delivery_profile').where('id', '=', messageId).executeTakeFirstOrThrow()
    expect(stored.delivery_profile).toBe('60, 30, 10')
    const revision = await db.selectFrom('revision').select(['summary', 'snapshot_json']).where('entity_id', '=', messageId).where('version', '=', 2).executeTakeFirstOrThrow()
    expect(revision.summary).toBe('Changed the delivery profile')
    expect(JSON.parse(revision.snapshot_json).deliveryProfile).toEqual([60, 30, 10])

    // Second class delivers on working day 3; this profile delivers from day 1, so the first calls come two working
    // days earlier, and every call the contact rate implies is still there.
    const moved = await callsByDate(campaign as never)
    expect(moved.first! < before.first!).toBe(true)
    expect(moved.total).toBeCloseTo(before.total, 6)

    const shown = await callLoader(messagePage.loader, `/campaigns/${ref}/messages/${messageId}`, { cookie: owner.cookie, params: { ref, id: messageId } })
    expect(shown.data.message.deliveryProfile).toEqual([60, 30, 10])
    const forecastPage = await callLoader(forecastRoute.loader, `/campaigns/${ref}/forecast`, { cookie: owner.cookie, params: { ref } })
    expect(forecastPage.data.messages.find((m: { id: string }) => m.id === messageId).deliveryProfile).toEqual([60, 30, 10])

    // Clearing it goes back to the postage class's profile, and the forecast with it.
    const cleared = await edit(ref, messageId, messageForm(letterInput(), { version: String(after.version), deliveryProfile: '' }))
    expect(cleared.status).toBe(303)
    expect((await getMessage(db, campaign.id, messageId))!.deliveryProfile).toBeNull()
    expect((await callsByDate(campaign as never)).first).toBe(before.first)
  })

  it('refuses a total other than 100% with the total in the message, keeping the typed values and saving nothing', async () => {
    const { ref, campaign, messageId } = await letterWithForecast()
    const before = await counts(campaign.id)
    const form = messageForm(letterInput({ name: 'Renamed letter' }), { version: '1', deliveryProfile: '60, 30' })
    const refused = await edit(ref, messageId, form)
    expect(refused.status).toBe(400)
    expect(refused.data.errors.deliveryProfile).toBe('Delivery profile adds up to 90%. The shares must add up to 100%')
    expect(refused.data.values.deliveryProfile).toBe('60, 30')
    expect(refused.data.values.name).toBe('Renamed letter')
    const message = (await getMessage(db, campaign.id, messageId))!
    expect(message).toMatchObject({ version: 1, name: 'First letter', deliveryProfile: null })
    expect(await counts(campaign.id)).toEqual(before)

    const tooLong = await edit(ref, messageId, messageForm(letterInput(), { version: '1', deliveryProfile: Array.from({ length: 16 }, () => '6.25').join(',') }))
    expect(tooLong.status).toBe(400)
    expect(tooLong.data.errors.deliveryProfile).toBe('Delivery profile must have 15 working days or fewer (it has 16)')
    const negative = await edit(ref, messageId, messageForm(letterInput(), { version: '1', deliveryProfile: '110, -10' }))
    expect(negative.status).toBe(400)
    expect((await getMessage(db, campaign.id, messageId))!.version).toBe(1)
  })

  it('is refused on a stale version with the designer’s profile kept', async () => {
    const { ref, campaign, messageId } = await letterWithForecast()
    const first = await edit(ref, messageId, messageForm(letterInput({ name: 'Their name' }), { version: '1' }))
    expect(first.status).toBe(303)
    const stale = await edit(ref, messageId, messageForm(letterInput(), { version: '1', deliveryProfile: '50, 50' }))
    expect(stale.status).toBe(409)
    expect(stale.data.values.deliveryProfile).toBe('50, 50')
    expect((await getMessage(db, campaign.id, messageId))!).toMatchObject({ version: 2, name: 'Their name', deliveryProfile: null })
  })

  it('cannot be set together with a delivery delay, from either form', async () => {
    const delayed = await letterWithForecast(4)
    const refused = await edit(delayed.ref, delayed.messageId, messageForm(letterInput(), { version: '1', deliveryProfile: '100' }))
    expect(refused.status).toBe(400)
    expect(refused.data.errors.deliveryProfile).toMatch(/delivery delay of 4 working days set on the forecast page/)
    expect((await getMessage(db, delayed.campaign.id, delayed.messageId))!).toMatchObject({ version: 1, deliveryProfile: null })

    const own = await letterWithForecast()
    expect((await edit(own.ref, own.messageId, messageForm(letterInput(), { version: '1', deliveryProfile: '100' }))).status).toBe(303)
    const ctx = { messages: [{ id: own.messageId, name: 'First letter', channel: 'letter' as const, deadlineDays: 30 }], helplines: [{ id: helplineId, name: 'Profile helpline' }] }
    const withDelay = { ...own.settings, messages: { [own.messageId]: { delayOverrideDays: 2, split: { [helplineId]: 100 } } } }
    const forecastRefused = await callAction(forecastRoute.action, `/campaigns/${own.ref}/forecast`, {
      cookie: owner.cookie,
      params: { ref: own.ref },
      form: forecastForm(withDelay, ctx, { intent: 'save', version: '1' }),
    })
    expect(forecastRefused.status).toBe(400)
    expect(forecastRefused.data.errors[`delay-${own.messageId}`]).toMatch(/has its own delivery profile/)
    const stored = await db.selectFrom('forecast_message').select('delay_override_days').where('message_id', '=', own.messageId).executeTakeFirstOrThrow()
    expect(stored.delay_override_days).toBeNull()
  })
})
