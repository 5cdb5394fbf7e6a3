import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { NotificationBanner, SummaryList, type SummaryListRow } from '~/components/govuk'
import { getAccount, listSessions } from '~/models/account.server'
import { requireUser } from '~/http/auth.server'
import { notFound } from '~/http/responses.server'
import { passwordSignInEnabled } from '~/http/sso.server'
import { db } from '~/utils/db.server'
import { ROLE_LABELS } from '~/utils/roles'
import { sessionIdOf } from '~/utils/session.server'

export const handle = { title: 'Your account' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const account = await getAccount(db, user.id)
  if (!account) throw notFound()
  const sessions = await listSessions(db, user.id, sessionIdOf(request))
  return { account, roles: user.roles, sessions: sessions.length, passwords: passwordSignInEnabled() }
}

const NOTICES: Record<string, string> = {
  'password-changed': 'Your password has been changed. You have been signed out everywhere else.',
}

export default function Account() {
  const { account, roles, sessions, passwords } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const notice = NOTICES[params.get('notice') ?? '']
  const twoFactor = account.twoFactor
  const rows: SummaryListRow[] = [
    { key: { text: 'Name' }, value: { text: account.name } },
    { key: { text: 'Email address' }, value: { text: account.email } },
    { key: { text: 'Roles' }, value: { text: roles.map((role) => ROLE_LABELS[role]).join(', ') || 'None' } },
    {
      key: { text: 'How you sign in' },
      value: { text: account.singleSignOn && !account.hasPassword ? 'Single sign-on, with your organisation’s account' : account.singleSignOn ? 'Single sign-on, or a password' : 'Password' },
    },
  ]
  if (account.hasPassword && passwords) {
    rows.push({
      key: { text: 'Password' },
      value: { text: 'Set' },
      actions: { items: [{ href: '/account/password', text: 'Change', visuallyHiddenText: 'your password' }] },
    })
    rows.push({
      key: { text: 'Two-factor sign-in' },
      value: {
        text: twoFactor.enrolled
          ? `On, with an authenticator app. ${twoFactor.recoveryCodesLeft} recovery code${twoFactor.recoveryCodesLeft === 1 ? '' : 's'} left.`
          : twoFactor.required
            ? 'Off: you will be asked to set it up at your next sign-in'
            : 'Off',
      },
      actions: { items: [{ href: '/account/two-factor', text: twoFactor.enrolled ? 'Manage' : 'Set up', visuallyHiddenText: 'two-factor sign-in' }] },
    })
  }
  rows.push({
    key: { text: 'Where you are signed in' },
    value: { text: `${sessions} session${sessions === 1 ? '' : 's'}` },
    actions: { items: [{ href: '/account/sessions', text: 'View', visuallyHiddenText: 'where you are signed in' }] },
  })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <h1 className="govuk-heading-l">Your account</h1>
        <SummaryList rows={rows} />
        {account.singleSignOn && !account.hasPassword ? (
          <p className="govuk-body">Your organisation manages your password and any second step when you sign in. Change them with your organisation’s IT service desk.</p>
        ) : null}
      </div>
    </div>
  )
}
