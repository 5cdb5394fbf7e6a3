// The notification pages, the signed link in every email and the calendar feeds, through their loaders and actions.
// Feeds are read with a real iCalendar parser.
import { describe, expect, it } from 'vitest'
import * as root from '../../app/root'
import * as campaignCalendar from '../../app/routes/campaigns.$ref.calendar[.ics]'
import * as feed from '../../app/routes/calendar.$file'
import * as calendarFeedPage from '../../app/routes/notifications.calendar-feed'
import * as emailSettings from '../../app/routes/notifications.email-settings.$token'
import * as inbox from '../../app/routes/notifications._index'
import * as openOne from '../../app/routes/notifications.$id'
import * as preferences from '../../app/routes/notifications.preferences'
import { emailSettingsToken } from '../../app/models/notifications/signing.server'
import { requestSignOff } from '../../app/models/signoff/commands.server'
import { updateUser } from '../../app/models/user.server'
import { addDays } from '../../app/forecast/dates'
import { todayIso } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { makeForecastedCampaign } from '../support/calendar'
import { queueNotifications } from '../support/delivery'
import { makeUser, type TestUser } from '../support/factories'
import { makeHelpline } from '../support/forecast'
import { parseFeed } from '../support/ical'
import { callAction, callLoader } from '../support/routes'
import { makeSignOffCampaign, makeSignOffPeople } from '../support/signoff'

async function notificationsFor(user: TestUser, count: number) {
  for (let i = 0; i < count; i++) await queueNotifications([user.id], `Notification ${i + 1}`, 'launched')
  return db.selectFrom('notification').select(['id', 'title', 'read_at']).where('user_id', '=', user.id).orderBy('created_at').orderBy('id').execute()
}

describe('the notifications page', () => {
  it('lists a person’s own notifications newest first, counts the unread in the header, and marks them read', async () => {
    const reader = await makeUser(['viewer'], 'Rita Reader')
    const other = await makeUser(['viewer'], 'Otto Other')
    const mine = await notificationsFor(reader, 3)
    const theirs = await notificationsFor(other, 1)

    expect((await callLoader(root.loader, '/', { cookie: reader.cookie })).data.unread).toBe(3)
    const page = await callLoader(inbox.loader, '/notifications', { cookie: reader.cookie })
    expect(page.status).toBe(200)
    expect(page.data.items.map((n: { title: string }) => n.title).sort()).toEqual(['Notification 1', 'Notification 2', 'Notification 3'])
    const times = page.data.items.map((n: { createdAt: string }) => n.createdAt)
    expect([...times].sort().reverse()).toEqual(times)
    expect(page.data).toMatchObject({ total: 3, unread: 3 })

    const marked = await callAction(inbox.action, '/notifications', { cookie: reader.cookie, form: { intent: 'read', id: mine[0]!.id } })
    expect(marked).toMatchObject({ status: 303, location: `/notifications?notice=read#notification-${mine[0]!.id}` })
    expect((await callLoader(root.loader, '/', { cookie: reader.cookie })).data.unread).toBe(2)
    // Someone else's notification cannot be marked, nor opened.
    const foreign = await callAction(inbox.action, '/notifications', { cookie: reader.cookie, form: { intent: 'read', id: theirs[0]!.id } })
    expect(foreign.status).toBe(400)
    expect(foreign.data.errors._form).toMatch(/could not be found/)
    expect((await callLoader(openOne.loader, `/notifications/${theirs[0]!.id}`, { cookie: reader.cookie, params: { id: theirs[0]!.id } })).status).toBe(404)
    expect((await db.selectFrom('notification').select('read_at').where('id', '=', theirs[0]!.id).executeTakeFirstOrThrow()).read_at).toBeNull()

    // Following one marks it read and goes where the person acts.
    const opened = await callLoader(openOne.loader, `/notifications/${mine[1]!.id}`, { cookie: reader.cookie, params: { id: mine[1]!.id } })
    expect(opened).toMatchObject({ status: 303, location: '/sign-off' })
    expect((await callLoader(root.loader, '/', { cookie: reader.cookie })).data.unread).toBe(1)

    const all = await callAction(inbox.action, '/notifications', { cookie: reader.cookie, form: { intent: 'read-all' } })
    expect(all).toMatchObject({ status: 303, location: '/notifications?notice=all-read' })
    expect((await callLoader(root.loader, '/', { cookie: reader.cookie })).data.unread).toBe(0)
    expect((await callLoader(root.loader, '/', { cookie: other.cookie })).data.unread).toBe(1)
    expect((await callAction(inbox.action, '/notifications', { cookie: reader.cookie, form: { intent: 'nonsense' } })).status).toBe(400)
  })
})

