// Actual calls against the forecast band for one helpline. Loaded lazily in the browser only (see
// HelplineCharts.tsx); the table beside it has the same figures.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { BAND_FILL, GRID, LINE } from './palette'
import { MARGIN, TICK, xAxisTitle, yAxisTitle } from './parts'

export interface ActualsPoint {
  label: string
  actual: number
  central: number
  band: [number, number]
}

const legendText = (value: string) => <span className="app-chart__legend-text">{value}</span>
const wholeNumber = (value: unknown): string =>
  typeof value === 'number' ? Math.round(value).toLocaleString('en-GB') : Array.isArray(value) ? value.map(wholeNumber).join(' to ') : String(value)

export default function ActualsChart({ name, points }: { name: string; points: ActualsPoint[] }) {
  return (
    <figure className="app-chart">
      <figcaption className="govuk-body-s govuk-!-font-weight-bold">Actual calls to {name} against the forecast</figcaption>
      <div role="img" aria-label={`Chart of the actual calls to ${name} each day against the forecast's central line and its low to high band. The table below gives the same figures.`} className="app-chart__plot" data-chart="actuals">
        <ResponsiveContainer width="100%" height={340}>
          <ComposedChart data={points} margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={TICK} minTickGap={16} interval="preserveStartEnd" label={xAxisTitle('Date')} height={48} />
            <YAxis tick={TICK} tickFormatter={(v: number) => v.toLocaleString('en-GB')} width={80} label={yAxisTitle('Calls a day')} />
            <Tooltip formatter={wholeNumber} />
            <Legend formatter={legendText} itemSorter={null} />
            <Area type="monotone" dataKey="band" name="Forecast, low to high" stroke={LINE.callsBandEdge} strokeWidth={1.5} fill={BAND_FILL.calls} fillOpacity={0.8} isAnimationActive={false} />
            <Line type="monotone" dataKey="central" name="Forecast (central)" stroke={LINE.central} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="actual" name="Actual calls" stroke={LINE.actual} strokeWidth={3} dot={{ r: 3 }} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  )
}
