import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { calls, fte, helplineView, longDate, percent, shortDate } from '~/components/forecast-view'
import { FteDaysExplained } from '~/components/Explained'
import { ReforecastDaysTable } from '~/components/ReforecastSection'
import { DailyTable, PeakDayAnswer } from '~/components/ForecastOutputs'
import { BackLink, SummaryList, Table, WarningText } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { useHydrated } from '~/components/use-hydrated'
import { formatDate, formatTime } from '~/campaign/format'
import { formatDateTime, formatNumber, NATION_LABELS } from '~/campaign/options'
import { CHANNEL_NAMES, POSTAGE_NAMES } from '~/forecast/delivery'
import { describeDispersion } from '~/forecast/intervals'
import { describeOpeningHours, extraStaffingRules, staffedToSentence, staffingModel, trimNumber } from '~/helplines/helpline'
import { loadHelplineBriefing } from '~/models/forecast-page.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { nowIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { notFound } from '~/http/responses.server'

export const handle = {
  title: (data: { helpline?: { name: string }; campaign?: { ref: string } } | undefined) =>
    data?.helpline ? `Call forecast briefing: ${data.helpline.name}, ${data.campaign?.ref}` : 'Call forecast briefing',
}

/** A printable briefing for one helpline, from the saved forecast inputs (never an unsaved preview). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  const briefing = await loadHelplineBriefing(db, campaign, params.helplineId ?? '')
  if (!briefing) throw notFound('This campaign’s saved forecast sends no calls to that helpline')
  return { ...briefing, preparedAt: nowIso() }
}

export default function Briefing() {
  const { campaign, helpline, helplineNation, preparedAt, saved, forecast, settings, weeks, messages, warnings, reforecast, dispersion } = useLoaderData<typeof loader>()
  const canPrint = useHydrated()
  const view = useMemo(() => helplineView(forecast, settings), [forecast, settings])
  const s = saved.settings
  const changedCurves = Object.keys(s.responseCurves) as (keyof typeof CHANNEL_NAMES)[]
  const rules = extraStaffingRules(helpline)
  return (
    <div className="app-briefing">
      <BackLink href={`/campaigns/${campaign.ref}/forecast`} text="Back to the forecast" />
      <span className="govuk-caption-l">
        Call forecast briefing · {campaign.ref} {campaign.name}
      </span>
      <h1 className="govuk-heading-l">{helpline.name}</h1>
      <p className="govuk-body">
        Prepared {formatDateTime(preparedAt)} from the campaign’s saved forecast inputs (version {saved.version}
        {saved.updatedAt ? `, saved ${formatDateTime(saved.updatedAt)}` : ''}).
      </p>
      {canPrint ? (
        // Printing needs JavaScript; without it the browser's own print command does the same.
        <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
          Print this briefing
        </button>
      ) : null}
      {warnings.map((w) => (
        <WarningText key={w} text={w} />
      ))}

      <h2 className="govuk-heading-m">With today’s staff</h2>
      <PeakDayAnswer view={view} />

      <h2 className="govuk-heading-m">What to expect</h2>
      <SummaryList
        rows={[
          { key: { text: 'Calls from this campaign' }, value: { text: `${calls(view.totals.calls.central)} (low ${calls(view.totals.calls.low)}, high ${calls(view.totals.calls.high)})` } },
          {
            key: { text: 'Calls arrive' },
            value: { text: view.days.length ? `${longDate(view.days[0]!.date)} to ${longDate(view.days[view.days.length - 1]!.date)}` : 'No calls are forecast' },
          },
          {
            key: { text: 'Peak day' },
            value: { text: view.peakDay ? `${longDate(view.peakDay.date)}: ${calls(view.peakDay.calls.central)} campaign calls (low ${calls(view.peakDay.calls.low)}, high ${calls(view.peakDay.calls.high)})` : 'None' },
          },
          {
            key: { text: 'Busiest half hour' },
            value: {
              text: view.peakInterval
                ? `${longDate(view.peakInterval.date)} from ${formatTime(view.peakInterval.time)}: ${calls(view.peakInterval.agents)} agents in all, ${calls(view.peakInterval.campaignAgents)} of them for this campaign`
                : 'None',
            },
          },
          { key: { text: 'Extra staff for the campaign' }, value: { text: `${fte(view.totals.requiredFteDays.central)} FTE-days (low ${fte(view.totals.requiredFteDays.low)}, high ${fte(view.totals.requiredFteDays.high)})` } },
          { key: { text: 'Days short of staff (central)' }, value: { text: String(view.totals.daysOverCapacity.central) } },
        ]}
      />
      <FteDaysExplained />

      {reforecast ? (
        <section id="briefing-reforecast" aria-labelledby="briefing-reforecast-heading">
          <h2 className="govuk-heading-m" id="briefing-reforecast-heading">
            Re-forecast from the calls so far
          </h2>
          <p className="govuk-body" data-reforecast="summary">
            The campaign has launched and was re-forecast (version {reforecast.saved.version}, {formatDateTime(reforecast.saved.madeAt)}) from {calls(reforecast.saved.actualCalls)} calls to{' '}
            {formatDate(reforecast.saved.throughDate)} against {calls(reforecast.saved.expectedCalls)} expected. Its central contact rate is now{' '}
            <span data-reforecast="rate">{trimNumber(Math.round(reforecast.saved.rates.central * 1000) / 1000)}%</span> (P10 {trimNumber(Math.round(reforecast.saved.rates.low * 1000) / 1000)}%, P90{' '}
            {trimNumber(Math.round(reforecast.saved.rates.high * 1000) / 1000)}%), against the forecast’s {trimNumber(reforecast.forecastRates.central)}% ({trimNumber(reforecast.forecastRates.low)}% to{' '}
            {trimNumber(reforecast.forecastRates.high)}%). The rest of this briefing is the forecast as saved; for the days still to come, staff to the re-forecast.
          </p>
          {reforecast.days.length ? (
            <>
              <p className="govuk-body" data-reforecast="remaining">
                Still to come at {helpline.name}: {calls(reforecast.days.reduce((n, d) => n + d.reforecast.calls.central, 0))} calls re-forecast, against{' '}
                {calls(reforecast.days.reduce((n, d) => n + d.original.calls.central, 0))} in the forecast.
              </p>
              <ReforecastDaysTable helplineId={helpline.id} name={helpline.name} throughDate={reforecast.saved.throughDate} days={reforecast.days} />
            </>
          ) : (
            <p className="govuk-body">The forecast expects no more calls here after {formatDate(reforecast.saved.throughDate)}.</p>
          )}
        </section>
      ) : null}

      <h2 className="govuk-heading-m">Messages sending calls here</h2>
      <TableRegion label={`Messages sending calls to ${helpline.name}`}>
        <Table
          caption={`Messages and waves that send calls to ${helpline.name}`}
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[{ text: 'Message' }, { text: 'Share of its calls' }, { text: 'Waves' }]}
          rows={messages.map((m) => [
            {
              text: (
                <>
                  {m.name}
                  <span className="govuk-hint govuk-!-font-size-16 app-block">
                    {CHANNEL_NAMES[m.channel]}
                    {m.channel === 'letter' ? `, ${POSTAGE_NAMES[m.postage ?? 'second'].toLowerCase()}` : ''}
                    {m.deadlineDays ? `, reply within ${m.deadlineDays} days` : ''}
                    {m.deliveryProfile ? `, delivered by ${m.deliveryProfile}` : ''}
                    {m.delay !== m.usualDelay ? `, delivery delay set to ${m.delay} working days` : ''}
                  </span>
                </>
              ),
              classes: 'govuk-!-font-weight-regular',
            },
            { text: `${trimNumber(m.share)}%` },
            {
              text: (
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {m.waves.map((w, i) => (
                    <li key={i}>
                      {formatNumber(w.volume)} sent {shortDate(w.sendDate)}, delivered {shortDate(w.deliveryDate)}
                      {w.deadlineDate ? `, deadline ${shortDate(w.deadlineDate)}` : ''}
                    </li>
                  ))}
                </ul>
              ),
            },
          ])}
        />
      </TableRegion>

      <h2 className="govuk-heading-m">Week by week</h2>
      <TableRegion label={`Week by week at ${helpline.name}`}>
        <Table
          caption={`Weekly calls and staff for ${helpline.name}`}
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[
            { text: 'Week starting' },
            { text: 'Calls expected (days’ P10 to P90, summed)', format: 'numeric' },
            { text: 'Campaign FTE a day', format: 'numeric' },
            { text: 'Busiest day’s FTE in all', format: 'numeric' },
            { text: 'FTE available', format: 'numeric' },
            { text: 'Answered within target, today’s staff', format: 'numeric' },
            { text: 'Days short', format: 'numeric' },
          ]}
          rows={weeks.map((w) => [
            { text: shortDate(w.weekStart), classes: 'govuk-!-font-weight-regular' },
            {
              text: (
                <>
                  {calls(w.calls.central)}
                  <span className="app-block app-secondary">
                    {calls(w.calls.low)} to {calls(w.calls.high)}
                  </span>
                </>
              ),
              format: 'numeric',
            },
            { text: fte(w.requiredFte.central), format: 'numeric' },
            { text: fte(w.peakTotalFte.central), format: 'numeric' },
            { text: fte(w.availableFte), format: 'numeric' },
            { text: percent(w.outcome.central.serviceLevel), format: 'numeric' },
            { text: String(w.daysOverCapacity.central), format: 'numeric' },
          ])}
        />
      </TableRegion>

      <h2 className="govuk-heading-m">Day by day</h2>
      <DailyTable view={view} />

      <h2 className="govuk-heading-m">Assumptions</h2>
      <SummaryList
        rows={[
          { key: { text: 'Contact rates' }, value: { text: `${trimNumber(s.contactRates.central)}% central, ${trimNumber(s.contactRates.low)}% low, ${trimNumber(s.contactRates.high)}% high` } },
          {
            key: { text: 'Response curves' },
            value: { text: changedCurves.length ? `Changed by the campaign team for ${changedCurves.map((c) => CHANNEL_NAMES[c].toLowerCase()).join(', ')}; the starting curves otherwise` : 'The starting curves for each channel' },
          },
          { key: { text: 'Day-to-day variation' }, value: { text: <span data-briefing="dispersion">{describeDispersion(dispersion)}</span> } },
          { key: { text: 'Deadline bump' }, value: { text: s.deadlineBump.sharePercent > 0 ? `${trimNumber(s.deadlineBump.sharePercent)}% of a letter’s calls over the ${s.deadlineBump.workingDays} working days up to its deadline` : 'None' } },
          {
            key: { text: 'Working days' },
            value: { text: `Post arrives and calls come on working days: weekends and ${NATION_LABELS[campaign.nation]} bank holidays are not. The helpline closes on ${NATION_LABELS[helplineNation]} bank holidays.` },
          },
          { key: { text: 'Opening hours' }, value: { text: describeOpeningHours(helpline.openingHours) } },
          { key: { text: 'Average handle time' }, value: { text: `${formatNumber(helpline.ahtSeconds)} seconds` } },
          { key: { text: 'Service-level target' }, value: { text: `${trimNumber(helpline.targetPercent)}% of calls answered within ${helpline.targetSeconds} seconds` } },
          { key: { text: 'Staffing model' }, value: { text: staffingModel(helpline.patienceSeconds) } },
          { key: { text: 'Shrinkage and occupancy' }, value: { text: `${trimNumber(helpline.shrinkagePercent)}% shrinkage, at most ${trimNumber(helpline.maxOccupancyPercent)}% occupancy` } },
          { key: { text: 'Other staffing rules' }, value: { text: rules ?? 'None' } },
          { key: { text: 'Staff to' }, value: { text: staffedToSentence(forecast.staffToPercentile) } },
          { key: { text: 'Baseline calls' }, value: { text: `${formatNumber(helpline.baselineCallsPerDay)} on an average open day` } },
          { key: { text: 'Staff' }, value: { text: `${trimNumber(helpline.availableFte)} FTE available, ${trimNumber(helpline.paidHoursPerFte)} paid hours per FTE per day` } },
        ]}
      />
      <p className="govuk-body-s">
        Calls are expected values, rounded for display. FTE needed in all covers the helpline’s baseline and this campaign
        together; campaign FTE is the difference the campaign makes. What today’s staff achieve spreads the available FTE,
        less shrinkage, over each day’s half hours as the helpline’s usual calls need them.
      </p>
    </div>
  )
}
