// The safety net under sign-off: a signed row changed by plain SQL, outside every model and the content-write
// gateway, still puts the approvals that covered it out of date, and launch refuses on its own in-transaction
// re-check. And separation of duties after the fact: an approver who becomes a co-owner no longer counts.
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import * as inboxPage from '../../app/routes/sign-off._index'
import * as launchPage from '../../app/routes/campaigns.$ref.launch'
import * as reviewPage from '../../app/routes/campaigns.$ref.sign-off.$group'
import { getCampaignByRef, updateCampaignDescription } from '../../app/models/campaign.server'
import { getLaunchSnapshot, launchCampaign } from '../../app/models/launch.server'
import { saveTranslation } from '../../app/models/translation.server'
import { db } from '../../app/utils/db.server'
import { campaignInput, makeUser, type TestUser } from '../support/factories'
import { callAction, callLoader } from '../support/routes'
import { approveAll, currentHash, decide, makeSignOffCampaign, makeSignOffPeople, statusOf, type SignOffPeople } from '../support/signoff'

let people: SignOffPeople
beforeAll(async () => {
  people = await makeSignOffPeople()
})

const seqOf = async (campaignId: string) =>
  (await db.selectFrom('campaign_content').select(['seq', 'synced_seq']).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow())
const cachedStates = async (campaignId: string) =>
  Object.fromEntries((await db.selectFrom('campaign_scope').select(['grp', 'state']).where('campaign_id', '=', campaignId).execute()).map((r) => [r.grp, r.state]))
const auditOf = (campaignId: string) =>
  db.selectFrom('audit_event').select(['action', 'summary', 'after_json']).where('campaign_id', '=', campaignId).orderBy('id').execute()

describe('a signed row changed outside every model', () => {
  it('moves the campaign’s content sequence for every signed table, by whatever path', async () => {
    const campaign = await makeSignOffCampaign(people)
    const { campaignId, messageId } = campaign
    const welsh = await saveTranslation(db, { campaignId, kind: 'message', entityId: messageId, version: 0, englishVersion: 1, welsh: { layout: 'welsh-only', body: 'Annwyl ((customer_name)), ((reference)), ((tax_year))' } }, people.owner)
    expect(welsh.ok).toBe(true)
    const level = await seqOf(campaignId)
    expect(level.synced_seq).toBe(level.seq)
    const helpline = people.helplineId
    const changes: [string, () => Promise<unknown>][] = [
      ['campaign', () => sql`update campaign set planned_launch_date = ${'2031-01-06'} where id = ${campaignId}`.execute(db)],
      ['message', () => sql`update message set body = body || ${' more'} where id = ${messageId}`.execute(db)],
      ['wave', () => sql`update wave set volume = volume + 1 where message_id = ${messageId}`.execute(db)],
      ['forecast_input', () => sql`update forecast_input set rate_central_percent = 9 where campaign_id = ${campaignId}`.execute(db)],
      ['forecast_split', () => sql`update forecast_split set share_percent = 99 where campaign_id = ${campaignId} and helpline_id = ${helpline}`.execute(db)],
      ['forecast_message', () => sql`update forecast_message set delay_override_days = 2 where campaign_id = ${campaignId}`.execute(db)],
      ['line_to_take', () => sql`update line_to_take set answer = ${'Typed into the database.'} where id = ${campaign.lines.press}`.execute(db)],
      ['script', () => sql`update script set closing = ${'Bye.'} where campaign_id = ${campaignId}`.execute(db)],
      ['debt_treatment', () => sql`update debt_treatment set special_treatment = ${'None.'} where campaign_id = ${campaignId}`.execute(db)],
      ['press_briefing', () => sql`update press_briefing set launch_date_told = ${'2031-01-06'} where campaign_id = ${campaignId}`.execute(db)],
      ['campaign_co_owner', () => sql`delete from campaign_co_owner where campaign_id = ${campaignId}`.execute(db)],
      ['translation', () => sql`update translation set content_json = ${'{"layout":"bilingual","body":"Typed into the database."}'} where entity_id = ${messageId}`.execute(db)],
      ['campaign (Welsh customers)', () => sql`update campaign set welsh_customers = 400 where id = ${campaignId}`.execute(db)],
    ]
    for (const [table, change] of changes) {
      const before = (await seqOf(campaignId)).seq
      await change()
      expect({ table, moved: (await seqOf(campaignId)).seq > before }).toEqual({ table, moved: true })
    }
    // A change that is not signed content leaves it alone: the status is the sign-off's own output.
    const before = (await seqOf(campaignId)).seq
    await sql`update campaign set status = ${'draft'} where id = ${campaignId}`.execute(db)
    expect((await seqOf(campaignId)).seq).toBe(before)
  })

  it('puts that group’s approval out of date, and launch refuses on its own re-check, before any page has looked', async () => {
    const campaign = await makeSignOffCampaign(people)
    await approveAll(people, campaign)
    expect(await statusOf(campaign.campaignId)).toBe('approved')

    await sql`update line_to_take set answer = ${'HMRC writes to every landlord.'} where id = ${campaign.lines.press}`.execute(db)
    // Nothing has recomputed anything yet: the cache still says approved.
    expect(await statusOf(campaign.campaignId)).toBe('approved')

    // The model itself, without the route's guard in front of it: the cached status must not be trusted.
    const refused = await launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)
    expect(refused).toMatchObject({ ok: false, reason: 'not-approved' })
    expect(refused.ok ? [] : 'problems' in refused ? refused.problems.map((p) => p.group) : []).toEqual(['press-office'])
    expect(await getLaunchSnapshot(db, campaign.campaignId)).toBeNull()
    expect(await statusOf(campaign.campaignId)).not.toBe('launched')
  })

  it('shows the approval out of date on every page that reads the cached state, for that group only', async () => {
    const campaign = await makeSignOffCampaign(people)
    await approveAll(people, campaign)
    await sql`update line_to_take set answer = ${'HMRC writes to every landlord.'} where id = ${campaign.lines.press}`.execute(db)
    expect((await seqOf(campaign.campaignId)).seq).toBeGreaterThan((await seqOf(campaign.campaignId)).synced_seq)

    const inbox = await callLoader(inboxPage.loader, '/sign-off', { cookie: people.pressOffice2.cookie })
    expect(inbox.data.items).toContainEqual(expect.objectContaining({ ref: campaign.ref, group: 'press-office', kind: 'out-of-date' }))
    const page = await callLoader(campaignPage.loader, `/campaigns/${campaign.ref}`, { cookie: people.viewer.cookie, params: { ref: campaign.ref } })
    expect(page.data.campaign.status).toBe('awaiting-sign-off')
    // Welsh Language Services is not required (nothing has a Welsh version), so it is left awaiting.
    expect(await cachedStates(campaign.campaignId)).toEqual({ 'customer-services': 'approved', 'debt-management': 'approved', 'press-office': 'out-of-date', 'welsh-language-services': 'awaiting' })
    const events = await auditOf(campaign.campaignId)
    expect(events.filter((e) => e.action === 'sign-off.out-of-date').map((e) => e.summary)).toEqual(['The Press Office approval went out of date: the press lines changed'])
    expect(events.at(-1)).toMatchObject({ action: 'campaign.status-changed' })
    const level = await seqOf(campaign.campaignId)
    expect(level.synced_seq).toBe(level.seq)

    const launch = await callAction(launchPage.action, `/campaigns/${campaign.ref}/launch`, { cookie: people.owner.cookie, params: { ref: campaign.ref }, form: {} })
    expect(launch.status).toBe(409)
    expect(await getLaunchSnapshot(db, campaign.campaignId)).toBeNull()
  })
})

