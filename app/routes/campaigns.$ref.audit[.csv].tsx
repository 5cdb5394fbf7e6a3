import type { LoaderFunctionArgs } from '@remix-run/node'
import { listAllCampaignAudit } from '~/models/campaign.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { toCsv } from '~/utils/csv'
import { db } from '~/utils/db.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  const events = await listAllCampaignAudit(db, campaign.id)
  const csv = toCsv(
    ['id', 'at_utc', 'actor', 'action', 'entity_type', 'entity_id', 'summary', 'before', 'after', 'hash'],
    events.map((e) => [e.id, e.at, e.actor_email ?? '', e.action, e.entity_type, e.entity_id ?? '', e.summary, e.before_json ?? '', e.after_json ?? '', e.hash]),
  )
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${campaign.ref}-audit.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
