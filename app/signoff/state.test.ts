import { describe, expect, it } from 'vitest'
import { awaitsGroup, decisionRefusal, groupState, statusFromStates } from './state'

const H1 = 'a'.repeat(64)
const H2 = 'b'.repeat(64)

describe('a group’s sign-off state', () => {
  it('follows the latest decision and the current hash', () => {
    expect(groupState({ asked: false, latest: null, currentHash: H1 })).toBe('not-asked')
    expect(groupState({ asked: true, latest: null, currentHash: H1 })).toBe('awaiting')
    expect(groupState({ asked: true, latest: { decision: 'approved', scopeHash: H1 }, currentHash: H1 })).toBe('approved')
    expect(groupState({ asked: true, latest: { decision: 'approved', scopeHash: H1 }, currentHash: H2 })).toBe('out-of-date')
    // Changes requested holds, even after the content changes, until the group approves a later version.
    expect(groupState({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1 }, currentHash: H1 })).toBe('changes-requested')
    expect(groupState({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1 }, currentHash: H2 })).toBe('changes-requested')
  })

  it('lets a group decide once per version, and only after sign-off is asked for', () => {
    expect(decisionRefusal({ asked: false, latest: null, currentHash: H1 })).toBe('not-asked')
    expect(decisionRefusal({ asked: true, latest: null, currentHash: H1 })).toBeNull()
    expect(decisionRefusal({ asked: true, latest: { decision: 'approved', scopeHash: H1 }, currentHash: H1 })).toBe('already-approved')
    expect(decisionRefusal({ asked: true, latest: { decision: 'approved', scopeHash: H1 }, currentHash: H2 })).toBeNull()
    expect(decisionRefusal({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1 }, currentHash: H1 })).toBe('changes-requested-on-this-version')
    expect(decisionRefusal({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1 }, currentHash: H2 })).toBeNull()
    expect(awaitsGroup({ asked: true, latest: { decision: 'approved', scopeHash: H1 }, currentHash: H2 })).toBe(true)
    expect(awaitsGroup({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1 }, currentHash: H1 })).toBe(false)
  })

  it('makes a campaign approved only when every required group’s approval is current', () => {
    expect(statusFromStates(['customer-services'], { 'customer-services': 'approved' })).toBe('approved')
    expect(statusFromStates(['customer-services', 'press-office'], { 'customer-services': 'approved', 'press-office': 'out-of-date' })).toBe('awaiting-sign-off')
    expect(statusFromStates(['customer-services', 'debt-management'], { 'customer-services': 'approved' })).toBe('awaiting-sign-off')
    // A group that is not required does not hold the campaign back.
    expect(statusFromStates(['customer-services'], { 'customer-services': 'approved', 'press-office': 'changes-requested' })).toBe('approved')
  })
})
