import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, NotificationBanner, Panel, SummaryList, WarningText } from '~/components/govuk'
import { formatDateTime } from '~/campaign/options'
import { endSessions, getAccount, listSessions, resetPassword } from '~/models/account.server'
import { removeTwoFactor } from '~/models/two-factor.server'
import { requireRole } from '~/http/auth.server'
import { readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'Sign-in and security' }

async function target(request: Request, id: string | undefined) {
  const admin = await requireRole(request, 'admin')
  const account = await getAccount(db, id ?? '')
  if (!account) throw notFound('There is no such user')
  return { admin, account }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, account } = await target(request, params.id)
  const sessions = await listSessions(db, account.id, null)
  return { account, self: admin.id === account.id, sessions: sessions.length }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, account } = await target(request, params.id)
  const values = formValues(await readFormData(request))
  // An administrator looks after their own sign-in on their account page, where it asks for their password or a code.
  if (admin.id === account.id) return data({ errors: { _form: 'Change your own sign-in from Your account' } }, { status: 400 })
  const back = `/admin/users/${account.id}/sign-in`
  switch (values.intent) {
    case 'reset-password': {
      if (!account.hasPassword) return data({ errors: { _form: `${account.name} signs in with single sign-on and has no password here to reset` } }, { status: 400 })
      const { password, expiresAt } = await resetPassword(db, account, admin)
      return { oneTimePassword: password, expiresAt }
    }
    case 'end-sessions': {
      const ended = await endSessions(db, account, admin, null)
      return redirect(`${back}?notice=sessions-ended&count=${ended}`, { status: 303 })
    }
    case 'remove-two-factor': {
      const removed = await removeTwoFactor(db, account, admin, true)
      return redirect(`${back}?notice=${removed.ok ? 'two-factor-removed' : 'no-two-factor'}`, { status: 303 })
    }
    default:
      return data({ errors: { _form: 'Choose what to do' } }, { status: 400 })
  }
}

const NOTICES: Record<string, string> = {
  'sessions-ended': 'Every session has ended. They will have to sign in again.',
  'two-factor-removed': 'Two-factor sign-in has been removed and every session has ended.',
  'no-two-factor': 'Two-factor sign-in was already off.',
}

export default function UserSignIn() {
  const { account, self, sessions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const notice = NOTICES[params.get('notice') ?? '']
  const back = `/admin/users/${account.id}`
  if (actionData && 'oneTimePassword' in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel titleText="Password reset" headingLevel={1}>
            One-time password for {account.email}
            <br />
            <strong className="app-code" id="one-time-password">
              {actionData.oneTimePassword}
            </strong>
          </Panel>
          <WarningText text="This is the only time the password is shown. Give it to the person in a safe way, such as by phone. Do not send it by email." />
          <p className="govuk-body">
            It works until {formatDateTime(actionData.expiresAt)}. When {account.name} signs in with it, they must choose a new password before they
            can do anything else. They have been signed out everywhere.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={back}>
              Back to {account.name}
            </a>
          </p>
        </div>
      </div>
    )
  }
  const errors = actionData && 'errors' in actionData ? (actionData.errors as Record<string, string>) : undefined
  const twoFactor = account.twoFactor
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back} text="Back to the user" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <FormErrorSummary errors={errors} />
        <span className="govuk-caption-l">{account.email}</span>
        <h1 className="govuk-heading-l">Sign-in and security</h1>
        <SummaryList
          rows={[
            { key: { text: 'Signs in with' }, value: { text: account.singleSignOn && !account.hasPassword ? 'Single sign-on' : account.singleSignOn ? 'Single sign-on or a password' : 'A password' } },
            {
              key: { text: 'Two-factor sign-in' },
              value: { text: !account.hasPassword ? 'Managed by the identity provider' : twoFactor.enrolled ? `On, ${twoFactor.recoveryCodesLeft} recovery codes left` : twoFactor.required ? 'Required, not set up yet' : 'Off' },
            },
            { key: { text: 'Sessions' }, value: { text: String(sessions) } },
          ]}
        />
        {self ? (
          <p className="govuk-body">
            This is your own account. Change your sign-in from{' '}
            <a className="govuk-link" href="/account">
              Your account
            </a>
            .
          </p>
        ) : (
          <>
            {account.hasPassword ? (
              <>
                <h2 className="govuk-heading-m">Reset password</h2>
                <p className="govuk-body">
                  Makes a one-time password, shown to you once, that {account.name} must change when they next sign in. Their current password stops working and
                  they are signed out everywhere.
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="reset-password" />
                  <Button text="Reset password" variant="warning" preventDoubleClick />
                </Form>
              </>
            ) : null}
            {twoFactor.enrolled ? (
              <>
                <h2 className="govuk-heading-m">Remove two-factor sign-in</h2>
                <p className="govuk-body">
                  For someone who has lost their authenticator app and their recovery codes. Check who is asking first.{' '}
                  {twoFactor.required ? 'Their account requires two-factor sign-in, so they will set it up again at their next sign-in.' : ''}
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-two-factor" />
                  <Button text="Remove two-factor sign-in" variant="warning" preventDoubleClick />
                </Form>
              </>
            ) : null}
            <h2 className="govuk-heading-m">End all sessions</h2>
            {sessions > 0 ? (
              <>
                <p className="govuk-body">Signs {account.name} out of every browser at once, for example if a device is lost.</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="end-sessions" />
                  <Button text="End all sessions" variant="warning" preventDoubleClick />
                </Form>
              </>
            ) : (
              <p className="govuk-body">{account.name} is not signed in anywhere.</p>
            )}
          </>
        )}
      </div>
    </div>
  )
}
