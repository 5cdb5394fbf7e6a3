import { beforeAll, describe, expect, it } from 'vitest'
import * as signOffPage from '../../app/routes/campaigns.$ref.sign-off._index'
import * as reviewPage from '../../app/routes/campaigns.$ref.sign-off.$group'
import * as inboxPage from '../../app/routes/sign-off._index'
import * as launchPage from '../../app/routes/campaigns.$ref.launch'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import * as auditCsv from '../../app/routes/campaigns.$ref.audit[.csv]'
import * as exportJson from '../../app/routes/campaigns.$ref.export[.json]'
import { getCampaignByRef, updateCampaignDescription } from '../../app/models/campaign.server'
import { createMessage, getMessage, updateMessage } from '../../app/models/message.server'
import { getLine, updateLine } from '../../app/models/line.server'
import { getLaunchSnapshot } from '../../app/models/launch.server'
import { requestSignOff } from '../../app/models/signoff/commands.server'
import { scopeHash } from '../../app/signoff/hash.server'
import { canonicalJson } from '../../app/utils/canonical-json'
import { db } from '../../app/utils/db.server'
import { verifyAuditChain } from '../../app/utils/audit.server'
import { campaignInput, makeUser } from '../support/factories'
import { lineInput } from '../support/lines'
import { letterInput, makeMessage } from '../support/messages'
import { callAction, callLoader } from '../support/routes'
import {
  approveAll,
  currentHash,
  decide,
  decisionCount,
  makeSignOffCampaign,
  makeSignOffPeople,
  statusOf,
  type SignOffCampaign,
  type SignOffPeople,
} from '../support/signoff'

let people: SignOffPeople
beforeAll(async () => {
  people = await makeSignOffPeople()
})

const signOff = (user: { cookie: string }, ref: string) => callLoader(signOffPage.loader, `/campaigns/${ref}/sign-off`, { cookie: user.cookie, params: { ref } })
const ask = (user: { cookie: string }, ref: string) => callAction(signOffPage.action, `/campaigns/${ref}/sign-off`, { cookie: user.cookie, params: { ref }, form: { intent: 'ask' } })
const review = (user: { cookie: string }, ref: string, group: string) =>
  callLoader(reviewPage.loader, `/campaigns/${ref}/sign-off/${group}`, { cookie: user.cookie, params: { ref, group } })
const post = (user: { cookie: string }, ref: string, group: string, form: Record<string, string>) =>
  callAction(reviewPage.action, `/campaigns/${ref}/sign-off/${group}`, { cookie: user.cookie, params: { ref, group }, form })
const inbox = (user: { cookie: string }) => callLoader(inboxPage.loader, '/sign-off', { cookie: user.cookie })

async function auditActions(campaignId: string) {
  return db.selectFrom('audit_event').select(['action', 'summary', 'actor_email']).where('campaign_id', '=', campaignId).orderBy('id').execute()
}

async function states(ref: string) {
  const result = await signOff(people.viewer, ref)
  return Object.fromEntries((result.data.groups as { group: string; required: boolean; state: string }[]).filter((g) => g.required).map((g) => [g.group, g.state]))
}

async function approved(): Promise<SignOffCampaign> {
  const campaign = await makeSignOffCampaign(people)
  await approveAll(people, campaign)
  expect(await statusOf(campaign.campaignId)).toBe('approved')
  return campaign
}

describe('the sign-off page', () => {
  it('lists each required group, not yet asked, and names the groups not needed', async () => {
    const all = await makeSignOffCampaign(people)
    expect(await states(all.ref)).toEqual({ 'customer-services': 'not-asked', 'debt-management': 'not-asked', 'press-office': 'not-asked' })
    const csOnly = await makeSignOffCampaign(people, { extraLiability: false, pressInform: false })
    const page = await signOff(people.owner, csOnly.ref)
    expect(page.status).toBe(200)
    expect(page.data.groups.filter((g: { required: boolean }) => g.required).map((g: { group: string }) => g.group)).toEqual(['customer-services'])
    expect(page.data.canAsk).toBe(true)
    expect(page.data.blockers).toEqual([])
    // Anyone signed in can read it, but only the authors can ask.
    expect((await signOff(people.viewer, csOnly.ref)).data.canAsk).toBe(false)
  })
})

describe('asking for sign-off', () => {
  it('is refused while a data-security check reports an error, listing each one, and nothing changes', async () => {
    const campaign = await makeSignOffCampaign(people)
    const bad = await makeMessage(people.owner, campaign.ref, { name: 'Letter without a reference', body: 'Dear ((customer_name)), please check your ((tax_year)) return.' })
    const result = await ask(people.owner, campaign.ref)
    expect(result.status).toBe(409)
    expect(result.data.errors._form).toBe('You cannot ask for sign-off until the problems below are fixed')
    expect(result.data.blockers).toEqual([expect.objectContaining({ href: `/campaigns/${campaign.ref}/messages/${bad}` })])
    expect(result.data.blockers[0].text).toMatch(/^The letter “Letter without a reference”: /)
    expect(await statusOf(campaign.campaignId)).toBe('draft')
    expect(await db.selectFrom('sign_off_request').select('campaign_id').where('campaign_id', '=', campaign.campaignId).execute()).toEqual([])
    // The page says the same before anyone presses the button.
    expect((await signOff(people.owner, campaign.ref)).data.blockers).toHaveLength(1)

    // Fixed, the same button works.
    const message = (await getMessage(db, campaign.campaignId, bad))!
    const fixed = await updateMessage(db, { campaignId: campaign.campaignId, messageId: bad, version: message.version, values: letterInput({ name: 'Letter without a reference' }) }, people.owner)
    expect(fixed.ok).toBe(true)
    const asked = await ask(people.owner, campaign.ref)
    expect(asked.status).toBe(303)
    expect(asked.location).toBe(`/campaigns/${campaign.ref}/sign-off?notice=asked`)
    expect(await statusOf(campaign.campaignId)).toBe('awaiting-sign-off')
    expect(await states(campaign.ref)).toEqual({ 'customer-services': 'awaiting', 'debt-management': 'awaiting', 'press-office': 'awaiting' })
    const events = await auditActions(campaign.campaignId)
    expect(events.at(-1)).toEqual({ action: 'sign-off.requested', summary: 'Asked for sign-off from Customer Services, Debt Management and the Press Office', actor_email: people.owner.email })
  })

  it('is refused without any message, and to anyone but the owner and co-owners', async () => {
    const ref = (await makeSignOffCampaign(people)).ref
    const empty = await callAction(signOffPage.action, `/campaigns/${ref}/sign-off`, { cookie: people.owner.cookie, params: { ref }, form: {} })
    expect(empty.status).toBe(400)
    for (const outsider of [people.otherDesigner, people.customerServices, people.viewer, people.admin]) {
      expect((await ask(outsider, ref)).status).toBe(403)
    }
    // A co-owner owns the campaign too, so may put it forward.
    expect((await ask(people.coOwner, ref)).status).toBe(303)
    expect((await ask(people.owner, ref)).status).toBe(409)

    const owner = people.owner
    const bare = await (await import('../support/factories')).makeCampaign(owner)
    const refused = await requestSignOff(db, { campaignId: (await getCampaignByRef(db, bare))!.id }, owner)
    expect(refused).toMatchObject({ ok: false, reason: 'blocked', blockers: [{ text: 'The campaign has no messages yet: write at least one' }] })
  })
})

