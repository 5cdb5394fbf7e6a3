// Sign-off under concurrency, on SQLite and on PostgreSQL: two members deciding at once, and an edit racing a launch.
import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import * as reviewPage from '../../app/routes/campaigns.$ref.sign-off.$group'
import { launchCampaign, getLaunchSnapshot } from '../../app/models/launch.server'
import { getLine, updateLine } from '../../app/models/line.server'
import { requestSignOff } from '../../app/models/signoff/commands.server'
import { db, dialectOf } from '../../app/utils/db.server'
import { lineInput } from '../support/lines'
import { callAction } from '../support/routes'
import { approveAll, currentHash, decide, decisionCount, makeSignOffCampaign, makeSignOffPeople, statusOf, type SignOffPeople } from '../support/signoff'

let people: SignOffPeople
beforeAll(async () => {
  people = await makeSignOffPeople()
})

async function approvalsOf(campaignId: string, group: string) {
  return db.selectFrom('sign_off_decision').select(['decision', 'decided_by', 'scope_hash', 'seq']).where('campaign_id', '=', campaignId).where('grp', '=', group).execute()
}

describe('two members of a group deciding at once', () => {
  it('leaves exactly one approval for the scope hash; the other member is told who approved it, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
      const campaign = await makeSignOffCampaign(people)
      await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
      const hash = await currentHash(campaign.campaignId, 'customer-services')
      const results = await Promise.all([decide(people.customerServices, campaign.campaignId, 'customer-services'), decide(people.customerServices2, campaign.campaignId, 'customer-services')])
      const rows = await approvalsOf(campaign.campaignId, 'customer-services')
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ decision: 'approved', scope_hash: hash, seq: 1 })
      const winner = results.findIndex((r) => r.ok)
      expect(winner).not.toBe(-1)
      const loser = results[1 - winner]!
      const winnerId = [people.customerServices, people.customerServices2][winner]!.id
      expect(rows[0]!.decided_by).toBe(winnerId)
      expect(loser).toMatchObject({ ok: false, reason: 'already-approved', latest: { decidedBy: { id: winnerId } } })
    }
  })

  it('answers the slower of two posted approvals with a clear 409', async () => {
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const reviewedHash = await currentHash(campaign.campaignId, 'press-office')
    const post = (cookie: string) =>
      callAction(reviewPage.action, `/campaigns/${campaign.ref}/sign-off/press-office`, { cookie, params: { ref: campaign.ref, group: 'press-office' }, form: { decision: 'approve', reviewedHash } })
    const [a, b] = await Promise.all([post(people.pressOffice.cookie), post(people.pressOffice2.cookie)])
    expect([a.status, b.status].sort()).toEqual([303, 409])
    const refused = a.status === 409 ? a : b
    expect(refused.data.errors._form).toMatch(/^(Aisha Press|Abe Press) approved this version for the Press Office on .*\. There is nothing more to decide unless it changes\.$/)
    expect(await approvalsOf(campaign.campaignId, 'press-office')).toHaveLength(1)
  })

  it('lets only one of an approval and a request for changes on the same version stand', async () => {
    for (let round = 0; round < 3; round++) {
      const campaign = await makeSignOffCampaign(people)
      await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
      const [approve, object] = await Promise.all([
        decide(people.debtManagement, campaign.campaignId, 'debt-management'),
        decide(people.debtManagement2, campaign.campaignId, 'debt-management', 'changes-requested', 'Not yet.'),
      ])
      expect([approve.ok, object.ok].filter(Boolean)).toHaveLength(1)
      expect(await decisionCount(campaign.campaignId)).toBe(1)
    }
  })

  it('is enforced by the database itself: a second decision following the same one is rejected by a unique constraint', async () => {
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    expect((await decide(people.customerServices, campaign.campaignId, 'customer-services')).ok).toBe(true)
    const row = {
      campaign_id: campaign.campaignId,
      grp: 'customer-services',
      seq: 1,
      decision: 'approved',
      comment: null,
      decided_by: people.customerServices2.id,
      decided_at: new Date().toISOString(),
      scope_hash: await currentHash(campaign.campaignId, 'customer-services'),
      snapshot_json: '{}',
    }
    await expect(db.insertInto('sign_off_decision').values({ id: crypto.randomUUID(), ...row }).execute()).rejects.toThrow(/unique|UNIQUE/)
    await expect(db.insertInto('sign_off_decision').values({ id: crypto.randomUUID(), ...row, decision: 'maybe', seq: 2 }).execute()).rejects.toThrow(/check|CHECK/)
    expect(await decisionCount(campaign.campaignId)).toBe(1)
  })
})

describe('an edit racing a launch', () => {
  it('never launches content that was not signed: either the launch sees the edit and refuses, or the edit is refused', async () => {
    const outcomes = new Set<string>()
    for (let round = 0; round < 20; round++) {
      const campaign = await makeSignOffCampaign(people)
      await approveAll(people, campaign)
      const press = (await getLine(db, campaign.campaignId, campaign.lines.press))!
      const signed = Object.fromEntries(
        await Promise.all((['customer-services', 'debt-management', 'press-office'] as const).map(async (g) => [g, await currentHash(campaign.campaignId, g)] as const)),
      )
      const launch = () => launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)
      const edit = () =>
        updateLine(db, { campaignId: campaign.campaignId, lineId: press.id, version: press.version, values: lineInput({ audience: 'press', question: press.question, answer: `Edited in round ${round}.` }) }, people.coOwner)
      // Alternate which one starts first, so that both orders are tried.
      const [launched, edited] = round % 2 === 0 ? await Promise.all([launch(), edit()]) : (await Promise.all([edit(), launch()])).reverse() as [Awaited<ReturnType<typeof launch>>, Awaited<ReturnType<typeof edit>>]
      const status = await statusOf(campaign.campaignId)
      const snapshot = await getLaunchSnapshot(db, campaign.campaignId)
      if (launched.ok) {
        outcomes.add('launched')
        expect(edited).toMatchObject({ ok: false, reason: 'locked' })
        expect(status).toBe('launched')
        // Launched ⇒ the launch snapshot's scopes are the approved hashes, and the content is still what was signed.
        const approvedScopes = (snapshot!.snapshot as { approvedScopes: Record<string, string> }).approvedScopes
        expect(approvedScopes).toEqual(signed)
        for (const [group, hash] of Object.entries(signed)) {
          expect(await currentHash(campaign.campaignId, group as never)).toBe(hash)
          const approvals = await approvalsOf(campaign.campaignId, group)
          expect(approvals.at(-1)).toMatchObject({ decision: 'approved', scope_hash: hash })
        }
        const lines = (snapshot!.snapshot as { linesToTake: { id: string; answer: string }[] }).linesToTake
        expect(lines.find((l) => l.id === press.id)!.answer).toBe(press.answer)
      } else {
        outcomes.add('refused')
        expect(launched).toMatchObject({ ok: false, reason: 'not-approved' })
        expect(edited).toMatchObject({ ok: true })
        expect(status).toBe('awaiting-sign-off')
        expect(snapshot).toBeNull()
        expect(await currentHash(campaign.campaignId, 'press-office')).not.toBe(signed['press-office'])
      }
    }
    // On SQLite the writers queue in the order they start, so alternating the order shows both outcomes.
    if (dialectOf(db) === 'sqlite') expect([...outcomes].sort()).toEqual(['launched', 'refused'])
  })
})
