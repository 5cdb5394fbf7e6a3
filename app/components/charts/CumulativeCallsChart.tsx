// Calls so far, actual against forecast, over the days with actuals. Loaded lazily in the browser only; the
// table beside it has the same figures. Colours as the actual-calls chart's.
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { GRID, LINE } from './palette'

export interface CumulativeChartPoint {
  label: string
  actual: number
  forecast: number
}

const BLUE = LINE.central
const BLACK = LINE.actual

const legendText = (value: string) => <span className="app-chart__legend-text">{value}</span>
const wholeNumber = (value: unknown): string => (typeof value === 'number' ? Math.round(value).toLocaleString('en-GB') : String(value))

export default function CumulativeCallsChart({ points }: { points: CumulativeChartPoint[] }) {
  return (
    <figure className="app-chart">
      <figcaption className="govuk-body-s govuk-!-font-weight-bold">Calls so far: actual against the forecast</figcaption>
      <div role="img" aria-label="Chart of the actual calls so far against the forecast's calls so far, day by day. The table below gives the same figures." className="app-chart__plot" data-chart="cumulative-calls">
        <ResponsiveContainer width="100%" height={300}>
          <ComposedChart data={points} margin={{ top: 10, right: 20, bottom: 20, left: 10 }} accessibilityLayer={false}>
            <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 14 }} minTickGap={16} />
            <YAxis
              tick={{ fontSize: 14 }}
              tickFormatter={(v: number) => v.toLocaleString('en-GB')}
              width={80}
              label={{ value: 'Calls so far', angle: -90, position: 'insideLeft', style: { fontSize: 14, textAnchor: 'middle' } }}
            />
            <Tooltip formatter={wholeNumber} />
            <Legend formatter={legendText} />
            <Line type="monotone" dataKey="forecast" name="Forecast (mean)" stroke={BLUE} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="actual" name="Actual calls" stroke={BLACK} strokeWidth={3} dot={{ r: 3 }} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
