import type { LoaderFunctionArgs } from '@remix-run/node'
import { createWorkingCalendar } from '~/forecast/working-days'
import { computeSavedForecast } from '~/models/forecast.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { toCsv } from '~/utils/csv'
import { db } from '~/utils/db.server'

const FORECAST_CSV_HEADER = ['date', 'helpline', 'calls_low', 'calls_central', 'calls_high', 'fte_required', 'fte_available']

const round2 = (value: number) => Math.round(value * 100) / 100

/** The saved forecast: one row per helpline and working day, central FTE required by the campaign. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  const { data, forecast } = await computeSavedForecast(db, campaign)
  const rows: (string | number)[][] = []
  if (forecast.ok) {
    const calendar = createWorkingCalendar(data.bankHolidays)
    for (const helpline of forecast.result.helplines) {
      for (const day of helpline.days) {
        if (!calendar.isWorkingDay(day.date)) continue
        rows.push([
          day.date,
          helpline.name,
          round2(day.calls.low),
          round2(day.calls.central),
          round2(day.calls.high),
          round2(day.requiredFte.central),
          round2(day.availableFte),
        ])
      }
    }
  }
  return new Response(toCsv(FORECAST_CSV_HEADER, rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${campaign.ref}-forecast.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
