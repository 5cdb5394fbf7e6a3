import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFound } from '~/http/responses.server'
import { feedOwner, personalFeed } from '~/models/notifications/feed.server'
import { publicOrigin } from '~/models/notifications/links.server'
import { db } from '~/utils/db.server'

// A person's calendar feed: GET /calendar/<token>.ics. Calendar apps fetch it without a session, so the secret token
// is the permission; an unknown, replaced or disabled one gets the same 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(params.file ?? '')
  const owner = match ? await feedOwner(db, match[1]!) : null
  if (!owner) throw notFound('There is no calendar feed at this address. It may have been replaced: get the new address from the planner')
  return new Response(await personalFeed(db, owner, publicOrigin(request)), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="otm-campaign-planner.ics"',
      'Cache-Control': 'private, no-cache',
      // The address is the secret: keep it out of other sites' logs.
      'Referrer-Policy': 'no-referrer',
    },
  })
}