describe('the sign-off inbox', () => {
  it('shows a member the campaigns awaiting their group, oldest request first, and approvals gone out of date', async () => {
    const member = await makeUser(['press-office'], 'Inbox reader')
    const first = await makeSignOffCampaign(people)
    const second = await makeSignOffCampaign(people)
    const notAsked = await makeSignOffCampaign(people)
    const noPress = await makeSignOffCampaign(people, { pressInform: false })
    await requestSignOff(db, { campaignId: first.campaignId }, people.owner)
    await requestSignOff(db, { campaignId: second.campaignId }, people.owner)
    await requestSignOff(db, { campaignId: noPress.campaignId }, people.owner)
    const mine = (data: { items: { ref: string; kind: string }[] }) => data.items.filter((i) => [first.ref, second.ref, notAsked.ref, noPress.ref].includes(i.ref))
    let page = await inbox(member)
    expect(page.status).toBe(200)
    expect(mine(page.data).map((i) => [i.ref, i.kind])).toEqual([
      [first.ref, 'new'],
      [second.ref, 'new'],
    ])

    // Decided on: gone. Then a press line changes: back, as an approval out of date.
    expect((await decide(people.pressOffice, first.campaignId, 'press-office')).ok).toBe(true)
    expect(mine((await inbox(member)).data).map((i) => i.ref)).toEqual([second.ref])
    const press = (await getLine(db, first.campaignId, first.lines.press))!
    await updateLine(db, { campaignId: first.campaignId, lineId: press.id, version: press.version, values: lineInput({ audience: 'press', question: press.question, answer: 'HMRC writes to landlords every year.' }) }, people.owner)
    page = await inbox(member)
    expect(mine(page.data).map((i) => [i.ref, i.kind])).toEqual([
      [first.ref, 'out-of-date'],
      [second.ref, 'new'],
    ])
    expect(page.data.items.find((i: { ref: string }) => i.ref === first.ref).latest.by).toBe('Aisha Press')

    // Changes requested: gone until the content changes.
    expect((await decide(people.pressOffice, second.campaignId, 'press-office', 'changes-requested', 'Say how many letters.')).ok).toBe(true)
    expect(mine((await inbox(member)).data).map((i) => i.ref)).toEqual([first.ref])
  })

  it('leaves out the member’s own campaigns, and is only for members of a sign-off group', async () => {
    const designerAndPress = await makeUser(['designer', 'press-office'], 'Both')
    const theirs = await makeSignOffCampaign({ ...people, owner: designerAndPress })
    await requestSignOff(db, { campaignId: theirs.campaignId }, designerAndPress)
    const page = await inbox(designerAndPress)
    expect(page.data.items.map((i: { ref: string }) => i.ref)).not.toContain(theirs.ref)
    expect(page.data.ownLeftOut).toBeGreaterThanOrEqual(1)
    expect((await inbox(people.pressOffice)).data.items.map((i: { ref: string }) => i.ref)).toContain(theirs.ref)
    for (const outsider of [people.owner, people.viewer, people.admin]) expect((await inbox(outsider)).status).toBe(403)
    expect((await callLoader(inboxPage.loader, '/sign-off', {})).status).toBe(302)
  })

  it('splits a long inbox into pages of 50, oldest first, every campaign on exactly one page', async () => {
    const member = await makeUser(['press-office'], 'Busy reader')
    const before = (await inbox(member)).data.total as number
    for (let i = 0; i < Math.max(0, 51 - before) + 3; i++) {
      const campaign = await makeSignOffCampaign(people)
      await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    }
    const first = await callLoader(inboxPage.loader, '/sign-off', { cookie: member.cookie })
    const total = first.data.total as number
    expect(total).toBeGreaterThan(inboxPage.INBOX_PAGE_SIZE)
    expect(first.data.pages).toBe(Math.ceil(total / inboxPage.INBOX_PAGE_SIZE))
    expect(first.data.items).toHaveLength(inboxPage.INBOX_PAGE_SIZE)
    const refs: string[] = []
    for (let page = 1; page <= first.data.pages; page++) {
      const result = await callLoader(inboxPage.loader, `/sign-off?page=${page}`, { cookie: member.cookie })
      expect(result.data.page).toBe(page)
      refs.push(...result.data.items.map((i: { ref: string }) => i.ref))
    }
    expect(refs).toHaveLength(total)
    expect(new Set(refs).size).toBe(total)
    // A page past the end, or nonsense, shows the nearest real page.
    expect((await callLoader(inboxPage.loader, '/sign-off?page=999', { cookie: member.cookie })).data.page).toBe(first.data.pages)
    expect((await callLoader(inboxPage.loader, '/sign-off?page=-3', { cookie: member.cookie })).data.page).toBe(1)
    expect((await callLoader(inboxPage.loader, '/sign-off?page=%00', { cookie: member.cookie })).data.page).toBe(1)
  })
})

