import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BACKGROUND, BAND_FILL, contrastRatio, LINE, relativeLuminance, SEGMENT_GAP, STACK } from './palette'

describe('contrastRatio', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    // GOV.UK's orange, which was too light for a line on white.
    expect(contrastRatio('#f47738', '#ffffff')).toBeCloseTo(2.78, 2)
    expect(contrastRatio('#1d70b8', '#ffffff')).toBeCloseTo(5.17, 2)
  })
  it('refuses what is not a colour', () => {
    expect(() => contrastRatio('orange', '#ffffff')).toThrow()
  })
})

describe('the chart colours', () => {
  it.each(Object.entries({ ...LINE, ...STACK }))('%s (%s) is at 3:1 or more against the page', (_name, colour) => {
    expect(contrastRatio(colour, BACKGROUND)).toBeGreaterThanOrEqual(3)
  })

  it('keeps band fills lighter than their edges, so the edges are what the eye follows', () => {
    expect(relativeLuminance(BAND_FILL.calls)).toBeGreaterThan(relativeLuminance(LINE.callsBandEdge))
    expect(relativeLuminance(BAND_FILL.needed)).toBeGreaterThan(relativeLuminance(LINE.neededBandEdge))
  })

  it('separates neighbouring stacked segments by lightness (the top one is hatched as well)', () => {
    const order = [STACK.baseline, STACK.launched, STACK.approved, STACK.planned]
    for (let i = 1; i < order.length; i++) expect(contrastRatio(order[i - 1]!, order[i]!), `${order[i - 1]} against ${order[i]}`).toBeGreaterThanOrEqual(1.5)
    expect(SEGMENT_GAP).toBe(BACKGROUND)
  })

  it('is the only place a chart names a colour', () => {
    const dir = path.resolve('app/components/charts')
    for (const file of fs.readdirSync(dir).filter((f) => /\.tsx$/.test(f))) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/i)
    }
  })
})
