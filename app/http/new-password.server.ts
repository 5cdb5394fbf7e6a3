import { passwordProblem, type PasswordContext } from '../utils/password-policy.server'
import type { FieldErrors, FormValues } from '../utils/forms'

/** The new-password fields of a form, checked against the policy: errors per field, or the password. */
export function readNewPassword(values: FormValues, context: PasswordContext): { ok: true; password: string } | { ok: false; errors: FieldErrors } {
  const password = values.password ?? ''
  const confirm = values.confirm ?? ''
  const errors: FieldErrors = {}
  const problem = passwordProblem(password, context)
  if (problem) errors.password = problem
  if (!problem && !confirm) errors.confirm = 'Type the new password again'
  else if (!problem && confirm !== password) errors.confirm = 'Enter the same password in both boxes'
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, password }
}
