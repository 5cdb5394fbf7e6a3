import { describe, expect, it } from 'vitest'
import * as linesPage from '../../app/routes/campaigns.$ref.lines._index'
import * as newLine from '../../app/routes/campaigns.$ref.lines.new'
import * as editLine from '../../app/routes/campaigns.$ref.lines.$lineId.edit'
import * as removeLinePage from '../../app/routes/campaigns.$ref.lines.$lineId.remove'
import * as pressPage from '../../app/routes/campaigns.$ref.press'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import { MOVE_REFUSALS } from '../../app/campaign/lines'
import { listLines, removeLine, updateLine } from '../../app/models/line.server'
import { db } from '../../app/utils/db.server'
import { makeCampaign, makeUser, type TestUser } from '../support/factories'
import { campaignByRef, lineForm, lineInput, makeLine, snapshotCounts } from '../support/lines'
import { callAction, callLoader } from '../support/routes'

async function setUp(overrides: Parameters<typeof makeCampaign>[1] = {}) {
  const owner = await makeUser(['designer'], 'Owner')
  const ref = await makeCampaign(owner, overrides)
  const campaign = await campaignByRef(ref)
  return { owner, ref, campaign }
}

const add = (user: TestUser, ref: string, form: Record<string, string>, query = '') =>
  callAction(newLine.action, `/campaigns/${ref}/lines/new${query}`, { cookie: user.cookie, params: { ref }, form })

async function auditOf(campaignId: string) {
  return db.selectFrom('audit_event').select(['action', 'entity_id', 'summary', 'before_json', 'after_json']).where('campaign_id', '=', campaignId).orderBy('id').execute()
}

async function revisionsOf(entityId: string) {
  return db.selectFrom('revision').select(['entity_type', 'version', 'summary', 'snapshot_json', 'author_id']).where('entity_id', '=', entityId).orderBy('version').execute()
}

