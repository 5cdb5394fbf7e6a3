// The kinds of service event an administrator can narrow the list to. Outside the .server module because the page
// that offers them as choices needs them in the browser too: a server module there is empty.

/** The kinds of event an administrator can narrow the list to, by the start of their action. */
export const SERVICE_EVENT_KINDS = [
  { prefix: 'security.', label: 'Sign-ins and refused requests' },
  { prefix: 'user.', label: 'Users and roles' },
  { prefix: 'helpline.', label: 'Helplines' },
  { prefix: 'bank-holidays.', label: 'Bank holidays' },
  { prefix: 'audit.', label: 'The audit trail itself' },
] as const

export type ServiceEventKind = (typeof SERVICE_EVENT_KINDS)[number]['prefix']
