import { describe, expect, it } from 'vitest'
import { navigationFor } from './navigation'

describe('the service navigation', () => {
  it('shows the sign-off inbox to members of a sign-off group only', () => {
    const texts = (roles: string[]) => navigationFor({ roles: roles as never }, '/').map((i) => i.text)
    expect(texts(['press-office'])).toEqual(['Campaigns', 'Sign-off'])
    expect(texts(['welsh-language-services'])).toEqual(['Campaigns', 'Sign-off'])
    expect(texts(['customer-services'])).toEqual(['Campaigns', 'Helplines', 'Sign-off'])
    expect(texts(['debt-management', 'viewer'])).toEqual(['Campaigns', 'Sign-off'])
    expect(texts(['designer'])).toEqual(['Campaigns', 'Helplines'])
    expect(texts(['admin'])).toEqual(['Campaigns', 'Helplines', 'Admin'])
    expect(navigationFor({ roles: ['press-office'] }, '/sign-off').find((i) => i.text === 'Sign-off')).toMatchObject({ current: true })
  })
})
