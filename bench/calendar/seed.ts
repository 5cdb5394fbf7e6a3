// 1,000 campaigns for the calendar benchmark, written through the app's own model functions (so each has its
// versions, audit trail and stored arrivals, as real ones would), spread over two years and every regime.
import type { CampaignStatus, Regime } from '../../app/campaign/options'
import { createCampaign, getCampaignByRef } from '../../app/models/campaign.server'
import { saveForecastSettings } from '../../app/models/forecast.server'
import { listHelplines } from '../../app/models/helpline.server'
import { createLine } from '../../app/models/line.server'
import { createMessage } from '../../app/models/message.server'
import { requestSignOff } from '../../app/models/signoff/commands.server'
import type { MessageFormInput } from '../../app/schemas/message'
import type { Db } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/roles'

/** A small deterministic generator, so every run seeds the same campaigns. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

const REGIMES: [Regime, number][] = [
  ['self-assessment', 0.35],
  ['paye', 0.2],
  ['vat', 0.2],
  ['corporation-tax', 0.1],
  ['capital-gains', 0.1],
  ['other', 0.05],
]

const MAIN_HELPLINE: Record<Regime, string> = {
  'self-assessment': 'Self Assessment helpline',
  paye: 'PAYE and Income Tax helpline',
  vat: 'VAT helpline',
  'corporation-tax': 'Self Assessment helpline',
  'capital-gains': 'Self Assessment helpline',
  other: 'Self Assessment helpline',
}

const BODY = 'Dear ((customer_name))\n\nYour reference: ((reference))\n\nOur records suggest your return may be missing income. Please check it.'

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  let r = rand()
  for (const [value, weight] of weighted) {
    if ((r -= weight) < 0) return value
  }
  return weighted[weighted.length - 1]![0]
}

export interface SeedOptions {
  /** Lines to take added to each campaign before its status is set (the load benchmark's campaigns have some). */
  linesPerCampaign?: number
  /**
   * Put "awaiting sign-off" campaigns forward through requestSignOff, as their owner would, so that the sign-off
   * inbox lists them and decisions can be made on them; otherwise the status is only written to the row.
   */
  askSignOff?: boolean
  /** Owners taken in turn, so that several designers each author a share; `owner` alone when not given. */
  owners?: SessionUser[]
}

export interface SeededCampaigns {
  count: number
  byStatus: Record<string, number>
  byHelpline: Record<string, number>
}

/** Seeds `count` campaigns launching from a year ago to a year ahead of `today`; returns what it made. */
export async function seedBenchCampaigns(db: Db, owner: SessionUser, today: string, count = 1000, options: SeedOptions = {}): Promise<SeededCampaigns> {
  const rand = random(20270301)
  const helplines = new Map((await listHelplines(db)).map((h) => [h.name, h.id]))
  const payment = helplines.get('Payment Support Service')!
  const byStatus: Record<string, number> = {}
  const byHelpline: Record<string, number> = {}
  for (let i = 0; i < count; i++) {
    const author = options.owners?.length ? options.owners[i % options.owners.length]! : owner
    const regime = pick(rand, REGIMES)
    const launchIn = Math.floor(rand() * 730) - 365
    const launchDate = addDays(today, launchIn)
    const extraLiability = rand() < 0.3
    const status: CampaignStatus =
      launchIn < -60 ? (rand() < 0.5 ? 'closed' : 'launched') : launchIn < 0 ? 'launched' : pick(rand, [['draft', 0.45], ['awaiting-sign-off', 0.25], ['approved', 0.3]] as [CampaignStatus, number][])
    const ref = await createCampaign(
      db,
      {
        name: `Benchmark campaign ${i + 1}`,
        regime,
        objective: 'Prompt customers to check their return.',
        targetPopulation: 'Customers whose third-party data does not match their return.',
        populationSize: 100_000,
        launchDate,
        nation: rand() < 0.85 ? 'england-and-wales' : rand() < 0.6 ? 'scotland' : 'northern-ireland',
        referenceType: 'utr',
        responseSought: 'possible',
        responseProcess: 'Replies are logged within 5 working days.',
        extraLiability,
        liabilityCustomers: extraLiability ? 1_000 : null,
        liabilityAveragePence: extraLiability ? 50_000 : null,
        pressInform: true,
        pressReason: null,
        coOwners: [],
      },
      author,
    )
    const campaign = (await getCampaignByRef(db, ref))!
    const shape = rand()
    const messages: MessageFormInput[] = []
    const waves = (n: number, volume: number) => Array.from({ length: n }, (_, w) => ({ sendDate: addDays(launchDate, w * 7), volume }))
    const letter: MessageFormInput = {
      channel: 'letter',
      name: 'Letter',
      referenceType: 'utr',
      subject: null,
      body: BODY,
      addressBlock: '((customer_name))\n((address_line_1))\n((postcode))',
      postage: 'second',
      deadlineDays: rand() < 0.5 ? 30 : null,
      waves: waves(1 + Math.floor(rand() * 3), 5_000 + Math.floor(rand() * 100_000)),
    }
    if (shape < 0.6) messages.push(letter)
    else if (shape < 0.85) messages.push(letter, { ...letter, channel: 'sms', name: 'Text', addressBlock: null, postage: null, deadlineDays: null, body: 'HMRC: please check your tax return.', waves: waves(1, 20_000) })
    else messages.push({ ...letter, channel: 'email', name: 'Email', subject: 'Check your tax return', addressBlock: null, postage: null, deadlineDays: null })
    const ids: string[] = []
    for (const values of messages) {
      const created = await createMessage(db, { campaignId: campaign.id, values }, author)
      if (!created.ok) throw new Error(`benchmark message refused: ${created.reason}`)
      ids.push(created.id)
    }
    const main = helplines.get(MAIN_HELPLINE[regime])!
    const split: Record<string, number> = extraLiability ? { [main]: 85, [payment]: 15 } : { [main]: 100 }
    const saved = await saveForecastSettings(
      db,
      {
        campaignId: campaign.id,
        version: 0,
        settings: {
          contactRates: { low: 4, central: 7, high: 11 },
          responseCurves: {},
          deadlineBump: { sharePercent: 15, workingDays: 5 },
          messages: Object.fromEntries(ids.map((id) => [id, { delayOverrideDays: null, split }])),
        },
      },
      author,
    )
    if (!saved.ok) throw new Error(`benchmark forecast refused: ${saved.reason}`)
    for (let n = 0; n < (options.linesPerCampaign ?? 0); n++) {
      const line = await createLine(
        db,
        {
          campaignId: campaign.id,
          values: { audience: 'helpline', standardQuestion: null, question: `Why have I had this letter? (${n + 1})`, answer: 'We have information suggesting your return may be missing income. Check it and tell us.' },
        },
        author,
      )
      if (!line.ok) throw new Error(`benchmark line refused: ${line.reason}`)
    }
    if (status === 'awaiting-sign-off' && options.askSignOff) {
      const asked = await requestSignOff(db, { campaignId: campaign.id }, author)
      if (!asked.ok) throw new Error(`benchmark sign-off request refused: ${asked.reason}`)
    } else if (status !== 'draft') await db.updateTable('campaign').set({ status }).where('id', '=', campaign.id).execute()
    byStatus[status] = (byStatus[status] ?? 0) + 1
    for (const name of [MAIN_HELPLINE[regime], ...(extraLiability ? ['Payment Support Service'] : [])]) byHelpline[name] = (byHelpline[name] ?? 0) + 1
  }
  return { count, byStatus, byHelpline }
}
