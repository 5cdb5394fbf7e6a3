import crypto from 'node:crypto'
import { appendAudit, type Actor } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../utils/db.server'
import { hashPassword } from '../utils/password.server'
import { GROUP_ROLE } from '../signoff/groups'
import { isRole, ROLES, type Role } from '../utils/roles'
import { revokeUserSessions } from '../utils/session.server'
import { requireTwoFactorFor } from './two-factor.server'

export interface UserListItem {
  id: string
  email: string
  name: string
  disabled: boolean
  roles: Role[]
  version: number
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function findLoginCandidate(db: DbOrTx, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'disabled'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst()
}

async function rolesByUser(db: DbOrTx, userIds: string[]): Promise<Map<string, Role[]>> {
  const map = new Map<string, Role[]>()
  if (userIds.length === 0) return map
  const rows = await db.selectFrom('user_role').select(['user_id', 'role']).where('user_id', 'in', userIds).execute()
  for (const row of rows) {
    if (!isRole(row.role)) continue
    const list = map.get(row.user_id) ?? []
    list.push(row.role)
    map.set(row.user_id, list)
  }
  for (const list of map.values()) list.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))
  return map
}

export async function listUsers(db: DbOrTx): Promise<UserListItem[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'disabled', 'version'])
    .orderBy('name')
    .orderBy('email')
    .execute()
  const roles = await rolesByUser(db, users.map((u) => u.id))
  return users.map((u) => ({ ...u, disabled: u.disabled === 1, roles: roles.get(u.id) ?? [] }))
}

export async function getUserById(db: DbOrTx, id: string): Promise<UserListItem | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'disabled', 'version'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!user) return undefined
  const roles = await rolesByUser(db, [user.id])
  return { ...user, disabled: user.disabled === 1, roles: roles.get(user.id) ?? [] }
}

/** Active users who hold a role, e.g. the designers who can be made co-owners. */
export async function listUsersWithRole(db: DbOrTx, role: Role): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .selectFrom('users')
    .innerJoin('user_role', 'user_role.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('user_role.role', '=', role)
    .where('users.disabled', '=', 0)
    .orderBy('users.name')
    .execute()
}

export class EmailTakenError extends Error {}

export interface NewAccountRules {
  /** Two-factor sign-in must be set up before the account can be used (administrators added by a person). */
  requireTwoFactor?: boolean
  /** The password was chosen by someone else and must be changed at the first sign-in. */
  mustChangePassword?: boolean
}

export async function createUser(
  db: DbOrTx,
  input: { email: string; name: string; password: string; roles: Role[] },
  actor: Actor | null,
  rules: NewAccountRules = {},
): Promise<string> {
  const passwordHash = await hashPassword(input.password) // outside the transaction: scrypt is slow by design
  const email = normaliseEmail(input.email)
  return writeTransaction(db, async (tx) => {
    const existing = await tx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
    if (existing) throw new EmailTakenError(email)
    const id = crypto.randomUUID()
    const at = nowIso()
    await tx
      .insertInto('users')
      .values({
        id,
        email,
        name: input.name,
        password_hash: passwordHash,
        disabled: 0,
        version: 1,
        created_at: at,
        updated_at: at,
        two_factor_required: rules.requireTwoFactor ? 1 : 0,
        must_change_password: rules.mustChangePassword ? 1 : 0,
      })
      .execute()
    const roles = [...new Set(input.roles)]
    if (roles.length) await tx.insertInto('user_role').values(roles.map((role) => ({ user_id: id, role }))).execute()
    await appendAudit(tx, {
      actor,
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      summary: `Added user ${email} with roles: ${roles.join(', ') || 'none'}`,
      after: { email, name: input.name, roles, twoFactorRequired: !!rules.requireTwoFactor, mustChangePassword: !!rules.mustChangePassword },
    })
    return id
  })
}

/** The roles that make their holder a member of a sign-off group. */
const SIGN_OFF_ROLES = new Set<Role>(Object.values(GROUP_ROLE))

export type UserUpdateResult = { ok: true } | { ok: false; reason: 'not-found' | 'conflict' | 'self' | 'self-sign-off' }

/** Sets a user's name, roles and whether the account is enabled. Disabling ends every session at once. */
export async function updateUser(
  db: DbOrTx,
  input: { id: string; version: number; name: string; roles: Role[]; disabled: boolean },
  actor: Actor,
): Promise<UserUpdateResult> {
  return writeTransaction(db, async (tx) => {
    const before = await getUserById(tx, input.id)
    if (!before) return { ok: false, reason: 'not-found' }
    if (before.version !== input.version) return { ok: false, reason: 'conflict' }
    // An administrator cannot lock themselves out, or remove the last way back in.
    if (input.id === actor.id && (input.disabled || !input.roles.includes('admin'))) return { ok: false, reason: 'self' }
    // Separation of duties: whoever manages the accounts cannot make themselves one of the people who sign off.
    if (input.id === actor.id && input.roles.some((role) => SIGN_OFF_ROLES.has(role) && !before.roles.includes(role))) return { ok: false, reason: 'self-sign-off' }
    const updated = await tx
      .updateTable('users')
      .set({ name: input.name, disabled: input.disabled ? 1 : 0, version: input.version + 1, updated_at: nowIso() })
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (updated.numUpdatedRows !== 1n) return { ok: false, reason: 'conflict' }
    await tx.deleteFrom('user_role').where('user_id', '=', input.id).execute()
    const roles = [...new Set(input.roles)]
    if (roles.length) await tx.insertInto('user_role').values(roles.map((role) => ({ user_id: input.id, role }))).execute()
    if (input.disabled) await revokeUserSessions(tx, input.id)
    // A person made an administrator by another administrator sets up two-factor sign-in before using the role.
    if (roles.includes('admin') && !before.roles.includes('admin')) await requireTwoFactorFor(tx, input.id)
    const changes: string[] = []
    if (before.name !== input.name) changes.push('name')
    if (before.roles.join() !== [...roles].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)).join()) changes.push(`roles to ${roles.join(', ') || 'none'}`)
    if (before.disabled !== input.disabled) changes.push(input.disabled ? 'disabled the account' : 're-enabled the account')
    await appendAudit(tx, {
      actor,
      action: input.disabled && !before.disabled ? 'user.disabled' : !input.disabled && before.disabled ? 'user.enabled' : 'user.updated',
      entityType: 'user',
      entityId: input.id,
      summary: `Changed user ${before.email}: ${changes.join('; ') || 'no changes'}`,
      before: { name: before.name, roles: before.roles, disabled: before.disabled },
      after: { name: input.name, roles, disabled: input.disabled },
    })
    return { ok: true }
  })
}