describe('deciding', () => {
  it('shows the scope as it will be signed, and binds an approval to the SHA-256 of its canonical JSON with a snapshot', async () => {
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const page = await review(people.customerServices, campaign.ref, 'customer-services')
    expect(page.status).toBe(200)
    expect(page.data.canDecide).toBe(true)
    expect(Object.keys(page.data.scope)).toEqual(['launchDate', 'messages', 'forecastInputs', 'helplineLines', 'internalLines', 'scripts'])
    expect(page.data.scope.messages[0].body).toBe(letterInput().body)
    expect(page.data.scope.messages[0].waves).toHaveLength(2)
    expect(page.data.scope.forecastInputs.messages[0].split).toEqual([{ id: people.helplineId, sharePercent: 100 }])
    expect(page.data.helplineNames[people.helplineId]).toMatch(/^Helpline /)
    expect(page.data.forecastSummary.rows[0].key).toBe('Calls')
    expect(page.data.scope.helplineLines.map((l: { id: string }) => l.id)).toEqual([campaign.lines.helpline])
    expect(page.data.currentHash).toBe(scopeHash(page.data.scope))

    const result = await post(people.customerServices, campaign.ref, 'customer-services', { decision: 'approve', reviewedHash: page.data.currentHash })
    expect(result.status).toBe(303)
    expect(result.location).toBe(`/campaigns/${campaign.ref}/sign-off/customer-services?notice=approved`)
    const rows = await db.selectFrom('sign_off_decision').selectAll().where('campaign_id', '=', campaign.campaignId).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ grp: 'customer-services', decision: 'approved', decided_by: people.customerServices.id, scope_hash: page.data.currentHash, seq: 1, comment: null })
    // The snapshot is exactly what was signed: hashing it again gives the approval's hash.
    expect(rows[0]!.snapshot_json).toBe(canonicalJson(page.data.scope))
    expect(scopeHash(JSON.parse(rows[0]!.snapshot_json))).toBe(rows[0]!.scope_hash)
    expect(await states(campaign.ref)).toEqual({ 'customer-services': 'approved', 'debt-management': 'awaiting', 'press-office': 'awaiting' })
    expect((await auditActions(campaign.campaignId)).at(-1)).toMatchObject({ action: 'sign-off.approved', actor_email: people.customerServices.email })
    const after = await review(people.customerServices2, campaign.ref, 'customer-services')
    expect(after.data.canDecide).toBe(false)
    expect(after.data.whyNot).toMatch(/^.+ approved this version for Customer Services on .+\. There is nothing more to decide unless it changes\.$/)
  })

  it('needs a decision, and a comment to ask for changes, keeping what was typed', async () => {
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const hash = await currentHash(campaign.campaignId, 'debt-management')
    const none = await post(people.debtManagement, campaign.ref, 'debt-management', { reviewedHash: hash, comment: 'Thoughts' })
    expect(none.status).toBe(400)
    expect(none.data.errors).toEqual({ decision: 'Select whether you approve this version or want changes' })
    expect(none.data.values.comment).toBe('Thoughts')
    const blank = await post(people.debtManagement, campaign.ref, 'debt-management', { decision: 'request-changes', comment: '   ', reviewedHash: hash })
    expect(blank.data.errors).toEqual({ comment: 'Say what needs to change' })
    const long = await post(people.debtManagement, campaign.ref, 'debt-management', { decision: 'request-changes', comment: 'x'.repeat(5001), reviewedHash: hash })
    expect(long.data.errors).toEqual({ comment: 'The comment must be 5,000 characters or fewer' })
    const odd = await post(people.debtManagement, campaign.ref, 'debt-management', { decision: 'maybe', reviewedHash: hash })
    expect(odd.status).toBe(400)
    expect(await decisionCount(campaign.campaignId)).toBe(0)
  })

  it('holds “changes requested” until the same group approves a later version', async () => {
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const hash = await currentHash(campaign.campaignId, 'debt-management')
    const asked = await post(people.debtManagement, campaign.ref, 'debt-management', { decision: 'request-changes', comment: 'Offer 24 months, not 12.', reviewedHash: hash })
    expect(asked.status).toBe(303)
    expect(await states(campaign.ref)).toMatchObject({ 'debt-management': 'changes-requested' })
    // Another member cannot approve the version changes were asked for.
    const approveSame = await post(people.debtManagement2, campaign.ref, 'debt-management', { decision: 'approve', reviewedHash: hash })
    expect(approveSame.status).toBe(409)
    expect(approveSame.data.errors._form).toBe('Debt Management has asked for changes to this version. You can decide again once the campaign has changed.')
    expect(await decisionCount(campaign.campaignId)).toBe(1)

    // A change outside Debt Management's scope changes nothing for them.
    const press = (await getLine(db, campaign.campaignId, campaign.lines.press))!
    await updateLine(db, { campaignId: campaign.campaignId, lineId: press.id, version: press.version, values: lineInput({ audience: 'press', question: press.question, answer: 'New answer.' }) }, people.owner)
    expect((await review(people.debtManagement2, campaign.ref, 'debt-management')).data.canDecide).toBe(false)

    const { saveDebtTreatment } = await import('../../app/models/debt-treatment.server')
    await saveDebtTreatment(db, { campaignId: campaign.campaignId, version: 1, specialTreatment: 'Payment plans of up to 24 months.' }, people.owner)
    const page = await review(people.debtManagement2, campaign.ref, 'debt-management')
    expect(page.data.state).toBe('changes-requested')
    expect(page.data.changedSince).toEqual(['specialTreatment'])
    expect(page.data.diffs.map((d: { label: string; before: string; after: string }) => [d.label, d.before, d.after])).toEqual([
      ['Special treatment', 'Payment plans of up to 12 months.', 'Payment plans of up to 24 months.'],
    ])
    expect(page.data.canDecide).toBe(true)
    expect((await post(people.debtManagement2, campaign.ref, 'debt-management', { decision: 'approve', reviewedHash: page.data.currentHash })).status).toBe(303)
    expect(await states(campaign.ref)).toMatchObject({ 'debt-management': 'approved' })
  })

  it('is refused to non-members, the owner and co-owners even when they are members, and after launch', async () => {
    const ownerAndPress = await makeUser(['designer', 'press-office'], 'Owner in the Press Office')
    const coOwnerAndPress = await makeUser(['designer', 'press-office'], 'Co-owner in the Press Office')
    const campaign = await makeSignOffCampaign({ ...people, owner: ownerAndPress, coOwner: coOwnerAndPress })
    await requestSignOff(db, { campaignId: campaign.campaignId }, ownerAndPress)
    const hash = await currentHash(campaign.campaignId, 'press-office')
    for (const user of [ownerAndPress, coOwnerAndPress]) {
      const page = await review(user, campaign.ref, 'press-office')
      expect(page.data.canDecide).toBe(false)
      expect(page.data.whyNot).toBe('You own or co-own this campaign, so you cannot sign it off. Another member of your group must decide.')
      const result = await post(user, campaign.ref, 'press-office', { decision: 'approve', reviewedHash: hash })
      expect(result.status).toBe(403)
      expect(result.data).toBe('You cannot sign off a campaign you own or co-own')
    }
    for (const user of [people.customerServices, people.debtManagement, people.viewer, people.admin, people.otherDesigner]) {
      expect((await post(user, campaign.ref, 'press-office', { decision: 'approve', reviewedHash: hash })).status).toBe(403)
    }
    expect((await post(people.pressOffice, campaign.ref, 'marketing', { decision: 'approve', reviewedHash: hash })).status).toBe(404)
    expect(await decisionCount(campaign.campaignId)).toBe(0)
  })

  it('ignores tampered form fields: the group comes from the address and membership, the hash from the content', async () => {
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const pressHash = await currentHash(campaign.campaignId, 'press-office')
    const dmHash = await currentHash(campaign.campaignId, 'debt-management')
    // A Press Office member posting Debt Management's name and hash to their own page.
    const wrongHash = await post(people.pressOffice, campaign.ref, 'press-office', { decision: 'approve', reviewedHash: dmHash, group: 'debt-management', grp: 'debt-management' })
    expect(wrongHash.status).toBe(409)
    expect(wrongHash.data.errors._form).toMatch(/^The campaign changed while you were reviewing it/)
    // The refusal shows the content as it is now, with its hash, for a deliberate second look.
    expect(wrongHash.data.review.currentHash).toBe(pressHash)
    expect(wrongHash.data.values).toEqual({ decision: 'approve', comment: '' })
    const madeUp = await post(people.pressOffice, campaign.ref, 'press-office', { decision: 'approve', reviewedHash: 'f'.repeat(64) })
    expect(madeUp.status).toBe(409)
    const notAHash = await post(people.pressOffice, campaign.ref, 'press-office', { decision: 'approve', reviewedHash: '<script>' })
    expect(notAHash.status).toBe(409)
    expect(await decisionCount(campaign.campaignId)).toBe(0)

    const ok = await post(people.pressOffice, campaign.ref, 'press-office', { decision: 'approve', reviewedHash: pressHash, group: 'debt-management' })
    expect(ok.status).toBe(303)
    const rows = await db.selectFrom('sign_off_decision').select(['grp', 'scope_hash']).where('campaign_id', '=', campaign.campaignId).execute()
    expect(rows).toEqual([{ grp: 'press-office', scope_hash: pressHash }])
  })

  it('refuses a decision on content that changed while the member was reading, and shows the new content', async () => {
    const campaign = await makeSignOffCampaign(people)
    await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
    const seen = await review(people.pressOffice, campaign.ref, 'press-office')
    const press = (await getLine(db, campaign.campaignId, campaign.lines.press))!
    await updateLine(db, { campaignId: campaign.campaignId, lineId: press.id, version: press.version, values: lineInput({ audience: 'press', question: press.question, answer: 'Changed meanwhile.' }) }, people.owner)
    const result = await post(people.pressOffice, campaign.ref, 'press-office', { decision: 'approve', reviewedHash: seen.data.currentHash })
    expect(result.status).toBe(409)
    expect(result.data.review.scope.pressLines[0].answer).toBe('Changed meanwhile.')
    expect(result.data.review.currentHash).not.toBe(seen.data.currentHash)
    expect(await decisionCount(campaign.campaignId)).toBe(0)
  })

  it('is not possible before sign-off is asked for', async () => {
    const campaign = await makeSignOffCampaign(people)
    const page = await review(people.customerServices, campaign.ref, 'customer-services')
    expect(page.data.canDecide).toBe(false)
    const result = await post(people.customerServices, campaign.ref, 'customer-services', { decision: 'approve', reviewedHash: page.data.currentHash })
    expect(result.status).toBe(409)
    expect(result.data.errors._form).toBe('Sign-off has not been asked for yet, so there is nothing to decide.')
  })
})