describe('adding a line to take', () => {
  it('refuses an empty question and answer with field errors, keeps the values and saves nothing', async () => {
    const { owner, ref } = await setUp()
    const before = await snapshotCounts()
    const result = await add(owner, ref, lineForm({ question: '   ', answer: '' }, { standardQuestion: 'why-sent' }))
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual({ question: 'Enter the question', answer: 'Enter the answer' })
    expect(result.data.values).toMatchObject({ audience: 'helpline', standardQuestion: 'why-sent', question: '   ' })
    expect(await snapshotCounts()).toEqual(before)
  })

  it('refuses oversized text with the limit in the message', async () => {
    const { owner, ref } = await setUp()
    const result = await add(owner, ref, lineForm({ question: 'q'.repeat(501), answer: 'a'.repeat(10_001) }))
    expect(result.status).toBe(400)
    expect(result.data.errors).toEqual({ question: 'Question must be 500 characters or fewer', answer: 'Answer must be 10,000 characters or fewer' })
    const atLimit = await add(owner, ref, lineForm({ question: 'q'.repeat(500), answer: 'a'.repeat(10_000) }))
    expect(atLimit.status).toBe(303)
  })

  it('refuses an unknown audience or tag, a tag the audience cannot answer, and control characters', async () => {
    const { owner, ref } = await setUp()
    const before = await snapshotCounts()
    const bad = await add(owner, ref, lineForm({}, { audience: 'everyone', standardQuestion: 'why-me' }))
    expect(bad.data.errors).toEqual({ audience: 'Select who the line to take is for', standardQuestion: 'Select a standard question from the list' })
    const press = await add(owner, ref, lineForm({ audience: 'press', standardQuestion: 'why-sent' }))
    expect(press.status).toBe(400)
    expect(press.data.errors.standardQuestion).toBe('Only a line for Helpline can answer “Why was I sent this?”. Change who it is for, or choose “None of these”')
    const hidden = await add(owner, ref, lineForm({ answer: 'Say\u0007this' }))
    expect(hidden.data.errors.answer).toBe('Answer must not contain hidden control characters')
    expect(await snapshotCounts()).toEqual(before)
  })

  it('adds the line with a first version and an audit event, and returns to the audience’s task page', async () => {
    const { owner, ref, campaign } = await setUp()
    const result = await add(owner, ref, lineForm({ standardQuestion: 'why-sent', answer: 'Because of letting-agent data.\r\nSecond line.' }))
    expect(result.status).toBe(303)
    const [line] = await listLines(db, campaign.id)
    expect(result.location).toBe(`/campaigns/${ref}/lines?notice=added#line-${line!.id}`)
    expect(line).toMatchObject({ audience: 'helpline', standardQuestion: 'why-sent', answer: 'Because of letting-agent data.\nSecond line.', version: 1 })
    const revisions = await revisionsOf(line!.id)
    expect(revisions).toHaveLength(1)
    expect(revisions[0]).toMatchObject({ entity_type: 'line', version: 1, summary: 'Added the line', author_id: owner.id })
    expect(JSON.parse(revisions[0]!.snapshot_json)).toEqual({
      audience: 'helpline',
      standardQuestion: 'why-sent',
      question: 'Why have I been sent this letter?',
      answer: 'Because of letting-agent data.\nSecond line.',
    })
    const audit = await auditOf(campaign.id)
    expect(audit.at(-1)).toMatchObject({ action: 'line.created', entity_id: line!.id, summary: 'Added the helpline line to take “Why have I been sent this letter?”' })

    const pressLine = await add(owner, ref, lineForm({ audience: 'press', question: 'What is HMRC doing?' }))
    expect(pressLine.location).toMatch(new RegExp(`^/campaigns/${ref}/press\\?notice=added#line-`))
  })

  it('starts the form with the audience asked for', async () => {
    const { owner, ref } = await setUp()
    const shown = await callLoader(newLine.loader, `/campaigns/${ref}/lines/new?audience=debt-management`, { cookie: owner.cookie, params: { ref } })
    expect(shown.data.values.audience).toBe('debt-management')
    expect(shown.data.back).toBe(`/campaigns/${ref}/debt-management`)
    const odd = await callLoader(newLine.loader, `/campaigns/${ref}/lines/new?audience=<script>`, { cookie: owner.cookie, params: { ref } })
    expect(odd.data.values.audience).toBe('helpline')
  })
})

describe('the lines to take task', () => {
  it('shows the helpline and internal lines and the standard questions still uncovered, until every one is covered', async () => {
    const { owner, ref } = await setUp({ extraLiability: true, liabilityCustomers: 100, liabilityAveragePence: 50_000 })
    await makeLine(owner, ref, { standardQuestion: 'why-sent' })
    await makeLine(owner, ref, { audience: 'internal', question: 'Who owns the campaign?' })
    await makeLine(owner, ref, { audience: 'press', question: 'How many letters?' })
    const viewer = await makeUser(['viewer'])
    const page = await callLoader(linesPage.loader, `/campaigns/${ref}/lines`, { cookie: viewer.cookie, params: { ref } })
    expect(page.status).toBe(200)
    expect(page.data.canEdit).toBe(false)
    expect(page.data.helpline.map((l: { question: string }) => l.question)).toEqual(['Why have I been sent this letter?'])
    expect(page.data.internal.map((l: { question: string }) => l.question)).toEqual(['Who owns the campaign?'])
    expect(page.data.uncovered.map((q: { id: string }) => q.id)).toEqual(['how-to-act', 'time-to-pay', 'more-information', 'is-genuine'])

    const campaignTasks = async () => (await callLoader(campaignPage.loader, `/campaigns/${ref}`, { cookie: viewer.cookie, params: { ref } })).data.tasks
    expect((await campaignTasks()).find((t: { id: string }) => t.id === 'lines')).toMatchObject({ status: 'incomplete', hint: expect.stringContaining('Is this genuine?') })

    for (const standardQuestion of ['how-to-act', 'more-information', 'is-genuine'] as const) await makeLine(owner, ref, { standardQuestion })
    await makeLine(owner, ref, { audience: 'debt-management', standardQuestion: 'time-to-pay', question: 'I cannot pay' })
    const covered = await callLoader(linesPage.loader, `/campaigns/${ref}/lines`, { cookie: owner.cookie, params: { ref } })
    expect(covered.data.uncovered).toEqual([])
    expect(covered.data.canEdit).toBe(true)
    expect((await campaignTasks()).find((t: { id: string }) => t.id === 'lines')).toMatchObject({ status: 'completed' })
  })
})

