// "Check before you launch" warns about a launch or send date on a bank holiday of the campaign's nation.
import { beforeAll, describe, expect, it } from 'vitest'
import * as launchPage from '../../app/routes/campaigns.$ref.launch'
import { getActiveBankHolidays } from '../../app/models/bank-holidays.server'
import { todayIso } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { makeCampaign, makeUser, type TestUser } from '../support/factories'
import { makeMessage } from '../support/messages'
import { callLoader } from '../support/routes'

let owner: TestUser
let viewer: TestUser
beforeAll(async () => {
  owner = await makeUser(['designer'], 'Sam Owner')
  viewer = await makeUser(['viewer'], 'Vic Viewer')
})

const launch = (user: { cookie: string }, ref: string) => callLoader(launchPage.loader, `/campaigns/${ref}/launch`, { cookie: user.cookie, params: { ref } })

/** The next bank holidays in England and Wales after a month from now, from the calendar in use. */
async function nextHolidays(count: number) {
  const soonest = new Date(Date.parse(`${todayIso()}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)
  const events = (await getActiveBankHolidays(db)).file['england-and-wales'].events.filter((e) => e.date > soonest).sort((a, b) => a.date.localeCompare(b.date))
  if (events.length < count) throw new Error('The bank holiday calendar in use does not reach far enough ahead')
  return events.slice(0, count)
}

describe('bank holidays on the launch page', () => {
  it('warns when the launch date or a send date is one, and links to what sets it', async () => {
    const [first, second] = await nextHolidays(2)
    const ref = await makeCampaign(owner, { launchDate: second!.date, nation: 'england-and-wales' })
    const messageId = await makeMessage(owner, ref, {
      name: 'Reminder letter',
      waves: [
        { sendDate: first!.date, volume: 10_000 },
        { sendDate: second!.date, volume: 5_000 },
      ],
    })
    const page = (await launch(viewer, ref)).data
    const on = (date: string) =>
      new Date(`${date}T12:00:00Z`)
        .toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        .replace(',', '')
    expect(page.readiness.warnings).toEqual([
      { text: `The planned launch date is ${on(second!.date)}, a bank holiday in England and Wales (${second!.title})`, href: `/campaigns/${ref}/describe` },
      {
        text: `“Reminder letter” is sent on ${on(first!.date)}, a bank holiday in England and Wales (${first!.title})`,
        href: `/campaigns/${ref}/messages/${messageId}`,
      },
      {
        text: `“Reminder letter” is sent on ${on(second!.date)}, a bank holiday in England and Wales (${second!.title})`,
        href: `/campaigns/${ref}/messages/${messageId}`,
      },
    ])
  })

  it('has nothing to warn about when every date is a working day', async () => {
    const holidays = new Set((await getActiveBankHolidays(db)).file['england-and-wales'].events.map((e) => e.date))
    let day = Date.parse(`${todayIso()}T12:00:00Z`) + 40 * 86_400_000
    const working = () => {
      const date = new Date(day)
      return date.getUTCDay() !== 0 && date.getUTCDay() !== 6 && !holidays.has(date.toISOString().slice(0, 10))
    }
    while (!working()) day += 86_400_000
    const date = new Date(day).toISOString().slice(0, 10)
    const ref = await makeCampaign(owner, { launchDate: date, nation: 'england-and-wales' })
    await makeMessage(owner, ref, { waves: [{ sendDate: date, volume: 10_000 }] })
    expect((await launch(viewer, ref)).data.readiness.warnings).toEqual([])
  })
})
