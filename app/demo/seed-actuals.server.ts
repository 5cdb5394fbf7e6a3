// The demo workspace's actual calls: every launched campaign with a saved forecast and no actuals yet gets
// a figure for each open day from its first calls to yesterday, drawn from its own forecast with realistic noise.
// Deterministic (the noise is a hash of the campaign, helpline and date), so every demo shows the same figures.
import crypto from 'node:crypto'
import { addDays } from '../forecast/dates'
import { hasActuals, recordActuals } from '../models/actuals.server'
import { computeSavedForecast } from '../models/forecast.server'
import type { Nation } from '../forecast/working-days'
import { todayIso } from '../utils/clock.server'
import type { Db } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'

/** The demo campaigns drew rather more calls than forecast: a comparison worth looking at. */
const DEMO_LEVEL = 1.15
/** Each day's figure is within ±12% of that level. */
const DEMO_NOISE = 0.12

function noise(key: string): number {
  const bytes = crypto.createHash('sha256').update(key).digest()
  return (bytes.readUInt32BE(0) / 0xffffffff) * 2 - 1
}

/** Moves the demo's launched campaigns, seeded as approved so that their content could be written, to launched. */
/** Returns how many campaigns were given actuals. Works for any launched campaign with a saved forecast. */
export async function seedDemoActuals(db: Db, recorder: SessionUser, options: { today?: string } = {}): Promise<number> {
  const yesterday = addDays(options.today ?? todayIso(), -1)
  const campaigns = await db.selectFrom('campaign').select(['id', 'ref', 'nation']).where('status', '=', 'launched').orderBy('ref').execute()
  let seeded = 0
  for (const campaign of campaigns) {
    if (await hasActuals(db, campaign.id)) continue
    const { forecast } = await computeSavedForecast(db, { id: campaign.id, nation: campaign.nation as Nation })
    if (!forecast.ok || !forecast.result.summary.firstCallDate) continue
    const first = forecast.result.summary.firstCallDate
    const rows = forecast.result.helplines.flatMap((helpline) =>
      helpline.days
        .filter((day) => day.open && day.date >= first && day.date <= yesterday && day.calls.central > 0)
        .map((day) => ({
          date: day.date,
          helplineId: helpline.helplineId,
          calls: Math.max(0, Math.round(day.calls.central * DEMO_LEVEL * (1 + DEMO_NOISE * noise(`${campaign.ref}|${helpline.helplineId}|${day.date}`)))),
        })),
    )
    if (rows.length === 0) continue
    const result = await recordActuals(db, { campaignId: campaign.id, rows, source: { kind: 'upload', fileName: 'demo-actual-calls.csv' } }, recorder)
    if (!result.ok) throw new Error(`Could not record the demo actual calls for ${campaign.ref}: ${result.reason}`)
    seeded++
  }
  return seeded
}
