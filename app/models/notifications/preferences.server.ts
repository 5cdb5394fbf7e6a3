// How each person wants to hear of each kind of event. Changed on the preferences page, or without signing in through
// the signed link in every email.
import { defaultPreferences, DELIVERY_LABELS, isDelivery, KIND_LABELS, NOTIFICATION_KINDS, type Delivery, type NotificationKind, type Preferences } from '../../notifications/kinds'
import { appendAudit } from '../../utils/audit.server'
import { nowIso } from '../../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../../utils/db.server'

export async function getPreferences(db: DbOrTx, userId: string): Promise<Preferences> {
  const rows = await db.selectFrom('notification_preference').select(['kind', 'delivery']).where('user_id', '=', userId).execute()
  const preferences = defaultPreferences()
  for (const row of rows) {
    if ((NOTIFICATION_KINDS as readonly string[]).includes(row.kind) && isDelivery(row.delivery)) preferences[row.kind as NotificationKind] = row.delivery
  }
  return preferences
}

/** Saves the choices given (any subset of kinds); returns the kinds that changed. */
export async function savePreferences(db: DbOrTx, user: { id: string; email: string }, choices: Partial<Record<NotificationKind, Delivery>>, how: 'page' | 'email-link'): Promise<NotificationKind[]> {
  return writeTransaction(db, async (tx) => {
    const before = await getPreferences(tx, user.id)
    const changed = NOTIFICATION_KINDS.filter((kind) => choices[kind] && choices[kind] !== before[kind])
    if (changed.length === 0) return []
    const at = nowIso()
    for (const kind of changed) {
      await tx
        .insertInto('notification_preference')
        .values({ user_id: user.id, kind, delivery: choices[kind]!, updated_at: at })
        .onConflict((c) => c.columns(['user_id', 'kind']).doUpdateSet({ delivery: choices[kind]!, updated_at: at }))
        .execute()
    }
    await appendAudit(tx, {
      actor: user,
      action: 'notification-preferences.changed',
      entityType: 'user',
      entityId: user.id,
      summary: `Changed how they are told${how === 'email-link' ? ' (through the link in an email)' : ''}: ${changed.map((k) => `${KIND_LABELS[k].name}: ${DELIVERY_LABELS[choices[k]!]}`).join('; ')}`,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, choices[k]])),
    })
    return changed
  })
}
