import type { LoaderFunctionArgs } from '@remix-run/node'

export const handle = { title: 'You have signed out' }

// Where the identity provider sends the browser after ending its own session too (the post-logout redirect URI).
export async function loader(_args: LoaderFunctionArgs) {
  return null
}

export default function SignedOut() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You have signed out</h1>
        <p className="govuk-body">You have signed out of OTM Campaign Planner and of your organisation’s sign-in service.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/login">
            Sign in again
          </a>
        </p>
      </div>
    </div>
  )
}
