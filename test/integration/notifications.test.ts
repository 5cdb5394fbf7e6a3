// What follows an event: who is told, in the app and by email through a real SMTP server, in the transaction of the
// event itself. The delivery faults (a relay that is down, a worker killed mid-send, several instances) are in
// notifications-delivery.test.ts and notifications-instances.postgres.test.ts.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const mail = await vi.hoisted(async () => {
  const { startMailServer } = await import('../support/mail-server')
  const server = await startMailServer()
  process.env.SMTP_URL = server.url
  process.env.APP_ORIGIN = 'https://otm.example.gov.uk'
  process.env.MAIL_FROM = 'OTM Campaign Planner <otm-planner@notify.example.gov.uk>'
  return server
})

import { saveDebtTreatment } from '../../app/models/debt-treatment.server'
import { launchCampaign } from '../../app/models/launch.server'
import { getLine, updateLine } from '../../app/models/line.server'
import { updateMessage } from '../../app/models/message.server'
import { notify, withoutEmail } from '../../app/models/notifications/notify.server'
import { queueDigests } from '../../app/models/notifications/outbox.server'
import { savePreferences } from '../../app/models/notifications/preferences.server'
import { requestSignOff } from '../../app/models/signoff/commands.server'
import { bringSignOffUpToDate } from '../../app/models/signoff/sync.server'
import { updateUser } from '../../app/models/user.server'
import { DeliveryWorker } from '../../app/models/notifications/delivery.server'
import { testClock } from '../../app/utils/clock.server'
import { db, writeTransaction } from '../../app/utils/db.server'
import { env } from '../../app/utils/env.server'
import { makeForecastedCampaign } from '../support/calendar'
import { makeUser, type TestUser } from '../support/factories'
import { makeHelpline } from '../support/forecast'
import { lineInput } from '../support/lines'
import { letterInput } from '../support/messages'
import { approveAll, currentHash, decide, makeSignOffCampaign, makeSignOffPeople, type SignOffCampaign, type SignOffPeople } from '../support/signoff'
import { decideSignOff } from '../../app/models/signoff/commands.server'

afterAll(() => mail.stop())

async function deliver() {
  const worker = new DeliveryWorker(db, { smtpUrl: mail.url, from: env().MAIL_FROM, housekeeping: false })
  try {
    while ((await worker.runOnce()).claimed > 0);
  } finally {
    await worker.stop()
  }
}

async function notificationsOf(user: { id: string }, campaignId?: string) {
  let query = db.selectFrom('notification').selectAll().where('user_id', '=', user.id)
  if (campaignId) query = query.where('campaign_id', '=', campaignId)
  return query.orderBy('created_at').orderBy('id').execute()
}

const kindsOf = async (user: { id: string }, campaignId: string) => (await notificationsOf(user, campaignId)).map((n) => n.kind)

