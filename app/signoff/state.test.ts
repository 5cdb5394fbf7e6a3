import { describe, expect, it } from 'vitest'
import { approvedByAuthor, awaitsGroup, groupState, statusFromStates, versionRefusal } from './state'

const H1 = 'a'.repeat(64)
const H2 = 'b'.repeat(64)

describe('a group’s sign-off state', () => {
  it('follows the latest decision and the current hash', () => {
    expect(groupState({ asked: false, latest: null, currentHash: H1, authorIds: [] })).toBe('not-asked')
    expect(groupState({ asked: true, latest: null, currentHash: H1, authorIds: [] })).toBe('awaiting')
    expect(groupState({ asked: true, latest: { decision: 'approved', scopeHash: H1, decidedBy: 'u1' }, currentHash: H1, authorIds: [] })).toBe('approved')
    expect(groupState({ asked: true, latest: { decision: 'approved', scopeHash: H1, decidedBy: 'u1' }, currentHash: H2, authorIds: [] })).toBe('out-of-date')
    // Changes requested holds, even after the content changes, until the group approves a later version.
    expect(groupState({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1, decidedBy: 'u1' }, currentHash: H1, authorIds: [] })).toBe('changes-requested')
    expect(groupState({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1, decidedBy: 'u1' }, currentHash: H2, authorIds: [] })).toBe('changes-requested')
  })

  it('lets a group decide once per version, and only after sign-off is asked for', () => {
    expect(versionRefusal({ asked: false, latest: null, currentHash: H1, authorIds: [] })).toBe('not-asked')
    expect(versionRefusal({ asked: true, latest: null, currentHash: H1, authorIds: [] })).toBeNull()
    expect(versionRefusal({ asked: true, latest: { decision: 'approved', scopeHash: H1, decidedBy: 'u1' }, currentHash: H1, authorIds: [] })).toBe('already-approved')
    expect(versionRefusal({ asked: true, latest: { decision: 'approved', scopeHash: H1, decidedBy: 'u1' }, currentHash: H2, authorIds: [] })).toBeNull()
    expect(versionRefusal({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1, decidedBy: 'u1' }, currentHash: H1, authorIds: [] })).toBe('changes-requested-on-this-version')
    expect(versionRefusal({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1, decidedBy: 'u1' }, currentHash: H2, authorIds: [] })).toBeNull()
    expect(awaitsGroup({ asked: true, latest: { decision: 'approved', scopeHash: H1, decidedBy: 'u1' }, currentHash: H2, authorIds: [] })).toBe(true)
    expect(awaitsGroup({ asked: true, latest: { decision: 'changes-requested', scopeHash: H1, decidedBy: 'u1' }, currentHash: H1, authorIds: [] })).toBe(false)
  })

  it('stops counting an approval once its approver becomes an owner or co-owner, and lets another member approve the same version', () => {
    const position = { asked: true, latest: { decision: 'approved' as const, scopeHash: H1, decidedBy: 'u1' }, currentHash: H1 }
    expect(groupState({ ...position, authorIds: ['owner'] })).toBe('approved')
    expect(groupState({ ...position, authorIds: ['owner', 'u1'] })).toBe('out-of-date')
    expect(approvedByAuthor({ ...position, authorIds: ['owner', 'u1'] })).toBe(true)
    expect(versionRefusal({ ...position, authorIds: ['owner'] })).toBe('already-approved')
    expect(versionRefusal({ ...position, authorIds: ['owner', 'u1'] })).toBeNull()
  })

  it('makes a campaign approved only when every required group’s approval is current', () => {
    expect(statusFromStates(['customer-services'], { 'customer-services': 'approved' })).toBe('approved')
    expect(statusFromStates(['customer-services', 'press-office'], { 'customer-services': 'approved', 'press-office': 'out-of-date' })).toBe('awaiting-sign-off')
    expect(statusFromStates(['customer-services', 'debt-management'], { 'customer-services': 'approved' })).toBe('awaiting-sign-off')
    // A group that is not required does not hold the campaign back.
    expect(statusFromStates(['customer-services'], { 'customer-services': 'approved', 'press-office': 'changes-requested' })).toBe('approved')
  })
})
