// The demo workspace: one user per role and campaigns in every state, built through the same model
// functions the app uses, so the demo's audit trail and versions are real.
import type { CampaignStatus } from '../campaign/options'
import { createCampaign, getCampaignByRef } from '../models/campaign.server'
import { addCampaignField } from '../models/campaign-field.server'
import { createMessage } from '../models/message.server'
import type { MessageFormInput } from '../schemas/message'
import { createUser } from '../models/user.server'
import type { CampaignInput } from '../schemas/campaign'
import { todayIso } from '../utils/clock.server'
import type { Db } from '../utils/db.server'
import type { Role, SessionUser } from '../utils/roles'
import { seedDemoHandling } from './seed-lines.server'
import { seedDemoForecasts, seedDemoHelplines } from './seed-forecast.server'
import { seedDemoActuals } from './seed-actuals.server'
import { seedDemoSignOffs, type DemoSignOff } from './seed-signoff.server'
import { seedDemoWelsh } from './seed-welsh.server'

export const DEMO_USERS: { email: string; name: string; roles: Role[] }[] = [
  { email: 'designer@example.gov.uk', name: 'Sam Okafor', roles: ['designer'] },
  { email: 'designer2@example.gov.uk', name: 'Priya Shah', roles: ['designer'] },
  { email: 'customer-services@example.gov.uk', name: 'Helen Marsh', roles: ['customer-services'] },
  { email: 'debt-management@example.gov.uk', name: 'Tom Reid', roles: ['debt-management'] },
  { email: 'press-office@example.gov.uk', name: 'Aisha Khan', roles: ['press-office'] },
  { email: 'welsh-language-services@example.gov.uk', name: 'Rhian Evans', roles: ['welsh-language-services'] },
  { email: 'viewer@example.gov.uk', name: 'Chris Doyle', roles: ['viewer'] },
  { email: 'admin@example.gov.uk', name: 'Alex Morgan', roles: ['admin'] },
]

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

interface DemoMessage extends Omit<MessageFormInput, 'waves'> {
  /** Each wave's send date, in days after the campaign's launch date. */
  waves: { afterLaunch: number; volume: number }[]
}

interface DemoCampaign {
  owner: string
  coOwners?: string[]
  status: CampaignStatus
  launchInDays: number
  input: Omit<CampaignInput, 'launchDate' | 'coOwners'>
  customFields?: string[]
  messages?: DemoMessage[]
}

const LETTER_ADDRESS = '((customer_name))\n((address_line_1))\n((address_line_2))\n((address_line_3))\n((address_line_4))\n((postcode))'
const HELPLINE_CLOSE = 'If you have any questions, call us on ((helpline_number)). We’re open ((helpline_hours)).'

const letter = (name: string, body: string, waves: DemoMessage['waves'], extra: Partial<DemoMessage> = {}): DemoMessage => ({
  channel: 'letter',
  name,
  referenceType: 'utr',
  subject: null,
  body,
  addressBlock: LETTER_ADDRESS,
  postage: 'second',
  deadlineDays: 30,
  waves,
  ...extra,
})

const RESPONSE_PROCESS_SA =
  'Customers who reply with extra information send it to the Self Assessment compliance mailbox (or by post to the campaign address). ' +
  'The campaign team triages replies within 5 working days and records each one against the customer’s record.'

