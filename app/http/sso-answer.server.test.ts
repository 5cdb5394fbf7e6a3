import { describe, expect, it } from 'vitest'
import type { Role } from '../utils/roles'
import { classify, groupsIn, identityFrom, insecureProviderAllowed, rolesFor } from './sso-answer.server'

const MAP = new Map<string, Role[]>([
  ['otm-designers', ['designer']],
  ['otm-cs', ['customer-services', 'viewer']],
  ['a1b2c3d4-0000-4000-8000-000000000001', ['admin']],
])
const SETTINGS = { OIDC_ROLES_CLAIM: 'groups', OIDC_ROLE_MAP: MAP }

describe('reading the provider’s claims', () => {
  it('maps groups to roles, in the planner’s order, ignoring groups it does not know', () => {
    expect(rolesFor(['all-staff', 'otm-cs', 'otm-designers', 'otm-cs'], MAP)).toEqual(['designer', 'customer-services', 'viewer'])
    expect(rolesFor(['all-staff'], MAP)).toEqual([])
    expect(groupsIn('otm-designers')).toEqual(['otm-designers'])
    expect(groupsIn(['otm-designers', 42, null, 'otm-cs'])).toEqual(['otm-designers', 'otm-cs'])
    expect(groupsIn(undefined)).toEqual([])
    expect(groupsIn({ _claim_names: { groups: 'src1' } })).toEqual([])
  })

  it('reads an Entra ID token: group object ids, the address from preferred_username, xms_edov', () => {
    const identity = identityFrom(
      'https://login.microsoftonline.com/tenant/v2.0',
      { sub: 'AAAAbbbb', preferred_username: 'Jo.Bloggs@Dept.Gov.UK', name: 'Jo Bloggs', groups: ['a1b2c3d4-0000-4000-8000-000000000001', 'unmapped'], xms_edov: true },
      SETTINGS,
    )
    expect(identity).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      subject: 'AAAAbbbb',
      email: 'jo.bloggs@dept.gov.uk',
      emailVerified: true,
      name: 'Jo Bloggs',
      roles: ['admin'],
      groups: ['a1b2c3d4-0000-4000-8000-000000000001', 'unmapped'],
    })
  })

  it('uses the roles claim it is told to, and builds a name from its parts when there is no name', () => {
    const identity = identityFrom('https://idp.example', { sub: '7', email: 'a@example.gov.uk', given_name: 'Ann', family_name: 'Other', roles: 'otm-designers' }, { ...SETTINGS, OIDC_ROLES_CLAIM: 'roles' })
    expect(identity).toMatchObject({ name: 'Ann Other', roles: ['designer'], emailVerified: false })
  })

  it('has no identity without an email address', () => {
    expect(identityFrom('https://idp.example', { sub: '7', preferred_username: 'jbloggs' }, SETTINGS)).toBeNull()
    expect(identityFrom('https://idp.example', { sub: '7', email: `${'x'.repeat(250)}@example.gov.uk` }, SETTINGS)).toBeNull()
  })
})

describe('naming what went wrong', () => {
  it('tells a provider that cannot be reached from an answer that fails its checks', () => {
    expect(classify(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') })).reason).toBe('provider-unreachable')
    expect(classify(Object.assign(new Error('operation timed out'), { code: 'OAUTH_TIMEOUT' })).reason).toBe('provider-unreachable')
    expect(classify(Object.assign(new Error('unexpected JWT claim value encountered', { cause: new Error('unexpected ID Token "nonce" claim value') }), { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' })).reason).toBe('nonce')
    expect(classify(Object.assign(new Error('JWT timestamp claim value failed validation'), { code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' })).reason).toBe('expired-token')
    expect(classify(new Error('unexpected "state" response parameter value')).reason).toBe('state')
    expect(classify(new Error('something else entirely')).reason).toBe('invalid-response')
  })

  it('allows plain HTTP to a provider on this machine only, and never in production', () => {
    expect(insecureProviderAllowed('http://127.0.0.1:4000', 'test')).toBe(true)
    expect(insecureProviderAllowed('http://localhost:4000', 'development')).toBe(true)
    expect(insecureProviderAllowed('http://127.0.0.1:4000', 'production')).toBe(false)
    expect(insecureProviderAllowed('http://idp.internal', 'development')).toBe(false)
    expect(insecureProviderAllowed('https://login.microsoftonline.com/t/v2.0', 'test')).toBe(false)
  })
})
