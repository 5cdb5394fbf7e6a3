// The audit trail's seal: an HMAC-SHA256 (node:crypto) under a key that is never stored in the database. Whoever can
// write the database can rewrite an event and recompute every hash after it, but cannot recompute the seals
// without the key. docs/reliability.md ("Tamper evidence") and docs/deployment.md say where the key lives.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { env } from './env.server'
import { serviceKey } from './service-key.server'

/** Where development and demo instances keep a key they made themselves when AUDIT_HMAC_KEY is not set. */
export const GENERATED_KEY_FILE = 'data/audit-hmac.key'

let cached: Buffer | undefined

/**
 * The sealing key: AUDIT_HMAC_KEY; or, for development and the demo only, a random key kept in
 * data/audit-hmac.key (made on first use). A production deployment without the demo must set AUDIT_HMAC_KEY.
 */
export function auditKey(): Buffer {
  cached ??= serviceKey({ variable: 'AUDIT_HMAC_KEY', configured: env().AUDIT_HMAC_KEY, purpose: 'seals the audit trail', generatedFile: GENERATED_KEY_FILE })
  return cached
}

/** The key to check seals with, for the command-line tools: AUDIT_HMAC_KEY, or a generated key if there is one. */
export function existingAuditKey(): Buffer | null {
  const configured = env().AUDIT_HMAC_KEY
  if (configured) return Buffer.from(configured, 'utf8')
  try {
    const text = fs.readFileSync(path.resolve(GENERATED_KEY_FILE), 'utf8').trim()
    return text.length >= 32 ? Buffer.from(text, 'utf8') : null
  } catch {
    return null
  }
}


/** The seal of one event: it covers the event's hash, which covers the whole chain before it. */
export function eventSeal(key: Buffer, hash: string): string {
  return crypto.createHmac('sha256', key).update(`otm-audit-event-v1\n${hash}`).digest('hex')
}

/** The seal of a checkpoint: the newest event's id and hash, as written outside the database. */
export function checkpointSeal(key: Buffer, id: number, hash: string): string {
  return crypto.createHmac('sha256', key).update(`otm-audit-checkpoint-v1\n${id}\n${hash}`).digest('hex')
}

/** Compares two seals in constant time. */
export function sealsMatch(expected: string, actual: string | null | undefined): boolean {
  if (typeof actual !== 'string' || actual.length !== expected.length) return false
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(actual))
}