const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    owner: 'designer@example.gov.uk',
    coOwners: ['designer2@example.gov.uk'],
    status: 'draft',
    launchInDays: 75,
    input: {
      name: 'Cryptoasset disposals not reported for 2024 to 2025',
      regime: 'capital-gains',
      objective: 'Prompt customers who disposed of cryptoassets in 2024 to 2025 to check whether they owe Capital Gains Tax and to tell us about any gains.',
      targetPopulation: 'Individuals identified from exchange data as having disposed of cryptoassets worth more than £50,000 who have not reported a gain.',
      populationSize: 180_000,
      nation: 'england-and-wales',
      referenceType: 'utr',
      responseSought: 'sought',
      responseProcess: RESPONSE_PROCESS_SA,
      extraLiability: true,
      liabilityCustomers: 45_000,
      liabilityAveragePence: 185_000,
      pressInform: true,
      pressReason: null,
    },
    customFields: ['has_agent'],
    messages: [
      letter(
        'Cryptoasset gains letter',
        'Dear ((customer_name))\n\nUnique Taxpayer Reference: ((reference))\n\nCheck your Capital Gains Tax on cryptoasset disposals\n\n' +
          'We have information that you disposed of cryptoassets in the 2024 to 2025 tax year. You may need to pay Capital Gains Tax on any gain you made.\n\n' +
          'Please check whether you need to tell us about a gain, and do so within 30 days of the date of this letter. You can find out how at www.gov.uk/tax-on-cryptoassets.\n\n' +
          '((has_agent??We have sent a copy of this letter to your tax agent.))\n\n' +
          HELPLINE_CLOSE,
        [
          { afterLaunch: 0, volume: 90_000 },
          { afterLaunch: 14, volume: 90_000 },
        ],
      ),
      {
        channel: 'email',
        name: 'Cryptoasset gains email',
        referenceType: 'utr',
        subject: 'Check your Capital Gains Tax on cryptoassets',
        body:
          'Dear ((customer_name))\n\nWe think you may need to tell us about gains you made on cryptoassets in the 2024 to 2025 tax year.\n\n' +
          'Find out what to do at www.gov.uk/tax-on-cryptoassets. We will never ask for your bank details by email.\n\nHM Revenue and Customs',
        addressBlock: null,
        postage: null,
        deadlineDays: null,
        waves: [{ afterLaunch: 28, volume: 60_000 }],
      },
    ],
  },
  {
    owner: 'designer@example.gov.uk',
    status: 'awaiting-sign-off',
    launchInDays: 40,
    input: {
      name: 'Rental income missing from Self Assessment returns',
      regime: 'self-assessment',
      objective: 'Nudge landlords whose Land Registry and letting-agent data suggest rental income that is missing from their return to amend it.',
      targetPopulation: 'Self Assessment customers with letting-agent data showing rent received of more than £10,000 and no property pages on their return.',
      populationSize: 320_000,
      // 3% asked HMRC to write to them in Welsh: the demo's Welsh campaign.
      welshCustomers: 9_600,
      nation: 'england-and-wales',
      referenceType: 'utr',
      responseSought: 'possible',
      responseProcess: RESPONSE_PROCESS_SA,
      extraLiability: true,
      liabilityCustomers: 60_000,
      liabilityAveragePence: 92_000,
      pressInform: true,
      pressReason: null,
    },
    messages: [
      letter(
        'Rental income letter',
        'Dear ((customer_name))\n\nUnique Taxpayer Reference: ((reference))\n\nYour ((tax_year)) Self Assessment return may be missing rental income\n\n' +
          'Information from letting agents shows that you received rent from a property. Your Self Assessment return for ((tax_year)) does not include any property income.\n\n' +
          'If you need to, please amend your return within 30 days of the date of this letter. If you think your return is correct, you do not need to do anything.\n\n' +
          HELPLINE_CLOSE,
        [
          { afterLaunch: 0, volume: 160_000 },
          { afterLaunch: 7, volume: 160_000 },
        ],
      ),
      {
        channel: 'sms',
        name: 'Rental income reminder text',
        referenceType: 'utr',
        subject: null,
        body: 'HMRC: we wrote to you about rental income missing from your tax return. Please act by the date in our letter. We never ask for bank details by text.',
        addressBlock: null,
        postage: null,
        deadlineDays: null,
        waves: [{ afterLaunch: 21, volume: 120_000 }],
      },
    ],
  },
  {
    owner: 'designer2@example.gov.uk',
    status: 'approved',
    launchInDays: 21,
    input: {
      name: 'High Income Child Benefit Charge awareness',
      regime: 'paye',
      objective: 'Remind PAYE customers whose income has risen above £60,000 that they may need to pay the High Income Child Benefit Charge, and how to do it through their tax code.',
      targetPopulation: 'PAYE employees with a partner in receipt of Child Benefit and adjusted net income above £60,000.',
      populationSize: 95_000,
      nation: 'scotland',
      referenceType: 'nino',
      responseSought: 'possible',
      responseProcess: 'Customers update their details through their personal tax account; any information sent by post goes to PAYE compliance, who record it within 10 working days.',
      extraLiability: false,
      liabilityCustomers: null,
      liabilityAveragePence: null,
      pressInform: false,
      pressReason: 'A routine yearly reminder with no new policy; the Press Office agreed it needs no media handling.',
    },
    messages: [
      {
        channel: 'online',
        name: 'Personal tax account message',
        referenceType: 'nino',
        subject: null,
        body:
          'You may need to pay the High Income Child Benefit Charge\n\nYour income for ((tax_year)) may be over £60,000, and you or your partner get Child Benefit. ' +
          'You can pay the charge through your tax code. Check your income and update your details in this account.',
        addressBlock: null,
        postage: null,
        deadlineDays: null,
        waves: [{ afterLaunch: 0, volume: 95_000 }],
      },
      {
        channel: 'sms',
        name: 'Prompt to check the account',
        referenceType: 'nino',
        subject: null,
        body: 'HMRC: there is a new message about Child Benefit in your personal tax account. Sign in at www.gov.uk/personal-tax-account. We will never ask for bank details by text.',
        addressBlock: null,
        postage: null,
        deadlineDays: null,
        waves: [{ afterLaunch: 1, volume: 95_000 }],
      },
    ],
  },
  {
    owner: 'designer2@example.gov.uk',
    status: 'launched',
    // Launched six weeks ago, so its calls have nearly all come in: the demo shows actuals against the forecast.
    launchInDays: -42,
    input: {
      name: 'VAT registration threshold for online sellers',
      regime: 'vat',
      objective: 'Tell online marketplace sellers whose sales passed the VAT registration threshold that they may need to register for VAT.',
      targetPopulation: 'Sellers reported by digital platforms with taxable turnover above £90,000 in a rolling 12 months and no VAT registration.',
      populationSize: 42_000,
      nation: 'england-and-wales',
      referenceType: 'utr',
      responseSought: 'sought',
      responseProcess: 'Sellers register online; anyone who writes in is routed to the VAT registration team, who log the contact and reply within 15 working days.',
      extraLiability: true,
      liabilityCustomers: 8_000,
      liabilityAveragePence: 410_000,
      pressInform: true,
      pressReason: null,
    },
    messages: [
      letter(
        'VAT registration letter',
        'Dear ((customer_name))\n\nUnique Taxpayer Reference: ((reference))\n\nYou may need to register for VAT\n\n' +
          'Online marketplaces have told us about your sales. Your taxable turnover for the last 12 months appears to be more than the £90,000 VAT registration threshold.\n\n' +
          'If it is, you must register for VAT. Please check and, if you need to, register within 30 days of the date of this letter at www.gov.uk/register-for-vat.\n\n' +
          HELPLINE_CLOSE,
        [
          { afterLaunch: 0, volume: 21_000 },
          { afterLaunch: 7, volume: 21_000 },
        ],
        { postage: 'first' },
      ),
    ],
  },
  {
    owner: 'designer@example.gov.uk',
    coOwners: ['designer2@example.gov.uk'],
    status: 'draft',
    launchInDays: 120,
    input: {
      name: 'Research and Development relief claims check',
      regime: 'corporation-tax',
      objective: 'Ask companies with R&D relief claims that look unusual to review their claim and amend it if it was wrong.',
      targetPopulation: 'Small and medium-sized companies that claimed R&D relief for the first time in the last two accounting periods through a claim agent.',
      populationSize: 12_500,
      nation: 'england-and-wales',
      referenceType: 'ctutr',
      responseSought: 'sought',
      responseProcess: 'Companies send amended returns online; supporting information goes to the R&D compliance team, who acknowledge it within 5 working days.',
      extraLiability: true,
      liabilityCustomers: 3_000,
      liabilityAveragePence: 2_400_000,
      pressInform: true,
      pressReason: null,
    },
    messages: [
      letter(
        'R&D claim review letter',
        'Dear ((customer_name))\n\nCorporation Tax UTR: ((ct_utr))\n\nPlease review your Research and Development relief claim\n\n' +
          'Your company claimed Research and Development relief for the first time in its last two accounting periods. Some claims like yours have included costs that do not qualify.\n\n' +
          'Please check your claim against the guidance at www.gov.uk/guidance/corporation-tax-research-and-development-tax-relief and amend your Company Tax Return if you need to.\n\n' +
          HELPLINE_CLOSE,
        [{ afterLaunch: 0, volume: 12_500 }],
        { referenceType: 'ctutr', postage: 'first', deadlineDays: 60 },
      ),
    ],
  },
  {
    owner: 'designer2@example.gov.uk',
    status: 'closed',
    launchInDays: -160,
    input: {
      name: 'Marketplace sellers: Self Assessment reminder',
      regime: 'self-assessment',
      objective: 'Remind individuals selling through online platforms that trading income over £1,000 may need to be reported on a Self Assessment return.',
      targetPopulation: 'Individuals reported by digital platforms with more than 30 sales or over £1,700 of sales, who are not in Self Assessment.',
      populationSize: 250_000,
      nation: 'northern-ireland',
      referenceType: 'nino',
      responseSought: 'none',
      responseProcess: 'No response is asked for. Any information that customers send is passed to the Self Assessment registration team.',
      extraLiability: false,
      liabilityCustomers: null,
      liabilityAveragePence: null,
      pressInform: true,
      pressReason: null,
    },
  },
]

