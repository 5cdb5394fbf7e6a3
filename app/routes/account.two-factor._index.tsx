import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from '@remix-run/react'
import { RecoveryCodes } from '~/components/account/RecoveryCodes'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, Input, NotificationBanner, SummaryList } from '~/components/govuk'
import { formatDateTime } from '~/campaign/options'
import { getAccount } from '~/models/account.server'
import { checkSecondFactor, removeTwoFactor, replaceRecoveryCodes } from '~/models/two-factor.server'
import { requireUser } from '~/http/auth.server'
import { shownCodes } from '~/http/authenticator-setup.server'
import { readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { waitMessage } from '~/utils/attempt-limit.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'Two-factor sign-in' }

async function mine(request: Request) {
  const user = await requireUser(request)
  const account = await getAccount(db, user.id)
  if (!account) throw notFound()
  return { user, account }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { account } = await mine(request)
  return { hasPassword: account.hasPassword, twoFactor: account.twoFactor }
}

const FIELDS = { 'new-codes': 'newCodesCode', 'turn-off': 'turnOffCode' } as const

export async function action({ request }: ActionFunctionArgs) {
  const { user, account } = await mine(request)
  const values = formValues(await readFormData(request))
  const intent = values.intent === 'turn-off' ? 'turn-off' : values.intent === 'new-codes' ? 'new-codes' : null
  if (!intent) return data({ errors: { _form: 'Choose what to do' } }, { status: 400 })
  const field = FIELDS[intent]
  if (!account.twoFactor.enrolled) return data({ errors: { _form: 'Two-factor sign-in is not on for your account' } }, { status: 409 })
  if (intent === 'turn-off' && account.twoFactor.required) {
    return data({ errors: { _form: 'Your account must use two-factor sign-in, so it cannot be turned off' } }, { status: 400 })
  }
  const code = (values.code ?? '').slice(0, 100)
  if (!code.trim()) return data({ errors: { [field]: 'Enter a code from your authenticator app' } }, { status: 400 })
  const purpose = intent === 'turn-off' ? 'to turn two-factor sign-in off' : 'to make new recovery codes'
  const checked = await checkSecondFactor(db, user, code, purpose)
  if (!checked.ok) {
    if (checked.reason === 'wait') {
      return data({ errors: { [field]: `You have entered too many wrong codes. Wait ${waitMessage(checked.waitMs)}, then try again.` } }, { status: 429, headers: { 'Retry-After': String(Math.ceil(checked.waitMs / 1000)) } })
    }
    const message =
      checked.reason === 'used'
        ? 'That code has already been used. Wait for your app to show a new code, then enter it'
        : checked.reason === 'format'
          ? 'Enter the 6-digit code from your authenticator app, or a recovery code'
          : 'The code is not right. Enter the code your app shows now'
    return data({ errors: { [field]: message } }, { status: 400 })
  }
  if (intent === 'new-codes') return { recoveryCodes: shownCodes(await replaceRecoveryCodes(db, user)) }
  const removed = await removeTwoFactor(db, user, user, false)
  if (!removed.ok) return data({ errors: { _form: 'Your account must use two-factor sign-in, so it cannot be turned off' } }, { status: 400 })
  return redirect('/account/two-factor?notice=off', { status: 303 })
}

// New recovery codes exist only in the answer that made them.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && 'recoveryCodes' in actionResult ? false : defaultShouldRevalidate

const NOTICES: Record<string, string> = {
  on: 'Two-factor sign-in is on.',
  'app-changed': 'Your new authenticator app is set up. Codes from the old one no longer work.',
  off: 'Two-factor sign-in is off.',
}

export default function TwoFactor() {
  const { hasPassword, twoFactor } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const notice = NOTICES[params.get('notice') ?? '']
  if (actionData && 'recoveryCodes' in actionData) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink href="/account/two-factor" text="Back to two-factor sign-in" />
          <h1 className="govuk-heading-l">New recovery codes</h1>
          <p className="govuk-body">Your old recovery codes no longer work.</p>
          <RecoveryCodes codes={actionData.recoveryCodes} />
          <a className="govuk-button" data-module="govuk-button" href="/account" role="button" draggable="false">
            Back to your account
          </a>
        </div>
      </div>
    )
  }
  const errors = actionData && 'errors' in actionData ? (actionData.errors as Record<string, string>) : undefined
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/account" text="Back to your account" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <FormErrorSummary errors={errors} order={['newCodesCode', 'turnOffCode']} />
        <h1 className="govuk-heading-l">Two-factor sign-in</h1>
        {!hasPassword ? (
          <p className="govuk-body">You sign in with your organisation’s account. Your organisation decides what you need to sign in, so there is nothing to set up here.</p>
        ) : !twoFactor.enrolled ? (
          <>
            <p className="govuk-body">
              Two-factor sign-in asks for a code from an app on your phone or computer as well as your password, so nobody can sign in as you with your
              password alone.
            </p>
            {twoFactor.required ? <p className="govuk-body">Your account must use it: you will be asked to set it up at your next sign-in if you do not now.</p> : null}
            <Button text="Set up two-factor sign-in" href="/account/two-factor/setup" />
          </>
        ) : (
          <>
            <SummaryList
              rows={[
                { key: { text: 'Status' }, value: { text: `On since ${twoFactor.enrolledAt ? formatDateTime(twoFactor.enrolledAt) : 'you set it up'}` } },
                { key: { text: 'Recovery codes left' }, value: { text: String(twoFactor.recoveryCodesLeft) } },
              ]}
            />
            <h2 className="govuk-heading-m">Use a different authenticator app</h2>
            <p className="govuk-body">For example, on a new phone. Codes from your current app stop working once the new one is set up.</p>
            <Button text="Set up a different app" href="/account/two-factor/setup" variant="secondary" />

            <h2 className="govuk-heading-m">Make new recovery codes</h2>
            <p className="govuk-body">If you have used most of your recovery codes, or think someone else has seen them. Your old codes will stop working.</p>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="new-codes" />
              <Input
                id="newCodesCode"
                name="code"
                autocomplete="one-time-code"
                spellcheck={false}
                width={10}
                label={{ text: 'Code from your authenticator app', classes: 'govuk-label--s' }}
                errorMessage={errors?.newCodesCode}
              />
              <Button text="Make new recovery codes" variant="secondary" preventDoubleClick />
            </Form>

            {twoFactor.required ? (
              <p className="govuk-body">Your account must use two-factor sign-in, so it cannot be turned off.</p>
            ) : (
              <>
                <h2 className="govuk-heading-m">Turn two-factor sign-in off</h2>
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="turn-off" />
                  <Input
                    id="turnOffCode"
                    name="code"
                    autocomplete="one-time-code"
                    spellcheck={false}
                    width={10}
                    label={{ text: 'Code from your authenticator app', classes: 'govuk-label--s' }}
                    errorMessage={errors?.turnOffCode}
                  />
                  <Button text="Turn two-factor sign-in off" variant="warning" preventDoubleClick />
                </Form>
              </>
            )}
          </>
        )}
      </div>
    </div>
  )
}
