// The notification choices as a form posts them: one radio group per kind of event, named by the kind.
import { DELIVERY_LABELS, isDelivery, KIND_LABELS, NOTIFICATION_KINDS, type Delivery, type NotificationKind } from '../notifications/kinds'
import type { FieldErrors, FormValues } from '../utils/forms'

export function parseChoices(values: FormValues, kinds: readonly NotificationKind[] = NOTIFICATION_KINDS): { ok: true; choices: Record<NotificationKind, Delivery> } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const choices = {} as Record<NotificationKind, Delivery>
  for (const kind of kinds) {
    const value = values[kind]
    if (isDelivery(value)) choices[kind] = value
    else errors[kind] = `Choose how you want to hear about “${KIND_LABELS[kind].name}”: ${Object.values(DELIVERY_LABELS).join(', ').toLowerCase()}`
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, choices }
}
