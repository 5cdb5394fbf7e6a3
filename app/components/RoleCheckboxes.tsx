import { ROLE_HINTS, ROLE_LABELS, ROLES } from '~/utils/roles'
import { Checkboxes } from './govuk'

export function RoleCheckboxes({ selected, errorMessage }: { selected: string[]; errorMessage?: string }) {
  return (
    <Checkboxes
      name="roles"
      idPrefix="roles"
      fieldset={{ legend: { text: 'Roles', classes: 'govuk-fieldset__legend--s' } }}
      hint={{ text: 'Select all that apply. A user with no roles can sign in but cannot see campaigns.' }}
      defaultValues={selected}
      errorMessage={errorMessage}
      items={ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], hint: { text: ROLE_HINTS[role] } }))}
    />
  )
}
