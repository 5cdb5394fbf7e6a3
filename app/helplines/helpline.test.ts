import { describe, expect, it } from 'vitest'
import { extraStaffingRules, starterHelplineSettings, targetCanBeMetByHangUps, toForecastHelpline } from './helpline'

const base = { ...starterHelplineSettings(), id: 'h', name: 'Helpline', ahtSeconds: 540, baselineCallsPerDay: 1000, availableFte: 50 }

describe('the optional staffing rules', () => {
  it('reach the engine as fractions, the abandonment limit only with a patience', () => {
    expect(toForecastHelpline({ ...base, patienceSeconds: 240, maxAbandonmentPercent: 5, maxAsaSeconds: 30 })).toMatchObject({ maxAbandonment: 0.05, maxAsaSeconds: 30 })
    expect(toForecastHelpline({ ...base, patienceSeconds: null, maxAbandonmentPercent: 5, maxAsaSeconds: null })).toMatchObject({ maxAbandonment: null, maxAsaSeconds: null })
  })

  it('are described in words', () => {
    expect(extraStaffingRules({ patienceSeconds: 240, maxAbandonmentPercent: 4.5, maxAsaSeconds: 1200 })).toBe(
      'At most 4.5% of callers hang up; answered calls wait at most 1,200 seconds on average',
    )
    expect(extraStaffingRules({ patienceSeconds: null, maxAbandonmentPercent: null, maxAsaSeconds: 30 })).toBe('Answered calls wait at most 30 seconds on average')
    expect(extraStaffingRules({ patienceSeconds: null, maxAbandonmentPercent: null, maxAsaSeconds: null })).toBeNull()
  })

  it('flag a helpline whose target could be met by callers hanging up: patience, a 100% cap and no abandonment limit', () => {
    expect(targetCanBeMetByHangUps({ patienceSeconds: 240, maxOccupancyPercent: 100, maxAbandonmentPercent: null })).toBe(true)
    expect(targetCanBeMetByHangUps({ patienceSeconds: 240, maxOccupancyPercent: 100, maxAbandonmentPercent: 5 })).toBe(false)
    expect(targetCanBeMetByHangUps({ patienceSeconds: 240, maxOccupancyPercent: 85, maxAbandonmentPercent: null })).toBe(false)
    expect(targetCanBeMetByHangUps({ patienceSeconds: null, maxOccupancyPercent: 100, maxAbandonmentPercent: null })).toBe(false)
  })
})
