import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { campaignFeed } from '~/models/notifications/feed.server'
import { publicOrigin } from '~/models/notifications/links.server'
import { db } from '~/utils/db.server'

// One campaign's key dates as an iCalendar file, to add to a calendar once.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  return new Response(await campaignFeed(db, campaign.id, publicOrigin(request)), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${campaign.ref}.ics"`,
      'Cache-Control': 'no-store',
    },
  })
}
