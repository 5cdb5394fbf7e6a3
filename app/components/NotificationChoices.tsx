import { Radios } from './govuk'
import { DELIVERIES, DELIVERY_LABELS, KIND_LABELS, type NotificationKind } from '../notifications/kinds'

const HINTS = {
  email: 'An email as soon as it happens',
  digest: 'One email a day, at 8am, with everything from the day before',
  'in-app': 'No email: it appears in your notifications in the planner',
} as const

/** One radio group per kind of event: email at once, a daily digest, or in the app only. */
export function NotificationChoices({ kinds, values, errors }: { kinds: readonly NotificationKind[]; values: Partial<Record<string, string>>; errors?: Partial<Record<string, string>> }) {
  return (
    <>
      {kinds.map((kind) => (
        <Radios
          key={kind}
          name={kind}
          idPrefix={kind}
          small
          fieldset={{ legend: { text: KIND_LABELS[kind].name, classes: 'govuk-fieldset__legend--s' } }}
          hint={{ text: KIND_LABELS[kind].who }}
          defaultValue={values[kind]}
          errorMessage={errors?.[kind]}
          items={DELIVERIES.map((delivery) => ({ value: delivery, text: DELIVERY_LABELS[delivery], hint: { text: HINTS[delivery] } }))}
        />
      ))}
    </>
  )
}
