import { describe, expect, it } from 'vitest'
import { seedDemoWorkspace } from '../../app/demo/seed.server'
import { seedDemoActuals } from '../../app/demo/seed-actuals.server'
import * as forecastPage from '../../app/routes/campaigns.$ref.forecast._index'
import { createMessage } from '../../app/models/message.server'
import { db } from '../../app/utils/db.server'
import { todayIso } from '../../app/utils/clock.server'
import type { SessionUser } from '../../app/utils/roles'
import { addDays, makeCampaign } from '../support/factories'
import { letterInput } from '../support/messages'
import { callLoader, sessionCookieFor } from '../support/routes'

describe('the demo workspace’s actual calls', () => {
  it('gives the launched campaign actual calls near its forecast, so the comparison and the suggestion show at once', async () => {
    await seedDemoWorkspace(db, { password: 'demo password for the actuals test' })
    const launched = await db.selectFrom('campaign').select(['id', 'ref', 'regime', 'status']).where('name', '=', 'VAT registration threshold for online sellers').executeTakeFirstOrThrow()
    expect(launched.status).toBe('launched')
    const rows = await db.selectFrom('actual_calls').select(['date', 'calls']).where('campaign_id', '=', launched.id).execute()
    expect(rows.length).toBeGreaterThan(20)
    expect(rows.every((r) => r.date < todayIso())).toBe(true)
    const audit = await db.selectFrom('audit_event').select(['actor_email', 'summary']).where('campaign_id', '=', launched.id).where('action', '=', 'actuals.recorded').execute()
    expect(audit).toEqual([{ actor_email: 'customer-services@example.gov.uk', summary: expect.stringMatching(/^Uploaded actual calls from “demo-actual-calls\.csv”: \d+ days added, 0 replaced, 0 unchanged$/) }])

    const viewer = await db.selectFrom('users').select('id').where('email', '=', 'viewer@example.gov.uk').executeTakeFirstOrThrow()
    const cookie = await sessionCookieFor(viewer.id)
    const page = await callLoader(forecastPage.loader, '', { cookie, params: { ref: launched.ref } })
    const overall = page.data.actuals.comparison.overall
    // The demo draws 15% more calls than forecast, give or take 12% a day.
    expect(overall.actual / overall.forecast.central).toBeGreaterThan(1.05)
    expect(overall.actual / overall.forecast.central).toBeLessThan(1.25)
    expect(overall.mape).toBeGreaterThan(3)
    expect(overall.mape).toBeLessThan(27)
    // How many of the demo's days fall inside the forecast's P10–P90 band (recorded in docs/forecast-maths.md).
    const coverage = overall.withinBand / (overall.days + overall.zeroDays)
    console.info(`demo coverage: ${overall.withinBand} of ${overall.days + overall.zeroDays} days inside P10–P90 (${(coverage * 100).toFixed(0)}%)`)
    expect(coverage).toBeGreaterThan(0.5)
    expect(page.data.actuals.curves.map((c: { channel: string; complete: boolean }) => [c.channel, c.complete])).toEqual([['letter', true]])

    // A new VAT letter campaign is offered the launched one's figures.
    const designer = await db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', 'designer@example.gov.uk').executeTakeFirstOrThrow()
    const user: SessionUser = { ...designer, roles: ['designer'] }
    const ref = await makeCampaign(user, { regime: 'vat' })
    const campaign = await db.selectFrom('campaign').select('id').where('ref', '=', ref).executeTakeFirstOrThrow()
    const created = await createMessage(db, { campaignId: campaign.id, values: letterInput({ waves: [{ sendDate: addDays(todayIso(), 30), volume: 5_000 }] }) }, user)
    expect(created.ok).toBe(true)
    const fresh = await callLoader(forecastPage.loader, '', { cookie: await sessionCookieFor(designer.id), params: { ref } })
    expect(fresh.data.suggestion.sources.map((s: { ref: string }) => s.ref)).toEqual([launched.ref])
    expect(fresh.data.suggestion.contactRates.central).toBeGreaterThan(8)
    expect(fresh.data.suggestion.responseCurves.letter).toBeDefined()

    // Seeding again adds nothing.
    const cs = await db.selectFrom('users').select(['id', 'email', 'name']).where('email', '=', 'customer-services@example.gov.uk').executeTakeFirstOrThrow()
    expect(await seedDemoActuals(db, { ...cs, roles: ['customer-services'] })).toBe(0)
    expect(await db.selectFrom('actual_calls').select('date').where('campaign_id', '=', launched.id).execute()).toHaveLength(rows.length)
  })
})
