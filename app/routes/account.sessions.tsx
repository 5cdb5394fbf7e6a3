import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, NotificationBanner, Tag } from '~/components/govuk'
import { formatDateTime } from '~/campaign/options'
import { endSession, endSessions, listSessions } from '~/models/account.server'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/forms.server'
import { db } from '~/utils/db.server'
import { describeDevice, SIGN_IN_METHODS } from '~/utils/device'
import { formValues } from '~/utils/forms'
import { sessionIdOf } from '~/utils/session.server'

export const handle = { title: 'Where you are signed in' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const sessions = await listSessions(db, user.id, sessionIdOf(request))
  return {
    sessions: sessions.map((session) => ({
      handle: session.handle,
      current: session.current,
      device: describeDevice(session.userAgent),
      address: session.ip,
      method: session.method ? (SIGN_IN_METHODS[session.method] ?? null) : null,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const values = formValues(await readFormData(request))
  const current = sessionIdOf(request)
  if (values.intent === 'end-others') {
    const ended = await endSessions(db, user, user, current)
    return redirect(`/account/sessions?notice=others-ended&count=${ended}`, { status: 303 })
  }
  if (values.intent === 'end') {
    const handle = (values.session ?? '').slice(0, 100)
    const mine = await listSessions(db, user.id, current)
    if (mine.find((s) => s.handle === handle)?.current) {
      return data({ errors: { _form: 'To sign out of this browser, use Sign out at the top of the page' } }, { status: 400 })
    }
    const ended = await endSession(db, user, handle, (s) => `${describeDevice(s.userAgent)}, last used ${formatDateTime(s.lastSeenAt)}`)
    // Already gone (signed out, timed out, or a second click): what the person wanted has happened.
    return redirect(`/account/sessions?notice=${ended ? 'ended' : 'already-ended'}`, { status: 303 })
  }
  return data({ errors: { _form: 'Choose which session to sign out' } }, { status: 400 })
}

const NOTICES: Record<string, string> = {
  ended: 'That session has been signed out.',
  'already-ended': 'That session had already ended.',
  'others-ended': 'You have been signed out everywhere else.',
}

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const notice = NOTICES[params.get('notice') ?? '']
  const others = sessions.filter((s) => !s.current).length
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account" text="Back to your account" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <FormErrorSummary errors={actionData?.errors} />
        <h1 className="govuk-heading-l">Where you are signed in</h1>
        <p className="govuk-body">
          Each browser you have signed in with is listed here until you sign out, or until it is unused for 30 minutes or 12 hours have passed.
          If you do not recognise one, sign it out and change your password.
        </p>
        {sessions.map((session, index) => (
          <div className="govuk-summary-card" key={session.handle}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">
                {session.device} {session.current ? <Tag text="This browser" colour="green" /> : null}
              </h2>
              {session.current ? null : (
                <Form method="post" className="govuk-summary-card__actions">
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="session" value={session.handle} />
                  <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" id={`end-${index}`}>
                    Sign out<span className="govuk-visually-hidden"> {session.device}, last used {formatDateTime(session.lastSeenAt)}</span>
                  </button>
                </Form>
              )}
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Last used</dt>
                  <dd className="govuk-summary-list__value">{formatDateTime(session.lastSeenAt)}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Signed in</dt>
                  <dd className="govuk-summary-list__value">
                    {formatDateTime(session.createdAt)}
                    {session.method ? `, with ${session.method.toLowerCase()}` : ''}
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Network address</dt>
                  <dd className="govuk-summary-list__value">{session.address ?? 'Not known'}</dd>
                </div>
              </dl>
            </div>
          </div>
        ))}
        {others > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="end-others" />
            <Button text="Sign out everywhere else" variant="warning" preventDoubleClick />
          </Form>
        ) : null}
      </div>
    </div>
  )
}
