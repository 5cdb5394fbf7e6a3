import { lazy, Suspense, type ReactNode } from 'react'
import { formatTime } from '~/campaign/format'
import { CHANNEL_NAMES } from '~/forecast/delivery'
import type { CampaignForecast } from '~/forecast/settings'
import { staffedToSentence } from '~/helplines/helpline'
import { describeDispersion, type DispersionInUse } from '~/forecast/intervals'
import {
  calls,
  duration,
  fte,
  hangUps,
  helplineViews,
  longDate,
  mainRuleOf,
  outcomeClause,
  percent,
  RULE_LABELS,
  ruleWords,
  shortDate,
  targetWords,
  type HelplineView,
} from './forecast-view'
import { Details, InsetText, SummaryList, Table, WarningText, type TableCell } from './govuk'
import { FteDaysExplained } from './Explained'
import { PeakDaySimulation } from './PeakDaySimulation'
import { TableRegion } from './TableRegion'

// recharts is loaded only here, only in the browser, and only on pages that draw charts.
const HelplineCharts = lazy(() => import('./charts/HelplineCharts'))

function range(values: { low: number; central: number; high: number }, format: (n: number) => string) {
  return `${format(values.central)} (P10 ${format(values.low)}, P90 ${format(values.high)})`
}

/**
 * The answer a helpline manager comes for, for one helpline: what today's staff achieve on the peak day, what the
 * campaign does to it, and the staff needed and what sets that number.
 */
export function PeakDayAnswer({ view, headingLevel = 3 }: { view: HelplineView; headingLevel?: 2 | 3 }) {
  const day = view.peakDayRow
  const h = view.settings
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  if (!day || !h) {
    return (
      <div className="app-outcome" data-outcome={view.id}>
        <Heading className="govuk-heading-s">{view.name}</Heading>
        <p className="govuk-body">No calls from this campaign are forecast for this helpline.</p>
      </div>
    )
  }
  const withCampaign = day.outcome.total.central
  const baseline = day.outcome.baseline
  const rule = mainRuleOf(day.bindingRules)
  const short = day.totalFte.central - day.availableFte
  return (
    <div className="app-outcome" data-outcome={view.id}>
      <Heading className="govuk-heading-s">{view.name}</Heading>
      <p className="govuk-body" data-outcome-lead={view.id}>
        With today’s staff, on the peak day, {longDate(day.date)},{' '}
        <strong>
          {percent(withCampaign.serviceLevel)} of calls are answered within {duration(h.target.withinSeconds)}
        </strong>
        {withCampaign.abandoned !== null ? (
          <>
            {' '}
            and <strong>{hangUps(withCampaign.abandoned)}</strong>
          </>
        ) : withCampaign.asaSeconds === null ? (
          <>
            : in <strong>{withCampaign.overloadedIntervals} of its half hours calls come faster than the staff can answer them</strong>, so the
            queue grows all day
          </>
        ) : (
          <>, and answered calls wait {duration(withCampaign.asaSeconds)} on average</>
        )}
        . Without the campaign: {outcomeClause(baseline, h)}.
      </p>
      <p className="govuk-body" data-staff-needed={view.id}>
        Meeting the target of {targetWords(h)} that day needs <strong>{fte(day.totalFte.central)} FTE</strong>; {fte(day.availableFte)} are
        available{short > 0.05 ? `, ${fte(short)} short` : ''}.
        {rule ? (
          <>
            {' '}
            <span data-binding-rule={rule.rule}>
              {capitalise(ruleWords(rule.rule, h))} sets the staff needed in {rule.halfHours} of the day’s {rule.of} half hours
            </span>
            {rule.rule === 'occupancy' ? ': meeting the service-level target alone would take fewer agents.' : '.'}
          </>
        ) : null}
        {withCampaign.abandoned === null && withCampaign.asaSeconds === null ? (
          <> The helpline has no caller patience set, so the forecast cannot say how many would hang up; the day simulation below can show the queue.</>
        ) : null}
      </p>
    </div>
  )
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The daily figures of one helpline: every figure the charts draw, and what today's staff achieve. */
export function DailyTable({ view }: { view: HelplineView }) {
  const h = view.settings
  const within = h ? duration(h.target.withinSeconds) : 'the target time'
  const erlangA = !!h?.patienceSeconds
  return (
    <TableRegion label={`Day by day at ${view.name}`}>
      <Table
        classes="app-forecast-table"
        attributes={{ 'data-helpline': view.id }}
        caption={`Daily forecast for ${view.name}`}
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[
          { text: 'Date' },
          { text: 'Calls expected (P10 to P90)', format: 'numeric' },
          { text: 'FTE needed in all (campaign’s part)', format: 'numeric' },
          { text: 'FTE available', format: 'numeric' },
          { text: `Answered within ${within}, today’s staff (without the campaign)`, format: 'numeric' },
          erlangA ? { text: 'Callers who hang up, today’s staff', format: 'numeric' } : { text: 'Average wait, today’s staff', format: 'numeric' },
          { text: 'Staff needed set by' },
        ]}
        rows={view.days.map((d): TableCell[] => {
          const o = d.outcome.total.central
          const rule = mainRuleOf(d.bindingRules)
          const short = d.totalFte.central > d.availableFte
          return [
            { text: shortDate(d.date), classes: 'govuk-!-font-weight-regular' },
            {
              text: (
                <>
                  {calls(d.calls.central)}
                  <span className="app-block app-secondary">
                    {calls(d.calls.low)} to {calls(d.calls.high)}
                  </span>
                </>
              ),
              format: 'numeric',
              attributes: { 'data-cell': 'central' },
            },
            {
              text: (
                <>
                  {fte(d.totalFte.central)}
                  {short ? <strong className="app-short"> short</strong> : null}
                  <span className="app-block app-secondary">{fte(d.requiredFte.central)}</span>
                </>
              ),
              format: 'numeric',
            },
            { text: fte(d.availableFte), format: 'numeric' },
            {
              text: (
                <>
                  {percent(o.serviceLevel)}
                  <span className="app-block app-secondary">{percent(d.outcome.baseline.serviceLevel)}</span>
                </>
              ),
              format: 'numeric',
              attributes: { 'data-cell': 'service-level' },
            },
            {
              text: erlangA ? calls(o.abandoned ?? 0) : o.asaSeconds === null ? 'No limit' : duration(o.asaSeconds),
              format: 'numeric',
              attributes: { 'data-cell': erlangA ? 'abandoned' : 'wait' },
            },
            { text: rule ? `${RULE_LABELS[rule.rule]} (${rule.halfHours} of ${rule.of})` : '' },
          ]
        })}
      />
    </TableRegion>
  )
}

