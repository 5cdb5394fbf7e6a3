import { describe, expect, it } from 'vitest'
import { STANDARD_QUESTION_LABELS, STANDARD_QUESTION_OPTIONS, uncoveredQuestions, type CoverageLine } from './coverage'

const line = (overrides: Partial<CoverageLine>): CoverageLine => ({
  audience: 'helpline',
  standardQuestion: null,
  question: 'Q',
  answer: 'A',
  ...overrides,
})
const ids = (lines: CoverageLine[], extraLiability: boolean) => uncoveredQuestions(lines, { extraLiability }).map((q) => q.id)

describe('uncoveredQuestions', () => {
  it('lists every question that applies when there are no lines', () => {
    expect(ids([], false)).toEqual(['why-sent', 'how-to-act', 'more-information', 'is-genuine'])
    expect(ids([], true)).toEqual(['why-sent', 'how-to-act', 'time-to-pay', 'more-information', 'is-genuine'])
  })

  it('gives a label and warning for each', () => {
    expect(uncoveredQuestions([], { extraLiability: true })[2]).toEqual({
      id: 'time-to-pay',
      label: 'I can’t pay: time to pay',
      warning: 'Add a line to take for customers who cannot pay the extra tax, agreed with Debt Management (time to pay).',
    })
  })

  it('counts helpline lines tagged with a question', () => {
    const lines = [line({ standardQuestion: 'why-sent' }), line({ standardQuestion: 'is-genuine' })]
    expect(ids(lines, false)).toEqual(['how-to-act', 'more-information'])
  })

  it('does not count press or internal lines, or a line with no answer', () => {
    const lines = [
      line({ audience: 'press', standardQuestion: 'why-sent' }),
      line({ audience: 'internal', standardQuestion: 'how-to-act' }),
      line({ standardQuestion: 'is-genuine', answer: '   ' }),
    ]
    expect(ids(lines, false)).toEqual(['why-sent', 'how-to-act', 'more-information', 'is-genuine'])
  })

  it('counts a Debt Management or helpline line for time to pay, only when there is extra liability', () => {
    expect(ids([line({ audience: 'debt-management', standardQuestion: 'time-to-pay' })], true)).not.toContain('time-to-pay')
    expect(ids([line({ audience: 'helpline', standardQuestion: 'time-to-pay' })], true)).not.toContain('time-to-pay')
    expect(ids([line({ audience: 'press', standardQuestion: 'time-to-pay' })], true)).toContain('time-to-pay')
    expect(ids([line({ audience: 'debt-management', standardQuestion: 'why-sent' })], false)).toContain('why-sent')
  })

  it('ignores tags it does not know', () => {
    expect(ids([line({ standardQuestion: 'something-else' })], false)).toHaveLength(4)
  })

  it('offers the labels for a tag dropdown', () => {
    expect(STANDARD_QUESTION_LABELS['is-genuine']).toBe('Is this genuine?')
    expect(STANDARD_QUESTION_OPTIONS.map((o) => o.value)).toEqual(['', 'why-sent', 'how-to-act', 'time-to-pay', 'more-information', 'is-genuine'])
  })
})