describe('staleness', () => {
  type Change = { name: string; stales: string[]; prepare?: (c: SignOffCampaign) => Promise<void>; run: (c: SignOffCampaign) => Promise<unknown> }
  const { owner } = { owner: () => people.owner }
  const lineChange = (key: keyof SignOffCampaign['lines'], audience: 'helpline' | 'internal' | 'debt-management' | 'press') => async (c: SignOffCampaign) => {
    const line = (await getLine(db, c.campaignId, c.lines[key]))!
    const result = await updateLine(db, { campaignId: c.campaignId, lineId: line.id, version: line.version, values: lineInput({ audience, standardQuestion: line.standardQuestion, question: line.question, answer: `${line.answer} Changed.` }) }, owner())
    expect(result.ok).toBe(true)
  }
  const describeChange = (values: Partial<ReturnType<typeof campaignInput>>) => async (c: SignOffCampaign) => {
    const campaign = (await getCampaignByRef(db, c.ref))!
    const input = campaignInput({
      name: campaign.name,
      launchDate: campaign.plannedLaunchDate,
      extraLiability: campaign.extraLiability,
      liabilityCustomers: campaign.liabilityCustomers,
      liabilityAveragePence: campaign.liabilityAveragePence,
      coOwners: campaign.coOwners.map((co) => co.id),
      ...values,
    })
    const result = await updateCampaignDescription(db, { ref: c.ref, version: campaign.version, values: input }, owner())
    expect(result.ok).toBe(true)
  }
  const CHANGES: Change[] = [
    { name: 'a press line changed', stales: ['press-office'], run: lineChange('press', 'press') },
    { name: 'a helpline line changed', stales: ['customer-services'], run: lineChange('helpline', 'helpline') },
    { name: 'an internal line changed', stales: ['customer-services'], run: lineChange('internal', 'internal') },
    { name: 'a Debt Management line changed', stales: ['debt-management'], run: lineChange('debt', 'debt-management') },
    {
      name: 'a press line added',
      stales: ['press-office'],
      run: async (c) => (await import('../../app/models/line.server')).createLine(db, { campaignId: c.campaignId, values: lineInput({ audience: 'press', question: 'Why now?' }) }, owner()),
    },
    {
      name: 'a helpline line removed',
      stales: ['customer-services'],
      run: async (c) => (await import('../../app/models/line.server')).removeLine(db, { campaignId: c.campaignId, lineId: c.lines.helpline, version: 1 }, owner()),
    },
    { name: 'the message text changed', stales: ['customer-services', 'debt-management', 'press-office'], run: async (c) => updateMessage(db, { campaignId: c.campaignId, messageId: c.messageId, version: 1, values: letterInput({ body: `${letterInput().body}\n\nThank you.` }) }, owner()) },
    {
      name: 'a wave changed',
      stales: ['customer-services', 'debt-management'],
      run: async (c) => {
        const waves = letterInput().waves.map((w, i) => (i === 0 ? { ...w, volume: w.volume + 1 } : w))
        return updateMessage(db, { campaignId: c.campaignId, messageId: c.messageId, version: 1, values: letterInput({ waves }) }, owner())
      },
    },
    { name: 'a message added', stales: ['customer-services', 'debt-management', 'press-office'], run: async (c) => createMessage(db, { campaignId: c.campaignId, values: letterInput({ name: 'Second letter' }) }, owner()) },
    {
      name: 'a message deleted',
      stales: ['customer-services', 'debt-management', 'press-office'],
      run: async (c) => (await import('../../app/models/message.server')).deleteMessage(db, { campaignId: c.campaignId, messageId: c.messageId, version: 1 }, owner()),
    },
    {
      name: 'the forecast inputs saved with a new contact rate',
      stales: ['customer-services'],
      run: async (c) =>
        (await import('../../app/models/forecast.server')).saveForecastSettings(
          db,
          {
            campaignId: c.campaignId,
            version: 1,
            settings: { contactRates: { low: 5, central: 9, high: 12 }, responseCurves: {}, deadlineBump: { sharePercent: 15, workingDays: 5 }, messages: { [c.messageId]: { delayOverrideDays: null, split: { [people.helplineId]: 100 } } } },
          },
          owner(),
        ),
    },
    {
      name: 'the inbound script changed',
      stales: ['customer-services'],
      run: async (c) => {
        const { getScript, saveScript } = await import('../../app/models/script.server')
        const script = (await getScript(db, c.campaignId, 'inbound'))!
        return saveScript(db, { campaignId: c.campaignId, callType: 'inbound', version: script.version, sections: { ...script, body: `${script.body} Changed.` } }, owner())
      },
    },
    {
      name: 'the inbound script removed',
      stales: ['customer-services'],
      run: async (c) => (await import('../../app/models/script.server')).removeScript(db, { campaignId: c.campaignId, callType: 'inbound', version: 1 }, owner()),
    },
    {
      name: 'the special treatment changed',
      stales: ['debt-management'],
      run: async (c) => (await import('../../app/models/debt-treatment.server')).saveDebtTreatment(db, { campaignId: c.campaignId, version: 1, specialTreatment: 'Plans of up to 24 months.' }, owner()),
    },
    {
      name: 'the launch date told to the Press Office changed',
      stales: ['press-office'],
      run: async (c) => (await import('../../app/models/press-briefing.server')).savePressBriefing(db, { campaignId: c.campaignId, version: 1, launchDateTold: '2031-01-06' }, owner()),
    },
    { name: 'the planned launch date changed', stales: ['customer-services', 'press-office'], run: describeChange({ launchDate: '2031-02-03' }) },
    { name: 'the liability estimate changed', stales: ['debt-management'], run: describeChange({ liabilityAveragePence: 90_000 }) },
    { name: 'the objective changed (no group signs it)', stales: [], run: describeChange({ objective: 'A clearer objective.' }) },
    {
      name: 'a line moved (order is not content)',
      stales: [],
      prepare: async (c) => {
        const { createLine } = await import('../../app/models/line.server')
        const added = await createLine(db, { campaignId: c.campaignId, values: lineInput({ audience: 'press', question: 'Another?' }) }, owner())
        if (!added.ok) throw new Error('not added')
        await approveAgain(c, ['press-office'])
        c.lines.internal = added.id
      },
      run: async (c) => {
        const { moveLine } = await import('../../app/models/line.server')
        const moved = await moveLine(db, { campaignId: c.campaignId, lineId: c.lines.internal, version: 1, direction: 'up', neighbourId: c.lines.press }, owner())
        expect(moved).toEqual({ ok: true })
      },
    },
    {
      name: 'a line saved again with the same text',
      stales: [],
      run: async (c) => {
        const line = (await getLine(db, c.campaignId, c.lines.press))!
        const result = await updateLine(db, { campaignId: c.campaignId, lineId: line.id, version: line.version, values: lineInput({ audience: 'press', standardQuestion: null, question: line.question, answer: line.answer }) }, owner())
        expect(result).toMatchObject({ ok: true, version: 2 })
      },
    },
  ]

  async function approveAgain(c: SignOffCampaign, groups: string[]) {
    for (const group of groups) {
      const member = group === 'customer-services' ? people.customerServices : group === 'debt-management' ? people.debtManagement : people.pressOffice
      const result = await decide(member, c.campaignId, group as never)
      expect(result.ok).toBe(true)
    }
  }

  for (const change of CHANGES) {
    it(`${change.name}: ${change.stales.length ? `only ${change.stales.join(' and ')} go${change.stales.length === 1 ? 'es' : ''} out of date` : 'every approval stays current'}`, async () => {
      const campaign = await approved()
      await change.prepare?.(campaign)
      const already = (await auditActions(campaign.campaignId)).length
      await change.run(campaign)
      const expected = Object.fromEntries(['customer-services', 'debt-management', 'press-office'].map((g) => [g, change.stales.includes(g) ? 'out-of-date' : 'approved']))
      expect(await states(campaign.ref)).toEqual(expected)
      expect(await statusOf(campaign.campaignId)).toBe(change.stales.length ? 'awaiting-sign-off' : 'approved')
      const events = (await auditActions(campaign.campaignId)).slice(already)
      const stale = events.filter((e) => e.action === 'sign-off.out-of-date')
      expect(stale.map((e) => e.summary.split(' approval')[0])).toEqual(
        change.stales.map((g) => ({ 'customer-services': 'The Customer Services', 'debt-management': 'The Debt Management', 'press-office': 'The Press Office' })[g]),
      )
      if (!change.stales.length) expect(events.map((e) => e.action)).not.toContain('campaign.status-changed')
      if (change.stales.length) {
        expect(events.at(-1)).toMatchObject({ action: 'campaign.status-changed', actor_email: people.owner.email })
        expect(events.at(-1)!.summary).toMatch(/^The campaign is awaiting sign-off again: /)
      }
    })
  }

  it('names what changed, shows the diff against the snapshot, and approving again makes the campaign approved by itself', async () => {
    const campaign = await approved()
    const press = (await getLine(db, campaign.campaignId, campaign.lines.press))!
    await updateLine(db, { campaignId: campaign.campaignId, lineId: press.id, version: press.version, values: lineInput({ audience: 'press', question: press.question, answer: 'HMRC writes to some landlords every year.' }) }, people.owner)
    const events = await auditActions(campaign.campaignId)
    expect(events.map((e) => e.summary)).toContain('The Press Office approval went out of date: the press lines changed')
    const page = await signOff(people.owner, campaign.ref)
    const row = page.data.groups.find((g: { group: string }) => g.group === 'press-office')
    expect(row).toMatchObject({ state: 'out-of-date', changedSince: ['pressLines'], latest: { by: 'Aisha Press', decision: 'approved' } })
    const diff = (await review(people.pressOffice2, campaign.ref, 'press-office')).data.diffs
    expect(diff).toHaveLength(1)
    expect(diff[0]).toMatchObject({ label: 'Press lines › “Is HMRC targeting landlords?” › Answer', before: 'HMRC writes to some landlords.', after: 'HMRC writes to some landlords every year.' })

    // A second Press Office member approves the new version: the campaign is approved again, by itself.
    const fresh = await review(people.pressOffice2, campaign.ref, 'press-office')
    expect((await post(people.pressOffice2, campaign.ref, 'press-office', { decision: 'approve', reviewedHash: fresh.data.currentHash })).status).toBe(303)
    expect(await statusOf(campaign.campaignId)).toBe('approved')
    expect((await auditActions(campaign.campaignId)).at(-1)!.summary).toBe('The campaign is approved: every group that must sign it off has approved the current version')
  })

  it('brings an approval back into date when the content returns to the version approved', async () => {
    const campaign = await approved()
    const press = (await getLine(db, campaign.campaignId, campaign.lines.press))!
    const original = press.answer
    await updateLine(db, { campaignId: campaign.campaignId, lineId: press.id, version: 1, values: lineInput({ audience: 'press', question: press.question, answer: 'Something else.' }) }, people.owner)
    expect(await statusOf(campaign.campaignId)).toBe('awaiting-sign-off')
    await updateLine(db, { campaignId: campaign.campaignId, lineId: press.id, version: 2, values: lineInput({ audience: 'press', question: press.question, answer: original }) }, people.owner)
    expect(await states(campaign.ref)).toMatchObject({ 'press-office': 'approved' })
    expect(await statusOf(campaign.campaignId)).toBe('approved')
    expect((await auditActions(campaign.campaignId)).map((e) => e.action)).toContain('sign-off.current-again')
  })

  it('asks a group that becomes required, such as Debt Management once the campaign may leave customers owing tax', async () => {
    const campaign = await makeSignOffCampaign(people, { extraLiability: false })
    await approveAll(people, campaign, ['customer-services', 'press-office'])
    expect(await statusOf(campaign.campaignId)).toBe('approved')
    const current = (await getCampaignByRef(db, campaign.ref))!
    const input = campaignInput({ name: current.name, launchDate: current.plannedLaunchDate, extraLiability: true, liabilityCustomers: 500, liabilityAveragePence: 40_000, coOwners: [people.coOwner.id] })
    expect((await updateCampaignDescription(db, { ref: campaign.ref, version: current.version, values: input }, people.owner)).ok).toBe(true)
    expect(await states(campaign.ref)).toEqual({ 'customer-services': 'approved', 'debt-management': 'awaiting', 'press-office': 'approved' })
    expect(await statusOf(campaign.campaignId)).toBe('awaiting-sign-off')
  })
})

