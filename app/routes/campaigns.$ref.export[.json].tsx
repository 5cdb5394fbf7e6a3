import type { LoaderFunctionArgs } from '@remix-run/node'
import { buildCampaignExport } from '~/models/export.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  const body = JSON.stringify(await buildCampaignExport(db, campaign), null, 2)
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${campaign.ref}.json"`,
      'Cache-Control': 'no-store',
    },
  })
}
