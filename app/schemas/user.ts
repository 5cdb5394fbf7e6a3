import { z } from 'zod'
import { ROLES } from '../utils/roles'
import { text } from './fields'

export const USER_FIELD_ORDER = ['name', 'email', 'roles', 'password', 'status'] as const

/** An administrator giving themselves a sign-off role would sign off on campaigns they can manage the signers of. */
export const SELF_SIGN_OFF_ERROR = 'You cannot give yourself a sign-off role. Ask another administrator to do it.'

const name = text({ label: 'Full name', required: 'Enter the person’s full name', tooLong: 'Full name must be 120 characters or fewer' }, 120)
const roles = z
  .array(z.enum(ROLES, { error: 'Select roles from the list' }))
  .max(ROLES.length, 'Select roles from the list')
  .transform((list) => [...new Set(list)])

export const newUserSchema = z.object({
  name,
  email: z
    .string({ error: 'Enter an email address' })
    .trim()
    .min(1, 'Enter an email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address in the correct format, like name@example.gov.uk')
    .transform((email) => email.toLowerCase()),
  roles,
  password: z
    .string({ error: 'Enter a temporary password' })
    .min(1, 'Enter a temporary password')
    .min(12, 'Temporary password must be 12 characters or more')
    .max(200, 'Temporary password must be 200 characters or fewer'),
})

export const editUserSchema = z.object({
  name,
  roles,
  status: z.enum(['active', 'disabled'], { error: 'Select whether the account is active or disabled' }),
  version: z.coerce.number({ error: 'The page was out of date. Reload it and try again.' }).int().min(1),
})
