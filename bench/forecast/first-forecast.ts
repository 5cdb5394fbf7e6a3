// Bundled by bench/forecast/index.ts and run in fresh Node processes: the time of the very first forecast of the
// large campaign, with nothing compiled or cached yet (as the first CSV download or briefing after a deploy). With
// the argument `warm`, the server's start-up warm-up runs first, as it does before the server accepts requests.
import { forecast } from '../../app/forecast/engine'
import { largeCampaignInput } from '../../app/forecast/examples'
import { warmUpForecastEngine } from '../../app/forecast/warm-up'

const input = largeCampaignInput()
let warmUp = 0
if (process.argv[2] === 'warm') {
  const t = performance.now()
  warmUpForecastEngine()
  warmUp = performance.now() - t
}
const started = performance.now()
forecast(input)
process.stdout.write(JSON.stringify({ warmUp, first: performance.now() - started }))
