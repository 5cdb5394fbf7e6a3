import { describe, expect, it } from 'vitest'
import * as scriptsPage from '../../app/routes/campaigns.$ref.scripts._index'
import * as scriptPage from '../../app/routes/campaigns.$ref.scripts.$callType._index'
import * as removeScriptPage from '../../app/routes/campaigns.$ref.scripts.$callType.remove'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import { standardScript, type ScriptSections } from '../../app/content'
import { listScripts, saveScript } from '../../app/models/script.server'
import { db } from '../../app/utils/db.server'
import { makeCampaign, makeUser, type TestUser } from '../support/factories'
import { campaignByRef, snapshotCounts } from '../support/lines'
import { callAction, callLoader } from '../support/routes'

async function setUp(overrides: Parameters<typeof makeCampaign>[1] = {}) {
  const owner = await makeUser(['designer'], 'Owner')
  const ref = await makeCampaign(owner, overrides)
  return { owner, ref, campaign: await campaignByRef(ref) }
}

const open = (user: TestUser, ref: string, callType: string) =>
  callLoader(scriptPage.loader, `/campaigns/${ref}/scripts/${callType}`, { cookie: user.cookie, params: { ref, callType } })

const save = (user: TestUser, ref: string, callType: string, sections: Partial<ScriptSections>, version: string) =>
  callAction(scriptPage.action, `/campaigns/${ref}/scripts/${callType}`, {
    cookie: user.cookie,
    params: { ref, callType },
    form: { ...(sections as Record<string, string>), version },
  })

const ruleIds = (findings: { id: string }[]) => findings.map((f) => f.id)

describe('a new script', () => {
  it('starts from the DMBM510330 wording for its call type and the campaign’s reference', async () => {
    const { owner, ref } = await setUp({ referenceType: 'nino' })
    const inbound = await open(owner, ref, 'inbound')
    expect(inbound.status).toBe(200)
    expect(inbound.data.script).toBeNull()
    expect(inbound.data.values.opening.startsWith('Good morning/afternoon/evening, Revenue and Customs')).toBe(true)
    const thirdParty = await open(owner, ref, 'third-party')
    expect(thirdParty.data.values).toEqual(standardScript('third-party', 'nino'))
    expect(thirdParty.data.values.body).toContain('quoting their National Insurance Number')
    expect(thirdParty.data.values.body).not.toMatch(/\(\(nino\)\)|\(\(reference\)\)/)
  })

  it('is saved as version 1 with an audit event, and passes its own checks', async () => {
    const { owner, ref, campaign } = await setUp()
    const result = await save(owner, ref, 'inbound', standardScript('inbound', 'utr'), '0')
    expect(result.status).toBe(303)
    expect(result.location).toBe(`/campaigns/${ref}/scripts/inbound?notice=saved`)
    const [script] = await listScripts(db, campaign.id)
    expect(script).toMatchObject({ callType: 'inbound', version: 1, ...standardScript('inbound', 'utr') })
    const shown = await open(owner, ref, 'inbound')
    expect(shown.data.script).toEqual({ id: script!.id, version: 1 })
    expect(shown.data.findings).toEqual([])
    const revision = await db.selectFrom('revision').select(['entity_type', 'version', 'summary', 'snapshot_json']).where('entity_id', '=', script!.id).executeTakeFirstOrThrow()
    expect(revision).toMatchObject({ entity_type: 'script', version: 1, summary: 'Wrote the script' })
    expect(JSON.parse(revision.snapshot_json)).toEqual({ callType: 'inbound', ...standardScript('inbound', 'utr') })
    const audit = await db.selectFrom('audit_event').select(['action', 'summary']).where('entity_id', '=', script!.id).execute()
    expect(audit).toEqual([{ action: 'script.created', summary: 'Wrote the inbound call script' }])
  })
})

