// Fingerprints of what forecast() returns, to show that a change meant only to make the engine faster leaves every
// figure as it was: `npx tsx bench/forecast/fingerprint.ts > a.txt` on each commit, then `diff a.txt b.txt`.
// Each line is the SHA-256 of one forecast's JSON (non-finite numbers spelled out, so Infinity and NaN count).
// The large and typical campaigns are forecast cold, then through 25 recomputes as bench/forecast/index.ts times
// them (each with a new contact rate and wave volume), then again in a different order with every cache warm, so
// answers taken from a cache are compared with answers worked out afresh. Both with and without the half-hour
// detail the interval CSV asks for.
import { createHash } from 'node:crypto'
import { clearForecastCaches } from '../../app/forecast/caches'
import { forecast } from '../../app/forecast/engine'
import { largeCampaignInput, typicalCampaignInput } from '../../app/forecast/examples'
import { edit } from './edits'

const json = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))
const fingerprint = (value: unknown) => createHash('sha256').update(json(value)).digest('hex')

const lines: string[] = []
for (const [name, base] of [['large', largeCampaignInput()], ['typical', typicalCampaignInput()]] as const) {
  for (const options of [{}, { intervals: true }]) {
    clearForecastCaches()
    for (let i = 0; i < 25; i++) lines.push(`${name} ${JSON.stringify(options)} ${i} ${fingerprint(forecast(edit(base, i), options))}`)
    for (let i = 24; i >= 0; i -= 3) lines.push(`${name} ${JSON.stringify(options)} again ${i} ${fingerprint(forecast(edit(base, i), options))}`)
  }
}
process.stdout.write(lines.join('\n') + '\n')
