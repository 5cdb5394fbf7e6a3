import type { LoaderFunctionArgs } from '@remix-run/node'
import { canSeeForecastAccuracy, forecastAccuracyDashboard } from '~/models/accuracy.server'
import { requireUser } from '~/http/auth.server'
import { forbidden } from '~/http/responses.server'
import { toCsv } from '~/utils/csv'
import { db } from '~/utils/db.server'

const HEADER = ['campaign_ref', 'campaign_name', 'status', 'regime', 'channels', 'first_date', 'last_date', 'helpline_days', 'days_inside_p10_p90', 'coverage_percent', 'actual_calls', 'forecast_calls', 'bias_percent', 'wape_percent', 'mape_percent']

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100)

/** Every campaign on the accuracy page, one row each, every figure. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!canSeeForecastAccuracy(user)) throw forbidden('Forecast accuracy is for campaign designers, helpline managers and administrators')
  const { campaigns } = await forecastAccuracyDashboard(db)
  const rows = campaigns.map((c) => [
    c.ref,
    c.name,
    c.status,
    c.regime,
    c.channels.join(' '),
    c.firstDate,
    c.lastDate,
    c.days,
    c.daysInside,
    round2(c.coveragePercent),
    Math.round(c.actual),
    round2(c.forecast),
    round2(c.biasPercent),
    round2(c.wapePercent),
    round2(c.mapePercent),
  ])
  return new Response(toCsv(HEADER, rows), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="forecast-accuracy.csv"', 'Cache-Control': 'no-store' },
  })
}