async function counts() {
  const [n, o] = await Promise.all([
    db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('email_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { notifications: Number(n.n), emails: Number(o.n) }
}

const mailFor = (user: TestUser, ref: string) => mail.to(user.email).filter((m) => m.subject.includes(ref))

describe('notifications from sign-off and launch', () => {
  let people: SignOffPeople
  let campaign: SignOffCampaign
  let disabledMember: TestUser
  let everyone: TestUser[]
  const members = () => [people.customerServices, people.customerServices2, people.debtManagement, people.debtManagement2, people.pressOffice, people.pressOffice2]

  beforeAll(async () => {
    people = await makeSignOffPeople()
    disabledMember = await makeUser(['press-office'], 'Dora Disabled')
    const saved = await updateUser(db, { id: disabledMember.id, version: 1, name: disabledMember.name, roles: ['press-office'], disabled: true }, people.admin)
    expect(saved).toEqual({ ok: true })
    everyone = [people.owner, people.coOwner, people.otherDesigner, ...members(), people.viewer, people.admin, disabledMember]
    campaign = await makeSignOffCampaign(people)
  })

  it('tells each required group’s members of a sign-off request, in the app and by email, and nobody else', async () => {
    const asked = await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    expect(asked).toEqual({ ok: true })
    for (const member of members()) expect(await kindsOf(member, campaign.campaignId), member.name).toEqual(['sign-off-requested'])
    for (const other of [people.owner, people.coOwner, people.otherDesigner, people.viewer, people.admin, disabledMember]) {
      expect(await kindsOf(other, campaign.campaignId), other.name).toEqual([])
    }
    const [note] = await notificationsOf(people.pressOffice, campaign.campaignId)
    expect(note).toMatchObject({ title: `Sign-off needed: ${campaign.ref} Undeclared rental income`, href: `/campaigns/${campaign.ref}/sign-off/press-office`, read_at: null, delivery: 'email' })
    expect(note!.body).toBe(`Sam Owner asked the Press Office to sign off ${campaign.ref} (Undeclared rental income). Review what your group signs and record your decision.`)

    await deliver()
    for (const member of members()) {
      const received = mailFor(member, campaign.ref)
      expect(received.map((m) => m.subject), member.name).toEqual([`Sign-off needed: ${campaign.ref} Undeclared rental income`])
    }
    for (const other of [people.owner, people.coOwner, people.viewer, disabledMember]) expect(mailFor(other, campaign.ref)).toEqual([])
    const [email] = mailFor(people.pressOffice, campaign.ref)
    const row = await db.selectFrom('email_outbox').selectAll().where('to_address', '=', people.pressOffice.email).executeTakeFirstOrThrow()
    expect(email!.messageId).toBe(row.message_id)
    expect(row.message_id).toMatch(/^<[0-9a-f-]{36}@notify\.example\.gov\.uk>$/)
    expect(row).toMatchObject({ state: 'sent', attempts: 1, last_error: null })
    expect(email!.from).toBe('otm-planner@notify.example.gov.uk')
    expect(email!.text).toContain(`Open it in the planner: https://otm.example.gov.uk/campaigns/${campaign.ref}/sign-off/press-office`)
    expect(email!.html).toContain(`href="https://otm.example.gov.uk/campaigns/${campaign.ref}/sign-off/press-office"`)
    expect(email!.html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/)
    // One signed link per email changes how its reader hears of this kind of event, without signing in.
    const settings = /https:\/\/otm\.example\.gov\.uk\/notifications\/email-settings\/([^\s"<>]+)/.exec(email!.text)![1]!
    expect(settings.startsWith(`${people.pressOffice.id}.sign-off-requested.`)).toBe(true)
    expect(email!.headers.get('list-unsubscribe')).toBe(`<https://otm.example.gov.uk/notifications/email-settings/${settings}>`)
    expect(email!.headers.get('auto-submitted')).toBe('auto-generated')
  })

  it('tells the authors when a group asks for changes, without copying the comment out of the planner', async () => {
    const result = await decide(people.debtManagement, campaign.campaignId, 'debt-management', 'changes-requested', 'Customer AB123456C wrote in: fix the time to pay line')
    expect(result).toEqual({ ok: true })
    for (const author of [people.owner, people.coOwner]) expect(await kindsOf(author, campaign.campaignId), author.name).toEqual(['changes-requested'])
    expect(await kindsOf(people.debtManagement2, campaign.campaignId)).toEqual(['sign-off-requested'])
    await deliver()
    const [email] = mailFor(people.coOwner, campaign.ref)
    expect(email!.subject).toBe(`Changes asked for: ${campaign.ref} Undeclared rental income`)
    expect(email!.text).toContain('Debt Management asked for changes')
    expect(email!.raw).not.toContain('AB123456C')
    expect(JSON.stringify(await notificationsOf(people.owner, campaign.campaignId))).not.toContain('AB123456C')
  })

  it('tells the authors once every approval is in, and a group’s members when its approval goes out of date', async () => {
    // The authors answer Debt Management's request, then every group approves.
    const treatment = await saveDebtTreatment(db, { campaignId: campaign.campaignId, version: 1, specialTreatment: 'Payment plans of up to 18 months.' }, people.owner)
    expect(treatment.ok).toBe(true)
    for (const [member, group] of [
      [people.customerServices, 'customer-services'],
      [people.debtManagement2, 'debt-management'],
      [people.pressOffice, 'press-office'],
    ] as const) {
      expect(await decide(member, campaign.campaignId, group)).toEqual({ ok: true })
    }
    expect(await kindsOf(people.owner, campaign.campaignId)).toEqual(['changes-requested', 'ready-to-launch'])
    expect(await kindsOf(people.coOwner, campaign.campaignId)).toEqual(['changes-requested', 'ready-to-launch'])

    // The press line changes: only the Press Office approval goes out of date.
    const press = (await getLine(db, campaign.campaignId, campaign.lines.press))!
    const changed = await updateLine(
      db,
      { campaignId: campaign.campaignId, lineId: press.id, version: press.version, values: lineInput({ audience: 'press', question: press.question, answer: 'HMRC writes to some landlords every year.' }) },
      people.coOwner,
    )
    expect(changed.ok).toBe(true)
    for (const member of [people.pressOffice, people.pressOffice2]) expect(await kindsOf(member, campaign.campaignId)).toEqual(['sign-off-requested', 'approval-out-of-date'])
    for (const member of [people.customerServices, people.debtManagement]) expect(await kindsOf(member, campaign.campaignId)).toEqual(['sign-off-requested'])
    const [stale] = (await notificationsOf(people.pressOffice2, campaign.campaignId)).slice(-1)
    expect(stale!.body).toBe(`The Press Office approval of ${campaign.ref} (Undeclared rental income) no longer counts: the press lines changed. The campaign cannot launch until your group approves it again.`)
    await deliver()
    expect(mailFor(people.pressOffice2, campaign.ref).map((m) => m.subject)).toEqual([
      `Sign-off needed: ${campaign.ref} Undeclared rental income`,
      `Approval out of date: ${campaign.ref} Undeclared rental income`,
    ])
    expect(mailFor(people.owner, campaign.ref).map((m) => m.subject)).toEqual([`Changes asked for: ${campaign.ref} Undeclared rental income`, `Ready to launch: ${campaign.ref} Undeclared rental income`])
  })

  it('tells the authors, every group that signed and the helplines’ managers of a launch; never the person who launched', async () => {
    expect(await decide(people.pressOffice2, campaign.campaignId, 'press-office')).toEqual({ ok: true })
    const launched = await launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)
    expect(launched.ok).toBe(true)
    const launchedKinds = async (user: TestUser) => (await kindsOf(user, campaign.campaignId)).filter((k) => k === 'launched').length
    for (const person of [people.coOwner, ...members()]) expect(await launchedKinds(person), person.name).toBe(1)
    for (const person of [people.owner, people.otherDesigner, people.viewer, people.admin, disabledMember]) expect(await launchedKinds(person), person.name).toBe(0)
    await deliver()
    expect(mailFor(people.customerServices2, campaign.ref).map((m) => m.subject)).toContain(`Launched: ${campaign.ref} Undeclared rental income`)
    for (const person of everyone) {
      const ids = mail.to(person.email).map((m) => m.messageId)
      expect(new Set(ids).size, `${person.name} got each email once`).toBe(ids.length)
    }
  })
})

describe('the transaction', () => {
  it('writes nothing for an event that is refused or rolled back', async () => {
    const people = await makeSignOffPeople()
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const before = await counts()
    // A decision on a version that is no longer current is refused: no decision, no notification, no email.
    const stale = await decideSignOff(db, { campaignId: campaign.campaignId, group: 'press-office', reviewedHash: 'f'.repeat(64), decision: 'changes-requested', comment: 'No.' }, people.pressOffice)
    expect(stale).toMatchObject({ ok: false, reason: 'changed' })
    expect(await counts()).toEqual(before)
    // A notification written in a transaction that then fails goes with it.
    await expect(
      writeTransaction(db, async (tx) => {
        await notify(tx, { kind: 'launched', title: 'Never', body: 'Never', href: '/' }, { userIds: [people.owner.id] })
        throw new Error('the event failed after its notification was written')
      }),
    ).rejects.toThrow('the event failed')
    expect(await counts()).toEqual(before)
    expect(await currentHash(campaign.campaignId, 'press-office')).toHaveLength(64)
  })

  it('without email, notifications appear in the app and nothing is queued to send', async () => {
    const people = await makeSignOffPeople()
    const campaign = await makeSignOffCampaign(people)
    const before = await counts()
    await withoutEmail(() => requestSignOff(db, { campaignId: campaign.campaignId }, people.owner))
    const after = await counts()
    expect(after.emails).toBe(before.emails)
    const members = await db.selectFrom('users').innerJoin('user_role', 'user_role.user_id', 'users.id').select('users.id').distinct().where('role', 'in', ['customer-services', 'debt-management', 'press-office']).where('disabled', '=', 0).execute()
    expect(after.notifications - before.notifications).toBe(members.length)
    expect((await notificationsOf(people.pressOffice, campaign.campaignId)).map((n) => n.delivery)).toEqual(['in-app'])
  })

  it('tells a group’s members when an approval goes out of date behind the planner’s back, once the planner notices', async () => {
    const people = await makeSignOffPeople()
    const campaign = await makeSignOffCampaign(people)
    await approveAll(people, campaign)
    await sql`update line_to_take set answer = 'Changed outside the planner.' where id = ${campaign.lines.press}`.execute(db)
    expect(await bringSignOffUpToDate(db, [campaign.campaignId])).toBe(1)
    expect(await kindsOf(people.pressOffice2, campaign.campaignId)).toEqual(['sign-off-requested', 'approval-out-of-date'])
    const [stale] = (await notificationsOf(people.pressOffice2, campaign.campaignId)).slice(-1)
    expect(stale!.body).toContain('no longer counts: the press lines changed')
  })
})

describe('choices', () => {
  it('sends at once, holds for the daily digest or keeps in the app, as each person chose', async () => {
    const people = await makeSignOffPeople()
    await savePreferences(db, people.pressOffice, { 'sign-off-requested': 'in-app' }, 'page')
    await savePreferences(db, people.debtManagement, { 'sign-off-requested': 'digest' }, 'page')
    testClock.freeze('2027-02-10T10:00:00Z')
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    expect((await notificationsOf(people.pressOffice, campaign.campaignId)).map((n) => n.delivery)).toEqual(['in-app'])
    expect((await notificationsOf(people.debtManagement, campaign.campaignId)).map((n) => n.delivery)).toEqual(['digest'])
    await deliver()
    expect(mailFor(people.pressOffice, campaign.ref)).toEqual([])
    expect(mailFor(people.debtManagement, campaign.ref)).toEqual([])
    expect(mailFor(people.pressOffice2, campaign.ref)).toHaveLength(1)

    // Before 08:00 the next morning nothing is summarised; at 08:00 one digest goes, once, however often it is asked.
    testClock.freeze('2027-02-11T07:59:00Z')
    expect(await queueDigests(db)).toBe(0)
    testClock.freeze('2027-02-11T08:00:00Z')
    expect(await queueDigests(db)).toBeGreaterThanOrEqual(1)
    expect(await queueDigests(db)).toBe(0)
    await deliver()
    const digests = mail.to(people.debtManagement.email).filter((m) => m.subject === 'Your daily summary from the OTM Campaign Planner')
    expect(digests).toHaveLength(1)
    expect(digests[0]!.text).toContain(`Sign-off needed: ${campaign.ref} Undeclared rental income`)
    expect(digests[0]!.text).toContain('There is 1 thing to know about from the last day.')
  })
})

describe('helpline capacity', () => {
  it('tells the helpline managers when a change puts a week over capacity, and only the first time', async () => {
    const admin = await makeUser(['admin'])
    const designer = await makeUser(['designer'], 'Dee Designer')
    const managers = [await makeUser(['customer-services'], 'Helen Marsh'), await makeUser(['customer-services'], 'Harry Marsh')]
    const helpline = { ...(await makeHelpline(admin, { name: `Tight ${Date.now()}`, availableFte: 90, baselineCallsPerDay: 1_500 })), name: '' }
    helpline.name = helpline.settings.name
    const sendDate = letterInput().waves[0]!.sendDate
    const { ref, campaignId, messageId } = await makeForecastedCampaign(designer, { waves: [{ sendDate, volume: 2_000 }], split: { [helpline.id]: 100 } })
    const over = async (user: TestUser) => (await notificationsOf(user, campaignId)).filter((n) => n.kind === 'over-capacity')
    expect(await over(managers[0]!)).toEqual([])

    const grow = async (volume: number, version: number) => {
      const result = await updateMessage(db, { campaignId, messageId, version, values: letterInput({ waves: [{ sendDate, volume }], deadlineDays: null }) }, designer)
      expect(result.ok).toBe(true)
    }
    await grow(400_000, 1)
    const [first] = await over(managers[0]!)
    expect(first).toBeDefined()
    expect(first!.title).toMatch(new RegExp(`^Over capacity: ${helpline.name}, week beginning \\d{1,2} \\w+ \\d{4}$`))
    expect(first!.body).toContain(`After a change to ${ref} (Undeclared rental income), the forecast for ${helpline.name} needs more staff than are available`)
    expect(first!.href).toMatch(new RegExp(`^/helplines/${helpline.id}/calendar\\?start=\\d{4}-\\d{2}&months=3$`))
    expect(await over(managers[1]!)).toHaveLength(1)
    expect(await over(designer)).toEqual([])
    // Still over capacity after a further change: nothing new to tell.
    await grow(420_000, 2)
    expect(await over(managers[0]!)).toHaveLength(1)
    await deliver()
    expect(mail.to(managers[1]!.email).filter((m) => m.subject === first!.title)).toHaveLength(1)
  })
})
