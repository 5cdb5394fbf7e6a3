import { describe, expect, it } from 'vitest'
import { parseEnv } from './env.server'

const SSO = { OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', OIDC_CLIENT_ID: 'client', OIDC_CLIENT_SECRET: 'secret' }

describe('the identity settings', () => {
  it('default to local passwords only, with no second factor required', () => {
    const settings = parseEnv({})
    expect(settings.LOCAL_LOGIN).toBe('1')
    expect(settings.MFA_REQUIRED).toBe('0')
    expect(settings.OIDC_ISSUER).toBeUndefined()
    expect(settings.OIDC_ROLES_CLAIM).toBe('groups')
    expect(settings.OIDC_ROLE_MAP.size).toBe(0)
  })

  it('read the role map as groups to roles, a group giving several roles if listed twice', () => {
    const settings = parseEnv({ ...SSO, OIDC_ROLE_MAP: ' otm-designers=designer, otm-cs=customer-services,otm-cs=viewer,8f1c-guid=admin ' })
    expect(Object.fromEntries(settings.OIDC_ROLE_MAP)).toEqual({
      'otm-designers': ['designer'],
      'otm-cs': ['customer-services', 'viewer'],
      '8f1c-guid': ['admin'],
    })
  })

  it('stop the service at start-up, naming the variable, when they are wrong', () => {
    expect(() => parseEnv({ ...SSO, OIDC_ROLE_MAP: 'otm-designers=designers' })).toThrow(/OIDC_ROLE_MAP: "otm-designers=designers" is not group=role/)
    expect(() => parseEnv({ ...SSO, OIDC_ROLE_MAP: 'no-role-here' })).toThrow(/OIDC_ROLE_MAP/)
    expect(() => parseEnv({ OIDC_ISSUER: SSO.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID: OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/)
    expect(() => parseEnv({ ...SSO, OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER must be the provider’s issuer URL/)
    expect(() => parseEnv({ ...SSO, OIDC_ISSUER: 'ftp://idp.example' })).toThrow(/OIDC_ISSUER/)
    expect(() => parseEnv({ LOCAL_LOGIN: '0' })).toThrow(/LOCAL_LOGIN: LOCAL_LOGIN=0 turns password sign-in off, so OIDC_ISSUER must be set/)
    expect(() => parseEnv({ MFA_REQUIRED: 'yes' })).toThrow(/MFA_REQUIRED/)
  })

  it('treat an empty variable as unset', () => {
    expect(parseEnv({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '' }).OIDC_ISSUER).toBeUndefined()
    expect(parseEnv({ ...SSO, LOCAL_LOGIN: '0' }).LOCAL_LOGIN).toBe('0')
  })
})
