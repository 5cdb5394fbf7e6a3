import { describe, expect, it } from 'vitest'
import { navigationFor } from './navigation'

describe('the service navigation', () => {
  it('shows the sign-off inbox to members of a sign-off group only', () => {
    const texts = (roles: string[]) => navigationFor({ roles: roles as never }, '/').map((i) => i.text)
    expect(texts(['press-office'])).toEqual(['Campaigns', 'Sign-off', 'Notifications'])
    expect(texts(['welsh-language-services'])).toEqual(['Campaigns', 'Sign-off', 'Notifications'])
    expect(texts(['customer-services'])).toEqual(['Campaigns', 'Helplines', 'Forecast accuracy', 'Sign-off', 'Notifications'])
    expect(texts(['debt-management', 'viewer'])).toEqual(['Campaigns', 'Sign-off', 'Notifications'])
    expect(texts(['designer'])).toEqual(['Campaigns', 'Helplines', 'Forecast accuracy', 'Notifications'])
    expect(texts(['admin'])).toEqual(['Campaigns', 'Helplines', 'Forecast accuracy', 'Admin', 'Notifications'])
    expect(navigationFor({ roles: ['press-office'] }, '/sign-off').find((i) => i.text === 'Sign-off')).toMatchObject({ current: true })
  })

  it('gives everyone signed in their notifications, with the unread count', () => {
    expect(navigationFor({ roles: ['viewer'] }, '/notifications', 3).at(-1)).toEqual({ text: 'Notifications', href: '/notifications', count: 3, current: true, active: false })
    expect(navigationFor({ roles: ['viewer'] }, '/notifications/preferences').at(-1)).toMatchObject({ count: 0, current: false, active: true })
    expect(navigationFor(null, '/', 3)).toEqual([])
  })
})
