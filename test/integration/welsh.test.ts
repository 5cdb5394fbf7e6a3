// Welsh-language campaigns: the Welsh-preference customers, Welsh versions that record the English they translate and
// go out of date when it changes, requests and the translation file, and Welsh Language Services' sign-off.
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import * as campaignNew from '../../app/routes/campaigns.new'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import * as describeEdit from '../../app/routes/campaigns.$ref.describe.edit'
import * as exportJson from '../../app/routes/campaigns.$ref.export[.json]'
import * as messagePage from '../../app/routes/campaigns.$ref.messages.$id._index'
import * as welshIndex from '../../app/routes/campaigns.$ref.welsh._index'
import * as welshMessage from '../../app/routes/campaigns.$ref.welsh.messages.$id'
import * as welshLine from '../../app/routes/campaigns.$ref.welsh.lines.$lineId'
import * as welshScript from '../../app/routes/campaigns.$ref.welsh.scripts.$callType'
import * as welshRemove from '../../app/routes/campaigns.$ref.welsh.$kind.$id.remove'
import * as welshRequest from '../../app/routes/campaigns.$ref.welsh.request'
import * as welshFile from '../../app/routes/campaigns.$ref.welsh.translation[.csv]'
import * as welshImport from '../../app/routes/campaigns.$ref.welsh.import'
import * as historyPage from '../../app/routes/campaigns.$ref.history.$entityType.$entityId._index'
import * as pack from '../../app/routes/campaigns.$ref.pack.$audience'
import * as reviewPage from '../../app/routes/campaigns.$ref.sign-off.$group'
import * as inboxPage from '../../app/routes/sign-off._index'
import { standardScript, standardWelshScript } from '../../app/content'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { launchCampaign, launchReadiness } from '../../app/models/launch.server'
import { deleteMessage, getMessage, updateMessage } from '../../app/models/message.server'
import { saveScript } from '../../app/models/script.server'
import { updateLine } from '../../app/models/line.server'
import { requestSignOff } from '../../app/models/signoff/commands.server'
import { getTranslation, saveTranslation } from '../../app/models/translation.server'
import { todayIso } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import { addDays, campaignForm, campaignInput, makeCampaign, type TestUser } from '../support/factories'
import { makeLine } from '../support/lines'
import { GOOD_LETTER_BODY, letterInput, makeMessage } from '../support/messages'
import { buildRequest, callAction, callLoader } from '../support/routes'
import { approveAll, currentHash, decide, makeSignOffCampaign, makeSignOffPeople, statusOf, type SignOffPeople } from '../support/signoff'

const WELSH_LETTER = 'Annwyl ((customer_name))\n\nEich Cyfeirnod Unigryw y Trethdalwr: ((reference))\n\nMae ein cofnodion yn dangos incwm rhent nad yw ar eich Ffurflen Dreth ar gyfer ((tax_year)).'

let people: SignOffPeople
beforeAll(async () => {
  people = await makeSignOffPeople()
})

const owner = () => people.owner
const campaignOf = async (ref: string) => (await getCampaignByRef(db, ref))!

async function welshCampaign(overrides: Parameters<typeof campaignInput>[0] = {}) {
  const ref = await makeCampaign(owner(), { welshCustomers: 4_000, populationSize: 100_000, ...overrides })
  const campaign = await campaignOf(ref)
  const messageId = await makeMessage(owner(), ref)
  return { ref, campaign, messageId }
}

const postWelshLetter = (ref: string, id: string, form: Record<string, string>, user: TestUser = people.owner) =>
  callAction(welshMessage.action, `/campaigns/${ref}/welsh/messages/${id}`, { cookie: user.cookie, params: { ref, id }, form })

describe('the campaign’s Welsh-preference customers', () => {
  it('are validated like the other numbers, kept on screen when refused, and saved and shown when right', async () => {
    const form = (welshCustomers: string) => campaignForm(campaignInput({ populationSize: 50_000 }), { welshCustomers })
    for (const [typed, message] of [
      ['lots', 'The number of customers who asked for Welsh must be a whole number, like 3200'],
      ['12.5', 'The number of customers who asked for Welsh must be a whole number, like 3200'],
      ['-3', 'The number of customers who asked for Welsh must be 0 or more'],
      ['50001', 'The number of customers who asked for Welsh must not be more than the population size'],
    ]) {
      const refused = await callAction(campaignNew.action, '/campaigns/new', { cookie: people.owner.cookie, form: form(typed!) })
      expect(refused.status).toBe(400)
      expect(refused.data.errors).toEqual({ welshCustomers: message })
      expect(refused.data.values.welshCustomers).toBe(typed)
    }
    const created = await callAction(campaignNew.action, '/campaigns/new', { cookie: people.owner.cookie, form: form('1,500') })
    expect(created.status).toBe(303)
    const ref = created.location!.match(/\/campaigns\/(OTM-\d{4}-\d{3})/)![1]!
    expect((await campaignOf(ref)).welshCustomers).toBe(1_500)
    // Blank means none, and the describe form shows the number back as it was typed.
    const none = await callAction(campaignNew.action, '/campaigns/new', { cookie: people.owner.cookie, form: form('') })
    expect((await campaignOf(none.location!.match(/\/campaigns\/(OTM-\d{4}-\d{3})/)![1]!)).welshCustomers).toBe(0)
    const edit = await callLoader(describeEdit.loader, '', { cookie: people.owner.cookie, params: { ref } })
    expect(edit.data.values.welshCustomers).toBe('1500')
  })

  it('add the Welsh tasks to the campaign page only when there are some', async () => {
    const plain = await makeCampaign(owner())
    const page = async (ref: string) => (await callLoader(campaignPage.loader, '', { cookie: people.viewer.cookie, params: { ref } })).data.tasks.map((t: { id: string }) => t.id)
    expect(await page(plain)).toEqual(['describe', 'messages', 'forecast', 'lines', 'scripts', 'debt-management', 'press', 'sign-off', 'launch'])
    const { ref } = await welshCampaign()
    expect(await page(ref)).toEqual(['describe', 'messages', 'welsh-messages', 'forecast', 'welsh-helpline', 'lines', 'welsh-lines', 'scripts', 'welsh-scripts', 'debt-management', 'press', 'sign-off', 'launch'])
    const tasks = (await callLoader(campaignPage.loader, '', { cookie: people.viewer.cookie, params: { ref } })).data.tasks
    expect(tasks.find((t: { id: string }) => t.id === 'welsh-messages')).toMatchObject({ title: 'Translate the messages into Welsh', status: 'incomplete', hint: '1 message has no Welsh version yet, of 1' })
  })
})

