// The one place the write paths call into notifications. The content-write gateway calls watchContentWrite before a
// write's body and the returned function after the sign-off sync, inside the same transaction; the sign-off resync
// (a campaign changed behind the gateway's back) calls notifyResync. docs/notifications.md describes what follows.
import type { Tx } from '../../utils/db.server'
import { keepArrivalsBeforeWrite, notifyCapacityChanges } from './capacity.server'
import { notifyFromAuditEvents, type NotifyingActor, type TellingEvent } from './from-events.server'

/** Called once the body, its audit events and the sign-off sync are written, with every event recorded. */
export type AfterContentWrite = (actor: NotifyingActor, events: readonly TellingEvent[]) => Promise<void>

/**
 * Before a content write's body: keeps what the campaign's forecast was, so a change to it can be compared. After:
 * notifies from the write's audit events and from any helpline week it put over capacity.
 */
export async function watchContentWrite(tx: Tx, campaignId: string): Promise<AfterContentWrite> {
  await keepArrivalsBeforeWrite(tx, campaignId)
  return async (actor, events) => {
    await notifyFromAuditEvents(tx, campaignId, actor, events)
    await notifyCapacityChanges(tx, campaignId, actor)
  }
}

/** After the sign-off of a campaign changed behind the gateway's back is brought up to date, in its transaction. */
export async function notifyResync(tx: Tx, campaignId: string, events: readonly TellingEvent[]): Promise<void> {
  await notifyFromAuditEvents(tx, campaignId, null, events)
}