describe('separation of duties after the fact', () => {
  let dual: TestUser
  beforeAll(async () => {
    dual = await makeUser(['designer', 'press-office'], 'Dana Dual')
  })

  it('stops counting an approval once its approver becomes a co-owner, refuses launch, and lets another member approve', async () => {
    const campaign = await makeSignOffCampaign(people)
    await approveAll(people, campaign, ['customer-services', 'debt-management'])
    expect(await decide(dual, campaign.campaignId, 'press-office')).toEqual({ ok: true })
    expect(await statusOf(campaign.campaignId)).toBe('approved')

    const current = (await getCampaignByRef(db, campaign.ref))!
    const hashBefore = await currentHash(campaign.campaignId, 'press-office')
    const added = await updateCampaignDescription(
      db,
      {
        ref: campaign.ref,
        version: current.version,
        values: campaignInput({
          name: current.name,
          launchDate: current.plannedLaunchDate,
          coOwners: [people.coOwner.id, dual.id],
          extraLiability: true,
          liabilityCustomers: current.liabilityCustomers,
          liabilityAveragePence: current.liabilityAveragePence,
          pressInform: true,
        }),
      },
      people.owner,
    )
    expect(added.ok).toBe(true)
    // The content the Press Office signs is unchanged: only who the authors are.
    expect(await currentHash(campaign.campaignId, 'press-office')).toBe(hashBefore)
    expect(await statusOf(campaign.campaignId)).toBe('awaiting-sign-off')
    expect((await cachedStates(campaign.campaignId))['press-office']).toBe('out-of-date')
    const stale = (await auditOf(campaign.campaignId)).filter((e) => e.action === 'sign-off.out-of-date')
    expect(stale.map((e) => e.summary)).toEqual(['The Press Office approval went out of date: Dana Dual approved it and is now an owner or co-owner of the campaign'])
    expect(JSON.parse(stale[0]!.after_json!)).toMatchObject({ group: 'press-office', approverIsAuthor: true })

    // Launch says why, and the co-owner cannot launch on their own approval.
    const refused = await launchCampaign(db, { campaignId: campaign.campaignId }, dual)
    expect(refused.ok).toBe(false)
    const problems = !refused.ok && 'problems' in refused ? refused.problems : []
    expect(problems.map((p) => p.text)).toEqual([expect.stringMatching(/^The Press Office approval is out of date: Dana Dual approved it on .+ and is now an owner or co-owner of the campaign$/)])

    const review = await callLoader(reviewPage.loader, `/campaigns/${campaign.ref}/sign-off/press-office`, { cookie: people.pressOffice.cookie, params: { ref: campaign.ref, group: 'press-office' } })
    expect(review.data).toMatchObject({ state: 'out-of-date', approverIsAuthor: true, canDecide: true })
    expect(await decide(people.pressOffice, campaign.campaignId, 'press-office')).toEqual({ ok: true })
    expect(await statusOf(campaign.campaignId)).toBe('approved')
    expect(await launchCampaign(db, { campaignId: campaign.campaignId }, dual)).toMatchObject({ ok: true })
  })
})