describe('changing a line to take', () => {
  it('saves a new version, recording only what changed', async () => {
    const { owner, ref, campaign } = await setUp()
    const id = await makeLine(owner, ref)
    const form = await callLoader(editLine.loader, `/campaigns/${ref}/lines/${id}/edit`, { cookie: owner.cookie, params: { ref, lineId: id } })
    expect(form.data.values).toEqual({ audience: 'helpline', standardQuestion: '', question: 'Why have I been sent this letter?', answer: lineInput().answer })
    const result = await callAction(editLine.action, `/campaigns/${ref}/lines/${id}/edit`, {
      cookie: owner.cookie,
      params: { ref, lineId: id },
      form: lineForm({ answer: 'A better answer.', standardQuestion: 'why-sent' }, { version: '1' }),
    })
    expect(result.status).toBe(303)
    expect(result.location).toBe(`/campaigns/${ref}/lines?notice=saved#line-${id}`)
    const revisions = await revisionsOf(id)
    expect(revisions.map((r) => [r.version, r.summary])).toEqual([
      [1, 'Added the line'],
      [2, 'Changed the standard question, the answer'],
    ])
    const audit = (await auditOf(campaign.id)).at(-1)!
    expect(audit.action).toBe('line.updated')
    expect(JSON.parse(audit.before_json!)).toEqual({ standardQuestion: null, answer: lineInput().answer })
    expect(JSON.parse(audit.after_json!)).toEqual({ standardQuestion: 'why-sent', answer: 'A better answer.' })
  })

  it('refuses a stale save with 409, keeps the user’s text and shows what the other person saved', async () => {
    const { owner, ref, campaign } = await setUp()
    const coOwner = await makeUser(['designer'])
    await db.insertInto('campaign_co_owner').values({ campaign_id: campaign.id, user_id: coOwner.id }).execute()
    const id = await makeLine(owner, ref)
    const theirs = await updateLine(db, { campaignId: campaign.id, lineId: id, version: 1, values: lineInput({ answer: 'Their answer' }) }, coOwner)
    expect(theirs.ok).toBe(true)
    const stale = await callAction(editLine.action, `/campaigns/${ref}/lines/${id}/edit`, {
      cookie: owner.cookie,
      params: { ref, lineId: id },
      form: lineForm({ answer: 'My answer' }, { version: '1' }),
    })
    expect(stale.status).toBe(409)
    expect(stale.data.errors._form).toMatch(/^Someone else saved changes to this line to take/)
    expect(stale.data.values.answer).toBe('My answer')
    expect(stale.data.version).toBe(2)
    expect(stale.data.theirs).toMatchObject({ answer: 'Their answer', audience: 'Helpline' })
    expect((await listLines(db, campaign.id))[0]!.answer).toBe('Their answer')
    const retry = await callAction(editLine.action, `/campaigns/${ref}/lines/${id}/edit`, {
      cookie: owner.cookie,
      params: { ref, lineId: id },
      form: lineForm({ answer: 'My answer' }, { version: '2' }),
    })
    expect(retry.status).toBe(303)
    expect((await listLines(db, campaign.id))[0]!.answer).toBe('My answer')
  })

  it('keeps the user’s text when someone else removed the line meanwhile, and offers to add it as a new line', async () => {
    const { owner, ref, campaign } = await setUp()
    const id = await makeLine(owner, ref)
    await removeLine(db, { campaignId: campaign.id, lineId: id, version: 1 }, owner)
    const result = await callAction(editLine.action, `/campaigns/${ref}/lines/${id}/edit`, {
      cookie: owner.cookie,
      params: { ref, lineId: id },
      form: lineForm({ answer: 'Precious words' }, { version: '1' }),
    })
    expect(result.status).toBe(409)
    expect(result.data.gone).toBe(true)
    expect(result.data.errors._form).toMatch(/removed by someone else/)
    expect(result.data.values.answer).toBe('Precious words')
    // The page still renders (not a 404) after the action, as a browser without JavaScript reloads it.
    const reloaded = await callLoader(editLine.loader, `/campaigns/${ref}/lines/${id}/edit`, { cookie: owner.cookie, params: { ref, lineId: id } })
    expect(reloaded.status).toBe(404)
    expect(reloaded.data.line).toBeNull()
    expect(reloaded.data.campaign.ref).toBe(ref)
  })

  it('gives 404 for a line of another campaign or a malformed id', async () => {
    const { owner, ref } = await setUp()
    const other = await makeCampaign(owner)
    const id = await makeLine(owner, other)
    for (const lineId of [id, 'not-a-line', "1' or '1'='1"]) {
      const result = await callLoader(removeLinePage.loader, `/campaigns/${ref}/lines/${lineId}/remove`, { cookie: owner.cookie, params: { ref, lineId } })
      expect(result.status).toBe(404)
    }
    const save = await callAction(editLine.action, `/campaigns/${ref}/lines/${id}/edit`, { cookie: owner.cookie, params: { ref, lineId: id }, form: lineForm({}, { version: '1' }) })
    expect(save.status).toBe(409)
    expect((await listLines(db, (await campaignByRef(other)).id))[0]!.version).toBe(1)
  })
})

