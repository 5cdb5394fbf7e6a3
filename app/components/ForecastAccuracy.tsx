import { lazy, Suspense } from 'react'
import { accuracyOf, cumulativeCalls, type Accuracy, type AccuracyDay } from '~/forecast/accuracy'
import type { ForecastComparison } from '~/forecast/actuals'
import { axisDate, calls, shortDate } from './forecast-view'
import { Details, SummaryList, Table } from './govuk'
import { TableRegion } from './TableRegion'

// recharts only in the browser, only on pages with charts.
const CumulativeCallsChart = lazy(() => import('./charts/CumulativeCallsChart'))

/** toFixed, not Intl: the server's and the browser's output must match exactly for hydration. */
export function accuracyPercent(value: number | null, places = 1): string {
  if (value === null || !Number.isFinite(value)) return 'not known'
  return `${value.toFixed(places)}%`
}

/** "12.0% too high", "3.1% too low", "about right". */
export function biasText(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'not known: no calls yet'
  if (Math.abs(value) < 0.05) return 'about right'
  return `${accuracyPercent(Math.abs(value))} too ${value > 0 ? 'high' : 'low'}`
}

/** Each helpline's days with actuals, as the accuracy measures take them. */
export function accuracyDays(comparison: ForecastComparison): AccuracyDay[] {
  return comparison.helplines.flatMap((h) => h.days.map((d) => ({ date: d.date, actual: d.actual, forecast: d.forecast.central, low: d.forecast.low, high: d.forecast.high })))
}

export function AccuracyExplained() {
  return (
    <Details summaryText="What WAPE, bias, coverage and MAPE mean">
      <p className="govuk-body">
        <strong>WAPE</strong> (weighted absolute percentage error) adds up how far the forecast was from the actual calls on every day, and divides by all the
        actual calls. A day with no calls still counts, and a busy day counts for more than a quiet one. 0% is perfect.
      </p>
      <p className="govuk-body">
        <strong>Bias</strong> is the forecast’s total calls against the actual total: “10% too high” means the forecast expected 10% more calls than came.
        Over many campaigns, it should be close to 0.
      </p>
      <p className="govuk-body">
        <strong>Coverage</strong> is the share of days, at each helpline, whose actual calls fell between the forecast’s low and high figures, its P10 and P90.
        For an honest interval that is about 80%: much more means the interval is too wide, much less that it is too narrow.
      </p>
      <p className="govuk-body">
        <strong>MAPE</strong> (mean absolute percentage error) averages each day’s error as a share of that day’s calls. A day with no calls cannot be divided
        by, and quiet days count as much as busy ones, so MAPE is shown only when every day had calls.
      </p>
    </Details>
  )
}

function rows(a: Accuracy) {
  return [
    { key: { text: 'WAPE' }, value: { text: <span data-accuracy="wape">{a.wapePercent === null ? 'Not known: no calls yet' : accuracyPercent(a.wapePercent)}</span> } },
    { key: { text: 'Bias' }, value: { text: <span data-accuracy="bias">{biasText(a.biasPercent)}</span> } },
    {
      key: { text: 'Coverage (P10 to P90)' },
      value: {
        text: (
          <span data-accuracy="coverage">
            {accuracyPercent(a.coveragePercent, 0)}: {a.daysInside} of {a.days} {a.days === 1 ? 'day' : 'days'} inside the interval (about 80% is expected)
          </span>
        ),
      },
    },
    {
      key: { text: 'MAPE (every day had calls)' },
      value: {
        text: (
          <span data-accuracy="mape">{a.mapePercent === null ? 'Not shown: at least one day had no calls, so it would mislead' : accuracyPercent(a.mapePercent)}</span>
        ),
      },
    },
  ]
}

/** How accurate the forecast has been so far: the measures, then the calls so far against the forecast. */
export function ForecastAccuracy({ comparison, chartsEnabled }: { comparison: ForecastComparison; chartsEnabled: boolean }) {
  const days = accuracyDays(comparison)
  const accuracy = accuracyOf(days)
  const cumulative = cumulativeCalls(days)
  return (
    <section id="accuracy" aria-labelledby="accuracy-heading">
      <h3 className="govuk-heading-s" id="accuracy-heading">
        How accurate the forecast has been
      </h3>
      <SummaryList attributes={{ id: 'accuracy-summary' }} rows={rows(accuracy)} />
      <AccuracyExplained />
      {chartsEnabled ? (
        <Suspense fallback={<p className="govuk-body">Loading the chart…</p>}>
          <CumulativeCallsChart points={cumulative.map((p) => ({ label: axisDate(p.date), actual: p.actual, forecast: p.forecast }))} />
        </Suspense>
      ) : null}
      <Details summaryText="Calls so far, day by day">
        <TableRegion label="Calls so far, actual against the forecast">
          <Table
            attributes={{ id: 'cumulative-calls' }}
            caption="Calls so far, actual against the forecast, over every helpline"
            captionClasses="govuk-visually-hidden"
            firstCellIsHeader
            head={[{ text: 'Date' }, { text: 'Actual so far', format: 'numeric' }, { text: 'Forecast so far', format: 'numeric' }]}
            rows={cumulative.map((p) => [
              { text: shortDate(p.date), classes: 'govuk-!-font-weight-regular', attributes: { 'data-date': p.date } },
              { text: calls(p.actual), format: 'numeric', attributes: { 'data-cell': 'actual' } },
              { text: calls(p.forecast), format: 'numeric', attributes: { 'data-cell': 'forecast' } },
            ])}
          />
        </TableRegion>
      </Details>
    </section>
  )
}
