import type { LoaderFunctionArgs } from '@remix-run/node'
import { eachServiceEvent, serviceEventKind, whereOf } from '~/models/service-events.server'
import { requireRole } from '~/http/auth.server'
import { csvLines } from '~/utils/csv'
import { db } from '~/utils/db.server'

const HEADER = ['id', 'at_utc', 'actor', 'action', 'address', 'route', 'entity_type', 'entity_id', 'summary', 'before', 'after', 'hash']

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const kind = serviceEventKind(new URL(request.url).searchParams.get('kind'))
  const batches = eachServiceEvent(db, kind)
  const encoder = new TextEncoder()
  // Written a batch at a time, so years of sign-ins neither sit in memory at once nor hold up other requests.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLines([HEADER])))
    },
    async pull(controller) {
      const next = await batches.next()
      if (next.done) return controller.close()
      controller.enqueue(
        encoder.encode(
          csvLines(
            next.value.map((e) => {
              const where = whereOf(e)
              return [e.id, e.at, e.actor_email ?? '', e.action, where.address ?? '', where.route ?? '', e.entity_type, e.entity_id ?? '', e.summary, e.before_json ?? '', e.after_json ?? '', e.hash]
            }),
          ),
        ),
      )
    },
    async cancel() {
      await batches.return(undefined)
    },
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="otm-events${kind ? `-${kind.replace(/\.$/, '')}` : ''}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
