// Bundled by bench/forecast/index.ts and run in a fresh Node process: the time of the very first forecast of the
// large campaign, with nothing compiled or cached yet (as the first CSV download or briefing after a deploy).
import { forecast } from '../../app/forecast/engine'
import { largeCampaignInput } from '../../app/forecast/examples'

const input = largeCampaignInput()
const started = performance.now()
forecast(input)
process.stdout.write(String(performance.now() - started))
