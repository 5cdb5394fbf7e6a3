import type { LoaderFunctionArgs } from '@remix-run/node'
import { translationFileFor } from '~/models/welsh.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'

/**
 * The translation file: the English of every message, line and script with no Welsh version or an out-of-date one
 * (`?all=1`: everything), one row per part, for the translation team to fill in the welsh column (docs/welsh.md).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  const all = new URL(request.url).searchParams.get('all') === '1'
  const file = await translationFileFor(db, campaign, { all })
  return new Response(file.text, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'no-store',
    },
  })
}
