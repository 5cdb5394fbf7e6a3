import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, NotificationBanner, WarningText } from '~/components/govuk'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/forms.server'
import { currentFeedToken, replaceFeedToken } from '~/models/notifications/feed.server'
import { publicOrigin } from '~/models/notifications/links.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'

export const handle = { title: 'Your calendar feed' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const token = await currentFeedToken(db, user.id)
  const url = token ? `${publicOrigin(request)}/calendar/${token}.ics` : null
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    url,
    webcal: url ? url.replace(/^https?:/, 'webcal:') : null,
    notice: notice === 'created' ? 'Your calendar feed is ready' : notice === 'replaced' ? 'Your calendar feed has a new address. The old address no longer works.' : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { intent } = formValues(await readFormData(request))
  if (intent !== 'create' && intent !== 'replace') return data({ errors: { _form: 'Choose to make a feed address, or to replace the one you have' } }, { status: 400 })
  const had = await currentFeedToken(db, user.id)
  await replaceFeedToken(db, user)
  return redirect(`/notifications/calendar-feed?notice=${had ? 'replaced' : 'created'}`, { status: 303 })
}

/** Shown once scripts run: without them, the address is selectable text to copy by hand. */
function CopyButton({ text }: { text: string }) {
  const [ready, setReady] = useState(false)
  const [copied, setCopied] = useState(false)
  useEffect(() => setReady(typeof navigator !== 'undefined' && !!navigator.clipboard), [])
  if (!ready) return null
  return (
    <>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }}
      >
        Copy the address
      </button>
      <p className="govuk-body govuk-visually-hidden" role="status" aria-live="polite">
        {copied ? 'The address is copied' : ''}
      </p>
    </>
  )
}

export default function CalendarFeed() {
  const { url, webcal, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/notifications" text="Back to notifications" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <FormErrorSummary errors={actionData?.errors} />
        <h1 className="govuk-heading-l">Your calendar feed</h1>
        <p className="govuk-body">Add the planner’s dates to Outlook, Google Calendar or Apple Calendar. Your calendar checks the feed about every hour. It holds:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>the launch dates and send dates of campaigns you own or co-own, and of campaigns your sign-off group must sign off</li>
          <li>when each sign-off is due: the working day before the campaign’s planned launch</li>
          <li>for helpline managers, the day each campaign is forecast to bring its most calls to each helpline</li>
        </ul>
        {url ? (
          <>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="feed-url">
                Your feed address
              </label>
              <div className="govuk-hint" id="feed-url-hint">
                Subscribe to it from your calendar (in Outlook: Add calendar, From internet).
              </div>
              <input className="govuk-input app-feed-url" id="feed-url" name="feed-url" type="text" value={url} readOnly aria-describedby="feed-url-hint" spellCheck={false} />
            </div>
            <div className="govuk-button-group">
              <CopyButton text={url} />
              <a className="govuk-link" href={webcal!}>
                Open it in your calendar app
              </a>
            </div>
            <WarningText text="Anyone with this address can see these dates. Do not share it. If someone else may have it, replace it." />
            <Form method="post">
              <Button text="Replace the address" name="intent" value="replace" variant="secondary" preventDoubleClick />
            </Form>
            <p className="govuk-body">Replacing it stops the old address working at once. Subscribe again with the new one.</p>
          </>
        ) : (
          <Form method="post">
            <p className="govuk-body">You do not have a feed yet.</p>
            <Button text="Make my feed address" name="intent" value="create" preventDoubleClick />
          </Form>
        )}
      </div>
    </div>
  )
}
