// The helpline calendar's charts: weekly calls and FTE, stacked baseline, launched, approved and planned, with the
// available FTE as a line. Loaded lazily in the browser only (see HelplineCharts.tsx for why); the week-by-week
// table on the page carries every figure, and is what readers without JavaScript or sight of the chart use.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { CalendarPoint } from '../calendar-view'
import { GRID, LINE, PLANNED_HATCH_ID, SEGMENT_GAP, STACK } from './palette'
import { endLabel, hasData, MARGIN, PlannedHatch, TICK, xAxisTitle, yAxisTitle } from './parts'

const legendText = (value: string) => <span className="app-chart__legend-text">{value}</span>
const wholeNumber = (value: unknown): string => (typeof value === 'number' ? Math.round(value).toLocaleString('en-GB') : String(value))
const oneDecimal = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }) : String(value))

/** The stack from the bottom up; the legend lists it in the same order, leaving out groups with nothing in them. */
const SEGMENTS = [
  { group: 'baseline', name: 'Baseline', fill: () => STACK.baseline },
  { group: 'launched', name: 'Launched', fill: () => STACK.launched },
  { group: 'approved', name: 'Approved', fill: () => STACK.approved },
  { group: 'planned', name: 'Planned', fill: (measure: string) => `url(#${PLANNED_HATCH_ID}-${measure})` },
] as const

function stackedBars(points: CalendarPoint[], measure: 'Calls' | 'Fte') {
  return SEGMENTS.filter((segment) => hasData(points, `${segment.group}${measure}` as keyof CalendarPoint)).map((segment) => (
    <Bar
      key={segment.group}
      dataKey={`${segment.group}${measure}`}
      name={segment.name}
      stackId={measure}
      fill={segment.fill(measure)}
      stroke={SEGMENT_GAP}
      strokeWidth={1}
      isAnimationActive={false}
    />
  ))
}

export default function CalendarCharts({ name, points }: { name: string; points: CalendarPoint[] }) {
  return (
    <div className="govuk-grid-row">
      <figure className="govuk-grid-column-one-half app-chart">
        <figcaption className="govuk-body-s govuk-!-font-weight-bold">Calls to {name} each week</figcaption>
        <div role="img" aria-label={`Chart of the calls to ${name} each week: the baseline, then launched, approved and planned campaigns stacked on it. The table below gives the same figures.`} className="app-chart__plot" data-chart="calendar-calls">
          <ResponsiveContainer width="100%" height={340}>
            <ComposedChart data={points} margin={MARGIN} accessibilityLayer={false}>
              <PlannedHatch chart={'Calls'} />
              <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={TICK} minTickGap={16} interval="preserveStartEnd" label={xAxisTitle('Week beginning')} height={48} />
              <YAxis tick={TICK} tickFormatter={(v: number) => v.toLocaleString('en-GB')} width={88} label={yAxisTitle('Calls a week')} />
              <Tooltip formatter={wholeNumber} />
              <Legend formatter={legendText} itemSorter={null} />
              {stackedBars(points, 'Calls')}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="govuk-grid-column-one-half app-chart">
        <figcaption className="govuk-body-s govuk-!-font-weight-bold">Staff needed at {name} on an average open day (FTE)</figcaption>
        <div role="img" aria-label={`Chart of the FTE ${name} needs each week for its baseline and each group of campaigns, stacked, against the FTE available. The table below gives the same figures.`} className="app-chart__plot" data-chart="calendar-fte">
          <ResponsiveContainer width="100%" height={340}>
            <ComposedChart data={points} margin={MARGIN} accessibilityLayer={false}>
              <PlannedHatch chart={'Fte'} />
              <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={TICK} minTickGap={16} interval="preserveStartEnd" label={xAxisTitle('Week beginning')} height={48} />
              <YAxis tick={TICK} tickFormatter={(v: number) => v.toLocaleString('en-GB')} width={78} label={yAxisTitle('Staff (FTE)')} />
              <Tooltip formatter={oneDecimal} />
              <Legend formatter={legendText} itemSorter={null} />
              {stackedBars(points, 'Fte')}
              <Line
                type="stepAfter"
                dataKey="availableFte"
                name="Available"
                stroke={LINE.available}
                strokeWidth={3}
                dot={false}
                isAnimationActive={false}
                label={endLabel('Available', LINE.available, points.length)}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  )
}