describe('a Welsh version of a message', () => {
  it('is saved through the form as a translation of the English version the user saw, with its revision and audit event', async () => {
    const { ref, campaign, messageId } = await welshCampaign()
    const empty = await postWelshLetter(ref, messageId, { layout: '', body: '  ', version: '0', englishVersion: '1' })
    expect(empty.status).toBe(400)
    expect(empty.data.errors).toEqual({ layout: 'Select whether the letter is in Welsh only or bilingual', body: 'Enter the Welsh text of the letter' })
    expect(await getTranslation(db, campaign.id, 'message', messageId)).toBeUndefined()

    const saved = await postWelshLetter(ref, messageId, { layout: 'bilingual', body: WELSH_LETTER.replace(/\n/g, '\r\n'), version: '0', englishVersion: '1' })
    expect(saved.status).toBe(303)
    expect(saved.location).toBe(`/campaigns/${ref}/welsh/messages/${messageId}?notice=saved`)
    const stored = (await getTranslation(db, campaign.id, 'message', messageId))!
    expect(stored).toMatchObject({ translatesVersion: 1, version: 1, welsh: { layout: 'bilingual', subject: null, body: WELSH_LETTER }, translatedBy: 'Sam Owner' })
    expect(stored.translatedFrom).toEqual({ channel: 'letter', subject: null, body: GOOD_LETTER_BODY })
    const audit = await db.selectFrom('audit_event').select(['action', 'summary']).where('campaign_id', '=', campaign.id).where('action', 'like', 'translation.%').execute()
    expect(audit).toEqual([{ action: 'translation.saved', summary: 'Added the Welsh version of the letter “First letter”, translating English version 1 (Welsh version 1)' }])
    const history = await callLoader(historyPage.loader, '', { cookie: people.viewer.cookie, params: { ref, entityType: 'welsh-message', entityId: messageId } })
    expect(history.status).toBe(200)
    expect(history.data.revisions).toHaveLength(1)

    const page = await callLoader(welshMessage.loader, '', { cookie: people.viewer.cookie, params: { ref, id: messageId } })
    expect(page.data.page).toMatchObject({ state: 'current', changesSince: null, findings: [] })
    expect(page.data.canEdit).toBe(false)
  })

  it('names each placeholder and optional content the Welsh and the English do not share, and runs the English checks on the Welsh', async () => {
    const { ref, campaign, messageId } = await welshCampaign()
    const result = await postWelshLetter(ref, messageId, { layout: 'welsh-only', body: 'Annwyl ((customer_name)), ((tax_year)) ((enw_cwsmer)) ((asiant??Anfonwyd copi at eich asiant.))', version: '0', englishVersion: '1' })
    // Saved, like an English message with errors; the errors block asking for sign-off.
    expect(result.status).toBe(303)
    const page = await callLoader(welshMessage.loader, '', { cookie: people.viewer.cookie, params: { ref, id: messageId } })
    const messages = page.data.page.findings.map((f: { id: string; message: string }) => [f.id, f.message])
    expect(messages).toEqual(
      expect.arrayContaining([
        ['welsh-placeholders', 'The Welsh body has the placeholder ((enw_cwsmer)), which the English body does not. Use the English placeholders exactly as they are.'],
        ['welsh-placeholders', 'The Welsh body has the optional content ((asiant??…)), which the English body does not. Use the English optional content exactly as it is.'],
        ['welsh-placeholders', 'The English body has the placeholder ((reference)), which the Welsh body does not. Add it to the Welsh, exactly as it is in the English.'],
        ['letter-reference', expect.stringContaining('reference')],
        ['unknown-placeholder', expect.stringContaining('((enw_cwsmer))')],
      ]),
    )
    const sms = await makeMessage(owner(), ref, { channel: 'sms', name: 'Reminder', body: 'HMRC: we wrote to you about your tax return.', addressBlock: null, postage: null, deadlineDays: null })
    await saveTranslation(db, { campaignId: campaign.id, kind: 'message', entityId: sms, version: 0, englishVersion: 1, welsh: { body: 'CThEF: ein cyfeirnod yw AB123456C.' } }, owner())
    const smsPage = await callLoader(welshMessage.loader, '', { cookie: people.viewer.cookie, params: { ref, id: sms } })
    expect(smsPage.data.page.findings.map((f: { id: string }) => f.id)).toEqual(['nino-in-digital'])
    const asked = await requestSignOff(db, { campaignId: campaign.id }, owner())
    expect(asked).toMatchObject({ ok: false, reason: 'blocked' })
    const blockers = !asked.ok && 'blockers' in asked ? asked.blockers : []
    expect(blockers.map((b) => b.text)).toContainEqual(expect.stringMatching(/^The Welsh version of the letter “First letter”: The English body has the placeholder \(\(reference\)\)/))
    expect(blockers.map((b) => b.href)).toContain(`/campaigns/${ref}/welsh/messages/${sms}`)
  })

  it('counts a Welsh text message as GOV.UK Notify does, and refuses one too long for six parts in Unicode', async () => {
    const { ref, campaign } = await welshCampaign()
    const sms = await makeMessage(owner(), ref, { channel: 'sms', name: 'Reminder', body: 'HMRC: we wrote to you.', addressBlock: null, postage: null, deadlineDays: null })
    const long = `CThEF: ${'ŵ'.repeat(400)}`
    const refused = await callAction(welshMessage.action, '', { cookie: people.owner.cookie, params: { ref, id: sms }, form: { body: long, version: '0', englishVersion: '1' } })
    expect(refused.status).toBe(400)
    expect(refused.data.errors.body).toBe('Welsh text message must be 402 characters or fewer because it contains characters that are not in the GSM alphabet (it is 407)')
    expect(refused.data.values.body).toBe(long)
    expect(await getTranslation(db, campaign.id, 'message', sms)).toBeUndefined()
  })

  it('refuses a save against a Welsh version someone else replaced, or an English text that changed, keeping the user’s Welsh', async () => {
    const { ref, campaign, messageId } = await welshCampaign({ coOwners: [people.coOwner.id] })
    expect((await postWelshLetter(ref, messageId, { layout: 'bilingual', body: WELSH_LETTER, version: '0', englishVersion: '1' })).status).toBe(303)
    const stale = await postWelshLetter(ref, messageId, { layout: 'bilingual', body: `${WELSH_LETTER}\n\nDiolch.`, version: '0', englishVersion: '1' }, people.coOwner)
    expect(stale.status).toBe(409)
    expect(stale.data.errors._form).toMatch(/^Someone else saved a Welsh version/)
    expect(stale.data.values.body).toBe(`${WELSH_LETTER}\n\nDiolch.`)

    // The English changes while the translator works on version 1: their save is refused, not recorded against it.
    const english = (await getMessage(db, campaign.id, messageId))!
    expect((await updateMessage(db, { campaignId: campaign.id, messageId, version: 1, values: letterInput({ body: `${english.body}\n\nThank you.` }) }, owner())).ok).toBe(true)
    const late = await postWelshLetter(ref, messageId, { layout: 'bilingual', body: `${WELSH_LETTER}\n\nDiolch.`, version: '1', englishVersion: '1' })
    expect(late.status).toBe(409)
    expect(late.data.errors._form).toMatch(/^The English changed while you were translating/)
    expect((await getTranslation(db, campaign.id, 'message', messageId))!.version).toBe(1)
  })
})

