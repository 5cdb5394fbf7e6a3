// The demo workspace's helplines, and forecast inputs for any demo campaign that has messages, created
// through the same model functions the app uses (so their versions and audit trail are real).
// The figures are illustrative planning values, not HMRC's published helpline statistics.
import type { Regime } from '../campaign/options'
import { channelsUsed } from '../forecast/settings'
import { profileFrom, STARTER_PROFILE_08_18, type HelplineSettings } from '../helplines/helpline'
import { getForecastSettings, listForecastMessages, saveForecastSettings } from '../models/forecast.server'
import { createHelpline, listHelplines } from '../models/helpline.server'
import type { Db } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'

const weekdays = (open: string, close: string, saturday: { open: string; close: string } | null = null) => [
  { open, close },
  { open, close },
  { open, close },
  { open, close },
  { open, close },
  saturday,
  null,
]

/** Open 08:00 to 16:00: a morning peak, then a steady afternoon. Adds up to 100. */
const PROFILE_08_16 = [5, 7, 8, 8, 7.5, 7, 6.5, 6, 6, 6, 6, 6.5, 6, 5, 5, 4.5]

export const DEMO_HELPLINES: HelplineSettings[] = [
  {
    name: 'Self Assessment helpline',
    openingHours: weekdays('08:00', '18:00'),
    intradayProfile: profileFrom('08:00', STARTER_PROFILE_08_18),
    dayWeights: [1.25, 1.05, 1, 0.95, 0.85, 1, 1],
    ahtSeconds: 540,
    targetPercent: 80,
    targetSeconds: 60,
    shrinkagePercent: 35,
    maxOccupancyPercent: 85,
    patienceSeconds: null,
    maxAbandonmentPercent: null,
    maxAsaSeconds: null,
    baselineCallsPerDay: 18_000,
    availableFte: 860,
    paidHoursPerFte: 7.4,
  },
  {
    name: 'PAYE and Income Tax helpline',
    openingHours: weekdays('08:00', '18:00', { open: '08:00', close: '16:00' }),
    intradayProfile: profileFrom('08:00', STARTER_PROFILE_08_18),
    dayWeights: [1.2, 1.05, 1, 0.95, 0.9, 0.45, 1],
    ahtSeconds: 600,
    targetPercent: 80,
    targetSeconds: 20,
    shrinkagePercent: 33,
    maxOccupancyPercent: 85,
    // Callers on this line hang up after about four minutes on average: staffed with Erlang A.
    patienceSeconds: 240,
    maxAbandonmentPercent: null,
    maxAsaSeconds: null,
    baselineCallsPerDay: 22_000,
    availableFte: 1_080,
    paidHoursPerFte: 7.4,
  },
  {
    name: 'VAT helpline',
    openingHours: weekdays('08:00', '18:00'),
    intradayProfile: profileFrom('08:00', STARTER_PROFILE_08_18),
    dayWeights: [1.2, 1.05, 1, 0.95, 0.8, 1, 1],
    ahtSeconds: 660,
    targetPercent: 80,
    targetSeconds: 60,
    shrinkagePercent: 35,
    maxOccupancyPercent: 85,
    patienceSeconds: null,
    maxAbandonmentPercent: null,
    maxAsaSeconds: null,
    baselineCallsPerDay: 9_000,
    availableFte: 500,
    paidHoursPerFte: 7.4,
  },
  {
    name: 'Payment Support Service',
    openingHours: weekdays('08:00', '16:00'),
    intradayProfile: profileFrom('08:00', PROFILE_08_16),
    dayWeights: [1.15, 1.05, 1, 0.95, 0.85, 1, 1],
    ahtSeconds: 700,
    targetPercent: 80,
    targetSeconds: 60,
    shrinkagePercent: 32,
    maxOccupancyPercent: 85,
    patienceSeconds: 300,
    maxAbandonmentPercent: null,
    maxAsaSeconds: null,
    baselineCallsPerDay: 4_000,
    availableFte: 220,
    paidHoursPerFte: 7.4,
    // Its callers are in financial difficulty and often cannot call back later: staffed for 8 days in 10.
    staffToPercentile: 80,
  },
]