describe('removing a line to take', () => {
  it('asks for confirmation, then removes it with an audit event, keeping its revisions', async () => {
    const { owner, ref, campaign } = await setUp()
    const id = await makeLine(owner, ref, { audience: 'press', question: 'Is HMRC targeting landlords?' })
    const confirm = await callLoader(removeLinePage.loader, `/campaigns/${ref}/lines/${id}/remove`, { cookie: owner.cookie, params: { ref, lineId: id } })
    expect(confirm.data.line).toMatchObject({ id, question: 'Is HMRC targeting landlords?', version: 1 })
    const result = await callAction(removeLinePage.action, `/campaigns/${ref}/lines/${id}/remove`, { cookie: owner.cookie, params: { ref, lineId: id }, form: { version: '1' } })
    expect(result.status).toBe(303)
    expect(result.location).toBe(`/campaigns/${ref}/press?notice=removed`)
    expect(await listLines(db, campaign.id)).toEqual([])
    expect(await revisionsOf(id)).toHaveLength(1)
    const audit = (await auditOf(campaign.id)).at(-1)!
    expect(audit).toMatchObject({ action: 'line.removed', summary: 'Removed the press and media line to take “Is HMRC targeting landlords?”' })
    expect(JSON.parse(audit.before_json!)).toMatchObject({ question: 'Is HMRC targeting landlords?' })

    const again = await callAction(removeLinePage.action, `/campaigns/${ref}/lines/${id}/remove`, { cookie: owner.cookie, params: { ref, lineId: id }, form: { version: '1' } })
    expect(again.status).toBe(303)
    expect(again.location).toBe(`/campaigns/${ref}/lines?notice=already-removed`)
  })

  it('refuses to remove a version the user has not seen', async () => {
    const { owner, ref, campaign } = await setUp()
    const id = await makeLine(owner, ref)
    await updateLine(db, { campaignId: campaign.id, lineId: id, version: 1, values: lineInput({ answer: 'Changed meanwhile' }) }, owner)
    const result = await callAction(removeLinePage.action, `/campaigns/${ref}/lines/${id}/remove`, { cookie: owner.cookie, params: { ref, lineId: id }, form: { version: '1' } })
    expect(result.status).toBe(409)
    expect(result.data.line).toMatchObject({ answer: 'Changed meanwhile', version: 2 })
    expect(await listLines(db, campaign.id)).toHaveLength(1)
    const missing = await callAction(removeLinePage.action, `/campaigns/${ref}/lines/${id}/remove`, { cookie: owner.cookie, params: { ref, lineId: id }, form: {} })
    expect(missing.status).toBe(409)
    expect(await listLines(db, campaign.id)).toHaveLength(1)
  })
})

