// Time-based one-time passwords (RFC 6238) through otpauth: the secrets, the codes and the otpauth:// URI that an
// authenticator app reads from the QR code. Nothing here is hand-rolled cryptography.
import QRCode from 'qrcode'
import { Secret, TOTP } from 'otpauth'
import { SERVICE_NAME } from './navigation'

export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
// Every authenticator app supports SHA-1 with 6 digits every 30 seconds; RFC 6238's other modes are less widely read.
const ALGORITHM = 'SHA1'
// One step either side: a phone's clock a little out, or a code typed as it changes.
const WINDOW = 1

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512'

/** A new 160-bit secret, as RFC 4226 recommends, in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

export function totpStep(timestampMs: number): number {
  return TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: timestampMs })
}

/** The code for a moment: the app's own mode by default, others for checking against RFC 6238's vectors. */
export function totpCode(secretBase32: string, timestampMs: number, mode: { algorithm?: TotpAlgorithm; digits?: number } = {}): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    algorithm: mode.algorithm ?? ALGORITHM,
    digits: mode.digits ?? TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: timestampMs,
  })
}

/** The 30-second step a code belongs to, within one step of now; null when it matches none. */
export function matchTotp(secretBase32: string, code: string, timestampMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    algorithm: ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: timestampMs,
    window: WINDOW,
  })
  return delta === null ? null : totpStep(timestampMs) + delta
}

export function totpUri(secretBase32: string, accountName: string): string {
  return new TOTP({
    issuer: SERVICE_NAME,
    label: accountName,
    secret: Secret.fromBase32(secretBase32),
    algorithm: ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString()
}

/** The key in groups of four, as people copy it by hand into an app. */
export function groupedKey(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ')
}

/** The QR code as an SVG data: URL (the CSP allows data: images, and no markup is injected into the page). */
export async function totpQrCode(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#0b0c0c', light: '#ffffff' } })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
