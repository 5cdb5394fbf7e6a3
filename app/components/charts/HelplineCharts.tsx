// The forecast page's charts. This is the only module that imports recharts, and the page loads it lazily in
// the browser only, so recharts stays in its own chunk and never renders on the server (its inline styles
// would break the strict style-src CSP). The data table beside each chart is the accessible alternative.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CallsPoint, FtePoint, OutcomePoint } from '../forecast-view'
import { BAND_FILL, GRID, LINE } from './palette'
import { endLabel, MARGIN, TICK, xAxisTitle, yAxisTitle } from './parts'

const legendText = (value: string) => <span className="app-chart__legend-text">{value}</span>

const wholeNumber = (value: unknown): string => (typeof value === 'number' ? Math.round(value).toLocaleString('en-GB') : Array.isArray(value) ? value.map(wholeNumber).join(' to ') : String(value))
const oneDecimal = (value: unknown): string =>
  typeof value === 'number'
    ? value.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })
    : Array.isArray(value)
      ? value.map(oneDecimal).join(' to ')
      : String(value)

export function CallsChart({ data }: { data: CallsPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={340}>
      <ComposedChart data={data} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={TICK} minTickGap={16} interval="preserveStartEnd" label={xAxisTitle('Date')} height={48} />
        <YAxis tick={TICK} tickFormatter={(v: number) => v.toLocaleString('en-GB')} width={80} label={yAxisTitle('Calls a day')} />
        <Tooltip formatter={wholeNumber} />
        <Legend formatter={legendText} itemSorter={null} />
        <Area type="monotone" dataKey="band" name="Low to high" stroke={LINE.callsBandEdge} strokeWidth={1.5} fill={BAND_FILL.calls} fillOpacity={0.8} isAnimationActive={false} />
        <Line type="monotone" dataKey="central" name="Calls (central)" stroke={LINE.central} strokeWidth={3} dot={false} isAnimationActive={false} className="app-chart-central" />
      </ComposedChart>
    </ResponsiveContainer>
  )
}

export function FteChart({ data }: { data: FtePoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={340}>
      <ComposedChart data={data} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={TICK} minTickGap={16} interval="preserveStartEnd" label={xAxisTitle('Date')} height={48} />
        <YAxis tick={TICK} tickFormatter={(v: number) => v.toLocaleString('en-GB')} width={72} label={yAxisTitle('Staff (FTE)')} />
        <Tooltip formatter={oneDecimal} />
        <Legend formatter={legendText} itemSorter={null} />
        <Area type="monotone" dataKey="neededBand" name="Needed, low to high" stroke={LINE.neededBandEdge} strokeWidth={1.5} fill={BAND_FILL.needed} fillOpacity={0.8} isAnimationActive={false} />
        <Line type="monotone" dataKey="needed" name="Needed with the campaign (central)" stroke={LINE.needed} strokeWidth={3} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="baseline" name="Needed without the campaign" stroke={LINE.withoutCampaign} strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line
          type="stepAfter"
          dataKey="available"
          name="Available"
          stroke={LINE.available}
          strokeWidth={3}
          dot={false}
          isAnimationActive={false}
          label={endLabel('Available', LINE.available, data.length)}
        />
      </ComposedChart>
    </ResponsiveContainer>
  )
}

const wholePercent = (value: unknown): string =>
  typeof value === 'number' ? `${Math.round(value)}%` : Array.isArray(value) ? value.map(wholePercent).join(' to ') : String(value)

/** The share of calls answered within the target time with today's staff, with and without the campaign. */
export function OutcomeChart({ data, targetPercent }: { data: OutcomePoint[]; targetPercent: number | null }) {
  return (
    <ResponsiveContainer width="100%" height={340}>
      <ComposedChart data={data} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={TICK} minTickGap={16} interval="preserveStartEnd" label={xAxisTitle('Date')} height={48} />
        <YAxis tick={TICK} domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={72} label={yAxisTitle('Answered in time (%)')} />
        <Tooltip formatter={wholePercent} />
        <Legend formatter={legendText} itemSorter={null} />
        <Area type="monotone" dataKey="withCampaignBand" name="With the campaign, high to low" stroke={LINE.callsBandEdge} strokeWidth={1.5} fill={BAND_FILL.calls} fillOpacity={0.8} isAnimationActive={false} />
        <Line type="monotone" dataKey="withCampaign" name="With the campaign (central)" stroke={LINE.central} strokeWidth={3} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="baselineOnly" name="Without the campaign" stroke={LINE.withoutCampaign} strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} />
        {targetPercent !== null ? <ReferenceLine y={targetPercent} stroke={LINE.available} strokeWidth={2} label={{ value: 'Target', position: 'insideTopRight', fontSize: 14, fill: LINE.available, fontWeight: 700 }} /> : null}
      </ComposedChart>
    </ResponsiveContainer>
  )
}

/** Default export for React.lazy. */
export default function HelplineCharts({
  name,
  calls,
  fte,
  outcome,
  targetPercent,
}: {
  name: string
  calls: CallsPoint[]
  fte: FtePoint[]
  outcome: OutcomePoint[]
  targetPercent: number | null
}) {
  return (
    <div className="govuk-grid-row">
      <figure className="govuk-grid-column-full app-chart">
        <figcaption className="govuk-body-s govuk-!-font-weight-bold">Calls answered within the target time at {name}, with today’s staff</figcaption>
        <div
          role="img"
          aria-label={`Chart of the share of calls ${name} answers within its target time each day with the staff it has, with and without the campaign, against the target. The day-by-day table gives the same figures.`}
          className="app-chart__plot"
          data-chart="outcome"
        >
          <OutcomeChart data={outcome} targetPercent={targetPercent} />
        </div>
      </figure>
      <figure className="govuk-grid-column-one-half app-chart">
        <figcaption className="govuk-body-s govuk-!-font-weight-bold">Daily calls to {name}</figcaption>
        <div role="img" aria-label={`Chart of the daily calls to ${name}: the expected calls with a band from the 10th to the 90th percentile of each day’s calls. The table below gives the same figures.`} className="app-chart__plot" data-chart="calls">
          <CallsChart data={calls} />
        </div>
      </figure>
      <figure className="govuk-grid-column-one-half app-chart">
        <figcaption className="govuk-body-s govuk-!-font-weight-bold">Staff needed and available at {name} (FTE)</figcaption>
        <div role="img" aria-label={`Chart of the FTE ${name} needs each day with and without the campaign, against the FTE available. The table below gives the same figures.`} className="app-chart__plot" data-chart="fte">
          <FteChart data={fte} />
        </div>
      </figure>
    </div>
  )
}