describe('checking a script on save', () => {
  it('reports the NINO in a third-party message beside the section, and clears when it is fixed', async () => {
    const { owner, ref, campaign } = await setUp({ referenceType: 'nino' })
    const standard = standardScript('third-party', 'nino')
    const leaky = { ...standard, body: 'Could you please ask ((customer_name)) to return this call on ((helpline_number)) quoting ((nino)).' }
    expect((await save(owner, ref, 'third-party', leaky, '0')).status).toBe(303)
    const shown = await open(owner, ref, 'third-party')
    const errors = shown.data.findings.filter((f: { level: string }) => f.level === 'error')
    expect(errors.map((f: { id: string; location: { field: string } }) => [f.id, f.location.field])).toEqual([
      ['nino-third-party', 'body'],
      ['third-party-reference', 'body'],
    ])
    const tasks = (await callLoader(campaignPage.loader, `/campaigns/${ref}`, { cookie: owner.cookie, params: { ref } })).data.tasks
    expect(tasks.find((t: { id: string }) => t.id === 'scripts')).toMatchObject({ status: 'problem', hint: '1 script has errors to fix: message left with a third party' })
    const list = await callLoader(scriptsPage.loader, `/campaigns/${ref}/scripts`, { cookie: owner.cookie, params: { ref } })
    expect(list.data.rows.find((r: { callType: string }) => r.callType === 'third-party')).toEqual({ callType: 'third-party', written: true, errors: 2, warnings: 0 })

    expect((await save(owner, ref, 'third-party', standard, '1')).status).toBe(303)
    expect((await open(owner, ref, 'third-party')).data.findings).toEqual([])
    expect((await listScripts(db, campaign.id))[0]!.version).toBe(2)
  })

  it('requires the reference that matches the campaign’s reference type in a third-party message', async () => {
    const { owner, ref } = await setUp({ referenceType: 'vrn' })
    const body = 'Could you please ask ((customer_name)) to return this call on ((helpline_number)) quoting reference number ((utr)).'
    await save(owner, ref, 'third-party', { ...standardScript('third-party', 'vrn'), body }, '0')
    const findings = (await open(owner, ref, 'third-party')).data.findings
    expect(ruleIds(findings)).toEqual(['third-party-reference', 'verify-first'])
    expect(findings[0].message).toContain('VAT registration number')
  })

  it('runs each script rule of the data-security checks', async () => {
    const { owner, ref } = await setUp()
    await save(owner, ref, 'inbound', { opening: 'Hello, HMRC. What is ((utr))?', verification: '', body: 'Tell them.', closing: 'Bye.' }, '0')
    expect(ruleIds((await open(owner, ref, 'inbound')).data.findings)).toEqual(['inbound-greeting', 'verify-first', 'verify-first', 'summarise-close'])
    await save(owner, ref, 'outbound', { ...standardScript('outbound', 'utr'), recordingNotice: '' }, '0')
    expect(ruleIds((await open(owner, ref, 'outbound')).data.findings)).toEqual(['recording-notice'])
  })
})

describe('saving a script', () => {
  it('refuses oversized sections and a script with nothing in it, keeping the text', async () => {
    const { owner, ref } = await setUp()
    const before = await snapshotCounts()
    const big = await save(owner, ref, 'outbound', { ...standardScript('outbound', 'utr'), body: 'x'.repeat(10_001) }, '0')
    expect(big.status).toBe(400)
    expect(big.data.errors).toEqual({ body: 'Body must be 10,000 characters or fewer' })
    expect(big.data.values.body).toHaveLength(10_001)
    const empty = await save(owner, ref, 'outbound', { opening: ' ', verification: '', recordingNotice: '', body: '', closing: '' }, '0')
    expect(empty.data.errors).toEqual({ opening: 'Enter the script: every section is empty' })
    expect(await snapshotCounts()).toEqual(before)
  })

  it('refuses a stale save with the user’s text kept and the other version shown', async () => {
    const { owner, ref, campaign } = await setUp()
    await save(owner, ref, 'inbound', standardScript('inbound', 'utr'), '0')
    const theirs = await saveScript(db, { campaignId: campaign.id, callType: 'inbound', version: 1, sections: { ...standardScript('inbound', 'utr'), body: 'Their body' } }, owner)
    expect(theirs.ok).toBe(true)
    const mine = { ...standardScript('inbound', 'utr'), body: 'My body' }
    const stale = await save(owner, ref, 'inbound', mine, '1')
    expect(stale.status).toBe(409)
    expect(stale.data.values.body).toBe('My body')
    expect(stale.data.theirs.body).toBe('Their body')
    expect(stale.data.version).toBe(2)
    expect((await listScripts(db, campaign.id))[0]!.body).toBe('Their body')
  })

  it('refuses to create a script someone else has just created for the same call type', async () => {
    const { owner, ref, campaign } = await setUp()
    await save(owner, ref, 'outdoor', standardScript('outdoor', 'utr'), '0')
    const second = await save(owner, ref, 'outdoor', { ...standardScript('outdoor', 'utr'), body: 'Mine' }, '0')
    expect(second.status).toBe(409)
    expect(second.data.values.body).toBe('Mine')
    expect(await listScripts(db, campaign.id)).toHaveLength(1)
  })

  it('records the sections that changed in the revision and the audit trail', async () => {
    const { owner, ref, campaign } = await setUp()
    await save(owner, ref, 'outbound', standardScript('outbound', 'utr'), '0')
    await save(owner, ref, 'outbound', { ...standardScript('outbound', 'utr'), body: 'About your rental income.' }, '1')
    const [script] = await listScripts(db, campaign.id)
    const revisions = await db.selectFrom('revision').select(['version', 'summary']).where('entity_id', '=', script!.id).orderBy('version').execute()
    expect(revisions).toEqual([
      { version: 1, summary: 'Wrote the script' },
      { version: 2, summary: 'Changed the body' },
    ])
    const audit = await db.selectFrom('audit_event').select(['summary', 'before_json', 'after_json']).where('entity_id', '=', script!.id).orderBy('id').execute()
    expect(audit[1]!.summary).toBe('Changed the body of the outbound call script')
    expect(JSON.parse(audit[1]!.after_json!)).toEqual({ body: 'About your rental income.' })
  })

  it('keeps script text exactly as typed, markup included', async () => {
    const { owner, ref } = await setUp()
    const body = '<script>alert("x")</script> <b>bold</b> & ((amount))'
    await save(owner, ref, 'outbound', { ...standardScript('outbound', 'utr'), body }, '0')
    expect((await open(owner, ref, 'outbound')).data.values.body).toBe(body)
  })

  it('gives 404 for a call type that does not exist', async () => {
    const { owner, ref } = await setUp()
    expect((await open(owner, ref, 'carrier-pigeon')).status).toBe(404)
    expect((await save(owner, ref, '__proto__', standardScript('inbound', 'utr'), '0')).status).toBe(404)
  })
})