/** The sentence under a helpline's heading: its calls, busiest day, extra staff and days short. */
function HelplineSummary({ view }: { view: HelplineView }) {
  const rules = mainRuleOf(view.totals.bindingRules)
  return (
    <>
      <p className="govuk-body">
        {calls(view.totals.calls.central)} calls expected (P10 {calls(view.totals.calls.low)}, P90 {calls(view.totals.calls.high)});{' '}
        {view.peakDay ? `busiest on ${longDate(view.peakDay.date)} with ${calls(view.peakDay.calls.central)}` : 'no busiest day'};{' '}
        {fte(view.totals.requiredFteDays.central)} extra FTE-days;{' '}
        {view.totals.daysOverCapacity.central === 0
          ? 'enough staff every day'
          : `short of staff on ${view.totals.daysOverCapacity.central} day${view.totals.daysOverCapacity.central === 1 ? '' : 's'}`}
        .
      </p>
      <p className="govuk-body" data-staffed-to={view.staffToPercentile}>
        {staffedToSentence(view.staffToPercentile)}: the FTE needed and what today’s staff achieve are for a day that busy.
      </p>
      {rules && view.settings ? (
        <p className="govuk-body">
          Over the campaign’s days, with today’s staff, {outcomeClause(view.totals.outcome.total.central, view.settings)}; without the campaign,{' '}
          {outcomeClause(view.totals.outcome.baseline, view.settings)}. {capitalise(ruleWords(rules.rule, view.settings))} sets the staff needed in{' '}
          {calls(rules.halfHours)} of {calls(rules.of)} half hours.
        </p>
      ) : null}
    </>
  )
}