describe('reordering lines to take', () => {
  async function threeLines() {
    const setup = await setUp()
    const ids = []
    for (const question of ['First?', 'Second?', 'Third?']) ids.push(await makeLine(setup.owner, setup.ref, { question }))
    return { ...setup, ids }
  }
  const order = async (campaignId: string) => (await listLines(db, campaignId, ['helpline'])).map((l) => l.question)
  const move = (user: TestUser, ref: string, form: Record<string, string>, route: (args: any) => unknown = linesPage.action, page = 'lines') =>
    callAction(route, `/campaigns/${ref}/${page}`, { cookie: user.cookie, params: { ref }, form: { intent: 'move', ...form } })

  it('moves a line up or down past the neighbour the user saw, without a new version, and audits it', async () => {
    const { owner, ref, campaign, ids } = await threeLines()
    const up = await move(owner, ref, { lineId: ids[2]!, version: '1', direction: 'up', above: ids[1]! })
    expect(up.status).toBe(303)
    expect(up.location).toBe(`/campaigns/${ref}/lines?notice=moved#line-${ids[2]}`)
    expect(await order(campaign.id)).toEqual(['First?', 'Third?', 'Second?'])
    const down = await move(owner, ref, { lineId: ids[0]!, version: '1', direction: 'down', below: ids[2]! })
    expect(down.status).toBe(303)
    expect(await order(campaign.id)).toEqual(['Third?', 'First?', 'Second?'])
    expect((await listLines(db, campaign.id)).map((l) => l.version)).toEqual([1, 1, 1])
    const audit = (await auditOf(campaign.id)).at(-1)!
    expect(audit).toMatchObject({ action: 'line.moved', summary: 'Moved the helpline line to take “First?” down' })
    expect(JSON.parse(audit.after_json!)).toEqual({ order: [ids[2], ids[0], ids[1]] })
  })

  it('gives a clear message, never a 500, when someone else has just removed the line', async () => {
    const { owner, ref, campaign, ids } = await threeLines()
    await removeLine(db, { campaignId: campaign.id, lineId: ids[1]!, version: 1 }, owner)
    const before = await snapshotCounts()
    const result = await move(owner, ref, { lineId: ids[1]!, version: '1', direction: 'up', above: ids[0]! })
    expect(result.status).toBe(409)
    expect(result.data.errors._form).toBe(MOVE_REFUSALS.gone)
    expect(await snapshotCounts()).toEqual(before)
  })

  it('refuses a move made against an order or a version the user has not seen', async () => {
    const { owner, ref, campaign, ids } = await threeLines()
    // Someone else moved Third above Second; the user still sees First, Second, Third.
    expect((await move(owner, ref, { lineId: ids[2]!, version: '1', direction: 'up', above: ids[1]! })).status).toBe(303)
    const stale = await move(owner, ref, { lineId: ids[2]!, version: '1', direction: 'up', above: ids[1]! })
    expect(stale.status).toBe(409)
    expect(stale.data.errors._form).toBe(MOVE_REFUSALS['order-changed'])
    const top = await move(owner, ref, { lineId: ids[0]!, version: '1', direction: 'up', above: ids[1]! })
    expect(top.data.errors._form).toBe(MOVE_REFUSALS['order-changed'])
    await updateLine(db, { campaignId: campaign.id, lineId: ids[0]!, version: 1, values: lineInput({ question: 'First, reworded?' }) }, owner)
    const changed = await move(owner, ref, { lineId: ids[0]!, version: '1', direction: 'down', below: ids[2]! })
    expect(changed.status).toBe(409)
    expect(changed.data.errors._form).toBe(MOVE_REFUSALS.changed)
    expect(await order(campaign.id)).toEqual(['First, reworded?', 'Third?', 'Second?'])
  })

  it('refuses a malformed move with 400', async () => {
    const { owner, ref, ids } = await threeLines()
    for (const form of [{} as Record<string, string>, { lineId: ids[0]!, version: 'x', direction: 'down', below: ids[1]! }, { lineId: ids[0]!, version: '1', direction: 'sideways' }, { lineId: ids[0]!, version: '1', direction: 'down' }]) {
      const result = await move(owner, ref, form)
      expect(result.status).toBe(400)
      expect(result.data.errors._form).toMatch(/Move up and Move down/)
    }
  })

  it('moves press lines on the press page, within the press list only', async () => {
    const { owner, ref, campaign } = await setUp()
    const helpline = await makeLine(owner, ref, { question: 'Helpline?' })
    const a = await makeLine(owner, ref, { audience: 'press', question: 'Press A?' })
    const b = await makeLine(owner, ref, { audience: 'press', question: 'Press B?' })
    const result = await move(owner, ref, { lineId: b, version: '1', direction: 'up', above: a }, pressPage.action, 'press')
    expect(result.location).toBe(`/campaigns/${ref}/press?notice=moved#line-${b}`)
    expect((await listLines(db, campaign.id, ['press'])).map((l) => l.question)).toEqual(['Press B?', 'Press A?'])
    const acrossAudiences = await move(owner, ref, { lineId: a, version: '1', direction: 'down', below: helpline }, pressPage.action, 'press')
    expect(acrossAudiences.status).toBe(409)
  })
})

