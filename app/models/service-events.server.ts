// Audit events that belong to no campaign: sign-ins and other security events, users and roles, helplines, the
// bank-holiday calendar, and the audit trail's own seal. Administrators read them at /admin/security.
import type { DbOrTx } from '../utils/db.server'
import type { ServiceEventKind } from '../utils/service-event-kinds'

export { serviceEventKind, SERVICE_EVENT_KINDS, type ServiceEventKind } from '../utils/service-event-kinds'

export interface ServiceEvent {
  id: number
  at: string
  actor_email: string | null
  action: string
  summary: string
  after_json: string | null
  before_json: string | null
  entity_type: string
  entity_id: string | null
  hash: string
}

function serviceEvents(db: DbOrTx, kind: ServiceEventKind | null) {
  let query = db.selectFrom('audit_event').where('campaign_id', 'is', null)
  // The prefixes are fixed (above) and end in a full stop; none holds a LIKE wildcard.
  if (kind) query = query.where('action', 'like', `${kind}%`)
  return query
}

export const SERVICE_EVENTS_PAGE_SIZE = 50

/** One page of events, newest first. */
export async function listServiceEvents(db: DbOrTx, options: { kind: ServiceEventKind | null; page: number }) {
  const { total } = await serviceEvents(db, options.kind)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  const pages = Math.max(1, Math.ceil(Number(total) / SERVICE_EVENTS_PAGE_SIZE))
  const page = Math.min(Math.max(1, options.page), pages)
  const events = await serviceEvents(db, options.kind)
    .select(['id', 'at', 'actor_email', 'action', 'summary', 'after_json', 'before_json', 'entity_type', 'entity_id', 'hash'])
    .orderBy('id', 'desc')
    .limit(SERVICE_EVENTS_PAGE_SIZE)
    .offset((page - 1) * SERVICE_EVENTS_PAGE_SIZE)
    .execute()
  return { events: events as ServiceEvent[], total: Number(total), page, pages }
}

/** Every event, newest first, a batch at a time: for the CSV, which may hold years of sign-ins. */
export async function* eachServiceEvent(db: DbOrTx, kind: ServiceEventKind | null, batchSize = 1000): AsyncGenerator<ServiceEvent[]> {
  let before: number | null = null
  for (;;) {
    let query = serviceEvents(db, kind).select(['id', 'at', 'actor_email', 'action', 'summary', 'after_json', 'before_json', 'entity_type', 'entity_id', 'hash'])
    if (before !== null) query = query.where('id', '<', before)
    const batch = (await query.orderBy('id', 'desc').limit(batchSize).execute()) as ServiceEvent[]
    if (batch.length === 0) return
    yield batch
    before = batch[batch.length - 1]!.id
  }
}

/** The address and route a security event records, for the list. */
export function whereOf(event: Pick<ServiceEvent, 'after_json'>): { address: string | null; route: string | null } {
  try {
    const after = JSON.parse(event.after_json ?? 'null') as { address?: unknown; route?: unknown } | null
    return { address: typeof after?.address === 'string' ? after.address : null, route: typeof after?.route === 'string' ? after.route : null }
  } catch {
    return { address: null, route: null }
  }
}
