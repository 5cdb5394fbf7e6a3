// Writes notifications: one row per person in the app, and an email in the outbox for those who chose email at once,
// all in the caller's transaction, so they commit or roll back with the change they tell of.
import { AsyncLocalStorage } from 'node:async_hooks'
import crypto from 'node:crypto'
import { DEFAULT_DELIVERY, isDelivery, type Delivery, type NotificationKind } from '../../notifications/kinds'
import type { NotificationWords } from '../../notifications/words'
import { nowIso } from '../../utils/clock.server'
import type { DbOrTx, Tx } from '../../utils/db.server'
import { env } from '../../utils/env.server'
import { enqueueEmails } from './outbox.server'

const quiet = new AsyncLocalStorage<true>()

/**
 * Runs `work` with email off: its notifications appear in the app only. The demo workspace is seeded this way, so a
 * deployment with a mail relay never writes to its made-up people.
 */
export function withoutEmail<T>(work: () => Promise<T>): Promise<T> {
  return quiet.run(true, work)
}

/** Email is on when SMTP_URL is set; without it (the embedded default) notifications appear in the app only. */
export function emailEnabled(): boolean {
  return !!env().SMTP_URL && !quiet.getStore()
}

/** Each person's choice for one kind of event; the default for anyone who has not chosen. */
export async function deliveriesFor(db: DbOrTx, userIds: readonly string[], kind: NotificationKind): Promise<Map<string, Delivery>> {
  const chosen = new Map<string, Delivery>()
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('notification_preference')
      .select(['user_id', 'delivery'])
      .where('kind', '=', kind)
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .execute()
    for (const row of rows) if (isDelivery(row.delivery)) chosen.set(row.user_id, row.delivery)
  }
  return new Map(userIds.map((id) => [id, chosen.get(id) ?? DEFAULT_DELIVERY]))
}

export interface NotificationTarget {
  userIds: readonly string[]
  campaignId?: string | null
  helplineId?: string | null
}

/** Tells each (enabled) person once. Returns how many were told. */
export async function notify(tx: Tx, words: NotificationWords, target: NotificationTarget): Promise<number> {
  const ids = [...new Set(target.userIds)]
  if (ids.length === 0) return 0
  const people: { id: string; email: string }[] = []
  for (let i = 0; i < ids.length; i += 500) {
    people.push(
      ...(await tx
        .selectFrom('users')
        .select(['id', 'email'])
        .where('id', 'in', ids.slice(i, i + 500))
        .where('disabled', '=', 0)
        .orderBy('id')
        .execute()),
    )
  }
  if (people.length === 0) return 0
  const email = emailEnabled()
  const deliveries = email ? await deliveriesFor(tx, people.map((p) => p.id), words.kind) : null
  const at = nowIso()
  const rows = people.map((person) => ({
    id: crypto.randomUUID(),
    user_id: person.id,
    kind: words.kind,
    campaign_id: target.campaignId ?? null,
    helpline_id: target.helplineId ?? null,
    title: words.title,
    body: words.body,
    href: words.href,
    created_at: at,
    read_at: null,
    delivery: deliveries?.get(person.id) ?? ('in-app' as Delivery),
    digest_outbox_id: null,
  }))
  for (let i = 0; i < rows.length; i += 200) await tx.insertInto('notification').values(rows.slice(i, i + 200)).execute()
  const emails = rows.filter((row) => row.delivery === 'email')
  const addressOf = new Map(people.map((p) => [p.id, p.email]))
  await enqueueEmails(
    tx,
    emails.map((row) => ({ kind: 'notification' as const, notificationId: row.id, userId: row.user_id, to: addressOf.get(row.user_id)!, subject: words.title, at })),
  )
  return people.length
}
