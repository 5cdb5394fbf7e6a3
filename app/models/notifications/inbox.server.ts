// A person's notifications in the app: the header's unread count, the list, and marking them read. Every query names
// the person, so nobody reads or marks anyone else's.
import { nowIso } from '../../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../../utils/db.server'

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface InboxNotification {
  id: string
  kind: string
  title: string
  body: string
  href: string
  createdAt: string
  read: boolean
}

/** Newest first, a page at a time. */
export async function listNotifications(db: DbOrTx, userId: string, options: { page: number; pageSize: number }): Promise<{ items: InboxNotification[]; total: number; unread: number }> {
  const [rows, total, unread] = await Promise.all([
    db
      .selectFrom('notification')
      .select(['id', 'kind', 'title', 'body', 'href', 'created_at', 'read_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
    unreadCount(db, userId),
  ])
  return {
    total: Number(total.n),
    unread,
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, href: r.href, createdAt: r.created_at, read: r.read_at !== null })),
  }
}

/** Marks one of the person's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const row = await tx.selectFrom('notification').select('read_at').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
    if (!row) return false
    if (row.read_at === null) await tx.updateTable('notification').set({ read_at: nowIso() }).where('id', '=', id).where('user_id', '=', userId).execute()
    return true
  })
}

export async function markAllRead(db: DbOrTx, userId: string): Promise<number> {
  return writeTransaction(db, async (tx) => {
    const result = await tx.updateTable('notification').set({ read_at: nowIso() }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst()
    return Number(result.numUpdatedRows)
  })
}

/** Where a notification leads, marking it read on the way; null when it is not the person's. */
export async function openNotification(db: DbOrTx, userId: string, id: string): Promise<string | null> {
  const row = await db.selectFrom('notification').select(['href', 'read_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
  if (!row) return null
  if (row.read_at === null) await markRead(db, userId, id)
  return row.href
}
