import { describe, expect, it } from 'vitest'
import { DECISION_REFUSAL_WORDS, DECISION_REFUSALS, decisionRefusal, type DecisionContext } from './eligibility'

const H1 = 'a'.repeat(64)
const H2 = 'b'.repeat(64)
const open: DecisionContext = {
  group: 'press-office',
  status: 'awaiting-sign-off',
  member: true,
  author: false,
  required: true,
  asked: true,
  latest: null,
  currentHash: H1,
  authorIds: ['owner'],
}

describe('whether a person may decide for a group', () => {
  it('lets a member who is not an author decide on a version their group has not decided', () => {
    expect(decisionRefusal(open)).toBeNull()
    expect(decisionRefusal({ ...open, latest: { decision: 'approved', scopeHash: H2, decidedBy: 'pat' } })).toBeNull()
  })

  it('gives the first reason in a fixed order when several apply', () => {
    const everything = { ...open, member: false, author: true, status: 'launched' as const, required: false, asked: false }
    expect(decisionRefusal(everything)).toBe('not-a-member')
    expect(decisionRefusal({ ...everything, member: true })).toBe('own-campaign')
    expect(decisionRefusal({ ...everything, member: true, author: false })).toBe('locked')
    expect(decisionRefusal({ ...everything, member: true, author: false, status: 'awaiting-sign-off' })).toBe('not-required')
    expect(decisionRefusal({ ...everything, member: true, author: false, status: 'draft', required: true })).toBe('not-asked')
    expect(decisionRefusal({ ...open, latest: { decision: 'approved', scopeHash: H1, decidedBy: 'pat' } })).toBe('already-approved')
    expect(decisionRefusal({ ...open, latest: { decision: 'changes-requested', scopeHash: H1, decidedBy: 'pat' } })).toBe('changes-requested-on-this-version')
  })

  it('lets another member approve a version whose approver has since become a co-owner', () => {
    const latest = { decision: 'approved' as const, scopeHash: H1, decidedBy: 'pat' }
    expect(decisionRefusal({ ...open, latest })).toBe('already-approved')
    expect(decisionRefusal({ ...open, latest, authorIds: ['owner', 'pat'] })).toBeNull()
  })

  it('has words for every reason, naming the group and the decider where they matter', () => {
    const context = { group: 'press-office' as const, status: 'launched' as const, formatDateTime: () => '4 December 2026 at 9am' }
    for (const reason of DECISION_REFUSALS) expect(DECISION_REFUSAL_WORDS[reason](context)).toMatch(/\w+.*\.$/)
    expect(DECISION_REFUSAL_WORDS['not-required'](context)).toBe('The Press Office does not need to sign off this campaign.')
    expect(DECISION_REFUSAL_WORDS.locked(context)).toBe('The campaign is launched, so there is nothing to decide.')
    expect(DECISION_REFUSAL_WORDS['already-approved']({ ...context, latest: { name: 'Pat Jones', at: '2026-12-04T09:00:00Z' } })).toBe(
      'Pat Jones approved this version for the Press Office on 4 December 2026 at 9am. There is nothing more to decide unless it changes.',
    )
  })
})