describe('launching', () => {
  const launch = (user: { cookie: string }, ref: string) => callAction(launchPage.action, `/campaigns/${ref}/launch`, { cookie: user.cookie, params: { ref }, form: {} })

  it('is refused until every required group has a current approval, saying exactly which and why', async () => {
    const campaign = await makeSignOffCampaign(people)
    await approveAll(people, campaign)
    const press = (await getLine(db, campaign.campaignId, campaign.lines.press))!
    await updateLine(db, { campaignId: campaign.campaignId, lineId: press.id, version: 1, values: lineInput({ audience: 'press', question: press.question, answer: 'Edited.' }) }, people.owner)
    const page = await callLoader(launchPage.loader, `/campaigns/${campaign.ref}/launch`, { cookie: people.owner.cookie, params: { ref: campaign.ref } })
    expect(page.data.readiness.ready).toBe(false)
    const refused = await launch(people.owner, campaign.ref)
    expect(refused.status).toBe(409)
    expect(refused.data.problems).toHaveLength(1)
    expect(refused.data.problems[0].href).toBe(`/campaigns/${campaign.ref}/sign-off/press-office`)
    expect(refused.data.problems[0].text).toMatch(/^The Press Office approval is out of date: the press lines changed after Aisha Press approved it on /)
    expect(await statusOf(campaign.campaignId)).toBe('awaiting-sign-off')
    expect(await getLaunchSnapshot(db, campaign.campaignId)).toBeNull()

    const draft = await makeSignOffCampaign(people)
    const notAsked = await launch(people.owner, draft.ref)
    expect(notAsked.status).toBe(409)
    expect(notAsked.data.problems.map((p: { text: string }) => p.text)).toEqual([
      'Sign-off has not been asked for, so Customer Services has not approved the campaign',
      'Sign-off has not been asked for, so Debt Management has not approved the campaign',
      'Sign-off has not been asked for, so the Press Office has not approved the campaign',
    ])
    const requested = await makeSignOffCampaign(people)
    await approveAll(people, requested, ['customer-services'])
    await decide(people.debtManagement, requested.campaignId, 'debt-management', 'changes-requested', 'Offer longer plans.')
    expect((await launch(people.owner, requested.ref)).data.problems.map((p: { text: string }) => p.text)).toEqual([
      'Debt Management asked for changes (Tom Debt: “Offer longer plans.”) and has not approved a later version',
      'The Press Office has not decided yet',
    ])
  })

  it('records an immutable snapshot of the whole campaign, launches it, audits it and locks every kind of content', async () => {
    const campaign = await approved()
    for (const outsider of [people.otherDesigner, people.customerServices, people.viewer, people.admin]) expect((await launch(outsider, campaign.ref)).status).toBe(403)
    const result = await launch(people.coOwner, campaign.ref)
    expect(result.status).toBe(303)
    expect(result.location).toBe(`/campaigns/${campaign.ref}?notice=launched`)
    expect(await statusOf(campaign.campaignId)).toBe('launched')

    const stored = (await getLaunchSnapshot(db, campaign.campaignId))!
    const { createHash } = await import('node:crypto')
    expect(stored.hash).toBe(createHash('sha256').update(stored.snapshotJson).digest('hex'))
    expect(stored.snapshotJson).toBe(canonicalJson(stored.snapshot))
    const snapshot = stored.snapshot as { campaign: { status: string }; messages: unknown[]; linesToTake: unknown[]; approvedScopes: Record<string, string>; signOffs: unknown[] }
    expect(snapshot.campaign.status).toBe('launched')
    expect(snapshot.messages).toHaveLength(1)
    expect(snapshot.linesToTake).toHaveLength(4)
    expect(snapshot.signOffs).toHaveLength(3)
    for (const group of ['customer-services', 'debt-management', 'press-office'] as const) {
      expect(snapshot.approvedScopes[group]).toBe(await currentHash(campaign.campaignId, group))
    }
    await expect(db.updateTable('launch_snapshot').set({ hash: 'x' }).execute()).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('launch_snapshot').execute()).rejects.toThrow(/append-only/)
    await expect(db.updateTable('sign_off_decision').set({ comment: 'rewritten' }).execute()).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('sign_off_decision').execute()).rejects.toThrow(/append-only/)
    expect((await verifyAuditChain(db)).firstBreak).toBeNull()

    const events = await auditActions(campaign.campaignId)
    expect(events.at(-1)).toEqual({ action: 'campaign.launched', summary: `Launched the campaign. Its content is now locked; launch snapshot SHA-256 ${stored.hash}`, actor_email: people.coOwner.email })
    expect((await launch(people.owner, campaign.ref)).status).toBe(403)
    const page = await callLoader(launchPage.loader, `/campaigns/${campaign.ref}/launch`, { cookie: people.viewer.cookie, params: { ref: campaign.ref } })
    expect(page.data.launch).toMatchObject({ hash: stored.hash, launchedBy: { name: 'Priya Co-owner' } })
    const tasks = (await callLoader(campaignPage.loader, `/campaigns/${campaign.ref}`, { cookie: people.viewer.cookie, params: { ref: campaign.ref } })).data.tasks
    expect(tasks.slice(-2).map((t: { status: string }) => t.status)).toEqual(['completed', 'completed'])

    // Every content write after launch: refused, saying why, and nothing changes.
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (['message', 'wave', 'line_to_take', 'script', 'revision', 'audit_event', 'debt_treatment', 'press_briefing', 'forecast_input', 'sign_off_decision'] as const).map(
            async (t) => [t, Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)] as const,
          ),
        ),
      )
    const before = await counts()
    const routes = {
      describe: await import('../../app/routes/campaigns.$ref.describe.edit'),
      newMessage: await import('../../app/routes/campaigns.$ref.messages.new'),
      editLine: await import('../../app/routes/campaigns.$ref.lines.$lineId.edit'),
      script: await import('../../app/routes/campaigns.$ref.scripts.$callType._index'),
      press: await import('../../app/routes/campaigns.$ref.press'),
      debt: await import('../../app/routes/campaigns.$ref.debt-management'),
      forecast: await import('../../app/routes/campaigns.$ref.forecast._index'),
    }
    const ref = campaign.ref
    const attempts = [
      callAction(routes.describe.action, `/campaigns/${ref}/describe/edit`, { cookie: people.owner.cookie, params: { ref }, form: { name: 'x' } }),
      callAction(routes.newMessage.action, `/campaigns/${ref}/messages/new`, { cookie: people.owner.cookie, params: { ref }, form: { name: 'x' } }),
      callAction(routes.editLine.action, `/campaigns/${ref}/lines/${campaign.lines.press}/edit`, { cookie: people.owner.cookie, params: { ref, lineId: campaign.lines.press }, form: { answer: 'x' } }),
      callAction(routes.script.action, `/campaigns/${ref}/scripts/inbound`, { cookie: people.owner.cookie, params: { ref, callType: 'inbound' }, form: { body: 'x' } }),
      callAction(routes.press.action, `/campaigns/${ref}/press`, { cookie: people.owner.cookie, params: { ref }, form: {} }),
      callAction(routes.debt.action, `/campaigns/${ref}/debt-management`, { cookie: people.owner.cookie, params: { ref }, form: {} }),
      callAction(routes.forecast.action, `/campaigns/${ref}/forecast`, { cookie: people.owner.cookie, params: { ref }, form: {} }),
      callAction(signOffPage.action, `/campaigns/${ref}/sign-off`, { cookie: people.owner.cookie, params: { ref }, form: { intent: 'ask' } }),
    ]
    for (const attempt of await Promise.all(attempts)) {
      expect(attempt.status).toBe(403)
      expect(attempt.data).toBe('This campaign has been launched, so its content can no longer be changed. Only actual call figures can be recorded.')
    }
    // The models refuse too, in case a route's guard ran before the launch committed.
    const { createLine, removeLine, moveLine } = await import('../../app/models/line.server')
    const { saveScript, removeScript } = await import('../../app/models/script.server')
    const { saveDebtTreatment } = await import('../../app/models/debt-treatment.server')
    const { savePressBriefing } = await import('../../app/models/press-briefing.server')
    const { saveForecastSettings, getForecastSettings } = await import('../../app/models/forecast.server')
    const { deleteMessage } = await import('../../app/models/message.server')
    const c = campaign.campaignId
    const o = people.owner
    const refusals = [
      await updateCampaignDescription(db, { ref, version: (await getCampaignByRef(db, ref))!.version, values: campaignInput() }, o),
      await createMessage(db, { campaignId: c, values: letterInput() }, o),
      await updateMessage(db, { campaignId: c, messageId: campaign.messageId, version: 1, values: letterInput({ body: 'x' }) }, o),
      await deleteMessage(db, { campaignId: c, messageId: campaign.messageId, version: 1 }, o),
      await createLine(db, { campaignId: c, values: lineInput() }, o),
      await updateLine(db, { campaignId: c, lineId: campaign.lines.press, version: 1, values: lineInput({ audience: 'press' }) }, o),
      await removeLine(db, { campaignId: c, lineId: campaign.lines.press, version: 1 }, o),
      await moveLine(db, { campaignId: c, lineId: campaign.lines.press, version: 1, direction: 'up', neighbourId: campaign.lines.debt }, o),
      await saveScript(db, { campaignId: c, callType: 'outbound', version: 0, sections: { opening: 'a', verification: 'b', recordingNotice: 'c', body: 'd', closing: 'e' } }, o),
      await removeScript(db, { campaignId: c, callType: 'inbound', version: 1 }, o),
      await saveDebtTreatment(db, { campaignId: c, version: 1, specialTreatment: 'x' }, o),
      await savePressBriefing(db, { campaignId: c, version: 1, launchDateTold: '2031-01-01' }, o),
      await saveForecastSettings(db, { campaignId: c, version: 1, settings: (await getForecastSettings(db, c)).settings }, o),
      await requestSignOff(db, { campaignId: c }, o),
    ]
    for (const refusal of refusals) expect(refusal).toMatchObject({ ok: false, reason: 'locked' })
    // Deciding on a launched campaign is refused too.
    expect(await decide(people.pressOffice2, c, 'press-office', 'changes-requested', 'Too late?')).toMatchObject({ ok: false, reason: 'locked' })
    expect(await counts()).toEqual(before)
  })
})