describe('translation that cannot go stale unseen', () => {
  it('marks the Welsh out of date when the English text changes, shows the English diff, and not when only the waves change', async () => {
    const { ref, campaign, messageId } = await welshCampaign()
    await saveTranslation(db, { campaignId: campaign.id, kind: 'message', entityId: messageId, version: 0, englishVersion: 1, welsh: { layout: 'bilingual', body: WELSH_LETTER } }, owner())
    // A change to the waves is a new English version with the same text: the Welsh still translates it.
    const waves = [{ sendDate: addDays(todayIso(), 45), volume: 30_000 }]
    expect((await updateMessage(db, { campaignId: campaign.id, messageId, version: 1, values: letterInput({ waves }) }, owner())).ok).toBe(true)
    const afterWaves = await callLoader(welshMessage.loader, '', { cookie: people.viewer.cookie, params: { ref, id: messageId } })
    expect(afterWaves.data.page).toMatchObject({ state: 'current', english: { version: 2 }, translation: { translatesVersion: 1 } })

    const changed = `${GOOD_LETTER_BODY}\n\nPlease reply within 30 days.`
    expect((await updateMessage(db, { campaignId: campaign.id, messageId, version: 2, values: letterInput({ waves, body: changed }) }, owner())).ok).toBe(true)
    const page = await callLoader(welshMessage.loader, '', { cookie: people.viewer.cookie, params: { ref, id: messageId } })
    expect(page.data.page.state).toBe('out-of-date')
    expect(page.data.page.changesSince.map((d: { label: string; kind: string; before: string; after: string }) => [d.label, d.kind, d.after.endsWith('Please reply within 30 days.')])).toEqual([['Body', 'changed', true]])
    const english = await callLoader(messagePage.loader, '', { cookie: people.viewer.cookie, params: { ref, id: messageId } })
    expect(english.data.welsh).toEqual({ state: 'out-of-date', translatesVersion: 1 })
    const tasks = (await callLoader(campaignPage.loader, '', { cookie: people.viewer.cookie, params: { ref } })).data.tasks
    expect(tasks.find((t: { id: string }) => t.id === 'welsh-messages')).toMatchObject({ status: 'problem', hint: 'The Welsh version of “First letter” is out of date against the English' })

    // Saving the Welsh (changed or not) records that it now translates English version 3.
    const saved = await postWelshLetter(ref, messageId, { layout: 'bilingual', body: `${WELSH_LETTER}\n\nAtebwch cyn pen 30 diwrnod.`, version: '1', englishVersion: '3' })
    expect(saved.status).toBe(303)
    expect(await getTranslation(db, campaign.id, 'message', messageId)).toMatchObject({ translatesVersion: 3, version: 2 })
    const after = await callLoader(welshMessage.loader, '', { cookie: people.viewer.cookie, params: { ref, id: messageId } })
    expect(after.data.page.state).toBe('current')
  })

  it('can be asked for by a date, shows what awaits translation on the campaign page, and is fulfilled by a current Welsh version', async () => {
    const { ref, messageId } = await welshCampaign()
    const lineId = await makeLine(owner(), ref, { standardQuestion: 'why-sent' })
    const form = await callLoader(welshRequest.loader, '', { cookie: people.owner.cookie, params: { ref } })
    expect(form.data.selected).toEqual([`message:${messageId}`, `line:${lineId}`])
    const refused = await callAction(welshRequest.action, '', { cookie: people.owner.cookie, params: { ref }, form: { items: [], 'neededBy-day': '1', 'neededBy-month': '1', 'neededBy-year': '2020' } })
    expect(refused.status).toBe(400)
    expect(refused.data.errors).toEqual({ items: 'Select what needs translating', neededBy: 'Date needed by must be today or in the future' })
    const tampered = await callAction(welshRequest.action, '', { cookie: people.owner.cookie, params: { ref }, form: { items: [`message:${crypto.randomUUID()}`], 'neededBy-day': '1', 'neededBy-month': '1', 'neededBy-year': '2040' } })
    expect(tampered.data.errors).toEqual({ items: 'Select what needs translating from the list' })

    const [year, month, day] = addDays(todayIso(), 20).split('-')
    const asked = await callAction(welshRequest.action, '', { cookie: people.owner.cookie, params: { ref }, form: { items: [`message:${messageId}`, `line:${lineId}`], 'neededBy-day': day!, 'neededBy-month': month!, 'neededBy-year': year! } })
    expect(asked.status).toBe(303)
    const page = (await callLoader(campaignPage.loader, '', { cookie: people.viewer.cookie, params: { ref } })).data
    expect(page.awaitingWelsh.map((a: { label: string; neededBy: string }) => [a.label, a.neededBy])).toEqual([
      ['the letter “First letter”', addDays(todayIso(), 20)],
      [`the line “Why have I been sent this letter?”`, addDays(todayIso(), 20)],
    ])

    await postWelshLetter(ref, messageId, { layout: 'welsh-only', body: WELSH_LETTER, version: '0', englishVersion: '1' })
    const after = (await callLoader(campaignPage.loader, '', { cookie: people.viewer.cookie, params: { ref } })).data
    expect(after.awaitingWelsh.map((a: { label: string }) => a.label)).toEqual(['the line “Why have I been sent this letter?”'])
  })

  it('blocks launch until the translation and Welsh Language Services’ approval are current', async () => {
    const campaign = await makeSignOffCampaign(people)
    await saveTranslation(db, { campaignId: campaign.campaignId, kind: 'message', entityId: campaign.messageId, version: 0, englishVersion: 1, welsh: { layout: 'bilingual', body: WELSH_LETTER } }, people.owner)
    await approveAll(people, campaign, ['customer-services', 'debt-management', 'press-office', 'welsh-language-services'])
    expect(await statusOf(campaign.campaignId)).toBe('approved')

    // The English letter changes: every group that signs the message must approve again, and the Welsh is out of date.
    const english = (await getMessage(db, campaign.campaignId, campaign.messageId))!
    expect((await updateMessage(db, { campaignId: campaign.campaignId, messageId: campaign.messageId, version: english.version, values: letterInput({ body: `${GOOD_LETTER_BODY}\n\nThank you.` }) }, people.owner)).ok).toBe(true)
    expect(await statusOf(campaign.campaignId)).toBe('awaiting-sign-off')
    for (const group of ['customer-services', 'debt-management', 'press-office', 'welsh-language-services'] as const) {
      expect((await decide(people[({ 'customer-services': 'customerServices2', 'debt-management': 'debtManagement2', 'press-office': 'pressOffice2', 'welsh-language-services': 'welshLanguageServices2' } as const)[group]], campaign.campaignId, group)).ok).toBe(true)
    }
    // Every approval is current, but the Welsh still translates the old English: launch refuses, and says why.
    const refused = await launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)
    expect(refused).toMatchObject({ ok: false, reason: 'not-approved' })
    const problems = !refused.ok && 'problems' in refused ? refused.problems.map((p) => p.text) : []
    expect(problems).toEqual([
      'The Welsh version of the letter “First letter” is out of date: the English changed after it was translated, so the Welsh must be brought up to date and approved again',
    ])

    // Brought up to date: the Welsh text Customer Services signs is unchanged, but Welsh Language Services must approve it again.
    const csHash = await currentHash(campaign.campaignId, 'customer-services')
    const translation = (await getTranslation(db, campaign.campaignId, 'message', campaign.messageId))!
    expect((await saveTranslation(db, { campaignId: campaign.campaignId, kind: 'message', entityId: campaign.messageId, version: translation.version, englishVersion: english.version + 1, welsh: { layout: 'bilingual', body: WELSH_LETTER } }, people.owner)).ok).toBe(true)
    expect(await currentHash(campaign.campaignId, 'customer-services')).toBe(csHash)
    const readiness = await launchReadiness(db, await campaignOf(campaign.ref))
    expect(readiness.problems.map((p) => p.group)).toEqual(['welsh-language-services'])
    expect(await launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)).toMatchObject({ ok: false, reason: 'not-approved' })
    expect((await decide(people.welshLanguageServices, campaign.campaignId, 'welsh-language-services')).ok).toBe(true)
    expect(await launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)).toMatchObject({ ok: true })
  })
})

