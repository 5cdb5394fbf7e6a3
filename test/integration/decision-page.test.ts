// A sign-off decision page opens with the decision and the risk: who asked and when, the launch date, the group's
// risks, and the version named as people name it.
import { beforeAll, describe, expect, it } from 'vitest'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import * as reviewPage from '../../app/routes/campaigns.$ref.sign-off.$group'
import { getLine, updateLine } from '../../app/models/line.server'
import { getPressBriefing, savePressBriefing } from '../../app/models/press-briefing.server'
import { requestSignOff } from '../../app/models/signoff/commands.server'
import { db } from '../../app/utils/db.server'
import { makeHelpline } from '../support/forecast'
import { lineInput } from '../support/lines'
import { callLoader } from '../support/routes'
import { decide, makeSignOffCampaign, makeSignOffPeople, type SignOffPeople } from '../support/signoff'

let people: SignOffPeople
beforeAll(async () => {
  people = await makeSignOffPeople()
})

const review = (user: { cookie: string }, ref: string, group: string) =>
  callLoader(reviewPage.loader, `/campaigns/${ref}/sign-off/${group}`, { cookie: user.cookie, params: { ref, group } })

describe('the top of a decision page', () => {
  it('says who asked and when, and the launch date', async () => {
    const campaign = await makeSignOffCampaign(people)
    const before = await review(people.debtManagement, campaign.ref, 'debt-management')
    expect(before.data.asked).toBeNull()
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const page = (await review(people.debtManagement, campaign.ref, 'debt-management')).data
    expect(page.asked).toEqual({ by: 'Sam Owner', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) })
    expect(page.launchDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(page.risks).toEqual(['About 12,000 customers may be left with extra tax to pay, £850 each on average.'])
    expect(page.canDecide).toBe(true)
  })

  it('warns the Press Office when the launch date it was told is not the planned one', async () => {
    const campaign = await makeSignOffCampaign(people)
    expect((await review(people.pressOffice, campaign.ref, 'press-office')).data.risks).toEqual([])
    const briefing = (await getPressBriefing(db, campaign.campaignId))!
    const saved = await savePressBriefing(db, { campaignId: campaign.campaignId, version: briefing.version, launchDateTold: '2030-01-02' }, people.owner)
    expect(saved.ok).toBe(true)
    const risks = (await review(people.pressOffice, campaign.ref, 'press-office')).data.risks
    expect(risks).toHaveLength(1)
    expect(risks[0]).toMatch(/^The Press Office was told the campaign launches on 2 January 2030, but it is now planned for \w+day \d{1,2} \w+ \d{4}\.$/)
  })

  it('tells Customer Services the days a helpline is short of staff', async () => {
    const tight = await makeHelpline(people.admin, { name: 'Tight helpline', availableFte: 1 })
    const campaign = await makeSignOffCampaign({ ...people, helplineId: tight.id })
    const page = (await review(people.customerServices, campaign.ref, 'customer-services')).data
    expect(page.risks).toHaveLength(1)
    expect(page.risks[0]).toMatch(/^Tight helpline is short of staff on \d+ days?, the first on \w+day \d{1,2} \w+ \d{4}\.$/)
    const shortfall = page.forecastSummary!.shortfalls.find((s: { helpline: string }) => s.helpline === 'Tight helpline')!
    expect(shortfall.days).toBeGreaterThan(0)
    expect(page.risks[0]).toContain(`on ${shortfall.days} day`)
  })
})

describe('the version under review', () => {
  it('is version 1 until the group decides, and the next number once what it decided on changes', async () => {
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const first = (await review(people.pressOffice, campaign.ref, 'press-office')).data
    expect(first.version.number).toBe(1)
    expect(first.version.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect((await decide(people.pressOffice, campaign.campaignId, 'press-office')).ok).toBe(true)
    expect((await review(people.pressOffice, campaign.ref, 'press-office')).data.version.number).toBe(1)

    const press = (await getLine(db, campaign.campaignId, campaign.lines.press))!
    await updateLine(
      db,
      {
        campaignId: campaign.campaignId,
        lineId: press.id,
        version: press.version,
        values: lineInput({ audience: 'press', question: press.question, answer: 'HMRC writes to landlords every year.' }),
      },
      people.owner
    )
    const second = (await review(people.pressOffice, campaign.ref, 'press-office')).data
    expect(second.version.number).toBe(2)
    expect(second.version.savedAt! >= first.version.savedAt!).toBe(true)
    expect(second.history.map((d: { decision: string; version: number }) => [d.decision, d.version])).toEqual([['approved', 1]])
    // Debt Management's scope did not change: it is still on its first version.
    expect((await review(people.debtManagement, campaign.ref, 'debt-management')).data.version.number).toBe(1)
  })
})

describe('the campaign page tells people who must act', () => {
  const open = (user: { cookie: string }, ref: string) => callLoader(campaignPage.loader, `/campaigns/${ref}`, { cookie: user.cookie, params: { ref } })

  it('shows the owner who they are waiting for, and each approver their own sign-off', async () => {
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    expect((await decide(people.customerServices, campaign.campaignId, 'customer-services')).ok).toBe(true)

    const owner = (await open(people.owner, campaign.ref)).data
    expect(owner.tasks.find((t: { id: string }) => t.id === 'sign-off')).toMatchObject({ status: 'waiting', statusText: 'Waiting for Debt Management and the Press Office' })
    expect(owner.progress.total).toBe(9)
    expect(owner.progress.completed).toBe(owner.tasks.filter((t: { status: string }) => t.status === 'completed').length)
    expect(owner.yourSignOff).toEqual([])

    expect((await open(people.pressOffice, campaign.ref)).data.yourSignOff).toEqual([
      { group: 'press-office', href: `/campaigns/${campaign.ref}/sign-off/press-office`, text: 'awaiting your decision', actionNeeded: true },
    ])
    expect((await open(people.customerServices, campaign.ref)).data.yourSignOff).toEqual([
      { group: 'customer-services', href: `/campaigns/${campaign.ref}/sign-off/customer-services`, text: 'approved', actionNeeded: false },
    ])
    expect((await open(people.viewer, campaign.ref)).data.yourSignOff).toEqual([])
  })
})
