import type { LoaderFunctionArgs } from '@remix-run/node'
import { forecastIntervalsCsv } from '~/models/forecast-exports.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'

/** The saved forecast half hour by half hour: one row per helpline and open half hour, central scenario. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  return new Response(await forecastIntervalsCsv(db, campaign), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${campaign.ref}-forecast-intervals.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