/** Open 08:30 to 17:00: seventeen half hours, busiest in the morning. Adds up to 100. */
const PROFILE_0830_17 = [6, 8, 8.5, 8, 7.5, 7, 6.5, 6, 5.5, 5.5, 5.5, 5, 5, 4.5, 4, 4, 3.5]

/** The Welsh-language line: every campaign's Welsh-preference customers' calls go here. */
export const DEMO_WELSH_HELPLINE: HelplineSettings = {
  name: 'Welsh language helpline',
  openingHours: weekdays('08:30', '17:00'),
  intradayProfile: profileFrom('08:30', PROFILE_0830_17),
  dayWeights: [1.2, 1.05, 1, 0.95, 0.8, 1, 1],
  ahtSeconds: 600,
  targetPercent: 80,
  targetSeconds: 60,
  shrinkagePercent: 35,
  maxOccupancyPercent: 85,
  patienceSeconds: null,
  maxAbandonmentPercent: null,
  maxAsaSeconds: null,
  baselineCallsPerDay: 600,
  availableFte: 45,
  paidHoursPerFte: 7.4,
  welshLine: true,
}

/** Which demo helpline takes a regime's calls. */
const MAIN_HELPLINE: Record<Regime, string> = {
  'self-assessment': 'Self Assessment helpline',
  paye: 'PAYE and Income Tax helpline',
  vat: 'VAT helpline',
  'corporation-tax': 'Self Assessment helpline',
  'capital-gains': 'Self Assessment helpline',
  other: 'Self Assessment helpline',
}

export async function seedDemoHelplines(db: Db, admin: SessionUser): Promise<string[]> {
  for (const helpline of [...DEMO_HELPLINES, DEMO_WELSH_HELPLINE]) {
    const result = await createHelpline(db, helpline, admin)
    if (!result.ok) throw new Error(`Could not create the demo helpline ${helpline.name}: ${result.reason}`)
  }
  return [...DEMO_HELPLINES, DEMO_WELSH_HELPLINE].map((h) => h.name)
}

/**
 * Saves forecast inputs for each demo campaign that has messages and none yet: its regime's helpline takes
 * the calls, with Payment Support taking 15% where customers may owe extra tax. Launched and closed
 * campaigns are locked, so they are left alone. Run it after the demo messages exist.
 */
export async function seedDemoForecasts(db: Db, users: SessionUser[]): Promise<number> {
  const byId = new Map(users.map((u) => [u.id, u]))
  const helplines = new Map((await listHelplines(db)).map((h) => [h.name, h.id]))
  const payment = helplines.get('Payment Support Service')
  const campaigns = await db.selectFrom('campaign').select(['id', 'regime', 'extra_liability', 'owner_id']).orderBy('ref').execute()
  let saved = 0
  for (const campaign of campaigns) {
    const owner = byId.get(campaign.owner_id)
    const main = helplines.get(MAIN_HELPLINE[campaign.regime as Regime])
    if (!owner || !main) continue
    const messages = await listForecastMessages(db, campaign.id)
    if (messages.length === 0 || (await getForecastSettings(db, campaign.id)).version > 0) continue
    const split: Record<string, number> = campaign.extra_liability === 1 && payment ? { [main]: 85, [payment]: 15 } : { [main]: 100 }
    const digitalOnly = channelsUsed(messages).every((c) => c !== 'letter')
    const result = await saveForecastSettings(
      db,
      {
        campaignId: campaign.id,
        version: 0,
        settings: {
          contactRates: digitalOnly ? { low: 2, central: 4, high: 6 } : { low: 5, central: 8, high: 12 },
          responseCurves: {},
          deadlineBump: { sharePercent: 15, workingDays: 5 },
          messages: Object.fromEntries(messages.map((m) => [m.id, { delayOverrideDays: null, split }])),
        },
      },
      owner,
    )
    if (result.ok) saved++
  }
  return saved
}
