import { lazy, Suspense } from 'react'
import { CHANNEL_NAMES } from '~/forecast/delivery'
import type { CampaignForecast } from '~/forecast/settings'
import { calls, fte, helplineViews, longDate, shortDate, type HelplineView } from './forecast-view'
import { InsetText, SummaryList, WarningText } from './govuk'

// recharts is loaded only here, only in the browser, and only on pages that draw charts.
const HelplineCharts = lazy(() => import('./charts/HelplineCharts'))

function range(values: { low: number; central: number; high: number }, format: (n: number) => string) {
  return `${format(values.central)} (low ${format(values.low)}, high ${format(values.high)})`
}

export function DailyTable({ view }: { view: HelplineView }) {
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table app-forecast-table" data-helpline={view.id}>
        <caption className="govuk-table__caption govuk-table__caption--s">Daily forecast for {view.name}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Date</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Calls, low</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Calls, central</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Calls, high</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Campaign FTE (central)</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">FTE needed in all (central)</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">FTE available</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {view.days.map((d) => {
            const short = d.totalFte.central > d.availableFte
            return (
              <tr className="govuk-table__row" key={d.date}>
                <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">{shortDate(d.date)}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{calls(d.calls.low)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric" data-cell="central">{calls(d.calls.central)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{calls(d.calls.high)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{fte(d.requiredFte.central)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {fte(d.totalFte.central)}
                  {short ? <strong className="app-short"> short</strong> : null}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{fte(d.availableFte)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The forecast's outputs: summary, charts (in the browser) and the data tables that are their alternative. */
export function ForecastOutputs({
  forecast,
  chartsEnabled,
  briefingHref,
}: {
  forecast: CampaignForecast
  /** True once hydrated: charts render in the browser only. */
  chartsEnabled: boolean
  /** A link to the printable briefing for a helpline, when the figures shown are the saved ones. */
  briefingHref?: (helplineId: string) => string
}) {
  const excluded = forecast.excluded.length ? (
    <InsetText>
      <p className="govuk-body">Not in the forecast yet:</p>
      <ul className="govuk-list govuk-list--bullet">
        {forecast.excluded.map((m) => (
          <li key={m.id}>
            “{m.name}”: {m.reason === 'no-waves' ? 'it has no waves yet' : 'choose the helplines that take its calls'}
          </li>
        ))}
      </ul>
    </InsetText>
  ) : null
  if (!forecast.ok) {
    return (
      <div id="forecast-outputs">
        {forecast.reason === 'engine' ? <WarningText text={`The forecast cannot be worked out: ${forecast.message}`} /> : null}
        {excluded}
      </div>
    )
  }
  const { result } = forecast
  const views = helplineViews(result)
  const summary = result.summary
  const helplineName = new Map(views.map((v) => [v.id, v.name]))
  const daysShort = views.reduce((n, v) => n + v.totals.daysOverCapacity.central, 0)
  return (
    <div id="forecast-outputs">
      {result.warnings.map((w) => (
        <WarningText key={w} text={w} />
      ))}
      {excluded}
      <h2 className="govuk-heading-m">Summary</h2>
      <SummaryList
        attributes={{ id: 'forecast-summary' }}
        rows={[
          { key: { text: 'Calls' }, value: { text: <span data-summary="calls">{range(summary.calls, calls)}</span> } },
          {
            key: { text: 'Calls arrive' },
            value: { text: summary.firstCallDate && summary.lastCallDate ? `${longDate(summary.firstCallDate)} to ${longDate(summary.lastCallDate)}` : 'No calls are forecast' },
          },
          {
            key: { text: 'Peak day' },
            value: { text: summary.peakDay ? `${longDate(summary.peakDay.date)}: ${range(summary.peakDay.calls, calls)} calls` : 'None' },
          },
          {
            key: { text: 'Busiest half hour' },
            value: {
              text: summary.peakInterval
                ? `${calls(summary.peakInterval.agents)} agents at ${helplineName.get(summary.peakInterval.helplineId)}, ${longDate(summary.peakInterval.date)} from ${summary.peakInterval.time} (${calls(summary.peakInterval.campaignAgents)} of them for this campaign)`
                : 'None',
            },
          },
          { key: { text: 'Extra staff for the campaign' }, value: { text: `${range(summary.requiredFteDays, fte)} FTE-days` } },
          { key: { text: 'Days short of staff (central)' }, value: { text: String(daysShort) } },
        ]}
      />

      <h2 className="govuk-heading-m">Waves</h2>
      <div className="app-table-wrapper">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">When each wave is sent and delivered, and its calls</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Message</th>
              <th scope="col" className="govuk-table__header">Sent</th>
              <th scope="col" className="govuk-table__header">Delivered</th>
              <th scope="col" className="govuk-table__header">Deadline</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Customers</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Calls (central)</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {result.messages.flatMap((m) =>
              m.waves.map((w, i) => (
                <tr className="govuk-table__row" key={`${m.messageId}-${i}`}>
                  <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                    {m.name} <span className="govuk-hint govuk-!-font-size-16 app-block">{CHANNEL_NAMES[m.channel]}</span>
                  </th>
                  <td className="govuk-table__cell">{shortDate(w.sendDate)}</td>
                  <td className="govuk-table__cell">{shortDate(w.deliveryDate)}</td>
                  <td className="govuk-table__cell">{w.deadlineDate ? shortDate(w.deadlineDate) : 'None'}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{calls(w.volume)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{calls(w.calls.central)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>

      {views.map((view) => (
        <section key={view.id} className="app-helpline-forecast" aria-labelledby={`helpline-${view.id}`}>
          <h2 className="govuk-heading-m" id={`helpline-${view.id}`}>
            {view.name}
          </h2>
          <p className="govuk-body">
            {calls(view.totals.calls.central)} calls (low {calls(view.totals.calls.low)}, high {calls(view.totals.calls.high)});{' '}
            {view.peakDay ? `busiest on ${longDate(view.peakDay.date)} with ${calls(view.peakDay.calls.central)}` : 'no busiest day'};{' '}
            {fte(view.totals.requiredFteDays.central)} extra FTE-days;{' '}
            {view.totals.daysOverCapacity.central === 0 ? 'enough staff every day' : `short of staff on ${view.totals.daysOverCapacity.central} day${view.totals.daysOverCapacity.central === 1 ? '' : 's'}`}.
          </p>
          {briefingHref ? (
            <p className="govuk-body app-no-print">
              <a className="govuk-link" href={briefingHref(view.id)}>
                Printable briefing for {view.name}
              </a>
            </p>
          ) : null}
          {chartsEnabled && view.days.length > 0 ? (
            <Suspense fallback={<p className="govuk-body">Loading the charts…</p>}>
              <HelplineCharts name={view.name} calls={view.callsChart} fte={view.fteChart} />
            </Suspense>
          ) : null}
          {view.days.length > 0 ? <DailyTable view={view} /> : <p className="govuk-body">No calls are forecast for this helpline.</p>}
        </section>
      ))}
    </div>
  )
}
