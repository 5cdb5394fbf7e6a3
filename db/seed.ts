// The demo workspace: one user per role and campaigns in every state, built through the same model
// functions the app uses, so the demo's audit trail and versions are real.
import type { CampaignStatus } from '../app/campaign/options'
import { createCampaign } from '../app/models/campaign.server'
import { createUser } from '../app/models/user.server'
import type { CampaignInput } from '../app/schemas/campaign'
import { todayIso } from '../app/utils/clock.server'
import type { Db } from '../app/utils/db.server'
import type { Role, SessionUser } from '../app/utils/roles'
import { seedDemoForecasts, seedDemoHelplines } from './seed-forecast'

export const DEMO_USERS: { email: string; name: string; roles: Role[] }[] = [
  { email: 'designer@example.gov.uk', name: 'Sam Okafor', roles: ['designer'] },
  { email: 'designer2@example.gov.uk', name: 'Priya Shah', roles: ['designer'] },
  { email: 'customer-services@example.gov.uk', name: 'Helen Marsh', roles: ['customer-services'] },
  { email: 'debt-management@example.gov.uk', name: 'Tom Reid', roles: ['debt-management'] },
  { email: 'press-office@example.gov.uk', name: 'Aisha Khan', roles: ['press-office'] },
  { email: 'viewer@example.gov.uk', name: 'Chris Doyle', roles: ['viewer'] },
  { email: 'admin@example.gov.uk', name: 'Alex Morgan', roles: ['admin'] },
]

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

interface DemoCampaign {
  owner: string
  coOwners?: string[]
  status: CampaignStatus
  launchInDays: number
  input: Omit<CampaignInput, 'launchDate' | 'coOwners'>
}

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
  },
  {
    owner: 'designer2@example.gov.uk',
    status: 'launched',
    launchInDays: -20,
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
  for (const demo of DEMO_CAMPAIGNS) {
    const owner = users.get(demo.owner)!
    const ref = await createCampaign(
      db,
      {
        ...demo.input,
        launchDate: addDays(today, demo.launchInDays),
        coOwners: (demo.coOwners ?? []).map((email) => users.get(email)!.id),
      },
      owner,
      { status: demo.status },
    )
    refs.push(`${ref} (${demo.status})`)
  }
  await seedDemoHelplines(db, users.get('admin@example.gov.uk')!)
  // After everything else, so that every demo message is there to forecast.
  await seedDemoForecasts(db, [...users.values()])
  return { users: [...users.keys()], campaigns: refs }
}
