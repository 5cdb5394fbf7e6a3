import { describe, expect, it } from 'vitest'
import { seedDemoWorkspace } from '../../app/demo/seed.server'
import { seedDemoForecasts } from '../../app/demo/seed-forecast.server'
import { staffCombinedLoad } from '../../app/forecast/helpline-load'
import { toForecastHelpline } from '../../app/helplines/helpline'
import { bankHolidayDates } from '../../app/models/bank-holidays.server'
import { getForecastSettings } from '../../app/models/forecast.server'
import { listHelplines } from '../../app/models/helpline.server'
import { db } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/roles'
import { insertMessage } from '../support/forecast'

describe('the demo workspace', () => {
  it('has realistic helplines with enough staff for their own baseline on usual days, and forecasts for demo campaigns with messages', async () => {
    await seedDemoWorkspace(db, { password: 'demo password for the seed test' })
    const demoNames = ['PAYE and Income Tax helpline', 'Payment Support Service', 'Self Assessment helpline', 'VAT helpline', 'Welsh language helpline']
    // Filtered, so the test also holds on a PostgreSQL database shared with other test files.
    const helplines = (await listHelplines(db)).filter((h) => demoNames.includes(h.name))
    expect(helplines.map((h) => h.name)).toEqual(demoNames)
    expect(helplines.some((h) => h.patienceSeconds !== null)).toBe(true)
    expect(helplines.filter((h) => h.welshLine).map((h) => h.name)).toEqual(['Welsh language helpline'])
    // One helpline staffs to P80, so the demo shows the choice; the rest staff to the median.
    expect(helplines.map((h) => [h.name, h.staffToPercentile])).toEqual(demoNames.map((name) => [name, name === 'Payment Support Service' ? 80 : 50]))
    for (const h of helplines) {
      expect(h.ahtSeconds).toBeGreaterThanOrEqual(400)
      expect(h.ahtSeconds).toBeLessThanOrEqual(700)
      expect(h.intradayProfile.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9)
      // Without any campaign, no day is short of staff, except one that also takes the usual calls of a bank holiday
      // just before it (New Year's Day 2027 is a Friday: Saturday or Monday takes its calls).
      const holidays = await bankHolidayDates(db, 'england-and-wales')
      const { days } = staffCombinedLoad({ helpline: toForecastHelpline(h), bankHolidays: holidays, campaigns: [], from: '2027-01-02', to: '2027-01-31' })
      let takingHolidayCalls = 0
      for (const day of days.filter((d) => d.open)) {
        const weekday = (new Date(`${day.date}T00:00:00Z`).getUTCDay() + 6) % 7
        if (day.baselineCalls > h.baselineCallsPerDay * h.dayWeights[weekday]! + 1e-6) {
          takingHolidayCalls++
          continue
        }
        expect(day.totalFte.central, day.date).toBeLessThanOrEqual(day.availableFte)
      }
      expect(takingHolidayCalls).toBe(1)
    }

    // Every demo campaign that has messages comes with a saved forecast (the seed runs seedDemoForecasts last).
    const campaigns = await db.selectFrom('campaign').select(['id', 'status', 'regime', 'owner_id']).execute()
    const withMessages = new Set((await db.selectFrom('message').select('campaign_id').execute()).map((m) => m.campaign_id))
    expect(withMessages.size).toBeGreaterThanOrEqual(3)
    for (const campaign of campaigns.filter((c) => withMessages.has(c.id))) {
      expect((await getForecastSettings(db, campaign.id)).version).toBe(1)
    }
    const draft = campaigns.find((c) => c.status === 'draft' && c.regime === 'capital-gains')!
    const saved = await getForecastSettings(db, draft.id)
    const sa = helplines.find((h) => h.name === 'Self Assessment helpline')!
    const pss = helplines.find((h) => h.name === 'Payment Support Service')!
    // The draft may leave customers with extra tax to pay, so Payment Support takes a share of every message.
    for (const message of Object.values(saved.settings.messages)) expect(message.split).toEqual({ [sa.id]: 85, [pss.id]: 15 })

    // Running it again changes nothing, and a closed campaign, being read-only, is left alone.
    const closed = campaigns.find((c) => c.status === 'closed')!
    await insertMessage(db, closed.id, { name: 'Letter' })
    const users = await db.selectFrom('users').select(['id', 'email', 'name']).execute()
    const roles = await db.selectFrom('user_role').select(['user_id', 'role']).execute()
    const sessionUsers = users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role) })) as SessionUser[]
    expect(await seedDemoForecasts(db, sessionUsers)).toBe(0)
    expect((await getForecastSettings(db, closed.id)).version).toBe(0)
  })
})