describe('who may change lines to take', () => {
  it('refuses everyone but the owner and co-owners, and nothing changes', async () => {
    const { owner, ref, campaign } = await setUp()
    const id = await makeLine(owner, ref)
    const second = await makeLine(owner, ref, { question: 'Second?' })
    const intruders = [await makeUser(['designer']), await makeUser(['viewer']), await makeUser(['admin']), await makeUser(['press-office'])]
    const before = await snapshotCounts()
    for (const intruder of intruders) {
      expect((await add(intruder, ref, lineForm())).status).toBe(403)
      const edit = await callAction(editLine.action, `/campaigns/${ref}/lines/${id}/edit`, { cookie: intruder.cookie, params: { ref, lineId: id }, form: lineForm({}, { version: '1' }) })
      expect(edit.status).toBe(403)
      const remove = await callAction(removeLinePage.action, `/campaigns/${ref}/lines/${id}/remove`, { cookie: intruder.cookie, params: { ref, lineId: id }, form: { version: '1' } })
      expect(remove.status).toBe(403)
      const move = await callAction(linesPage.action, `/campaigns/${ref}/lines`, {
        cookie: intruder.cookie,
        params: { ref },
        form: { intent: 'move', lineId: second, version: '1', direction: 'up', above: id },
      })
      expect(move.status).toBe(403)
    }
    expect(await snapshotCounts()).toEqual(before)
    expect((await listLines(db, campaign.id)).map((l) => l.id)).toEqual([id, second])
  })

  it('refuses changes once the campaign has launched, saying why', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner, {}, { status: 'launched' })
    const result = await add(owner, ref, lineForm())
    expect(result.status).toBe(403)
    expect(result.data).toMatch(/has been launched/)
    const page = await callLoader(linesPage.loader, `/campaigns/${ref}/lines`, { cookie: owner.cookie, params: { ref } })
    expect(page.data.canEdit).toBe(false)
  })
})
