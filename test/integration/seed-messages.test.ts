import { describe, expect, it } from 'vitest'
import { seedDemoWorkspace } from '../../app/demo/seed.server'
import { listMessagesWithFindings } from '../../app/models/message.server'
import { db } from '../../app/utils/db.server'

describe('the demo workspace’s messages', () => {
  it('gives the demo campaigns realistic messages with waves that pass every check', async () => {
    await seedDemoWorkspace(db, { password: 'demo-password-for-tests' })
    const campaigns = await db.selectFrom('campaign').select(['id', 'name', 'status']).execute()
    const summary: Record<string, string[]> = {}
    for (const campaign of campaigns) {
      const { messages } = await listMessagesWithFindings(db, campaign.id)
      for (const message of messages) {
        expect(message.findings, `${campaign.name} › ${message.name}`).toEqual([])
        expect(message.waves.length).toBeGreaterThan(0)
      }
      summary[campaign.name] = messages.map((m) => m.channel)
    }
    expect(summary['Rental income missing from Self Assessment returns']).toEqual(['letter', 'sms'])
    expect(summary['Cryptoasset disposals not reported for 2024 to 2025']).toEqual(['letter', 'email'])
    expect(summary['High Income Child Benefit Charge awareness']).toEqual(['online', 'sms'])
    expect(summary['Research and Development relief claims check']).toEqual(['letter'])
    // The launched campaign was written before it launched, so it has its messages too.
    expect(summary['VAT registration threshold for online sellers']).toEqual(['letter'])
    const revisions = await db.selectFrom('revision').select('entity_id').where('entity_type', '=', 'message').execute()
    // Eight messages, and a second version of the Welsh campaign's text message, changed after it was translated.
    expect(revisions).toHaveLength(9)
  })
})
