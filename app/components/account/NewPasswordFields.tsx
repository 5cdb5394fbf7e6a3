import { PasswordInput } from '../govuk'

export const PASSWORD_HINT_TEXT =
  'Use 15 characters or more, for example 3 or 4 random words. It must be at least 8 characters and not a commonly used password.'

/** A new password, typed twice. */
export function NewPasswordFields({ errors, label = 'New password' }: { errors?: Record<string, string>; label?: string }) {
  return (
    <>
      <PasswordInput
        id="password"
        name="password"
        autocomplete="new-password"
        label={{ text: label, classes: 'govuk-label--s' }}
        hint={{ text: PASSWORD_HINT_TEXT }}
        errorMessage={errors?.password}
      />
      <PasswordInput
        id="confirm"
        name="confirm"
        autocomplete="new-password"
        label={{ text: 'Type the new password again', classes: 'govuk-label--s' }}
        errorMessage={errors?.confirm}
      />
    </>
  )
}
