import { describe, expect, it } from 'vitest'
import * as history from '../../app/routes/campaigns.$ref.history.$entityType.$entityId._index'
import * as compare from '../../app/routes/campaigns.$ref.history.$entityType.$entityId.compare'
import * as describeEdit from '../../app/routes/campaigns.$ref.describe.edit'
import * as editMessage from '../../app/routes/campaigns.$ref.messages.$id.edit'
import * as deleteMessage from '../../app/routes/campaigns.$ref.messages.$id.delete'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { db } from '../../app/utils/db.server'
import { campaignForm, campaignInput, makeCampaign, makeUser } from '../support/factories'
import { GOOD_ADDRESS, letterInput, makeMessage, messageForm } from '../support/messages'
import { callAction, callLoader } from '../support/routes'

async function campaignWithMessage() {
  const owner = await makeUser(['designer'], 'Sam Owner')
  const ref = await makeCampaign(owner)
  const campaign = (await getCampaignByRef(db, ref))!
  const id = await makeMessage(owner, ref, { addressBlock: `${GOOD_ADDRESS}\n((nino))` })
  const saved = await callAction(editMessage.action, `/campaigns/${ref}/messages/${id}/edit`, {
    cookie: owner.cookie,
    params: { ref, id },
    form: messageForm(letterInput({ postage: 'first' }), { version: '1' }),
  })
  expect(saved.status).toBe(303)
  return { owner, ref, campaign, id }
}

const params = (ref: string, entityType: string, entityId: string) => ({ ref, entityType, entityId })

describe('the history of a message', () => {
  it('lists who changed what and when, for anyone who can read the campaign', async () => {
    const { ref, id } = await campaignWithMessage()
    const viewer = await makeUser(['viewer'])
    const result = await callLoader(history.loader, `/campaigns/${ref}/history/message/${id}`, { cookie: viewer.cookie, params: params(ref, 'message', id) })
    expect(result.status).toBe(200)
    expect(result.data.name).toBe('First letter')
    expect(result.data.backHref).toBe(`/campaigns/${ref}/messages/${id}`)
    expect(result.data.revisions.map((r: { version: number; summary: string; authorName: string }) => [r.version, r.summary, r.authorName])).toEqual([
      [2, 'Changed the address block and the postage class', 'Sam Owner'],
      [1, 'Created the message', 'Sam Owner'],
    ])
  })

  it('compares two versions field by field, with the earlier one on the left whichever way they are asked for', async () => {
    const { ref, id } = await campaignWithMessage()
    for (const query of ['from=1&to=2', 'from=2&to=1']) {
      const result = await callLoader(compare.loader, `/campaigns/${ref}/history/message/${id}/compare?${query}`, {
        cookie: (await makeUser(['customer-services'])).cookie,
        params: params(ref, 'message', id),
      })
      expect(result.status).toBe(200)
      expect(result.data.comparison.left.version).toBe(1)
      expect(result.data.comparison.right.version).toBe(2)
      const diffs = result.data.comparison.diffs
      expect(diffs.map((d: { label: string; kind: string }) => [d.label, d.kind])).toEqual([
        ['Address block', 'changed'],
        ['Postage', 'changed'],
      ])
      expect(diffs[0].rows.at(-1)).toEqual({ kind: 'removed', left: { lineNo: 5, segments: [{ text: '((nino))', kind: 'removed' }] } })
      // Codes are compared in the words users know.
      expect(diffs[1].before).toBe('Second class')
      expect(diffs[1].after).toBe('First class')
    }
  })

  it('refuses missing, unknown or identical versions with errors on the form', async () => {
    const { owner, ref, id } = await campaignWithMessage()
    const run = (query: string) => callLoader(compare.loader, `/campaigns/${ref}/history/message/${id}/compare?${query}`, { cookie: owner.cookie, params: params(ref, 'message', id) })
    expect((await run('')).data.errors).toEqual({ from: 'Select the earlier version to compare', to: 'Select the later version to compare' })
    expect((await run('from=1&to=9')).status).toBe(400)
    expect((await run('from=x&to=1e3')).status).toBe(400)
    expect((await run('from=2&to=2')).data.errors).toEqual({ to: 'Select two different versions to compare' })
  })

  it('keeps the history of a deleted message readable', async () => {
    const { owner, ref, id } = await campaignWithMessage()
    const deleted = await callAction(deleteMessage.action, `/campaigns/${ref}/messages/${id}/delete`, { cookie: owner.cookie, params: { ref, id }, form: { version: '2' } })
    expect(deleted.status).toBe(303)
    const result = await callLoader(history.loader, `/campaigns/${ref}/history/message/${id}`, { cookie: owner.cookie, params: params(ref, 'message', id) })
    expect(result.status).toBe(200)
    expect(result.data.deleted).toMatchObject({ by: owner.email })
    expect(result.data.backHref).toBe(`/campaigns/${ref}/messages`)
    const diff = await callLoader(compare.loader, `/campaigns/${ref}/history/message/${id}/compare?from=1&to=2`, { cookie: owner.cookie, params: params(ref, 'message', id) })
    expect(diff.status).toBe(200)
  })
})

describe('the history of other records', () => {
  it('shows the campaign description’s versions, recorded by the describe task', async () => {
    const owner = await makeUser(['designer'])
    const ref = await makeCampaign(owner)
    const campaign = (await getCampaignByRef(db, ref))!
    const saved = await callAction(describeEdit.action, `/campaigns/${ref}/describe/edit`, {
      cookie: owner.cookie,
      params: { ref },
      form: campaignForm(campaignInput({ objective: 'A sharper objective.', referenceType: 'nino' }), { version: '1' }),
    })
    expect(saved.status).toBe(303)
    const list = await callLoader(history.loader, `/campaigns/${ref}/history/campaign/${campaign.id}`, { cookie: owner.cookie, params: params(ref, 'campaign', campaign.id) })
    expect(list.data.revisions).toHaveLength(2)
    expect(list.data.backHref).toBe(`/campaigns/${ref}/describe`)
    const diff = await callLoader(compare.loader, `/campaigns/${ref}/history/campaign/${campaign.id}/compare?from=1&to=2`, {
      cookie: owner.cookie,
      params: params(ref, 'campaign', campaign.id),
    })
    expect(diff.data.comparison.diffs.map((d: { label: string; before: string; after: string }) => [d.label, d.before, d.after])).toEqual([
      ['Objective', 'Prompt landlords to declare rental income.', 'A sharper objective.'],
      ['Customer reference', 'Unique Taxpayer Reference (UTR)', 'National Insurance number'],
    ])
  })

  it('is not found for a record of another campaign, an unknown record type or an unknown id', async () => {
    const { owner, ref } = await campaignWithMessage()
    const other = await campaignWithMessage()
    const cases: [string, string][] = [
      ['message', other.id],
      ['campaign', other.campaign.id],
      ['users', owner.id],
      ['message', 'not-a-real-id'],
      ['message', '../../etc'],
    ]
    for (const [type, entityId] of cases) {
      const list = await callLoader(history.loader, `/campaigns/${ref}/history/${type}/${entityId}`, { cookie: owner.cookie, params: params(ref, type, entityId) })
      expect(list.status, `${type} ${entityId}`).toBe(404)
      const diff = await callLoader(compare.loader, `/campaigns/${ref}/history/${type}/${entityId}/compare?from=1&to=2`, { cookie: owner.cookie, params: params(ref, type, entityId) })
      expect(diff.status).toBe(404)
    }
  })
})
