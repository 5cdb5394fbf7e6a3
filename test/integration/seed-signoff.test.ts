import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { getLaunchSnapshot } from '../../app/models/launch.server'
import { signOffOverview } from '../../app/models/signoff/views.server'
import { db } from '../../app/utils/db.server'
import { seedDemoWorkspace } from '../../app/demo/seed.server'

describe('the demo workspace’s sign-off', () => {
  it('really is awaiting, approved and launched, with decisions by the demo group members and never by a campaign’s authors', async () => {
    await seedDemoWorkspace(db, { password: 'demo-password-for-tests' })
    const rows = await db.selectFrom('campaign').select(['id', 'name', 'status', 'owner_id']).where('name', 'in', [
      'Rental income missing from Self Assessment returns',
      'High Income Child Benefit Charge awareness',
      'VAT registration threshold for online sellers',
      'Marketplace sellers: Self Assessment reminder',
    ]).execute()
    const byName = (prefix: string) => rows.find((r) => r.name.startsWith(prefix))!
    const statesOf = async (prefix: string) =>
      Object.fromEntries((await signOffOverview(db, byName(prefix).id))!.groups.filter((g) => g.required).map((g) => [g.group, [g.state, g.latest?.decidedBy.email ?? null]]))

    expect(byName('Rental income').status).toBe('awaiting-sign-off')
    expect(await statesOf('Rental income')).toEqual({
      'customer-services': ['approved', 'customer-services@example.gov.uk'],
      'debt-management': ['awaiting', null],
      'press-office': ['awaiting', null],
      // Its messages and lines have Welsh versions, so Welsh Language Services must sign it off too.
      'welsh-language-services': ['awaiting', null],
    })
    expect(byName('High Income Child Benefit').status).toBe('approved')
    expect(await statesOf('High Income Child Benefit')).toEqual({ 'customer-services': ['approved', 'customer-services@example.gov.uk'] })
    expect(byName('VAT registration').status).toBe('launched')
    expect(await statesOf('VAT registration')).toEqual({
      'customer-services': ['approved', 'customer-services@example.gov.uk'],
      'debt-management': ['approved', 'debt-management@example.gov.uk'],
      'press-office': ['approved', 'press-office@example.gov.uk'],
    })
    expect(byName('Marketplace sellers').status).toBe('closed')

    const launched = (await getLaunchSnapshot(db, byName('VAT registration').id))!
    expect(createHash('sha256').update(launched.snapshotJson).digest('hex')).toBe(launched.hash)
    const snapshot = launched.snapshot as { messages: unknown[]; linesToTake: unknown[]; forecastInputs: unknown; campaign: { status: string } }
    expect(snapshot.campaign.status).toBe('launched')
    expect(snapshot.messages).toHaveLength(1)
    expect(snapshot.linesToTake).toHaveLength(6)
    expect(snapshot.forecastInputs).not.toBeNull()

    // Separation of duties holds in the demo too.
    const decisions = await db.selectFrom('sign_off_decision').select(['campaign_id', 'decided_by']).execute()
    const coOwners = await db.selectFrom('campaign_co_owner').select(['campaign_id', 'user_id']).execute()
    for (const d of decisions.filter((x) => rows.some((r) => r.id === x.campaign_id))) {
      const campaign = rows.find((r) => r.id === d.campaign_id)!
      expect(d.decided_by).not.toBe(campaign.owner_id)
      expect(coOwners.some((c) => c.campaign_id === d.campaign_id && c.user_id === d.decided_by)).toBe(false)
    }
  })
})
