import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, Input, PasswordInput } from '~/components/govuk'
import { RoleCheckboxes } from '~/components/RoleCheckboxes'
import { createUser, EmailTakenError } from '~/models/user.server'
import { newUserSchema, USER_FIELD_ORDER } from '~/schemas/user'
import { requireRole } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { formValues, parseForm, type FieldErrors, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { passwordProblem } from '~/utils/password-policy.server'

export const handle = { title: 'Add a user' }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const form = await readFormData(request)
  const values = formValues(form)
  const roles = form.getAll('roles').filter((v): v is string => typeof v === 'string')
  const kept = echoed({ name: values.name ?? '', email: values.email ?? '', roles: roles.slice(0, 10) })
  const parsed = parseForm(newUserSchema, { ...values, roles })
  if (!parsed.ok) return data({ errors: parsed.errors, values: kept }, { status: 400 })
  const weak = passwordProblem(parsed.data.password, parsed.data)
  if (weak) return data({ errors: { password: weak.replace(/^Enter a new password$/, 'Enter a temporary password') }, values: kept }, { status: 400 })
  try {
    // The person replaces the temporary password at their first sign-in; an administrator also sets up two-factor sign-in.
    await createUser(db, parsed.data, admin, { mustChangePassword: true, requireTwoFactor: parsed.data.roles.includes('admin') })
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return data({ errors: { email: 'A user with this email address already exists' }, values: kept }, { status: 400 })
    }
    throw error
  }
  return redirect('/admin/users?notice=added', { status: 303 })
}

export default function NewUser() {
  const actionData = useActionData<typeof action>()
  const errors: FieldErrors | undefined = actionData?.errors
  const values = actionData?.values ?? { name: '', email: '', roles: [] }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/users" text="Back to users" />
        <FormErrorSummary errors={errors} order={USER_FIELD_ORDER} hrefs={{ roles: '#roles' }} />
        <h1 className="govuk-heading-l">Add a user</h1>
        <Form method="post" noValidate>
          <Input id="name" name="name" label={{ text: 'Full name', classes: 'govuk-label--s' }} autocomplete="off" defaultValue={values.name} errorMessage={errors?.name} />
          <Input
            id="email"
            name="email"
            type="email"
            spellcheck={false}
            autocomplete="off"
            label={{ text: 'Email address', classes: 'govuk-label--s' }}
            defaultValue={values.email}
            errorMessage={errors?.email}
          />
          <RoleCheckboxes selected={values.roles} errorMessage={errors?.roles} />
          <PasswordInput
            id="password"
            name="password"
            autocomplete="new-password"
            label={{ text: 'Temporary password', classes: 'govuk-label--s' }}
            hint={{ text: 'At least 12 characters. Give it to the person securely: they choose their own when they first sign in. Administrators also set up two-factor sign-in then.' }}
            errorMessage={errors?.password}
          />
          <Button text="Add user" preventDoubleClick />
        </Form>
      </div>
    </div>
  )
}
