import { z } from 'zod'

const schema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  DATABASE_URL: z.string().min(1).default('data/otm.sqlite'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  OTM_DEMO: z.enum(['0', '1']).default('1'),
  DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD must be at least 8 characters').optional(),
  COOKIE_SECURE: z.enum(['0', '1']).optional(),
  SCRYPT_COST: z.coerce.number().int().min(1024).max(1_048_576).default(32768),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // The public origin(s) users type; the first is where links in emails and calendar feeds point.
  APP_ORIGIN: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  // Email (docs/notifications.md): unset, nothing is sent and notifications appear in the app only.
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must be an smtp:// or smtps:// URL, such as smtp://mail.example.gov.uk:587')
      .optional(),
  ),
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'MAIL_FROM must be an address, or a name and <address>')
    .default('OTM Campaign Planner <otm-planner@localhost>'),
  // Signs the links in emails and derives calendar feed addresses (app/models/notifications/signing.server.ts).
  LINK_SIGNING_KEY: z.string().min(32, 'LINK_SIGNING_KEY must be at least 32 characters (for example: openssl rand -hex 32)').optional(),
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
