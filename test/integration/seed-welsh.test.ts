import { describe, expect, it } from 'vitest'
import { seedDemoWorkspace } from '../../app/demo/seed.server'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import * as forecastPage from '../../app/routes/campaigns.$ref.forecast._index'
import * as welshPage from '../../app/routes/campaigns.$ref.welsh._index'
import { launchReadiness } from '../../app/models/launch.server'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { computeSavedForecast } from '../../app/models/forecast.server'
import { db } from '../../app/utils/db.server'
import { callLoader, sessionCookieFor } from '../support/routes'

describe('the demo workspace’s Welsh campaign', () => {
  it('has Welsh versions of its letter and text message, one out of date, Welsh lines and scripts, the Welsh helpline in its forecast, and a Welsh Language Services user', async () => {
    await seedDemoWorkspace(db, { password: 'demo password for the Welsh test' })
    const row = await db.selectFrom('campaign').select(['ref', 'welsh_customers']).where('name', '=', 'Rental income missing from Self Assessment returns').executeTakeFirstOrThrow()
    expect(Number(row.welsh_customers)).toBe(9_600)
    const wls = await db
      .selectFrom('users')
      .innerJoin('user_role', 'user_role.user_id', 'users.id')
      .select(['users.id', 'users.email'])
      .where('user_role.role', '=', 'welsh-language-services')
      .where('users.email', '=', 'welsh-language-services@example.gov.uk')
      .executeTakeFirstOrThrow()
    const cookie = await sessionCookieFor(wls.id)

    const page = await callLoader(welshPage.loader, '', { cookie, params: { ref: row.ref } })
    const { overview } = page.data
    expect(overview.messages.map((m: { channel: string; state: string }) => [m.channel, m.state])).toEqual([
      ['letter', 'current'],
      ['sms', 'out-of-date'],
    ])
    // Every standard question the campaign needs is answered in Welsh, and both scripts are translated and pass.
    expect(overview.uncovered).toEqual([])
    expect(overview.lines.filter((l: { state: string }) => l.state === 'current')).toHaveLength(5)
    expect(overview.scripts.map((s: { state: string; errors: number }) => [s.state, s.errors])).toEqual([
      ['current', 0],
      ['current', 0],
    ])
    expect(overview.messages.every((m: { errors: number }) => m.errors === 0)).toBe(true)
    expect(overview.welshHelpline.name).toBe('Welsh language helpline')
    // The out-of-date text message has been asked for again, so it awaits translation.
    expect(overview.awaiting.map((a: { channel: string; request: unknown }) => [a.channel, !!a.request])).toEqual([['sms', true]])

    // The campaign page shows the Welsh tasks, the stale text message as a problem, and what awaits translation.
    const campaign = await callLoader(campaignPage.loader, '', { cookie, params: { ref: row.ref } })
    const task = (id: string) => campaign.data.tasks.find((t: { id: string }) => t.id === id)
    expect(task('welsh-messages')).toMatchObject({ status: 'problem', hint: expect.stringContaining('“Rental income reminder text” is out of date') })
    expect(task('welsh-lines')).toMatchObject({ status: 'completed' })
    expect(task('welsh-helpline')).toMatchObject({ status: 'completed', hint: expect.stringContaining('Welsh language helpline') })
    expect(campaign.data.awaitingWelsh).toHaveLength(1)

    // The Welsh helpline takes its 3% share of the forecast calls, on the forecast page and in the saved forecast alike.
    const forecast = await callLoader(forecastPage.loader, '', { cookie, params: { ref: row.ref } })
    expect(forecast.data.messages.every((m: { welsh?: { sharePercent: number } }) => m.welsh?.sharePercent === 3)).toBe(true)
    const saved = await computeSavedForecast(db, (await getCampaignByRef(db, row.ref))!)
    if (!saved.forecast.ok) throw new Error('The demo campaign should forecast')
    const calls = saved.forecast.result.helplines.map((h) => [h.name, h.totals.calls.central] as const)
    const total = calls.reduce((sum, [, c]) => sum + c, 0)
    const welshCalls = calls.find(([name]) => name === 'Welsh language helpline')![1]
    expect(welshCalls / total).toBeCloseTo(0.03, 6)

    // The out-of-date Welsh text message is one of the reasons it cannot launch.
    const readiness = await launchReadiness(db, (await getCampaignByRef(db, row.ref))!)
    expect(readiness.problems.map((p) => p.text)).toContainEqual(expect.stringMatching(/^The Welsh version of the text message “Rental income reminder text” is out of date/))
  })
})