describe('Welsh Language Services’ sign-off', () => {
  it('is required once anything has a Welsh version, signs the Welsh beside the English, and keeps separation of duties', async () => {
    const campaign = await makeSignOffCampaign(people, { extraLiability: false, pressInform: false })
    const states = async () => (await callLoader(campaignPage.loader, '', { cookie: people.viewer.cookie, params: { ref: campaign.ref } })).data.tasks.find((t: { id: string }) => t.id === 'sign-off').hint
    await approveAll(people, campaign, ['customer-services'])
    expect(await statusOf(campaign.campaignId)).toBe('approved')

    // A Welsh line to take makes Welsh Language Services required: the approved campaign goes back to awaiting sign-off.
    await saveTranslation(db, { campaignId: campaign.campaignId, kind: 'line', entityId: campaign.lines.helpline, version: 0, englishVersion: 1, welsh: { question: 'Pam ydw i wedi cael y llythyr hwn?', answer: 'Mae gennym wybodaeth am eich incwm rhent.' } }, people.owner)
    expect(await statusOf(campaign.campaignId)).toBe('awaiting-sign-off')
    expect(await states()).toBe('Customer Services: approved; Welsh Language Services: awaiting decision')
    const inbox = await callLoader(inboxPage.loader, '/sign-off', { cookie: people.welshLanguageServices.cookie })
    expect(inbox.data.items).toContainEqual(expect.objectContaining({ ref: campaign.ref, group: 'welsh-language-services', kind: 'new' }))

    const review = await callLoader(reviewPage.loader, '', { cookie: people.welshLanguageServices.cookie, params: { ref: campaign.ref, group: 'welsh-language-services' } })
    expect(review.data).toMatchObject({ title: 'Welsh Language Services sign-off', required: true, canDecide: true })
    expect(review.data.scope.welshLines).toEqual([
      {
        id: campaign.lines.helpline,
        audience: 'helpline',
        standardQuestion: 'why-sent',
        english: { question: 'Why have I been sent this letter?', answer: 'We think you may have rental income that is not on your return.' },
        welsh: { question: 'Pam ydw i wedi cael y llythyr hwn?', answer: 'Mae gennym wybodaeth am eich incwm rhent.' },
        translationCurrent: true,
      },
    ])
    // Only its members decide, and never the campaign's authors.
    const notMember = await callAction(reviewPage.action, '', { cookie: people.pressOffice.cookie, params: { ref: campaign.ref, group: 'welsh-language-services' }, form: { decision: 'approve', reviewedHash: review.data.currentHash } })
    expect(notMember.status).toBe(403)
    const approved = await callAction(reviewPage.action, '', { cookie: people.welshLanguageServices.cookie, params: { ref: campaign.ref, group: 'welsh-language-services' }, form: { decision: 'approve', reviewedHash: review.data.currentHash } })
    expect(approved.status).toBe(303)
    expect(await statusOf(campaign.campaignId)).toBe('approved')

    // A change to the English line it translates puts its approval out of date, with a readable diff.
    await db.updateTable('line_to_take').set({ answer: 'Letting agents tell us about rent.', version: 2 }).where('id', '=', campaign.lines.helpline).execute()
    const again = await callLoader(reviewPage.loader, '', { cookie: people.welshLanguageServices2.cookie, params: { ref: campaign.ref, group: 'welsh-language-services' } })
    expect(again.data.state).toBe('out-of-date')
    expect(again.data.changedSince).toEqual(['welshLines'])
    expect(again.data.diffs.map((d: { label: string }) => d.label)).toEqual([
      'Welsh lines › “Why have I been sent this letter?” › English › Answer',
      'Welsh lines › “Why have I been sent this letter?” › Translates the English as it is now',
    ])
    expect(await statusOf(campaign.campaignId)).toBe('awaiting-sign-off')
  })
})

