// The account behind a single sign-on: found by the provider's issuer and subject, created at the first sign-in,
// its roles set from the provider's groups at every sign-in (audited when they change). A disabled account stays
// out whatever the provider says.
import crypto from 'node:crypto'
import { appendAudit } from '../utils/audit.server'
import { nowIso } from '../utils/clock.server'
import { writeTransaction, type DbOrTx, type Tx } from '../utils/db.server'
import { NO_PASSWORD } from '../utils/password.server'
import { ROLES, type Role } from '../utils/roles'

export interface ProviderIdentity {
  issuer: string
  subject: string
  email: string
  /** The provider vouches that the email address belongs to this person (`email_verified`, or Entra ID's `xms_edov`). */
  emailVerified: boolean
  name: string
  roles: Role[]
  /** The provider's group names as they arrived, for the audit trail (never a secret). */
  groups: string[]
}

export type ProviderSignIn =
  | { ok: true; userId: string; email: string; created: boolean; rolesChanged: boolean }
  | { ok: false; reason: 'disabled' | 'no-role' | 'email-taken'; userId: string | null }

const sorted = (roles: Role[]) => [...new Set(roles)].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))

async function rolesOf(tx: Tx, userId: string): Promise<Role[]> {
  const rows = await tx.selectFrom('user_role').select('role').where('user_id', '=', userId).execute()
  return sorted(rows.map((r) => r.role as Role))
}

export async function signInFromProvider(db: DbOrTx, identity: ProviderIdentity): Promise<ProviderSignIn> {
  const roles = sorted(identity.roles)
  return writeTransaction(db, async (tx) => {
    let user = await tx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'disabled', 'version'])
      .where('sso_issuer', '=', identity.issuer)
      .where('sso_subject', '=', identity.subject)
      .executeTakeFirst()
    let created = false

    if (!user) {
      const sameEmail = await tx.selectFrom('users').select(['id', 'email', 'name', 'disabled', 'version', 'sso_subject']).where('email', '=', identity.email).executeTakeFirst()
      if (sameEmail) {
        // Linking by email alone would let anyone who can set that address at some provider take the account over.
        if (!identity.emailVerified || sameEmail.sso_subject !== null) return { ok: false, reason: 'email-taken', userId: sameEmail.id }
        if (sameEmail.disabled === 1) return { ok: false, reason: 'disabled', userId: sameEmail.id }
        await tx.updateTable('users').set({ sso_issuer: identity.issuer, sso_subject: identity.subject }).where('id', '=', sameEmail.id).execute()
        const actor = { id: sameEmail.id, email: sameEmail.email }
        await appendAudit(tx, {
          actor,
          action: 'user.linked-to-provider',
          entityType: 'user',
          entityId: sameEmail.id,
          summary: `${sameEmail.email} signed in with single sign-on for the first time; the provider account is now linked to it`,
          after: { issuer: identity.issuer, subject: identity.subject },
        })
        user = sameEmail
      } else {
        if (roles.length === 0) return { ok: false, reason: 'no-role', userId: null }
        const id = crypto.randomUUID()
        const at = nowIso()
        await tx
          .insertInto('users')
          .values({
            id,
            email: identity.email,
            name: identity.name,
            password_hash: NO_PASSWORD,
            disabled: 0,
            version: 1,
            created_at: at,
            updated_at: at,
            sso_issuer: identity.issuer,
            sso_subject: identity.subject,
          })
          .execute()
        await tx.insertInto('user_role').values(roles.map((role) => ({ user_id: id, role }))).execute()
        await appendAudit(tx, {
          actor: { id, email: identity.email },
          action: 'user.created',
          entityType: 'user',
          entityId: id,
          summary: `Added user ${identity.email} at their first single sign-on, with roles from the provider: ${roles.join(', ')}`,
          after: { email: identity.email, name: identity.name, roles, issuer: identity.issuer, subject: identity.subject, groups: identity.groups },
        })
        return { ok: true, userId: id, email: identity.email, created: true, rolesChanged: false }
      }
    }

    if (user.disabled === 1) return { ok: false, reason: 'disabled', userId: user.id }
    const actor = { id: user.id, email: user.email }
    const before = await rolesOf(tx, user.id)
    const rolesChanged = before.join() !== roles.join()
    // The address follows the provider unless another account already has it.
    const emailFree = identity.email === user.email || !(await tx.selectFrom('users').select('id').where('email', '=', identity.email).executeTakeFirst())
    const email = emailFree ? identity.email : user.email
    const detailsChanged = identity.name !== user.name || email !== user.email
    if (rolesChanged || detailsChanged) {
      await tx
        .updateTable('users')
        .set({ name: identity.name, email, version: user.version + 1, updated_at: nowIso() })
        .where('id', '=', user.id)
        .execute()
    }
    if (detailsChanged) {
      await appendAudit(tx, {
        actor,
        action: 'user.updated-from-provider',
        entityType: 'user',
        entityId: user.id,
        summary: `The identity provider changed the details of ${user.email}`,
        before: { name: user.name, email: user.email },
        after: { name: identity.name, email },
      })
    }
    if (rolesChanged) {
      await tx.deleteFrom('user_role').where('user_id', '=', user.id).execute()
      if (roles.length) await tx.insertInto('user_role').values(roles.map((role) => ({ user_id: user.id, role }))).execute()
      await appendAudit(tx, {
        actor,
        action: 'user.roles-from-provider',
        entityType: 'user',
        entityId: user.id,
        summary: `Roles of ${email} set from the identity provider’s groups at sign-in: ${roles.join(', ') || 'none'} (were ${before.join(', ') || 'none'})`,
        before: { roles: before },
        after: { roles, groups: identity.groups },
      })
    }
    if (roles.length === 0) return { ok: false, reason: 'no-role', userId: user.id }
    return { ok: true, userId: user.id, email, created, rolesChanged }
  })
}
