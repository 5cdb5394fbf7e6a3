// The colours every chart draws with, in one place so a unit test can hold each data mark to 3:1 against the white
// page (WCAG 1.4.11, non-text contrast). The stacked segments alternate dark and light, and the top one is hatched,
// so that neighbours stay apart for people who cannot tell blue from purple or green from grey (deuteranopia).
// No recharts import here: the test and the server can read it without loading the chart library.

/** The page behind every chart. */
export const BACKGROUND = '#ffffff'

/** Lines and the edges of bands: each one a data mark, each at 3:1 or more against the page. */
export const LINE = {
  /** A central forecast of calls, and the share answered in time with a campaign. */
  central: '#1d70b8',
  /** The edge of a low-to-high band of calls or answered calls. */
  callsBandEdge: '#5694ca',
  /** Staff needed with the campaign. */
  needed: '#4c2c92',
  /** The edge of the low-to-high band of staff needed. */
  neededBandEdge: '#d53880',
  /** Without the campaign: calls or staff the helpline would see anyway. Dashed. */
  withoutCampaign: '#505a5f',
  /** Staff available, and a service-level target: dark orange, labelled directly on the chart. */
  available: '#b24c17',
  /** Actual calls, drawn over the forecast. */
  actual: '#0b0c0c',
} as const

/** The fills inside a band's edges. Not data marks on their own (the edges are), so lighter than 3:1. */
export const BAND_FILL = {
  calls: '#b7d3ea',
  needed: '#f4c9dc',
} as const

/**
 * The stacked bars of the helpline calendar, bottom to top. Dark and light alternate; the top segment is hatched in
 * its colour on white. Every colour, and the hatching's stripes, is at 3:1 or more against the page.
 */
export const STACK = {
  baseline: '#6f777b',
  launched: '#12436d',
  approved: '#28a197',
  planned: '#801650',
} as const

/** The thin white line between stacked segments, which keeps neighbours apart whatever their colours. */
export const SEGMENT_GAP = BACKGROUND

/** The SVG pattern id of the hatched top segment. */
export const PLANNED_HATCH_ID = 'app-chart-planned-hatch'

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`)
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2 contrast ratio between two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** The grid behind the marks: not data, so it may be faint. */
export const GRID = '#cecece'