describe('removing Welsh content', () => {
  it('removes a Welsh version after a confirmation, and its English record’s deletion takes the Welsh with it', async () => {
    const { ref, campaign, messageId } = await welshCampaign()
    await saveTranslation(db, { campaignId: campaign.id, kind: 'message', entityId: messageId, version: 0, englishVersion: 1, welsh: { layout: 'bilingual', body: WELSH_LETTER } }, owner())
    const confirm = await callLoader(welshRemove.loader, '', { cookie: people.owner.cookie, params: { ref, kind: 'messages', id: messageId } })
    expect(confirm.data.label).toBe('the letter “First letter”')
    const stale = await callAction(welshRemove.action, '', { cookie: people.owner.cookie, params: { ref, kind: 'messages', id: messageId }, form: { version: '7' } })
    expect(stale.status).toBe(409)
    const removed = await callAction(welshRemove.action, '', { cookie: people.owner.cookie, params: { ref, kind: 'messages', id: messageId }, form: { version: '1' } })
    expect(removed.status).toBe(303)
    expect(await getTranslation(db, campaign.id, 'message', messageId)).toBeUndefined()

    // Added again, the Welsh carries on its history's numbering.
    expect((await saveTranslation(db, { campaignId: campaign.id, kind: 'message', entityId: messageId, version: 0, englishVersion: 1, welsh: { layout: 'welsh-only', body: WELSH_LETTER } }, owner())).ok).toBe(true)
    expect((await getTranslation(db, campaign.id, 'message', messageId))!.version).toBe(2)

    expect((await deleteMessage(db, { campaignId: campaign.id, messageId, version: 1 }, owner())).ok).toBe(true)
    expect(await db.selectFrom('translation').select('entity_id').where('campaign_id', '=', campaign.id).execute()).toEqual([])
    const audit = await db.selectFrom('audit_event').select('summary').where('campaign_id', '=', campaign.id).where('action', '=', 'message.deleted').execute()
    expect(audit.map((a) => a.summary)).toEqual(['Deleted the letter “First letter” (version 1), and its Welsh version'])
  })
})

