import crypto from 'node:crypto'
import { canonicalJson } from '../utils/canonical-json'

/** SHA-256 (hex) of the canonical JSON of a scope: what an approval binds to. */
export function scopeHash(scope: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(scope), 'utf8').digest('hex')
}
