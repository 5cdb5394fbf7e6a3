import { Link } from '@remix-run/react'
import { lazy, Suspense } from 'react'
import { dayMonthYear } from '~/actuals/upload'
import { wape } from '~/forecast/accuracy'
import { CHANNEL_NAMES } from '~/forecast/delivery'
import type { ActualsView } from '~/models/actuals.server'
import { axisDate, calls, shortDate } from './forecast-view'
import { MapeExplained } from './Explained'
import { Details, SummaryList, Table } from './govuk'
import { ForecastAccuracy } from './ForecastAccuracy'
import { TableRegion } from './TableRegion'

// recharts only in the browser, only on pages with charts.
const ActualsChart = lazy(() => import('./charts/ActualsChart'))

const POSITION_TEXT = { below: 'Below the band', within: 'Within the band', above: 'Above the band' } as const

function percent(value: number | null, places = 1): string {
  if (value === null || !Number.isFinite(value)) return 'not known'
  // toFixed, not Intl: the server's and the browser's output must match exactly for hydration.
  return `${value.toFixed(places)}%`
}

function difference(actual: number, forecast: number): string {
  if (!(forecast > 0)) return ''
  const change = ((actual - forecast) / forecast) * 100
  if (Math.abs(change) < 0.5) return ': about the same'
  return `: ${percent(Math.abs(change), 0)} ${change > 0 ? 'more' : 'fewer'}`
}

