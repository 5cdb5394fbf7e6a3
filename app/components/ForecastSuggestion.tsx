import { Link } from '@remix-run/react'
import { CHANNEL_NAMES, type Channel } from '~/forecast/delivery'
import { busiestDay, FIRST_WEEK_WORKING_DAYS, type CurveShape, type Suggestion } from '~/forecast/learning'
import { calls } from './forecast-view'

const rate = (n: number) => `${n}%`

/**
 * Figures learnt from past campaigns, offered before a forecast is first saved. "Use these figures" submits the
 * forecast form (it is that form's button, placed here) so what was typed is kept; without JavaScript too.
 */
export function ForecastSuggestion({ suggestion }: { suggestion: Suggestion }) {
  const curves = Object.entries(suggestion.responseCurves) as [Channel, number[]][]
  return (
    <div className="govuk-inset-text app-suggestion" id="suggestion">
      <h2 className="govuk-heading-s">Figures from past campaigns</h2>
      <p className="govuk-body">
        Launched campaigns of the same tax regime that used the same kind of message received calls like this. You can start from their
        figures, or keep the usual starting values.
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li data-suggestion="rates">
          Contact rates: similar campaigns {rate(suggestion.contactRates.central)} (80% of campaigns between {rate(suggestion.contactRates.low)} and{' '}
          {rate(suggestion.contactRates.high)}), from {suggestion.pooling.campaigns} past campaign{suggestion.pooling.campaigns === 1 ? '' : 's'}
          {suggestion.pooling.campaigns < 3 ? ': so few that the band leans on how much campaigns usually differ' : ''}
        </li>
        {curves.map(([channel, curve]) => (
          <li key={channel} data-suggestion={`curve-${channel}`}>
            {CHANNEL_NAMES[channel]} response curve: {curve.length} working days, busiest on working day {busiestDay(curve)} ({rate(curve[busiestDay(curve)]!)} of the calls)
            {suggestion.curveShapes[channel] ? <CurveShapeText shape={suggestion.curveShapes[channel]!} /> : null}
          </li>
        ))}
      </ul>
      <p className="govuk-body">Drawn from:</p>
      <ul className="govuk-list" id="suggestion-sources">
        {suggestion.sources.map((s) => (
          <li key={s.ref}>
            <Link className="govuk-link" to={`/campaigns/${s.ref}`}>
              {s.ref} {s.name}
            </Link>
            : {rate(s.ratePercent)} of {calls(s.recipients)} customers called
            {s.curveChannels.length ? `; its ${s.curveChannels.map((c) => CHANNEL_NAMES[c].toLowerCase()).join(' and ')} response curve` : ''}
          </li>
        ))}
      </ul>
      <div className="govuk-button-group">
        <button type="submit" form="forecast-form" name="intent" value="use-suggestion" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Use these figures
        </button>
        <a className="govuk-link" href="?suggestion=hide#forecast-form">
          Keep the starting values
        </a>
      </div>
    </div>
  )
}

/** How sure the suggested curve's shape is: the first week's share of calls and the busiest day, across campaigns. */
function CurveShapeText({ shape }: { shape: CurveShape }) {
  const { firstWeekPercent: week, peakDay } = shape
  return (
    <span data-suggestion="curve-shape">
      {'. '}
      {rate(week.central)} of the calls in the first {FIRST_WEEK_WORKING_DAYS} working days
      {week.low !== null && week.high !== null
        ? ` (80% of campaigns between ${rate(week.low)} and ${rate(week.high)}, from ${shape.campaigns} past campaigns’ curves)`
        : ' (from 1 past campaign’s curve: too few to say how much curves differ)'}
      {shape.campaigns >= 2 ? (peakDay.earliest === peakDay.latest ? `; every one busiest on working day ${peakDay.earliest}` : `; their busiest day ranged from working day ${peakDay.earliest} to ${peakDay.latest}`) : ''}
    </span>
  )
}
