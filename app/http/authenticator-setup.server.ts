import { enrolmentSecret, formatRecoveryCode } from '../models/two-factor.server'
import type { DbOrTx } from '../utils/db.server'
import { groupedKey, totpQrCode, totpUri } from '../utils/totp.server'

/** What the setting-up page shows: the QR code and the same key as text. */
export async function authenticatorSetup(db: DbOrTx, user: { id: string; email: string }): Promise<{ qrCode: string; textKey: string }> {
  const secret = await enrolmentSecret(db, user.id)
  return { qrCode: await totpQrCode(totpUri(secret, user.email)), textKey: groupedKey(secret) }
}

export const ENROLMENT_ERRORS = {
  format: 'Enter the 6-digit code from your authenticator app',
  'wrong-code': 'The code is not right. Check the app shows OTM Campaign Planner and enter the code it shows now',
  expired: 'The QR code on this page has expired. Scan the new one below, then enter the code the app shows',
} as const

export const shownCodes = (codes: string[]) => codes.map(formatRecoveryCode)