describe('choosing how to be told', () => {
  it('saves each kind’s choice, and keeps what was chosen when the form has a problem', async () => {
    const person = await makeUser(['press-office'], 'Pat Press')
    const page = await callLoader(preferences.loader, '/notifications/preferences', { cookie: person.cookie })
    expect(page.data.preferences).toEqual({
      'sign-off-requested': 'email',
      'changes-requested': 'email',
      'approval-out-of-date': 'email',
      'ready-to-launch': 'email',
      launched: 'email',
      'over-capacity': 'email',
    })
    const form = { 'sign-off-requested': 'digest', 'changes-requested': 'email', 'approval-out-of-date': 'email', 'ready-to-launch': 'in-app', launched: 'in-app', 'over-capacity': 'shout' }
    const refused = await callAction(preferences.action, '/notifications/preferences', { cookie: person.cookie, form })
    expect(refused.status).toBe(400)
    expect(Object.keys(refused.data.errors)).toEqual(['over-capacity'])
    expect(refused.data.values['sign-off-requested']).toBe('digest')
    const saved = await callAction(preferences.action, '/notifications/preferences', { cookie: person.cookie, form: { ...form, 'over-capacity': 'email' } })
    expect(saved).toMatchObject({ status: 303, location: '/notifications/preferences?notice=saved' })
    const after = await callLoader(preferences.loader, '/notifications/preferences', { cookie: person.cookie })
    expect(after.data.preferences).toMatchObject({ 'sign-off-requested': 'digest', 'ready-to-launch': 'in-app', launched: 'in-app' })
    const audit = await db.selectFrom('audit_event').select(['action', 'summary']).where('actor_id', '=', person.id).where('action', '=', 'notification-preferences.changed').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.summary).toBe('Changed how they are told: Sign-off asked for: Daily digest email; Ready to launch: In the app only; Campaign launched: In the app only')
  })

  it('lets the link in an email stop that kind of email without signing in, and nothing else', async () => {
    const person = await makeUser(['press-office'], 'Link Reader')
    const token = emailSettingsToken(person.id, 'approval-out-of-date')
    const page = await callLoader(emailSettings.loader, `/notifications/email-settings/${token}`, { params: { token } })
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ name: 'Link Reader', kinds: ['approval-out-of-date'], values: { 'approval-out-of-date': 'email' } })
    const stopped = await callAction(emailSettings.action, `/notifications/email-settings/${token}`, { params: { token }, form: { intent: 'stop' } })
    expect(stopped).toMatchObject({ status: 303, location: `/notifications/email-settings/${token}?notice=stopped` })
    const now = await callLoader(preferences.loader, '/notifications/preferences', { cookie: person.cookie })
    expect(now.data.preferences).toMatchObject({ 'approval-out-of-date': 'in-app', 'sign-off-requested': 'email' })

    // A link whose signature does not match, or is made for another kind or person, changes nothing.
    const [id, kind, signature] = token.split('.')
    const forged = [`${id}.sign-off-requested.${signature}`, `${id}.${kind}.${signature!.slice(0, -2)}xx`, `${(await makeUser(['viewer'])).id}.${kind}.${signature}`, 'nonsense', '']
    for (const bad of forged) {
      expect((await callLoader(emailSettings.loader, `/notifications/email-settings/${bad}`, { params: { token: bad } })).status, bad).toBe(404)
      expect((await callAction(emailSettings.action, `/notifications/email-settings/${bad}`, { params: { token: bad }, form: { intent: 'stop' } })).status, bad).toBe(404)
    }
    expect((await callLoader(preferences.loader, '/notifications/preferences', { cookie: person.cookie })).data.preferences['sign-off-requested']).toBe('email')

    // The choice form on the same page, and a link for every kind at once.
    const all = emailSettingsToken(person.id, 'all')
    const chosen = await callAction(emailSettings.action, `/notifications/email-settings/${all}`, {
      params: { token: all },
      form: { intent: 'save', 'sign-off-requested': 'digest', 'changes-requested': 'email', 'approval-out-of-date': 'email', 'ready-to-launch': 'email', launched: 'in-app', 'over-capacity': 'in-app' },
    })
    expect(chosen.status).toBe(303)
    expect((await callLoader(preferences.loader, '/notifications/preferences', { cookie: person.cookie })).data.preferences).toMatchObject({ 'sign-off-requested': 'digest', 'approval-out-of-date': 'email', launched: 'in-app' })
    // A disabled account's link no longer works.
    await updateUser(db, { id: person.id, version: 1, name: person.name, roles: ['press-office'], disabled: true }, await makeUser(['admin']))
    expect((await callLoader(emailSettings.loader, `/notifications/email-settings/${all}`, { params: { token: all } })).status).toBe(404)
  })
})

