import { hasRole, type SessionUser } from './roles'

export const SERVICE_NAME = 'OTM Campaign Planner'

interface NavigationItem {
  text: string
  href: string
  active?: boolean
  current?: boolean
  /** Unread notifications, shown beside the item's text. */
  count?: number
}

/** Only the sections a user's roles use; a section appears once its feature exists. */
export function navigationFor(user: Pick<SessionUser, 'roles'> | null, pathname: string, unread = 0): NavigationItem[] {
  if (!user) return []
  const items: NavigationItem[] = [{ text: 'Campaigns', href: '/campaigns' }]
  if (hasRole(user, 'designer', 'customer-services', 'admin')) items.push({ text: 'Helplines', href: '/helplines' })
  if (hasRole(user, 'designer', 'customer-services', 'admin')) items.push({ text: 'Forecast accuracy', href: '/forecast-accuracy' })
  if (hasRole(user, 'customer-services', 'debt-management', 'press-office', 'welsh-language-services')) items.push({ text: 'Sign-off', href: '/sign-off' })
  if (hasRole(user, 'admin')) items.push({ text: 'Admin', href: '/admin' })
  items.push({ text: 'Notifications', href: '/notifications', count: unread })
  return items.map((item) => ({
    ...item,
    current: pathname === item.href,
    active: pathname !== item.href && pathname.startsWith(`${item.href}/`),
  }))
}
