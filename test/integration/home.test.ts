import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as home from '../../app/routes/_index'
import { testClock } from '../../app/utils/clock.server'
import { makeCampaign, makeUser, type TestUser } from '../support/factories'
import { makeForecastedCampaign, setStatus } from '../support/calendar'
import { campaignIdOf, makeHelpline } from '../support/forecast'
import { callLoader } from '../support/routes'
import { updateLine } from '../../app/models/line.server'
import { requestSignOff } from '../../app/models/signoff/commands.server'
import { db } from '../../app/utils/db.server'
import { lineInput } from '../support/lines'
import { makeMessage } from '../support/messages'
import { decide, makeSignOffCampaign, makeSignOffPeople } from '../support/signoff'

const NOW = '2027-05-19T10:00:00Z'
const world = {} as { owner: TestUser; coOwner: TestUser; other: TestUser; admin: TestUser }

beforeAll(async () => {
  testClock.freeze(NOW)
  world.owner = await makeUser(['designer'], 'Owner')
  world.coOwner = await makeUser(['designer'], 'Co-owner')
  world.other = await makeUser(['designer'], 'Other designer')
  world.admin = await makeUser(['admin'], 'Admin')
})
beforeEach(() => testClock.freeze(NOW))

const homeFor = async (user: TestUser) => {
  const result = await callLoader(home.loader, '/', { cookie: user.cookie })
  expect(result.status).toBe(200)
  return result.data
}