export async function seedDemoWorkspace(db: Db, options: { password: string }): Promise<{ users: string[]; campaigns: string[] }> {
  const users = new Map<string, SessionUser>()
  for (const demo of DEMO_USERS) {
    const id = await createUser(db, { ...demo, password: options.password }, null)
    users.set(demo.email, { id, email: demo.email, name: demo.name, roles: demo.roles })
  }
  const today = todayIso()
  const refs: string[] = []
  const progress: DemoSignOff[] = []
  for (const demo of DEMO_CAMPAIGNS) {
    const owner = users.get(demo.owner)!
    // Written as drafts, then taken through sign-off (and launch) the way a user would, below. Only the closed
    // campaign, which this version of the service cannot reach by itself, is created closed.
    const ref = await createCampaign(
      db,
      {
        ...demo.input,
        launchDate: addDays(today, demo.launchInDays),
        coOwners: (demo.coOwners ?? []).map((email) => users.get(email)!.id),
      },
      owner,
      { status: demo.status === 'closed' ? 'closed' : 'draft' },
    )
    await seedMessages(db, ref, demo, owner, addDays(today, demo.launchInDays))
    await seedDemoHandling(db, ref, owner)
    await seedDemoWelsh(db, ref, owner, addDays(today, demo.launchInDays))
    refs.push(`${ref} (${demo.status})`)
    if (demo.status !== 'draft' && demo.status !== 'closed') progress.push({ ref, owner, target: demo.status })
  }
  await seedDemoHelplines(db, users.get('admin@example.gov.uk')!)
  // After everything else, so that every demo message is there to forecast.
  await seedDemoForecasts(db, [...users.values()])
  // Last: sign-off binds to the content as it is, and launch locks it.
  await seedDemoSignOffs(db, progress, users)
  // The launched campaign's calls so far, so a new user sees actuals against the forecast at once.
  await seedDemoActuals(db, users.get('customer-services@example.gov.uk')!)
  return { users: [...users.keys()], campaigns: refs }
}

async function seedMessages(db: Db, ref: string, demo: DemoCampaign, owner: SessionUser, launchDate: string) {
  if (!demo.messages?.length && !demo.customFields?.length) return
  const campaign = await getCampaignByRef(db, ref)
  if (!campaign) throw new Error(`The demo campaign ${ref} was not created`)
  for (const name of demo.customFields ?? []) {
    const added = await addCampaignField(db, { campaignId: campaign.id, name }, owner)
    if (!added.ok) throw new Error(`Could not add the demo custom field ${name}: ${added.reason}`)
  }
  for (const message of demo.messages ?? []) {
    const waves = message.waves.map((w) => ({ sendDate: addDays(launchDate, w.afterLaunch), volume: w.volume }))
    const created = await createMessage(db, { campaignId: campaign.id, values: { ...message, waves } }, owner)
    if (!created.ok) throw new Error(`Could not add the demo message ${message.name}: ${created.reason}`)
  }
}
