import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useContext, useEffect, type ReactNode } from 'react'
import { UNSAFE_DataRouterStateContext } from 'react-router'
import { Footer, Header, ServiceNavigation, SkipLink } from './components/govuk'
import { getUser } from './http/auth.server'
import { reportsErrors } from './utils/forms'
import { enhanceGovukComponents, focusErrorSummary } from './utils/govuk-enhance'
import { restoreTypedText } from './utils/typed-before-hydration'
import { useNonce } from './utils/nonce'
import { unreadCount } from './models/notifications/inbox.server'
import { db } from './utils/db.server'
import { navigationFor, SERVICE_NAME } from './utils/navigation'
import type { SessionUser } from './utils/roles'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: '/assets/govuk/govuk-frontend.min.css' },
  { rel: 'stylesheet', href: '/app.css' },
  { rel: 'icon', href: '/assets/images/favicon.ico', sizes: '48x48' },
  { rel: 'icon', href: '/assets/images/favicon.svg', type: 'image/svg+xml', sizes: 'any' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return { user: user ? { id: user.id, name: user.name, email: user.email, roles: user.roles } : null, unread: user ? await unreadCount(db, user.id) : 0 }
}

/** What a route exports as `handle` to name its page. */
export interface PageHandle {
  title?: string | ((data: unknown) => string)
}

function usePageTitle(fallback: string): string {
  const matches = useMatches()
  const state = useContext(UNSAFE_DataRouterStateContext)
  let title = fallback
  for (const match of matches) {
    const handle = match.handle as PageHandle | undefined
    if (handle?.title) title = typeof handle.title === 'function' ? handle.title(match.data) : handle.title
  }
  const actionErrors = Object.values(state?.actionData ?? {}).some(reportsErrors)
  const loaderErrors = matches.some((match) => reportsErrors(match.data))
  return `${actionErrors || loaderErrors ? 'Error: ' : ''}${title} - ${SERVICE_NAME}`
}

function GovukFrontendInit() {
  const nonce = useNonce()
  const location = useLocation()
  const navigation = useNavigation()
  const actionData = useContext(UNSAFE_DataRouterStateContext)?.actionData
  useEffect(() => {
    // First run: hydration has just committed, so put back any text React reset (a no-op afterwards).
    restoreTypedText()
    enhanceGovukComponents().catch(() => undefined)
  }, [location.pathname])
  // A submission that failed: the page stays, so take the user to the errors (without JavaScript the summary's own
  // autofocus does this on the new page).
  useEffect(() => {
    if (navigation.state !== 'idle' || !actionData || !Object.values(actionData).some(reportsErrors)) return
    focusErrorSummary()
    enhanceGovukComponents().catch(() => undefined)
  }, [actionData, navigation.state])
  return (
    <script
      nonce={nonce}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{
        __html:
          "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
      }}
    />
  )
}

/** The navigation items, with the unread count as a badge that reads "3 unread". */
function navigation(user: SessionUser | null, pathname: string, unread: number) {
  return navigationFor(user, pathname, unread).map(({ count, ...item }) =>
    count
      ? {
          ...item,
          text: (
            <>
              {item.text}
              <span className="app-unread-count" id="unread-count">
                {count > 99 ? '99+' : count}
                <span className="govuk-visually-hidden"> unread</span>
              </span>
            </>
          ),
        }
      : item,
  )
}

/**
 * The person's account and signing out are the navigation's last items, so on a phone they sit in the menu rather
 * than on a row of their own. Signing out posts, so that no link elsewhere can sign a person out.
 */
function AccountItems({ user }: { user: SessionUser }) {
  return (
    <>
      <li className="govuk-service-navigation__item">
        <a className="govuk-service-navigation__link app-signed-in-as" href="/account">
          {user.name}
          <span className="govuk-visually-hidden">: your account</span>
        </a>
      </li>
      <li className="govuk-service-navigation__item app-sign-out">
        <form method="post" action="/logout">
          <button type="submit" className="govuk-service-navigation__link app-sign-out__button">
            Sign out
          </button>
        </form>
      </li>
    </>
  )
}

function Page({ title, user, unread = 0, children }: { title: string; user: SessionUser | null; unread?: number; children: ReactNode }) {
  const nonce = useNonce()
  const location = useLocation()
  return (
    <html lang="en-GB" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body" suppressHydrationWarning>
        <GovukFrontendInit />
        <SkipLink href="#main-content" text="Skip to main content" />
        <header className="govuk-template__header">
          <Header homepageUrl="/" />
          <ServiceNavigation
            serviceName={SERVICE_NAME}
            serviceUrl="/"
            navigation={navigation(user, location.pathname, unread)}
            slots={user ? { navigationEnd: <AccountItems user={user} /> } : undefined}
          />
        </header>
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <footer className="govuk-template__footer">
          <Footer />
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>('root')
  const title = usePageTitle(SERVICE_NAME)
  return (
    <Page title={title} user={(data?.user as SessionUser | null) ?? null} unread={data?.unread ?? 0}>
      <Outlet />
    </Page>
  )
}

const ERROR_PAGES: Record<number, { title: string; body: ReactNode }> = {
  400: {
    title: 'Sorry, there is a problem with what was sent',
    body: <p className="govuk-body">The form could not be read, so nothing was saved. Go back and try again.</p>,
  },
  403: {
    title: 'You do not have permission to do that',
    body: (
      <>
        <p className="govuk-body">Your account cannot see this page or make this change. Nothing was changed.</p>
        <p className="govuk-body">If you think you should have access, ask a service administrator.</p>
      </>
    ),
  },
  404: {
    title: 'Page not found',
    body: (
      <>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      </>
    ),
  },
  409: {
    title: 'This was changed by someone else',
    body: <p className="govuk-body">Nothing was saved. Go back, reload the page and try again.</p>,
  },
  413: {
    title: 'The form was too large',
    body: <p className="govuk-body">What you sent was far longer than any form here accepts, so nothing was saved. Go back, shorten what you entered and try again.</p>,
  },
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('root')
  const status = isRouteErrorResponse(error) ? error.status : 500
  // Our own 4xx responses carry a sentence written for the user; anything else stays generic.
  const detail = isRouteErrorResponse(error) && status < 500 && typeof error.data === 'string' && error.data.length < 300 ? error.data : null
  // In production Remix replaces unexpected errors with a generic one, so no internal detail reaches the page.
  const page = ERROR_PAGES[status] ?? {
    title: 'Sorry, there is a problem with the service',
    body: (
      <>
        <p className="govuk-body">Try again later.</p>
        <p className="govuk-body">Anything you had saved before this happened is safe.</p>
      </>
    ),
  }
  return (
    <Page title={`${page.title} - ${SERVICE_NAME}`} user={(data?.user as SessionUser | null) ?? null} unread={data?.unread ?? 0}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{page.title}</h1>
          {detail && detail !== page.title ? <p className="govuk-body">{detail}.</p> : null}
          {page.body}
          <p className="govuk-body">
            <a className="govuk-link" href="/">
              Go to the start page
            </a>
          </p>
        </div>
      </div>
    </Page>
  )
}
