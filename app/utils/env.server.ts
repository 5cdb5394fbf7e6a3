import { z } from 'zod'

const schema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  DATABASE_URL: z.string().min(1).default('data/otm.sqlite'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  OTM_DEMO: z.enum(['0', '1']).default('1'),
  DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD must be at least 8 characters').optional(),
  COOKIE_SECURE: z.enum(['0', '1']).optional(),
  SCRYPT_COST: z.coerce.number().int().min(1024).max(1_048_576).default(32768),
  // The key that seals the audit trail (app/utils/audit-seal.server.ts). Never stored in the database.
  AUDIT_HMAC_KEY: z.string().min(32, 'AUDIT_HMAC_KEY must be at least 32 characters (for example 32 random bytes as hex)').optional(),
  // Where the sealed checkpoint of the audit trail's newest event is kept, outside the database.
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
})

export type Env = z.infer<typeof schema>

let parsed: Env | undefined

/** The environment, checked once: a misconfigured deployment fails at boot, not on some later request. */
export function env(): Env {
  if (!parsed) {
    const result = schema.safeParse(process.env)
    if (!result.success) {
      const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`)
    }
    parsed = result.data
  }
  return parsed
}

export const isProduction = () => env().NODE_ENV === 'production'
