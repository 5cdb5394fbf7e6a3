import type { ReforecastHelpline, ReforecastView } from '~/models/reforecast.server'
import { formatDate, formatDateTime, formatFte, formatPercent } from '~/campaign/format'
import { staffedToSentence } from '~/helplines/helpline'
import { calls, shortDate } from './forecast-view'
import { Button, Details, InsetText, Table } from './govuk'
import { TableRegion } from './TableRegion'

const rate = (value: number) => formatPercent(Math.round(value * 1000) / 1000)
const served = (share: number) => formatPercent(Math.round(share * 1000) / 10)

/**
 * The forecast page's re-forecast: the latest version beside the signed-off forecast for the days still to come, and
 * the way to make a new one for those who may.
 */
export function ReforecastSection({ view, reforecastHref, eligible }: { view: ReforecastView | null; reforecastHref: string | null; eligible: boolean }) {
  if (!view && !(reforecastHref && eligible)) return null
  return (
    <section id="reforecast" aria-labelledby="reforecast-heading">
      <h2 className="govuk-heading-m" id="reforecast-heading">
        Re-forecast from the calls so far
      </h2>
      {view ? (
        <>
          <p className="govuk-body" data-reforecast="latest">
            Version {view.saved.version}, made by {view.saved.madeBy ?? 'someone no longer here'} on {formatDateTime(view.saved.madeAt)} from{' '}
            {calls(view.saved.actualCalls)} calls to {formatDate(view.saved.throughDate)}, against {calls(view.saved.expectedCalls)} expected: the central contact rate
            is now <span data-reforecast="rate">{rate(view.saved.rates.central)}</span> (low {rate(view.saved.rates.low)}, high {rate(view.saved.rates.high)}).
          </p>
          {view.outOfDate ? <InsetText text="The forecast inputs have been saved again since this re-forecast: make a new one to use them." /> : null}
          {view.helplines.map((h) => (
            <Details key={h.helplineId} summaryText={`Days still to come at ${h.name}: the forecast and the re-forecast`} open={view.helplines.length === 1}>
              <p className="govuk-body" data-staffed-to={h.staffToPercentile}>
                {staffedToSentence(h.staffToPercentile)}: the FTE and the share answered in time, in the forecast and the re-forecast alike, are for a day that busy.
              </p>
              <ReforecastDaysTable helplineId={h.helplineId} name={h.name} throughDate={view.saved.throughDate} days={h.days} />
            </Details>
          ))}
          {view.helplines.length === 0 ? <p className="govuk-body">The forecast expects no more calls after {formatDate(view.saved.throughDate)}.</p> : null}
        </>
      ) : (
        <p className="govuk-body">The campaign has actual calls for at least two working days, so its forecast can be corrected from them.</p>
      )}
      {reforecastHref && eligible ? <Button text={view ? 'Re-forecast again' : 'Re-forecast from the calls so far'} href={reforecastHref} variant="secondary" /> : null}
    </section>
  )
}

/** A helpline's days after the calls so far: the forecast and the re-forecast side by side. */
export function ReforecastDaysTable({ helplineId, name, throughDate, days }: { helplineId: string; name: string; throughDate: string; days: ReforecastHelpline['days'] }) {
  return (
    <TableRegion label={`The forecast and the re-forecast at ${name}`}>
      <Table
        attributes={{ 'data-reforecast-helpline': helplineId }}
        caption={`Calls, staff and service at ${name}, each day after ${formatDate(throughDate)}`}
        captionClasses="govuk-visually-hidden"
        firstCellIsHeader
        head={[
          { text: 'Date' },
          { text: 'Forecast calls', format: 'numeric' },
          { text: 'Forecast P10 to P90', format: 'numeric' },
          { text: 'Re-forecast calls', format: 'numeric' },
          { text: 'Re-forecast P10 to P90', format: 'numeric' },
          { text: 'Campaign FTE: forecast, re-forecast', format: 'numeric' },
          { text: 'Answered in time: forecast, re-forecast', format: 'numeric' },
        ]}
        rows={days.map((d) => [
          { text: shortDate(d.date), classes: 'govuk-!-font-weight-regular app-nowrap', attributes: { 'data-date': d.date } },
          { text: calls(d.original.calls.central), format: 'numeric', attributes: { 'data-cell': 'original' } },
          { text: `${calls(d.original.calls.low)} to ${calls(d.original.calls.high)}`, format: 'numeric' },
          { text: calls(d.reforecast.calls.central), format: 'numeric', attributes: { 'data-cell': 'reforecast' } },
          { text: `${calls(d.reforecast.calls.low)} to ${calls(d.reforecast.calls.high)}`, format: 'numeric' },
          { text: `${formatFte(d.original.requiredFte)}, ${formatFte(d.reforecast.requiredFte)}`, format: 'numeric' },
          { text: `${served(d.original.serviceLevel)}, ${served(d.reforecast.serviceLevel)}`, format: 'numeric' },
        ])}
      />
    </TableRegion>
  )
}