describe('the home page', () => {
  it('shows a designer their open campaigns, soonest first, with the next step for each', async () => {
    const later = await makeCampaign(world.owner, { name: 'Later campaign', launchDate: '2027-09-01' })
    const sooner = await makeCampaign(world.other, { name: 'Co-owned campaign', launchDate: '2027-07-01', coOwners: [world.owner.id] })
    const closed = await makeCampaign(world.owner, { name: 'Closed campaign', launchDate: '2027-06-01' })
    await setStatus(await campaignIdOf(closed), 'closed')
    const launched = await makeCampaign(world.owner, { name: 'Launched campaign', launchDate: '2027-06-02' })
    await setStatus(await campaignIdOf(launched), 'launched')
    await makeCampaign(world.other, { name: 'Not mine' })

    const data = await homeFor(world.owner)
    expect(data.mine.campaigns.map((c: { ref: string; nextStep: unknown }) => [c.ref, c.nextStep])).toEqual([
      [launched, { text: 'Record the actual calls', href: `/campaigns/${launched}/actuals`, problem: false }],
      [sooner, { text: 'Write the messages', href: `/campaigns/${sooner}/messages`, problem: false }],
      [later, { text: 'Write the messages', href: `/campaigns/${later}/messages`, problem: false }],
    ])
    expect(data.inbox).toBeNull()
    expect(data.outlooks).toBeNull()
    expect(data.summary).toBeNull()
  })

  it('shows each sign-off group the campaigns awaiting it and the approvals that went out of date, never one the user wrote', async () => {
    const people = await makeSignOffPeople()
    const both = await makeUser(['designer', 'customer-services'], 'Designer and CS')
    const liability = await makeSignOffCampaign(people, { extraLiability: true, pressInform: false })
    const pressOnly = await makeSignOffCampaign(people, { extraLiability: false, pressInform: true })
    const draft = await makeSignOffCampaign(people)
    const ownByBoth = await makeCampaign(both, { name: 'Written by the CS member' })
    await makeMessage(both, ownByBoth)
    for (const [campaignId, asker] of [
      [liability.campaignId, people.owner],
      [pressOnly.campaignId, people.owner],
      [await campaignIdOf(ownByBoth), both],
    ] as const) {
      const asked = await requestSignOff(db, { campaignId }, asker)
      expect(asked.ok).toBe(true)
    }

    const awaiting = async (user: TestUser) => (await homeFor(user)).inbox.awaiting.map((c: { ref: string; groups: string[] }) => [c.ref, c.groups])
    const outOfDate = async (user: TestUser) => (await homeFor(user)).inbox.outOfDate.map((c: { ref: string; groups: string[] }) => [c.ref, c.groups])
    expect(await awaiting(people.customerServices)).toEqual([
      [liability.ref, ['customer-services']],
      [pressOnly.ref, ['customer-services']],
      [ownByBoth, ['customer-services']],
    ])
    expect((await awaiting(people.customerServices)).map((r: string[]) => r[0])).not.toContain(draft.ref)
    expect(await awaiting(people.debtManagement)).toEqual([[liability.ref, ['debt-management']]])
    expect(await awaiting(people.pressOffice)).toEqual([
      [pressOnly.ref, ['press-office']],
      [ownByBoth, ['press-office']],
    ])
    // A member never sees, to decide, a campaign they wrote.
    expect((await awaiting(both)).map((r: string[]) => r[0])).not.toContain(ownByBoth)

    // Customer Services approves; a change to a helpline line then puts that approval out of date.
    expect((await decide(people.customerServices, pressOnly.campaignId, 'customer-services')).ok).toBe(true)
    expect((await awaiting(people.customerServices)).map((r: string[]) => r[0])).not.toContain(pressOnly.ref)
    expect(await outOfDate(people.customerServices)).toEqual([])
    const changed = await updateLine(db, { campaignId: pressOnly.campaignId, lineId: pressOnly.lines.helpline, version: 1, values: lineInput({ audience: 'helpline', standardQuestion: 'why-sent', answer: 'A new answer.' }) }, people.owner)
    expect(changed.ok).toBe(true)
    expect(await outOfDate(people.customerServices)).toEqual([[pressOnly.ref, ['customer-services']]])
    expect(await outOfDate(people.pressOffice)).toEqual([])
  })

  it('shows a helpline manager each helpline’s busiest week in the next 8 weeks, with the weeks over capacity', async () => {
    const manager = await makeUser(['customer-services'], 'Helpline manager')
    // Few usual calls, so the campaign's week is its busiest, not the week whose Tuesday takes the bank holiday's calls.
    const quiet = await makeHelpline(world.admin, { name: 'Home quiet helpline', baselineCallsPerDay: 10, availableFte: 200, staffToPercentile: 80 })
    const busy = await makeHelpline(world.admin, { name: 'Home busy helpline', baselineCallsPerDay: 200, availableFte: 16 })
    const heavy = await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-06-07', volume: 200_000 }], split: { [busy.id]: 100 }, status: 'approved' })
    await makeForecastedCampaign(world.owner, { waves: [{ sendDate: '2027-06-07', volume: 1_000 }], split: { [quiet.id]: 100 }, status: 'launched' })

    const data = await homeFor(manager)
    const byName = Object.fromEntries(data.outlooks.map((o: { helpline: { name: string } }) => [o.helpline.name, o]))
    // Today is Wednesday 19 May 2027: the 8 weeks run from Monday 17 May to Sunday 11 July.
    expect(byName['Home busy helpline']).toMatchObject({ from: '2027-05-17', to: '2027-07-11', campaigns: 1 })
    expect(byName['Home busy helpline'].peak.weekStart).toBe('2027-06-14')
    // The week of the spring bank holiday (31 May) is short on its own: the Tuesday takes the Monday's usual calls too.
    // Every other week over capacity is so because of the heavy campaign, which it names.
    const over = byName['Home busy helpline'].overCapacity as { weekStart: string; baselineOverCapacity: boolean; causes: { ref: string }[] }[]
    expect(over.filter((week) => week.baselineOverCapacity).map((week) => week.weekStart)).toEqual(['2027-05-31'])
    const campaignWeeks = over.filter((week) => !week.baselineOverCapacity)
    expect(campaignWeeks.length).toBeGreaterThan(0)
    for (const week of campaignWeeks) expect(week.causes.map((c) => c.ref)).toEqual([heavy.ref])
    expect(byName['Home quiet helpline'].overCapacity).toEqual([])
    // Each says which percentile of daily calls its FTE needed is for.
    expect([byName['Home busy helpline'].helpline.staffToPercentile, byName['Home quiet helpline'].helpline.staffToPercentile]).toEqual([50, 80])
    // 80 calls, 92.7% delivered Thursday 10 June: their working days 2 to 6 of the letter curve (64%) fall in the week
    // of 14 June; 5% delivered Friday contribute days 1 to 5 (66%), 1.5% Monday days 0 to 4 (59%), 0.8% Tuesday days
    // 0 to 3 (45%): 80 × (0.927 × 0.64 + 0.05 × 0.66 + 0.015 × 0.59 + 0.008 × 0.45) = 51.0984.
    expect(byName['Home quiet helpline'].peak.weekStart).toBe('2027-06-14')
    expect(byName['Home quiet helpline'].peak.totalCalls.central).toBeCloseTo(80 * (0.927 * 0.64 + 0.05 * 0.66 + 0.015 * 0.59 + 0.008 * 0.45), 6)
    expect(data.mine).toBeNull()
    expect(data.inbox.awaiting).toBeDefined()
  })

  it('gives viewers and administrators an overview of every campaign', async () => {
    const viewer = await makeUser(['viewer'])
    const data = await homeFor(viewer)
    expect(data.summary.counts.draft).toBeGreaterThan(0)
    expect(Object.values(data.summary.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(5)
    expect(data.summary.upcoming.every((c: { plannedLaunchDate: string }) => c.plannedLaunchDate >= '2027-05-19')).toBe(true)
    expect(data.admin).toBe(false)
    const admin = await homeFor(world.admin)
    expect(admin.admin).toBe(true)
    expect(admin.summary.counts).toEqual(data.summary.counts)
    expect((await callLoader(home.loader, '/')).status).toBe(302)
  })
})
