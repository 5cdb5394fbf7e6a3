// The kinds of event people are told about, and the ways they can choose to be told. Pure: the pages, the emails and
// the models share these words.

export const NOTIFICATION_KINDS = ['sign-off-requested', 'changes-requested', 'approval-out-of-date', 'ready-to-launch', 'launched', 'over-capacity'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value)
}

/** What each kind is about and who gets it, as the preferences page lists them. */
export const KIND_LABELS: Record<NotificationKind, { name: string; who: string }> = {
  'sign-off-requested': { name: 'Sign-off asked for', who: 'When a campaign needs your group’s sign-off' },
  'changes-requested': { name: 'Changes asked for', who: 'When a sign-off group asks for changes to a campaign you own or co-own' },
  'approval-out-of-date': { name: 'Approval out of date', who: 'When your group’s approval of a campaign goes out of date' },
  'ready-to-launch': { name: 'Ready to launch', who: 'When every approval a campaign you own or co-own needs is in' },
  launched: { name: 'Campaign launched', who: 'When a campaign you own, signed off or take calls for is launched' },
  'over-capacity': { name: 'Helpline over capacity', who: 'When a change to a campaign puts a helpline week over its available staff' },
}

export const DELIVERIES = ['email', 'digest', 'in-app'] as const
export type Delivery = (typeof DELIVERIES)[number]

export function isDelivery(value: unknown): value is Delivery {
  return typeof value === 'string' && (DELIVERIES as readonly string[]).includes(value)
}

export const DELIVERY_LABELS: Record<Delivery, string> = {
  email: 'Email at once',
  digest: 'Daily digest email',
  'in-app': 'In the app only',
}

/** Until a person chooses, every kind is emailed at once: sign-off only works when people know something awaits them. */
export const DEFAULT_DELIVERY: Delivery = 'email'

export type Preferences = Record<NotificationKind, Delivery>

export function defaultPreferences(): Preferences {
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, DEFAULT_DELIVERY])) as Preferences
}
