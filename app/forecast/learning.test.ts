import { describe, expect, it } from 'vitest'
import { suggestFromHistory, type PastCampaignObservation } from './learning'

const past = (overrides: Partial<PastCampaignObservation>): PastCampaignObservation => ({
  ref: 'OTM-2026-001',
  name: 'A past campaign',
  regime: 'vat',
  channels: ['letter'],
  recipients: 10_000,
  ratePercent: 8,
  curves: {},
  ...overrides,
})

describe('suggesting figures from past campaigns', () => {
  it('weights the central rate by recipients and spans low to high across what was observed', () => {
    const suggestion = suggestFromHistory({ regime: 'vat', channels: ['letter'] }, [
      past({ ref: 'A', recipients: 30_000, ratePercent: 6 }),
      past({ ref: 'B', recipients: 10_000, ratePercent: 14 }),
    ])!
    // (6 × 30,000 + 14 × 10,000) ÷ 40,000 = 8%; observed 6% to 14%, already wider than ±25% of 8%.
    expect(suggestion.contactRates).toEqual({ low: 6, central: 8, high: 14 })
    expect(suggestion.sources.map((s) => s.ref)).toEqual(['A', 'B'])
  })

  it('keeps a band of at least 25% either side of a single source', () => {
    const suggestion = suggestFromHistory({ regime: 'vat', channels: ['letter'] }, [past({ ratePercent: 9.2 })])!
    expect(suggestion.contactRates).toEqual({ low: 6.9, central: 9.2, high: 11.5 })
  })

  it('draws only on campaigns of the same regime that used one of the new campaign’s channels', () => {
    const sources = [
      past({ ref: 'VAT-LETTER', regime: 'vat', channels: ['letter', 'sms'] }),
      past({ ref: 'VAT-EMAIL', regime: 'vat', channels: ['email'] }),
      past({ ref: 'SA-LETTER', regime: 'self-assessment', channels: ['letter'] }),
    ]
    expect(suggestFromHistory({ regime: 'vat', channels: ['letter'] }, sources)!.sources.map((s) => s.ref)).toEqual(['VAT-LETTER'])
    expect(suggestFromHistory({ regime: 'vat', channels: ['sms', 'email'] }, sources)!.sources.map((s) => s.ref)).toEqual(['VAT-EMAIL', 'VAT-LETTER'])
    expect(suggestFromHistory({ regime: 'paye', channels: ['letter'] }, sources)).toBeNull()
    expect(suggestFromHistory({ regime: 'vat', channels: ['online'] }, sources)).toBeNull()
  })

  it('averages each channel’s observed curves weighted by the calls behind them, and names which sources gave one', () => {
    const suggestion = suggestFromHistory({ regime: 'vat', channels: ['letter', 'email'] }, [
      past({ ref: 'A', curves: { letter: { percent: [10, 60, 30], calls: 3_000 } } }),
      past({ ref: 'B', curves: { letter: { percent: [50, 50], calls: 1_000 } } }),
      past({ ref: 'C', channels: ['email'] }),
    ])!
    // Day 0: (10 × 3,000 + 50 × 1,000) ÷ 4,000 = 20; day 1: 57.5; day 2: 22.5.
    expect(suggestion.responseCurves).toEqual({ letter: [20, 57.5, 22.5] })
    expect(suggestion.sources.map((s) => [s.ref, s.curveChannels])).toEqual([
      ['A', ['letter']],
      ['B', ['letter']],
      ['C', []],
    ])
  })
})