describe('calendar feeds', () => {
  it('gives each person a secret feed address they can see and replace, which revokes the old one', async () => {
    const designer = await makeUser(['designer'], 'Dee Designer')
    const empty = await callLoader(calendarFeedPage.loader, '/notifications/calendar-feed', { cookie: designer.cookie })
    expect(empty.data.url).toBeNull()
    const made = await callAction(calendarFeedPage.action, '/notifications/calendar-feed', { cookie: designer.cookie, form: { intent: 'create' } })
    expect(made).toMatchObject({ status: 303, location: '/notifications/calendar-feed?notice=created' })
    const shown = await callLoader(calendarFeedPage.loader, '/notifications/calendar-feed', { cookie: designer.cookie })
    const url = new URL(shown.data.url)
    expect(url.pathname).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
    expect(shown.data.webcal).toBe(shown.data.url.replace(/^http:/, 'webcal:'))
    // Shown again, the same address; only its hash is stored.
    expect((await callLoader(calendarFeedPage.loader, '/notifications/calendar-feed', { cookie: designer.cookie })).data.url).toBe(shown.data.url)
    const token = url.pathname.slice('/calendar/'.length, -'.ics'.length)
    const stored = await db.selectFrom('calendar_feed').selectAll().where('user_id', '=', designer.id).executeTakeFirstOrThrow()
    expect(JSON.stringify(stored)).not.toContain(token)

    const file = `${token}.ics`
    const fetched = await callLoader(feed.loader, url.pathname, { params: { file } })
    expect(fetched.status).toBe(200)
    expect(fetched.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    expect(parseFeed(fetched.data).name).toBe('OTM Campaign Planner: Dee Designer')

    const replaced = await callAction(calendarFeedPage.action, '/notifications/calendar-feed', { cookie: designer.cookie, form: { intent: 'replace' } })
    expect(replaced.location).toBe('/notifications/calendar-feed?notice=replaced')
    const next = new URL((await callLoader(calendarFeedPage.loader, '/notifications/calendar-feed', { cookie: designer.cookie })).data.url)
    expect(next.pathname).not.toBe(url.pathname)
    expect((await callLoader(feed.loader, url.pathname, { params: { file } })).status).toBe(404)
    expect((await callLoader(feed.loader, next.pathname, { params: { file: next.pathname.slice('/calendar/'.length) } })).status).toBe(200)
    for (const bad of ['nonsense.ics', `${token}.txt`, `${'A'.repeat(43)}.ics`, '']) expect((await callLoader(feed.loader, `/calendar/${bad}`, { params: { file: bad } })).status, bad).toBe(404)
    const audit = await db.selectFrom('audit_event').select('action').where('actor_id', '=', designer.id).where('action', 'like', 'calendar-feed.%').orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['calendar-feed.created', 'calendar-feed.replaced'])
  })

  it('holds launch and send dates, sign-off due dates and, for helpline managers, each campaign’s call peak, with stable UIDs', async () => {
    const people = await makeSignOffPeople()
    const campaign = await makeSignOffCampaign(people)
    const feedOf = async (user: TestUser) => {
      await callAction(calendarFeedPage.action, '/notifications/calendar-feed', { cookie: user.cookie, form: { intent: 'create' } })
      const { pathname } = new URL((await callLoader(calendarFeedPage.loader, '/notifications/calendar-feed', { cookie: user.cookie })).data.url)
      const result = await callLoader(feed.loader, pathname, { params: { file: pathname.slice('/calendar/'.length) } })
      expect(result.status).toBe(200)
      return parseFeed(result.data).events
    }
    const mine = (events: Awaited<ReturnType<typeof feedOf>>) => events.filter((e) => e.uid.startsWith(campaign.campaignId))
    const launchDate = (await db.selectFrom('campaign').select('planned_launch_date').where('id', '=', campaign.campaignId).executeTakeFirstOrThrow()).planned_launch_date
    const waves = await db.selectFrom('wave').select(['send_date', 'position']).where('message_id', '=', campaign.messageId).orderBy('position').execute()

    // The owner, before sign-off is asked: the launch, both sends, and the sign-off due the working day before launch.
    const owner = mine(await feedOf(people.owner))
    expect(owner.map((e) => e.uid).sort()).toEqual(
      [
        `${campaign.campaignId}-launch@otm-campaign-planner`,
        `${campaign.campaignId}-sign-off-due@otm-campaign-planner`,
        ...waves.map((w) => `${campaign.campaignId}-send-${campaign.messageId}-${w.position}@otm-campaign-planner`),
      ].sort(),
    )
    const launch = owner.find((e) => e.uid.endsWith('-launch@otm-campaign-planner'))!
    expect(launch).toMatchObject({ date: launchDate, endDate: addDays(launchDate, 1), allDay: true, summary: `Launch: ${campaign.ref} Undeclared rental income`, categories: ['Launch'] })
    expect(launch.url).toMatch(new RegExp(`/campaigns/${campaign.ref}$`))
    const due = owner.find((e) => e.uid.endsWith('-sign-off-due@otm-campaign-planner'))!
    expect(due.date < launchDate).toBe(true)
    expect(new Date(`${due.date}T12:00:00Z`).getUTCDay()).not.toBe(0)
    expect(new Date(`${due.date}T12:00:00Z`).getUTCDay()).not.toBe(6)
    expect(due.description).toContain('Still to approve: Customer Services, Debt Management and Press Office.')
    expect(owner.filter((e) => e.categories[0] === 'Send date').map((e) => e.date).sort()).toEqual(waves.map((w) => w.send_date).sort())

    // A press officer sees nothing of it until sign-off is asked; then its dates, and that their sign-off is due.
    expect(mine(await feedOf(people.pressOffice))).toEqual([])
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const press = mine(await feedOf(people.pressOffice))
    expect(press.find((e) => e.uid.endsWith('-sign-off-due@otm-campaign-planner'))!.description).toContain('Still to approve: Press Office.')
    expect(press.some((e) => e.categories[0] === 'Call peak')).toBe(false)

    // A helpline manager also sees the day the forecast expects most of its calls at the helpline.
    const manager = mine(await feedOf(people.customerServices))
    const peak = manager.find((e) => e.categories[0] === 'Call peak')!
    expect(peak.uid).toBe(`${campaign.campaignId}-peak-${people.helplineId}@otm-campaign-planner`)
    expect(peak.summary).toMatch(new RegExp(`^Call peak: ${campaign.ref} at Helpline `))
    expect(peak.description).toMatch(/about [\d,]+ \(central forecast\)/)
    expect(peak.date >= waves[0]!.send_date).toBe(true)

    // Fetched again, the same UIDs: a calendar updates its events rather than adding them twice.
    const again = mine(await feedOf(people.customerServices))
    expect(again.map((e) => e.uid).sort()).toEqual(manager.map((e) => e.uid).sort())
  })

  it('offers each campaign’s own .ics to anyone who can read it', async () => {
    const admin = await makeUser(['admin'])
    const designer = await makeUser(['designer'])
    const viewer = await makeUser(['viewer'])
    const helpline = await makeHelpline(admin)
    const sendDate = addDays(todayIso(), 20)
    const { ref, campaignId } = await makeForecastedCampaign(designer, { waves: [{ sendDate, volume: 50_000 }], split: { [helpline.id]: 100 } })
    const result = await callLoader(campaignCalendar.loader, `/campaigns/${ref}/calendar.ics`, { cookie: viewer.cookie, params: { ref } })
    expect(result.status).toBe(200)
    expect(result.headers.get('Content-Disposition')).toBe(`attachment; filename="${ref}.ics"`)
    const { name, events } = parseFeed(result.data)
    expect(name).toBe(`${ref} Undeclared rental income`)
    expect(events.map((e) => e.categories[0]).sort()).toEqual(['Call peak', 'Launch', 'Send date', 'Sign-off due'])
    expect(events.find((e) => e.categories[0] === 'Send date')).toMatchObject({ date: sendDate, summary: `Sent: ${ref} First letter` })
    expect(events.find((e) => e.categories[0] === 'Send date')!.description).toBe(`Letter “First letter” of ${ref} (Undeclared rental income) goes to 50,000 customers.`)
    expect(events.every((e) => e.uid.startsWith(`${campaignId}-`))).toBe(true)
    expect((await callLoader(campaignCalendar.loader, '/campaigns/OTM-1999-999/calendar.ics', { cookie: viewer.cookie, params: { ref: 'OTM-1999-999' } })).status).toBe(404)
  })
})
