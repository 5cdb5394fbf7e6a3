import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, Input, Radios } from '~/components/govuk'
import { RoleCheckboxes } from '~/components/RoleCheckboxes'
import { getUserById, updateUser } from '~/models/user.server'
import { editUserSchema, SELF_SIGN_OFF_ERROR, USER_FIELD_ORDER } from '~/schemas/user'
import { requireRole } from '~/http/auth.server'
import { db } from '~/utils/db.server'
import { formValues, parseForm, type FieldErrors, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'

export const handle = { title: 'Change a user' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const user = await getUserById(db, params.id ?? '')
  if (!user) throw notFound('There is no such user')
  return { user }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const user = await getUserById(db, params.id ?? '')
  if (!user) throw notFound('There is no such user')
  const form = await readFormData(request)
  const values = formValues(form)
  const roles = form.getAll('roles').filter((v): v is string => typeof v === 'string')
  const kept = echoed({ name: values.name ?? '', roles: roles.slice(0, 10), status: values.status ?? '' })
  const parsed = parseForm(editUserSchema, { ...values, roles })
  if (!parsed.ok) return data({ errors: parsed.errors, values: kept, version: user.version }, { status: 400 })
  const result = await updateUser(
    db,
    { id: user.id, version: parsed.data.version, name: parsed.data.name, roles: parsed.data.roles, disabled: parsed.data.status === 'disabled' },
    admin,
  )
  if (result.ok) return redirect('/admin/users?notice=saved', { status: 303 })
  if (result.reason === 'not-found') throw notFound('There is no such user')
  if (result.reason === 'self-sign-off') return data({ errors: { roles: SELF_SIGN_OFF_ERROR }, values: kept, version: user.version }, { status: 400 })
  const message =
    result.reason === 'self'
      ? 'You cannot disable your own account or remove your own admin role'
      : 'Someone else changed this user while you were editing. Your changes have not been saved. Check the form and save again.'
  const current = result.reason === 'conflict' ? await getUserById(db, user.id) : user
  return data({ errors: { _form: message }, values: kept, version: current?.version ?? user.version }, { status: result.reason === 'self' ? 400 : 409 })
}

export default function EditUser() {
  const { user } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors: FieldErrors | undefined = actionData?.errors
  const values = actionData?.values ?? { name: user.name, roles: user.roles as string[], status: user.disabled ? 'disabled' : 'active' }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/users" text="Back to users" />
        <FormErrorSummary errors={errors} order={USER_FIELD_ORDER} hrefs={{ roles: '#roles', status: '#status' }} />
        <span className="govuk-caption-l">{user.email}</span>
        <h1 className="govuk-heading-l">Change a user</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="version" value={actionData?.version ?? user.version} readOnly />
          <Input id="name" name="name" label={{ text: 'Full name', classes: 'govuk-label--s' }} defaultValue={values.name} errorMessage={errors?.name} />
          <RoleCheckboxes selected={values.roles} errorMessage={errors?.roles} />
          <Radios
            name="status"
            idPrefix="status"
            fieldset={{ legend: { text: 'Account', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Disabling an account signs the person out everywhere at once' }}
            defaultValue={values.status}
            errorMessage={errors?.status}
            items={[
              { value: 'active', text: 'Active' },
              { value: 'disabled', text: 'Disabled' },
            ]}
          />
          <Button text="Save changes" preventDoubleClick />
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href={`/admin/users/${user.id}/sign-in`}>
            Sign-in and security<span className="govuk-visually-hidden"> for {user.email}</span>
          </a>
          : reset their password, remove two-factor sign-in or end their sessions.
        </p>
      </div>
    </div>
  )
}
