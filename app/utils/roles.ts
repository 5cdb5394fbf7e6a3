export const ROLES = ['designer', 'customer-services', 'debt-management', 'press-office', 'welsh-language-services', 'viewer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  designer: 'Campaign designer',
  'customer-services': 'Customer Services (helpline manager)',
  'debt-management': 'Debt Management',
  'press-office': 'Press Office',
  'welsh-language-services': 'Welsh Language Services',
  viewer: 'Viewer',
  admin: 'Administrator',
}

export const ROLE_HINTS: Record<Role, string> = {
  designer: 'Creates and edits the campaigns they own or co-own, asks for sign-off and launches',
  'customer-services': 'Reviews forecasts, manages helplines and signs off for Customer Services',
  'debt-management': 'Signs off for Debt Management: liability and time to pay',
  'press-office': 'Signs off for the Press Office: launch date, media lines and message text',
  'welsh-language-services': 'Signs off for Welsh Language Services: the Welsh versions of messages, lines and scripts, beside the English they translate',
  viewer: 'Reads campaigns',
  admin: 'Manages users, helplines and the bank-holiday calendar; cannot sign off as an administrator',
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export interface SessionUser {
  id: string
  email: string
  name: string
  roles: Role[]
}

export function hasRole(user: Pick<SessionUser, 'roles'> | null | undefined, ...roles: Role[]): boolean {
  return !!user && roles.some((role) => user.roles.includes(role))
}