describe('records', () => {
  it('export the sign-offs and the launch snapshot’s hash as JSON, and every step as CSV', async () => {
    const campaign = await approved()
    await decide(people.pressOffice, campaign.campaignId, 'press-office').then((r) => expect(r).toMatchObject({ ok: false, reason: 'already-approved' }))
    const { launchCampaign } = await import('../../app/models/launch.server')
    const launched = await launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)
    if (!launched.ok) throw new Error('not launched')
    const exported = await callLoader(exportJson.loader, `/campaigns/${campaign.ref}/export.json`, { cookie: people.viewer.cookie, params: { ref: campaign.ref } })
    const json = typeof exported.data === 'string' ? JSON.parse(exported.data) : exported.data
    expect(json.signOffs.map((s: { group: string; decision: string; decidedBy: { email: string } }) => [s.group, s.decision, s.decidedBy.email])).toEqual([
      ['customer-services', 'approved', people.customerServices.email],
      ['debt-management', 'approved', people.debtManagement.email],
      ['press-office', 'approved', people.pressOffice.email],
    ])
    expect(json.signOffs[0].scopeHash).toMatch(/^[0-9a-f]{64}$/)
    expect(json.launch).toMatchObject({ hash: launched.hash, launchedBy: { email: people.owner.email } })

    const csv = await callLoader(auditCsv.loader, `/campaigns/${campaign.ref}/audit.csv`, { cookie: people.viewer.cookie, params: { ref: campaign.ref } })
    const events = await auditActions(campaign.campaignId)
    for (const action of ['sign-off.requested', 'sign-off.approved', 'campaign.status-changed', 'campaign.launched']) {
      expect(events.map((e) => e.action)).toContain(action)
      expect(csv.data).toContain(`,${action},`)
    }
    expect(csv.data.trim().split('\n')).toHaveLength(events.length + 1)
  })
})
