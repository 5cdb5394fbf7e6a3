import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { calls, fte, helplineViews, longDate, shortDate } from '~/components/forecast-view'
import { DailyTable } from '~/components/ForecastOutputs'
import { BackLink, SummaryList, WarningText } from '~/components/govuk'
import { formatDateTime, formatNumber, NATION_LABELS } from '~/campaign/options'
import { CHANNEL_NAMES, POSTAGE_NAMES } from '~/forecast/delivery'
import { aggregateByIsoWeek } from '~/forecast/helpline-load'
import { defaultDelayDays } from '~/forecast/settings'
import { describeOpeningHours, staffingModel, trimNumber } from '~/helplines/helpline'
import { computeSavedForecast } from '~/models/forecast.server'
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
  const { data, forecast } = await computeSavedForecast(db, campaign)
  const helpline = data.helplines.find((h) => h.id === params.helplineId)
  const inForecast = forecast.ok ? forecast.result.helplines.find((h) => h.helplineId === params.helplineId) : undefined
  if (!helpline || !forecast.ok || !inForecast) throw notFound('This campaign’s saved forecast sends no calls to that helpline')
  const view = helplineViews(forecast.result).find((v) => v.id === helpline.id)!
  const weeks = aggregateByIsoWeek(view.days).filter((w) => w.calls.high > 0)
  const messages = forecast.result.messages
    .map((m) => {
      const share = data.saved.settings.messages[m.messageId]?.split[helpline.id] ?? 0
      const source = data.messages.find((s) => s.id === m.messageId)!
      return { ...m, share, postage: source.postage, deadlineDays: source.deadlineDays, delay: m.delayDays, usualDelay: defaultDelayDays(source) }
    })
    .filter((m) => m.share > 0)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, nation: campaign.nation, plannedLaunchDate: campaign.plannedLaunchDate },
    helpline,
    preparedAt: nowIso(),
    saved: { version: data.saved.version, updatedAt: data.saved.updatedAt, settings: data.saved.settings },
    view,
    weeks,
    messages,
    warnings: forecast.result.warnings,
  }
}

export default function Briefing() {
  const { campaign, helpline, preparedAt, saved, view, weeks, messages, warnings } = useLoaderData<typeof loader>()
  const [canPrint, setCanPrint] = useState(false)
  useEffect(() => setCanPrint(true), [])
  const s = saved.settings
  const changedCurves = Object.keys(s.responseCurves) as (keyof typeof CHANNEL_NAMES)[]
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
                ? `${longDate(view.peakInterval.date)} from ${view.peakInterval.time}: ${calls(view.peakInterval.agents)} agents in all, ${calls(view.peakInterval.campaignAgents)} of them for this campaign`
                : 'None',
            },
          },
          { key: { text: 'Extra staff for the campaign' }, value: { text: `${fte(view.totals.requiredFteDays.central)} FTE-days (low ${fte(view.totals.requiredFteDays.low)}, high ${fte(view.totals.requiredFteDays.high)})` } },
          { key: { text: 'Days short of staff (central)' }, value: { text: String(view.totals.daysOverCapacity.central) } },
        ]}
      />

      <h2 className="govuk-heading-m">Messages sending calls here</h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Messages and waves that send calls to {helpline.name}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Message</th>
            <th scope="col" className="govuk-table__header">Share of its calls</th>
            <th scope="col" className="govuk-table__header">Waves</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {messages.map((m) => (
            <tr className="govuk-table__row" key={m.messageId}>
              <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                {m.name}
                <span className="govuk-hint govuk-!-font-size-16 app-block">
                  {CHANNEL_NAMES[m.channel]}
                  {m.channel === 'letter' ? `, ${POSTAGE_NAMES[m.postage ?? 'second'].toLowerCase()}` : ''}
                  {m.deadlineDays ? `, reply within ${m.deadlineDays} days` : ''}
                  {m.delay !== m.usualDelay ? `, delivery delay set to ${m.delay} working days` : ''}
                </span>
              </th>
              <td className="govuk-table__cell">{trimNumber(m.share)}%</td>
              <td className="govuk-table__cell">
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {m.waves.map((w, i) => (
                    <li key={i}>
                      {formatNumber(w.volume)} sent {shortDate(w.sendDate)}, delivered {shortDate(w.deliveryDate)}
                      {w.deadlineDate ? `, deadline ${shortDate(w.deadlineDate)}` : ''}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">Week by week</h2>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Weekly calls and staff for {helpline.name}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Week starting</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Calls, low</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Calls, central</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Calls, high</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Campaign FTE a day (central)</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Busiest day’s FTE in all</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">FTE available</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Days short</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {weeks.map((w) => (
            <tr className="govuk-table__row" key={w.weekStart}>
              <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">{shortDate(w.weekStart)}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{calls(w.calls.low)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{calls(w.calls.central)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{calls(w.calls.high)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{fte(w.requiredFte.central)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{fte(w.peakTotalFte.central)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{fte(w.availableFte)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{w.daysOverCapacity.central}</td>
            </tr>
          ))}
        </tbody>
      </table>

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
          { key: { text: 'Deadline bump' }, value: { text: s.deadlineBump.sharePercent > 0 ? `${trimNumber(s.deadlineBump.sharePercent)}% of a letter’s calls over the ${s.deadlineBump.workingDays} working days up to its deadline` : 'None' } },
          { key: { text: 'Working days' }, value: { text: `Weekends and ${NATION_LABELS[campaign.nation]} bank holidays are not working days` } },
          { key: { text: 'Opening hours' }, value: { text: describeOpeningHours(helpline.openingHours) } },
          { key: { text: 'Average handle time' }, value: { text: `${formatNumber(helpline.ahtSeconds)} seconds` } },
          { key: { text: 'Service-level target' }, value: { text: `${trimNumber(helpline.targetPercent)}% of calls answered within ${helpline.targetSeconds} seconds` } },
          { key: { text: 'Staffing model' }, value: { text: staffingModel(helpline.patienceSeconds) } },
          { key: { text: 'Shrinkage and occupancy' }, value: { text: `${trimNumber(helpline.shrinkagePercent)}% shrinkage, at most ${trimNumber(helpline.maxOccupancyPercent)}% occupancy` } },
          { key: { text: 'Baseline calls' }, value: { text: `${formatNumber(helpline.baselineCallsPerDay)} on an average open day` } },
          { key: { text: 'Staff' }, value: { text: `${trimNumber(helpline.availableFte)} FTE available, ${trimNumber(helpline.paidHoursPerFte)} paid hours per FTE per day` } },
        ]}
      />
      <p className="govuk-body-s">
        Calls are expected values, rounded for display. FTE needed in all covers the helpline’s baseline and this campaign
        together; campaign FTE is the difference the campaign makes.
      </p>
    </div>
  )
}
