// Who is told. The members of a sign-off group are the users who hold the group's role; a campaign's authors are its
// owner and co-owners; a helpline's managers are the users with the Customer Services role (docs/notifications.md,
// "Who is told"). Disabled users are never told anything: every list here leaves them out.
import { GROUP_ROLE, type SignOffGroup } from '../../signoff/groups'
import type { DbOrTx } from '../../utils/db.server'
import type { Role } from '../../utils/roles'

/** The role whose holders manage helplines: every helpline, since the service has no list of managers per helpline. */
export const HELPLINE_MANAGER_ROLE: Role = 'customer-services'

async function activeWithRole(db: DbOrTx, role: Role): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_role', 'user_role.user_id', 'users.id')
    .select('users.id')
    .where('user_role.role', '=', role)
    .where('users.disabled', '=', 0)
    .execute()
  return rows.map((r) => r.id)
}

export function groupMembers(db: DbOrTx, group: SignOffGroup): Promise<string[]> {
  return activeWithRole(db, GROUP_ROLE[group])
}

/** The managers of the given helplines (today: every Customer Services user, whichever helplines they are). */
export async function helplineManagers(db: DbOrTx, helplineIds: readonly string[]): Promise<string[]> {
  return helplineIds.length ? activeWithRole(db, HELPLINE_MANAGER_ROLE) : []
}

/** The owner and co-owners, enabled or not (the caller's notify() leaves the disabled out). */
export async function campaignAuthors(db: DbOrTx, campaignId: string): Promise<string[]> {
  const [owner, coOwners] = await Promise.all([
    db.selectFrom('campaign').select('owner_id').where('id', '=', campaignId).executeTakeFirst(),
    db.selectFrom('campaign_co_owner').select('user_id').where('campaign_id', '=', campaignId).execute(),
  ])
  return [...new Set([...(owner ? [owner.owner_id] : []), ...coOwners.map((c) => c.user_id)])]
}

/** The helplines the campaign's forecast sends calls to. */
export async function helplinesReceivingCalls(db: DbOrTx, campaignId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('forecast_split')
    .select('helpline_id')
    .distinct()
    .where('campaign_id', '=', campaignId)
    .where('share_percent', '>', 0)
    .execute()
  return rows.map((r) => r.helpline_id)
}