describe('Welsh lines and scripts', () => {
  it('cover the standard questions for the Welsh helpline with the same warnings, and check the Welsh script in Welsh', async () => {
    const { ref, campaign } = await welshCampaign({ extraLiability: true, liabilityCustomers: 1_000, liabilityAveragePence: 50_000 })
    const whySent = await makeLine(owner(), ref, { standardQuestion: 'why-sent' })
    const timeToPay = await makeLine(owner(), ref, { audience: 'debt-management', standardQuestion: 'time-to-pay', question: 'I cannot pay.', answer: 'Ask for a payment plan.' })
    await makeLine(owner(), ref, { audience: 'press', question: 'Is HMRC targeting landlords?', answer: 'No.' })
    const overview = async () => (await callLoader(welshIndex.loader, '', { cookie: people.viewer.cookie, params: { ref } })).data.overview
    // Press lines have no Welsh version here: the Welsh helpline answers helpline and Debt Management questions.
    expect((await overview()).lines.map((l: { id: string }) => l.id)).toEqual([whySent, timeToPay])
    expect((await overview()).uncovered.map((q: { id: string }) => q.id)).toEqual(['why-sent', 'how-to-act', 'time-to-pay', 'more-information', 'is-genuine'])

    const save = (lineId: string, question: string, answer: string) =>
      callAction(welshLine.action, '', { cookie: people.owner.cookie, params: { ref, lineId }, form: { question, answer, version: '0', englishVersion: '1' } })
    expect((await save(whySent, '', '')).data.errors).toEqual({ question: 'Enter the question in Welsh', answer: 'Enter the answer in Welsh' })
    expect((await save(whySent, 'Pam ydw i wedi cael y llythyr hwn?', 'Mae gennym wybodaeth am eich incwm rhent.')).status).toBe(303)
    expect((await save(timeToPay, 'Ni allaf dalu.', 'Gofynnwch am gynllun talu.')).status).toBe(303)
    expect((await overview()).uncovered.map((q: { id: string }) => q.id)).toEqual(['how-to-act', 'more-information', 'is-genuine'])
    const tasks = (await callLoader(campaignPage.loader, '', { cookie: people.viewer.cookie, params: { ref } })).data.tasks
    expect(tasks.find((t: { id: string }) => t.id === 'welsh-lines')).toMatchObject({ status: 'incomplete', hint: expect.stringMatching(/^Not yet covered in Welsh: How do I act on it or change my return\?/) })

    await saveScript(db, { campaignId: campaign.id, callType: 'inbound', version: 0, sections: standardScript('inbound', 'utr') }, owner())
    const start = await callLoader(welshScript.loader, '', { cookie: people.owner.cookie, params: { ref, callType: 'inbound' } })
    expect(start.data.standard).toEqual(standardWelshScript('inbound', 'utr'))
    // The English greeting is not the Welsh one: saved, with the Welsh checks' findings.
    const english = standardScript('inbound', 'utr')
    const saved = await callAction(welshScript.action, '', { cookie: people.owner.cookie, params: { ref, callType: 'inbound' }, form: { ...english, version: '0', englishVersion: '1' } })
    expect(saved.status).toBe(303)
    const page = await callLoader(welshScript.loader, '', { cookie: people.viewer.cookie, params: { ref, callType: 'inbound' } })
    expect(page.data.page.findings.map((f: { id: string }) => f.id).sort()).toEqual(['inbound-greeting', 'summarise-close'])
    const fixed = await callAction(welshScript.action, '', { cookie: people.owner.cookie, params: { ref, callType: 'inbound' }, form: { ...standardWelshScript('inbound', 'utr'), version: '1', englishVersion: '1' } })
    expect(fixed.status).toBe(303)
    expect((await callLoader(welshScript.loader, '', { cookie: people.viewer.cookie, params: { ref, callType: 'inbound' } })).data.page.findings).toEqual([])

    // The Welsh helpline's pack prints the Welsh lines and script.
    const printed = await callLoader(pack.loader, '', { cookie: people.viewer.cookie, params: { ref, audience: 'welsh-helpline' } })
    expect(printed.data).toMatchObject({ title: 'Welsh helpline handler pack', language: 'cy' })
    expect(printed.data.lines.map((l: { question: string }) => l.question)).toEqual(['Pam ydw i wedi cael y llythyr hwn?'])
    expect(printed.data.scripts.map((s: { opening: string; errors: number }) => [s.opening.split('\n')[0], s.errors])).toEqual([['Bore da/Prynhawn da/Noswaith dda, Cyllid a Thollau EF', 0]])
  })
})

