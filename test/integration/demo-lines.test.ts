import { describe, expect, it } from 'vitest'
import { scriptFindings } from '../../app/content/stored-content'
import { campaignTasks } from '../../app/campaign/tasks'
import { handlingTaskInput } from '../../app/models/lines-and-scripts.server'
import { listScripts } from '../../app/models/script.server'
import { todayIso } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { seedDemoWorkspace } from '../../app/demo/seed.server'
import { campaignByRef } from '../support/lines'

describe('the demo workspace', () => {
  it('has lines, scripts, Debt Management treatment and press details that pass their own checks', async () => {
    await seedDemoWorkspace(db, { password: 'demo-password-for-tests' })
    const rows = await db.selectFrom('campaign').select(['ref', 'name']).execute()
    const refOf = (name: string) => rows.find((r) => r.name.startsWith(name))!.ref
    const statuses = async (name: string) => {
      const campaign = await campaignByRef(refOf(name))
      const tasks = campaignTasks({ ref: campaign.ref, status: campaign.status, plannedLaunchDate: campaign.plannedLaunchDate, today: todayIso(), handling: await handlingTaskInput(db, campaign) })
      return Object.fromEntries(tasks.filter((t) => ['lines', 'scripts', 'debt-management', 'press'].includes(t.id)).map((t) => [t.id, t.status]))
    }
    expect(await statuses('Rental income')).toEqual({ lines: 'completed', scripts: 'completed', 'debt-management': 'completed', press: 'completed' })
    // The draft crypto campaign is still being written: two standard questions and the press date are left to do.
    expect(await statuses('Cryptoasset')).toEqual({ lines: 'incomplete', scripts: 'completed', 'debt-management': 'completed', press: 'incomplete' })
    expect(await statuses('High Income Child Benefit')).toEqual({ lines: 'completed', scripts: 'completed', 'debt-management': 'not-needed', press: 'not-needed' })

    for (const row of rows) {
      const campaign = await campaignByRef(row.ref)
      for (const script of await listScripts(db, campaign.id)) expect(scriptFindings(script, campaign)).toEqual([])
    }
    const nino = await campaignByRef(refOf('High Income Child Benefit'))
    const thirdParty = (await listScripts(db, nino.id)).find((s) => s.callType === 'third-party')!
    expect(thirdParty.body).toContain('quoting their National Insurance Number')
  })
})
