// The kinds of event outside any campaign that administrators can narrow /admin/security to. Pure: the page's
// filter is drawn from it in the browser too.

/** The kinds of event an administrator can narrow the list to, by the start of their action. */
export const SERVICE_EVENT_KINDS = [
  { prefix: 'security.', label: 'Sign-ins and refused requests' },
  { prefix: 'user.', label: 'Users and roles' },
  { prefix: 'helpline.', label: 'Helplines' },
  { prefix: 'bank-holidays.', label: 'Bank holidays' },
  { prefix: 'audit.', label: 'The audit trail itself' },
] as const

export type ServiceEventKind = (typeof SERVICE_EVENT_KINDS)[number]['prefix']

export function serviceEventKind(value: string | null): ServiceEventKind | null {
  return SERVICE_EVENT_KINDS.find((kind) => kind.prefix === value)?.prefix ?? null
}
