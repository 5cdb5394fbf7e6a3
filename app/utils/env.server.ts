import { z } from 'zod'
import { isRole, type Role } from './roles'

/** `otm-designers=designer,otm-cs=customer-services`: the provider's groups, each to one of the planner's roles. */
function parseRoleMap(text: string, ctx: z.RefinementCtx): Map<string, Role[]> {
  const map = new Map<string, Role[]>()
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=')
    const group = at > 0 ? entry.slice(0, at).trim() : ''
    const role = at > 0 ? entry.slice(at + 1).trim() : ''
    if (!group || !isRole(role)) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not group=role with a role among designer, customer-services, debt-management, press-office, viewer, admin` })
      return map
    }
    map.set(group, [...new Set([...(map.get(group) ?? []), role])])
  }
  return map
}

/** Unset and empty both mean "not configured". */
const optional = <T extends z.ZodType>(type: T) => z.preprocess((value) => (value === '' ? undefined : value), type.optional())

const schema = z
  .object({
    NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
    DATABASE_URL: z.string().min(1).default('data/otm.sqlite'),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    OTM_DEMO: z.enum(['0', '1']).default('1'),
    DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD must be at least 8 characters').optional(),
    COOKIE_SECURE: z.enum(['0', '1']).optional(),
    SCRYPT_COST: z.coerce.number().int().min(1024).max(1_048_576).default(32768),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // The public origin(s) users type; the first is where links in emails and calendar feeds point.
    APP_ORIGIN: optional(z.string()),
    // Email (docs/notifications.md): unset, nothing is sent and notifications appear in the app only.
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must be an smtp:// or smtps:// URL, such as smtp://mail.example.gov.uk:587')),
    MAIL_FROM: z
      .string()
      .regex(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'MAIL_FROM must be an address, or a name and <address>')
      .default('OTM Campaign Planner <otm-planner@localhost>'),
    // Signs the links in emails and derives calendar feed addresses (app/models/notifications/signing.server.ts).
    LINK_SIGNING_KEY: z.string().min(32, 'LINK_SIGNING_KEY must be at least 32 characters (for example: openssl rand -hex 32)').optional(),
    // The key that seals the audit trail (app/utils/audit-seal.server.ts). Never stored in the database.
    AUDIT_HMAC_KEY: z.string().min(32, 'AUDIT_HMAC_KEY must be at least 32 characters (for example 32 random bytes as hex)').optional(),
    // Where the sealed checkpoint of the audit trail's newest event is kept, outside the database.
    AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
    LOCAL_LOGIN: z.enum(['0', '1']).default('1'),
    MFA_REQUIRED: z.enum(['0', '1']).default('0'),
    OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, error: 'OIDC_ISSUER must be the provider’s issuer URL, such as https://login.microsoftonline.com/TENANT/v2.0' })),
    OIDC_CLIENT_ID: optional(z.string()),
    OIDC_CLIENT_SECRET: optional(z.string()),
    OIDC_ROLES_CLAIM: z.string().min(1).default('groups'),
    OIDC_ROLE_MAP: z.string().default('').transform(parseRoleMap),
  })
  .superRefine((value, ctx) => {
    if (value.OIDC_ISSUER && (!value.OIDC_CLIENT_ID || !value.OIDC_CLIENT_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET as well' })
    }
    if (value.LOCAL_LOGIN === '0' && !value.OIDC_ISSUER) {
      ctx.addIssue({ code: 'custom', path: ['LOCAL_LOGIN'], message: 'LOCAL_LOGIN=0 turns password sign-in off, so OIDC_ISSUER must be set or nobody could sign in' })
    }
  })

export type Env = z.infer<typeof schema>

let parsed: Env | undefined

/** Checks an environment: the settings, or an error naming every variable that is wrong. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`)
  }
  return result.data
}

/** The environment, checked once: a misconfigured deployment fails at boot, not on some later request. */
export function env(): Env {
  parsed ??= parseEnv(process.env)
  return parsed
}

export const isProduction = () => env().NODE_ENV === 'production'