/** The forecast's outputs: the answer first, then the summary, charts (in the browser) and their data tables. */
export function ForecastOutputs({
  forecast,
  chartsEnabled,
  briefingHref,
  children,
  dispersion,
}: {
  forecast: CampaignForecast
  /** True once hydrated: charts and the day simulation run in the browser only. */
  chartsEnabled: boolean
  /** A link to the printable briefing for a helpline, when the figures shown are the saved ones. */
  briefingHref?: (helplineId: string) => string
  /** Shown after the answer and before the rest (the actual calls of a launched campaign). */
  children?: ReactNode
  /** The day-to-day dispersion the forecast used, and where it came from. */
  dispersion?: DispersionInUse
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
        {children}
      </div>
    )
  }
  const { result } = forecast
  const views = helplineViews(result, forecast.input.helplines)
  const summary = result.summary
  const helplineName = new Map(views.map((v) => [v.id, v.name]))
  const helplineSettings = new Map(views.map((v) => [v.id, v.settings]))
  const daysShort = views.reduce((n, v) => n + v.totals.daysOverCapacity.central, 0)
  const busiest = summary.peakInterval
  const busiestSettings = busiest ? helplineSettings.get(busiest.helplineId) : null
  return (
    <div id="forecast-outputs">
      {result.warnings.map((w) => (
        <WarningText key={w} text={w} />
      ))}
      {excluded}
      <h2 className="govuk-heading-m">With today’s staff</h2>
      <div id="forecast-answer">
        {views.map((view) => (
          <PeakDayAnswer key={view.id} view={view} />
        ))}
      </div>
      {children}

      <h2 className="govuk-heading-m">Summary</h2>
      <p className="govuk-body" id="forecast-band-meaning">
        Each figure is the number of calls expected (the mean). P10 and P90 are the 10th and 90th percentiles: about 8 days in 10
        should fall between them, 1 in 10 below P10 and 1 in 10 above P90. They allow for how uncertain the contact rate is and for
        calls varying from day to day. The chart’s band shows them.
      </p>
      {dispersion ? (
        <p className="govuk-body" id="forecast-dispersion" data-dispersion-source={dispersion.source}>
          {describeDispersion(dispersion)}
        </p>
      ) : null}
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
              text: busiest
                ? `${calls(busiest.agents)} agents at ${helplineName.get(busiest.helplineId)}, ${longDate(busiest.date)} from ${formatTime(busiest.time)} (${calls(busiest.campaignAgents)} of them for this campaign)${busiestSettings ? `, set by ${ruleWords(busiest.bindingRule, busiestSettings)}` : ''}`
                : 'None',
            },
          },
          { key: { text: 'Extra staff for the campaign' }, value: { text: `${range(summary.requiredFteDays, fte)} FTE-days` } },
          { key: { text: 'Days short of staff (central)' }, value: { text: String(daysShort) } },
        ]}
      />
      <FteDaysExplained />

      <h2 className="govuk-heading-m">Waves</h2>
      <TableRegion label="Waves">
        <Table
          caption="When each wave is sent and delivered, and its calls"
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[{ text: 'Message' }, { text: 'Sent' }, { text: 'Delivered' }, { text: 'Deadline' }, { text: 'Customers', format: 'numeric' }, { text: 'Calls (central)', format: 'numeric' }]}
          rows={result.messages.flatMap((m) =>
            m.waves.map((w): TableCell[] => [
              {
                text: (
                  <>
                    {m.name} <span className="govuk-hint govuk-!-font-size-16 app-block">{CHANNEL_NAMES[m.channel]}</span>
                  </>
                ),
                classes: 'govuk-!-font-weight-regular',
              },
              { text: shortDate(w.sendDate) },
              { text: shortDate(w.deliveryDate) },
              { text: w.deadlineDate ? shortDate(w.deadlineDate) : 'None' },
              { text: calls(w.volume), format: 'numeric' },
              { text: calls(w.calls.central), format: 'numeric' },
            ]),
          )}
        />
      </TableRegion>

      {views.map((view) => (
        <section key={view.id} className="app-helpline-forecast" aria-labelledby={`helpline-${view.id}`}>
          <h2 className="govuk-heading-m" id={`helpline-${view.id}`}>
            {view.name}
          </h2>
          <HelplineSummary view={view} />
          {briefingHref ? (
            <p className="govuk-body app-no-print">
              <a className="govuk-link" href={briefingHref(view.id)}>
                Printable briefing for {view.name}
              </a>
            </p>
          ) : null}
          {chartsEnabled && view.days.length > 0 ? (
            <Suspense fallback={<p className="govuk-body">Loading the charts…</p>}>
              <HelplineCharts name={view.name} calls={view.callsChart} fte={view.fteChart} outcome={view.outcomeChart} targetPercent={view.settings?.target.percent ?? null} />
            </Suspense>
          ) : null}
          {view.days.length > 0 ? (
            <Details summaryText={`Day by day at ${view.name}`} attributes={{ 'data-days': view.id }}>
              <DailyTable view={view} />
            </Details>
          ) : (
            <p className="govuk-body">No calls are forecast for this helpline.</p>
          )}
          {view.settings && view.peakDay && view.peakDayIntervals?.length ? (
            <PeakDaySimulation helpline={view.settings} date={view.peakDay.date} intervals={view.peakDayIntervals} hydrated={chartsEnabled} />
          ) : null}
        </section>
      ))}
    </div>
  )
}