describe('a line given to an audience the Welsh helpline does not answer', () => {
  it('loses its Welsh version, saying so', async () => {
    const { ref, campaign } = await welshCampaign()
    const lineId = await makeLine(owner(), ref, { standardQuestion: 'why-sent' })
    await saveTranslation(db, { campaignId: campaign.id, kind: 'line', entityId: lineId, version: 0, englishVersion: 1, welsh: { question: 'Pam?', answer: 'Oherwydd.' } }, owner())
    const moved = await updateLine(db, { campaignId: campaign.id, lineId, version: 1, values: { audience: 'press', standardQuestion: null, question: 'Why have I been sent this letter?', answer: 'Because.' } }, owner())
    expect(moved.ok).toBe(true)
    expect(await getTranslation(db, campaign.id, 'line', lineId)).toBeUndefined()
    const audit = await db.selectFrom('audit_event').select('summary').where('campaign_id', '=', campaign.id).where('action', '=', 'line.updated').execute()
    expect(audit.map((a) => a.summary)).toEqual([expect.stringMatching(/ of the press and media line to take “Why have I been sent this letter\?”, and removed its Welsh version$/)])
  })
})

describe('the translation file', () => {
  async function fileFor(ref: string, query = '') {
    const result = await callLoader(welshFile.loader, `/campaigns/${ref}/welsh/translation.csv${query}`, { cookie: people.viewer.cookie, params: { ref } })
    expect(result.status).toBe(200)
    expect(result.headers.get('Content-Disposition')).toBe(`attachment; filename="${ref}-welsh-${query ? 'all' : 'to-translate'}.csv"`)
    return result.data as string
  }
  const upload = (ref: string, text: string, name = 'welsh.csv') => {
    const body = new FormData()
    body.append('file', new File([text], name, { type: 'text/csv' }))
    const request = buildRequest(`/campaigns/${ref}/welsh/import`, 'POST', { cookie: people.owner.cookie, body })
    return welshImport.action({ request, params: { ref }, context: {} }) as Promise<Response | { type: string; data: { errors: string[] }; init: { status: number } }>
  }
  const statusOfUpload = async (result: Awaited<ReturnType<typeof upload>>) =>
    result instanceof Response ? { status: result.status, location: result.headers.get('Location') } : { status: result.init.status, errors: result.data.errors }
  /** The rows of a file, with a function that fills in the Welsh of a part. */
  const rowsOf = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n')

  it('holds the English still to translate, in UTF-8 with a byte-order mark, and everything on request', async () => {
    const { ref, campaign, messageId } = await welshCampaign()
    const email = await makeMessage(owner(), ref, { channel: 'email', name: 'Email', subject: 'Your tax return', body: '=SUM(1) Dear ((customer_name))', addressBlock: null, postage: null, deadlineDays: null })
    await saveTranslation(db, { campaignId: campaign.id, kind: 'message', entityId: messageId, version: 0, englishVersion: 1, welsh: { layout: 'bilingual', body: WELSH_LETTER } }, owner())
    const text = await fileFor(ref)
    expect(text.startsWith('item,what,part,english_version,english,translated_from,welsh\r\n')).toBe(true)
    // The byte-order mark comes first, so that Excel reads the file as UTF-8.
    const raw = (await welshFile.loader({ request: buildRequest(`/campaigns/${ref}/welsh/translation.csv`, 'GET', { cookie: people.viewer.cookie }), params: { ref }, context: {} })) as Response
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    // The letter is translated and current, so only the email is still to translate; its formula-like text is guarded.
    expect(rowsOf(text).slice(1)).toEqual([`message:${email},Email: Email,subject,1,Your tax return,,`, `message:${email},Email: Email,body,1,'=SUM(1) Dear ((customer_name)),,`])
    expect(rowsOf(await fileFor(ref, '?all=1'))).toHaveLength(4)
  })

  it('imports the Welsh back, all or nothing, naming every placeholder mismatch by row, message and part', async () => {
    const { ref, campaign, messageId } = await welshCampaign()
    const lineId = await makeLine(owner(), ref, { standardQuestion: 'why-sent' })
    const text = await fileFor(ref)
    const [header, letterRow, questionRow, answerRow] = rowsOf(text)
    expect(letterRow).toMatch(new RegExp(`^message:${messageId},Letter: First letter,body,1,`))
    const fill = (row: string, welsh: string) => `${row.replace(/,$/, '')},"${welsh.replace(/"/g, '""')}"`

    // One bad row: nothing is saved, and each problem is named.
    const bad = [header, fill(letterRow!, 'Annwyl ((customer_name)), ((tax_year)) ((cyfeirnod))'), fill(questionRow!, 'Pam?'), answerRow].join('\r\n')
    const refused = await statusOfUpload(await upload(ref, `\uFEFF${bad}\r\n`))
    expect(refused.status).toBe(400)
    expect(refused.errors).toEqual([
      'Row 2 (the letter “First letter”, body): The Welsh body has the placeholder ((cyfeirnod)), which the English body does not. Use the English placeholders exactly as they are.',
      'Row 2 (the letter “First letter”, body): The English body has the placeholder ((reference)), which the Welsh body does not. Add it to the Welsh, exactly as it is in the English.',
      'Row 4 (the line “Why have I been sent this letter?”, answer): the Welsh is empty, but the English has text. Translate it, or leave every part of this item blank to import it later.',
    ])
    expect(await db.selectFrom('translation').select('entity_id').where('campaign_id', '=', campaign.id).execute()).toEqual([])

    // Fixed, saved together; the letter is translated from version 1 although the English has moved on since, so it
    // arrives out of date.
    expect((await updateMessage(db, { campaignId: campaign.id, messageId, version: 1, values: letterInput({ body: `${GOOD_LETTER_BODY}\n\nThank you.` }) }, owner())).ok).toBe(true)
    const good = [header, fill(letterRow!, WELSH_LETTER), fill(questionRow!, 'Pam ydw i wedi cael y llythyr hwn?'), fill(answerRow!, 'Mae gennym wybodaeth.')].join('\r\n')
    const imported = await statusOfUpload(await upload(ref, `\uFEFF${good}\r\n`))
    expect(imported).toEqual({ status: 303, location: `/campaigns/${ref}/welsh?notice=imported&count=2` })
    expect(await getTranslation(db, campaign.id, 'message', messageId)).toMatchObject({ translatesVersion: 1, welsh: { layout: 'bilingual', body: WELSH_LETTER } })
    expect(await getTranslation(db, campaign.id, 'line', lineId)).toMatchObject({ translatesVersion: 1, welsh: { question: 'Pam ydw i wedi cael y llythyr hwn?', answer: 'Mae gennym wybodaeth.' } })
    const overview = (await callLoader(welshIndex.loader, '', { cookie: people.viewer.cookie, params: { ref } })).data.overview
    expect(overview.messages[0].state).toBe('out-of-date')
    expect(overview.lines[0].state).toBe('current')
  })

  it('refuses a file that is not UTF-8, has no column names, or names what is not in the campaign', async () => {
    const { ref } = await welshCampaign()
    const latin1 = await statusOfUpload(await upload(ref, ''))
    expect(latin1).toEqual({ status: 400, errors: ['Select the translation file'] })
    const body = new FormData()
    body.append('file', new File([new Uint8Array([0x69, 0x74, 0x65, 0x6d, 0x0a, 0xff, 0xfe])], 'x.csv'))
    const notUtf8 = await welshImport.action({ request: buildRequest(`/campaigns/${ref}/welsh/import`, 'POST', { cookie: people.owner.cookie, body }), params: { ref }, context: {} })
    expect(await statusOfUpload(notUtf8 as never)).toEqual({ status: 400, errors: [expect.stringMatching(/Line 2 is not UTF-8\.$/)] })
    expect((await statusOfUpload(await upload(ref, 'a,b,c\r\n1,2,3\r\n'))).errors).toEqual([expect.stringMatching(/^Row 1: the first row must be the column names/)])
    const unknown = await statusOfUpload(await upload(ref, `item,part,english_version,welsh\r\nmessage:${crypto.randomUUID()},body,1,Annwyl\r\n`))
    expect(unknown.errors).toEqual([expect.stringMatching(/^Row 2: there is no message, line to take or script “message:.+” in this campaign/)])
  })
})