/** The forecast page's section on actual calls: the error, the band, the observed rate and curve. */
export function ActualsComparison({
  view,
  forecastRatePercent,
  forecastCurves,
  chartsEnabled,
  recordHref,
}: {
  view: ActualsView
  forecastRatePercent: number
  /** The curve the forecast used for each channel, in %. */
  forecastCurves: Partial<Record<string, number[]>>
  chartsEnabled: boolean
  recordHref?: string
}) {
  const { comparison, rate, curves, helplineNames } = view
  const o = comparison.overall
  const days = new Set(comparison.helplines.flatMap((h) => h.days.map((d) => d.date))).size
  const showPace = rate.paceAdjustedPercent !== null && comparison.expectedShareSoFar < 0.99
  return (
    <section id="actuals" aria-labelledby="actuals-heading">
      <h2 className="govuk-heading-m" id="actuals-heading">
        Actual calls against the forecast
      </h2>
      {recordHref ? (
        <p className="govuk-body app-no-print">
          <Link className="govuk-link" to={recordHref}>
            Record or upload actual calls
          </Link>
        </p>
      ) : null}
      <SummaryList
        attributes={{ id: 'actuals-summary' }}
        rows={[
          {
            key: { text: 'Days recorded' },
            value: { text: `${dayMonthYear(comparison.firstDate)} to ${dayMonthYear(comparison.lastDate)}: ${days} ${days === 1 ? 'day' : 'days'} at ${comparison.helplines.length} ${comparison.helplines.length === 1 ? 'helpline' : 'helplines'}` },
          },
          {
            key: { text: 'Calls' },
            value: {
              text: (
                <span data-actuals="total">
                  {calls(o.actual)} actual against {calls(o.forecast.central)} forecast on the same days{difference(o.actual, o.forecast.central)}
                </span>
              ),
            },
          },
          {
            key: { text: 'Observed contact rate' },
            value: {
              text: (
                <>
                  <span data-actuals="rate">{percent(rate.percent, 2)}</span> ({calls(o.actual)} calls from {calls(rate.recipients)} customers; the forecast used{' '}
                  {percent(forecastRatePercent, 2)})
                  {showPace ? (
                    <span className="app-block govuk-!-margin-top-1">
                      The forecast expected {percent(comparison.expectedShareSoFar * 100, 0)} of its calls by {dayMonthYear(comparison.lastDate)}: at that pace the rate
                      is {percent(rate.paceAdjustedPercent, 2)}.
                    </span>
                  ) : null}
                </>
              ),
            },
          },
        ]}
      />
      <MapeExplained />

      <ForecastAccuracy comparison={comparison} chartsEnabled={chartsEnabled} />

      {curves.map((curve) => {
        const forecast = forecastCurves[curve.channel] ?? []
        const total = forecast.reduce((a, b) => a + b, 0) || 1
        const channel = CHANNEL_NAMES[curve.channel].toLowerCase()
        return (
          <Details key={curve.channel} summaryText={`Observed response curve: ${channel}`}>
            <TableRegion label={`Observed response curve: ${channel}`}>
              <Table
                attributes={{ 'data-observed-curve': curve.channel }}
                caption={
                  <>
                    Observed response curve: {channel}
                    <span className="govuk-hint govuk-!-font-size-16 app-block govuk-!-margin-bottom-0">
                      Share of the calls on each working day after delivery{curve.complete ? '' : '. The actuals do not yet cover every day, so later days are missing'}
                    </span>
                  </>
                }
                captionClasses="govuk-table__caption--s"
                firstCellIsHeader
                head={[{ text: 'Working day' }, { text: 'Forecast', format: 'numeric' }, { text: 'Observed', format: 'numeric' }]}
                rows={curve.percent.map((p, k) => [
                  { text: String(k), classes: 'govuk-!-font-weight-regular' },
                  { text: percent(((forecast[k] ?? 0) / total) * 100), format: 'numeric' },
                  { text: percent(p), format: 'numeric' },
                ])}
              />
            </TableRegion>
          </Details>
        )
      })}

      {comparison.helplines.map((h) => {
        const name = helplineNames[h.helplineId] ?? 'A removed helpline'
        return (
          <section key={h.helplineId} aria-label={`Actual calls at ${name}`}>
            <h3 className="govuk-heading-s" id={`actuals-${h.helplineId}`}>
              {name}
            </h3>
            <p className="govuk-body">
              {calls(h.totals.actual)} actual against {calls(h.totals.forecast.central)} forecast; WAPE {percent(wape(h.days.map((d) => ({ actual: d.actual, forecast: d.forecast.central }))))}; {h.totals.withinBand} of {h.days.length} days within the P10 to P90 interval.
            </p>
            {chartsEnabled ? (
              <Suspense fallback={<p className="govuk-body">Loading the chart…</p>}>
                <ActualsChart
                  name={name}
                  points={h.days.map((d) => ({ label: axisDate(d.date), actual: d.actual, central: d.forecast.central, band: [d.forecast.low, d.forecast.high] }))}
                />
              </Suspense>
            ) : null}
            <Details summaryText={`Day by day: actual and forecast calls at ${name}`}>
              <TableRegion label={`Actual and forecast calls at ${name}`}>
                <Table
                  classes="app-actuals-table"
                  attributes={{ 'data-helpline': h.helplineId }}
                  caption={`Actual and forecast calls each day at ${name}`}
                  captionClasses="govuk-visually-hidden"
                  firstCellIsHeader
                  head={[
                    { text: 'Date' },
                    { text: 'Actual', format: 'numeric' },
                    { text: 'Forecast, low', format: 'numeric' },
                    { text: 'Forecast, central', format: 'numeric' },
                    { text: 'Forecast, high', format: 'numeric' },
                    { text: 'Against the band' },
                  ]}
                  rows={h.days.map((d) => [
                    { text: shortDate(d.date), classes: 'govuk-!-font-weight-regular', attributes: { 'data-date': d.date } },
                    { text: calls(d.actual), format: 'numeric', attributes: { 'data-cell': 'actual' } },
                    { text: calls(d.forecast.low), format: 'numeric' },
                    { text: calls(d.forecast.central), format: 'numeric' },
                    { text: calls(d.forecast.high), format: 'numeric' },
                    { text: POSITION_TEXT[d.position] },
                  ])}
                />
              </TableRegion>
            </Details>
          </section>
        )
      })}
    </section>
  )
}
