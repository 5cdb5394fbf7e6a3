import type { LoaderFunctionArgs } from '@remix-run/node'
import { forecastCsv } from '~/models/forecast-exports.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'

/** The saved forecast: one row per helpline and day, with the central scenario's staffing and outcomes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  return new Response(await forecastCsv(db, campaign), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${campaign.ref}-forecast.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
