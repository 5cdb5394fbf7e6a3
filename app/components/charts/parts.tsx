// Pieces every chart shares: axis titles with their units, ticks that are never cut off, a direct label on a line,
// and the hatching of the top stacked segment.
import { BACKGROUND, PLANNED_HATCH_ID, STACK } from './palette'

export const TICK = { fontSize: 14 }

/** A title along the x axis, below its ticks. */
export const xAxisTitle = (value: string) => ({ value, position: 'insideBottom' as const, offset: -4, fontSize: 14 })

/** A title along the y axis, read bottom to top, outside its ticks. */
export const yAxisTitle = (value: string) => ({ value, angle: -90, position: 'insideLeft' as const, style: { textAnchor: 'middle' as const }, fontSize: 14 })

/** Room for the axis titles, and on the right for the last tick's label and a line's direct label. */
export const MARGIN = { top: 20, right: 28, bottom: 24, left: 16 }

/**
 * A label at the end of a line, in the line's colour, so the line is named where it is drawn and not only in the
 * legend. Recharts calls it for every point; only the last one is labelled.
 */
export function endLabel(text: string, colour: string, count: number) {
  function EndLabel(props: { index?: number; x?: number | string; y?: number | string }) {
    if (props.index !== count - 1 || typeof props.x !== 'number' || typeof props.y !== 'number') return <g />
    return (
      <text x={props.x - 4} y={props.y - 8} textAnchor="end" fill={colour} fontSize={14} fontWeight={700} data-direct-label={text}>
        {text}
      </text>
    )
  }
  return EndLabel
}

/** Diagonal stripes in the top segment's colour on white; one pattern for each chart, so no id repeats on a page. */
export function PlannedHatch({ chart }: { chart: string }) {
  return (
    <defs>
      <pattern id={`${PLANNED_HATCH_ID}-${chart}`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width={6} height={6} fill={BACKGROUND} />
        <rect width={3.5} height={6} fill={STACK.planned} />
      </pattern>
    </defs>
  )
}

/** Whether a series has anything to draw: a series with no data is left out of the chart and its legend. */
export const hasData = <T,>(points: T[], key: keyof T) => points.some((point) => typeof point[key] === 'number' && (point[key] as number) > 0)