describe('removing a script', () => {
  it('asks for confirmation, removes it with an audit event, and refuses a stale version', async () => {
    const { owner, ref, campaign } = await setUp()
    await save(owner, ref, 'answering-machine', standardScript('answering-machine', 'utr'), '0')
    await save(owner, ref, 'answering-machine', { ...standardScript('answering-machine', 'utr'), closing: 'To confirm, thank you.' }, '1')
    const confirm = await callLoader(removeScriptPage.loader, `/campaigns/${ref}/scripts/answering-machine/remove`, { cookie: owner.cookie, params: { ref, callType: 'answering-machine' } })
    expect(confirm.data).toMatchObject({ callType: 'answering-machine', version: 2 })
    const remove = (version: string) =>
      callAction(removeScriptPage.action, `/campaigns/${ref}/scripts/answering-machine/remove`, { cookie: owner.cookie, params: { ref, callType: 'answering-machine' }, form: { version } })
    const stale = await remove('1')
    expect(stale.status).toBe(409)
    expect(stale.data.version).toBe(2)
    expect(await listScripts(db, campaign.id)).toHaveLength(1)
    const done = await remove('2')
    expect(done.location).toBe(`/campaigns/${ref}/scripts?notice=removed`)
    expect(await listScripts(db, campaign.id)).toEqual([])
    expect((await db.selectFrom('audit_event').select('action').where('campaign_id', '=', campaign.id).orderBy('id', 'desc').executeTakeFirstOrThrow()).action).toBe('script.removed')
    expect((await remove('2')).status).toBe(303)
    const gone = await callLoader(removeScriptPage.loader, `/campaigns/${ref}/scripts/answering-machine/remove`, { cookie: owner.cookie, params: { ref, callType: 'answering-machine' } })
    expect(gone.status).toBe(404)
  })
})

describe('who may see and change scripts', () => {
  it('lets anyone who can read the campaign see a script, but only its authors save it', async () => {
    const { owner, ref, campaign } = await setUp()
    await save(owner, ref, 'inbound', standardScript('inbound', 'utr'), '0')
    const others = [await makeUser(['designer']), await makeUser(['viewer']), await makeUser(['customer-services']), await makeUser(['admin'])]
    const before = await snapshotCounts()
    for (const other of others) {
      const shown = await open(other, ref, 'inbound')
      expect(shown.status).toBe(200)
      expect(shown.data.canEdit).toBe(false)
      expect((await save(other, ref, 'inbound', { ...standardScript('inbound', 'utr'), body: 'Hijacked' }, '1')).status).toBe(403)
      const remove = await callAction(removeScriptPage.action, `/campaigns/${ref}/scripts/inbound/remove`, { cookie: other.cookie, params: { ref, callType: 'inbound' }, form: { version: '1' } })
      expect(remove.status).toBe(403)
    }
    expect(await snapshotCounts()).toEqual(before)
    expect((await listScripts(db, campaign.id))[0]!.version).toBe(1)
  })
})