describe('the campaign’s JSON export', () => {
  it('carries each Welsh version with the English version it translates', async () => {
    const { ref, campaign, messageId } = await welshCampaign()
    await saveTranslation(db, { campaignId: campaign.id, kind: 'message', entityId: messageId, version: 0, englishVersion: 1, welsh: { layout: 'welsh-only', body: WELSH_LETTER } }, owner())
    await updateMessage(db, { campaignId: campaign.id, messageId, version: 1, values: letterInput({ body: `${GOOD_LETTER_BODY}\n\nThank you.` }) }, owner())
    const result = await callLoader(exportJson.loader, '', { cookie: people.viewer.cookie, params: { ref } })
    const document = JSON.parse(typeof result.data === 'string' ? result.data : JSON.stringify(result.data))
    expect(document.campaign.welshCustomers).toBe(4_000)
    expect(document.welsh).toEqual({
      language: 'cy',
      messages: [
        {
          messageId,
          translatesEnglishVersion: 1,
          englishVersionNow: 2,
          upToDate: false,
          layout: 'welsh-only',
          subject: null,
          body: WELSH_LETTER,
          version: 1,
          updatedAt: expect.any(String),
        },
      ],
      linesToTake: [],
      scripts: [],
    })
  })
})

describe('the content sequence', () => {
  it('moves when a Welsh version is written outside every model, so the sign-off catches it', async () => {
    const campaign = await makeSignOffCampaign(people, { extraLiability: false, pressInform: false })
    await saveTranslation(db, { campaignId: campaign.campaignId, kind: 'message', entityId: campaign.messageId, version: 0, englishVersion: 1, welsh: { layout: 'bilingual', body: WELSH_LETTER } }, people.owner)
    await approveAll(people, campaign, ['customer-services', 'welsh-language-services'])
    await sql`update translation set content_json = ${JSON.stringify({ layout: 'bilingual', body: `${WELSH_LETTER} Diolch.` })} where entity_id = ${campaign.messageId}`.execute(db)
    const launch = await launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)
    expect(launch.ok ? [] : 'problems' in launch ? launch.problems.map((p) => p.group) : []).toEqual(['customer-services', 'welsh-language-services'])
  })
})
