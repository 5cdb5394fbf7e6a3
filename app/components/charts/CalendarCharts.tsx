// The helpline calendar's charts: weekly calls and FTE, stacked baseline, launched, approved and planned, with the
// available FTE as a line. Loaded lazily in the browser only (see HelplineCharts.tsx for why); the week-by-week
// table on the page carries every figure, and is what readers without JavaScript or sight of the chart use.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CalendarPoint } from '../calendar-view'

const MID_GREY = '#b1b4b6'
const BLUE = '#1d70b8'
const GREEN = '#00703c'
const PURPLE = '#4c2c92'
const ORANGE = '#f47738'

const legendText = (value: string) => <span className="app-chart__legend-text">{value}</span>
const wholeNumber = (value: unknown): string => (typeof value === 'number' ? Math.round(value).toLocaleString('en-GB') : String(value))
const oneDecimal = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }) : String(value))

export default function CalendarCharts({ name, points }: { name: string; points: CalendarPoint[] }) {
  return (
    <div className="govuk-grid-row">
      <figure className="govuk-grid-column-one-half app-chart">
        <figcaption className="govuk-body-s govuk-!-font-weight-bold">Calls to {name} each week</figcaption>
        <div role="img" aria-label={`Chart of the calls to ${name} each week: the baseline, then launched, approved and planned campaigns stacked on it. The table below gives the same figures.`} className="app-chart__plot" data-chart="calendar-calls">
          <ResponsiveContainer width="100%" height={320}>
            <ComposedChart data={points} margin={{ top: 10, right: 20, bottom: 5, left: 10 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#cecece" strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={{ fontSize: 14 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 14 }} tickFormatter={(v: number) => v.toLocaleString('en-GB')} width={80} />
              <Tooltip formatter={wholeNumber} />
              <Legend formatter={legendText} />
              <Bar dataKey="baselineCalls" name="Baseline" stackId="calls" fill={MID_GREY} isAnimationActive={false} />
              <Bar dataKey="launchedCalls" name="Launched" stackId="calls" fill={BLUE} isAnimationActive={false} />
              <Bar dataKey="approvedCalls" name="Approved" stackId="calls" fill={GREEN} isAnimationActive={false} />
              <Bar dataKey="plannedCalls" name="Planned" stackId="calls" fill={PURPLE} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="govuk-grid-column-one-half app-chart">
        <figcaption className="govuk-body-s govuk-!-font-weight-bold">Staff needed at {name} on an average open day (FTE)</figcaption>
        <div role="img" aria-label={`Chart of the FTE ${name} needs each week for its baseline and each group of campaigns, stacked, against the FTE available. The table below gives the same figures.`} className="app-chart__plot" data-chart="calendar-fte">
          <ResponsiveContainer width="100%" height={320}>
            <ComposedChart data={points} margin={{ top: 10, right: 20, bottom: 5, left: 10 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#cecece" strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={{ fontSize: 14 }} minTickGap={16} />
              <YAxis tick={{ fontSize: 14 }} tickFormatter={(v: number) => v.toLocaleString('en-GB')} width={70} />
              <Tooltip formatter={oneDecimal} />
              <Legend formatter={legendText} />
              <Bar dataKey="baselineFte" name="Baseline" stackId="fte" fill={MID_GREY} isAnimationActive={false} />
              <Bar dataKey="launchedFte" name="Launched" stackId="fte" fill={BLUE} isAnimationActive={false} />
              <Bar dataKey="approvedFte" name="Approved" stackId="fte" fill={GREEN} isAnimationActive={false} />
              <Bar dataKey="plannedFte" name="Planned" stackId="fte" fill={PURPLE} isAnimationActive={false} />
              <Line type="stepAfter" dataKey="availableFte" name="Available" stroke={ORANGE} strokeWidth={3} dot={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  )
}
