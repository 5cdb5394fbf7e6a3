// Factories for sign-off: the people who sign, a campaign with something in every group's scope, and decisions made
// the way the review page makes them (on the hash of the content as it is now).
import { standardScript } from '../../app/content'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { saveDebtTreatment } from '../../app/models/debt-treatment.server'
import { saveForecastSettings } from '../../app/models/forecast.server'
import { createLine } from '../../app/models/line.server'
import { savePressBriefing } from '../../app/models/press-briefing.server'
import { saveScript } from '../../app/models/script.server'
import { decideSignOff, requestSignOff } from '../../app/models/signoff/commands.server'
import { loadSignOffAggregate, scopesOf } from '../../app/models/signoff/aggregate.server'
import type { SignOffGroup } from '../../app/signoff/groups'
import type { Decision } from '../../app/signoff/state'
import { db } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/roles'
import { makeCampaign, makeUser, type TestUser } from './factories'
import { makeHelpline } from './forecast'
import { lineInput } from './lines'
import { makeMessage } from './messages'

export interface SignOffPeople {
  owner: TestUser
  coOwner: TestUser
  otherDesigner: TestUser
  customerServices: TestUser
  customerServices2: TestUser
  debtManagement: TestUser
  debtManagement2: TestUser
  pressOffice: TestUser
  pressOffice2: TestUser
  welshLanguageServices: TestUser
  welshLanguageServices2: TestUser
  viewer: TestUser
  admin: TestUser
  helplineId: string
}

export async function makeSignOffPeople(): Promise<SignOffPeople> {
  const admin = await makeUser(['admin'], 'Alex Admin')
  return {
    owner: await makeUser(['designer'], 'Sam Owner'),
    coOwner: await makeUser(['designer'], 'Priya Co-owner'),
    otherDesigner: await makeUser(['designer'], 'Olu Designer'),
    customerServices: await makeUser(['customer-services'], 'Helen Services'),
    customerServices2: await makeUser(['customer-services'], 'Harry Services'),
    debtManagement: await makeUser(['debt-management'], 'Tom Debt'),
    debtManagement2: await makeUser(['debt-management'], 'Tina Debt'),
    pressOffice: await makeUser(['press-office'], 'Aisha Press'),
    pressOffice2: await makeUser(['press-office'], 'Abe Press'),
    welshLanguageServices: await makeUser(['welsh-language-services'], 'Rhian Gwasanaethau'),
    welshLanguageServices2: await makeUser(['welsh-language-services'], 'Dafydd Gwasanaethau'),
    viewer: await makeUser(['viewer'], 'Vic Viewer'),
    admin,
    helplineId: (await makeHelpline(admin)).id,
  }
}

export interface SignOffCampaign {
  ref: string
  campaignId: string
  messageId: string
  lines: { helpline: string; internal: string; debt: string; press: string }
}

async function line(owner: SessionUser, campaignId: string, values: Parameters<typeof lineInput>[0]): Promise<string> {
  const result = await createLine(db, { campaignId, values: lineInput(values) }, owner)
  if (!result.ok) throw new Error(`Could not add the line: ${result.reason}`)
  return result.id
}

/** A campaign with extra liability and press interest, and content in every scope: ready to ask for sign-off. */
export async function makeSignOffCampaign(people: SignOffPeople, overrides: { extraLiability?: boolean; pressInform?: boolean } = {}): Promise<SignOffCampaign> {
  const { owner } = people
  const extraLiability = overrides.extraLiability ?? true
  const pressInform = overrides.pressInform ?? true
  const ref = await makeCampaign(owner, {
    coOwners: [people.coOwner.id],
    extraLiability,
    liabilityCustomers: extraLiability ? 12_000 : null,
    liabilityAveragePence: extraLiability ? 85_000 : null,
    pressInform,
    pressReason: pressInform ? null : 'A routine reminder.',
  })
  const campaign = (await getCampaignByRef(db, ref))!
  const messageId = await makeMessage(owner, ref)
  const lines = {
    helpline: await line(owner, campaign.id, { audience: 'helpline', standardQuestion: 'why-sent' }),
    internal: await line(owner, campaign.id, { audience: 'internal', question: 'Who handles complaints?', answer: 'The campaign owner.' }),
    debt: await line(owner, campaign.id, { audience: 'debt-management', standardQuestion: 'time-to-pay', question: 'I cannot pay.', answer: 'Ask for a payment plan.' }),
    press: await line(owner, campaign.id, { audience: 'press', question: 'Is HMRC targeting landlords?', answer: 'HMRC writes to some landlords.' }),
  }
  const script = await saveScript(db, { campaignId: campaign.id, callType: 'inbound', version: 0, sections: standardScript('inbound', campaign.referenceType) }, owner)
  if (!script.ok) throw new Error('Could not save the script')
  if (extraLiability) await saveDebtTreatment(db, { campaignId: campaign.id, version: 0, specialTreatment: 'Payment plans of up to 12 months.' }, owner)
  if (pressInform) await savePressBriefing(db, { campaignId: campaign.id, version: 0, launchDateTold: campaign.plannedLaunchDate }, owner)
  const forecast = await saveForecastSettings(
    db,
    {
      campaignId: campaign.id,
      version: 0,
      settings: {
        contactRates: { low: 5, central: 8, high: 12 },
        responseCurves: {},
        deadlineBump: { sharePercent: 15, workingDays: 5 },
        messages: { [messageId]: { delayOverrideDays: null, split: { [people.helplineId]: 100 } } },
      },
    },
    owner,
  )
  if (!forecast.ok) throw new Error(`Could not save the forecast: ${forecast.reason}`)
  return { ref, campaignId: campaign.id, messageId, lines }
}

/** The hash the review page would show now. */
export async function currentHash(campaignId: string, group: SignOffGroup): Promise<string> {
  return scopesOf((await loadSignOffAggregate(db, campaignId))!)[group].hash
}

export async function decide(user: SessionUser, campaignId: string, group: SignOffGroup, decision: Decision = 'approved', comment: string | null = null) {
  return decideSignOff(db, { campaignId, group, reviewedHash: await currentHash(campaignId, group), decision, comment: decision === 'approved' ? comment : (comment ?? 'Please change it.') }, user)
}

export const GROUP_MEMBER: Record<SignOffGroup, keyof SignOffPeople> = {
  'customer-services': 'customerServices',
  'debt-management': 'debtManagement',
  'press-office': 'pressOffice',
  'welsh-language-services': 'welshLanguageServices',
}

/** Asks for sign-off and has one member of each required group approve: the campaign is then "approved". */
export async function approveAll(people: SignOffPeople, campaign: SignOffCampaign, groups: SignOffGroup[] = ['customer-services', 'debt-management', 'press-office']) {
  const asked = await requestSignOff(db, { campaignId: campaign.campaignId }, people.owner)
  if (!asked.ok) throw new Error(`Could not ask for sign-off: ${asked.reason}`)
  for (const group of groups) {
    const result = await decide(people[GROUP_MEMBER[group]] as TestUser, campaign.campaignId, group)
    if (!result.ok) throw new Error(`${group} could not approve: ${result.reason}`)
  }
}

export async function statusOf(campaignId: string): Promise<string> {
  return (await db.selectFrom('campaign').select('status').where('id', '=', campaignId).executeTakeFirstOrThrow()).status
}

export async function decisionCount(campaignId?: string): Promise<number> {
  let query = db.selectFrom('sign_off_decision').select((eb) => eb.fn.countAll<number>().as('n'))
  if (campaignId) query = query.where('campaign_id', '=', campaignId)
  return Number((await query.executeTakeFirstOrThrow()).n)
}
