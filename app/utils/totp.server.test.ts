import { Secret } from 'otpauth'
import { describe, expect, it } from 'vitest'
import { groupedKey, matchTotp, newTotpSecret, totpCode, totpQrCode, totpStep, totpUri, type TotpAlgorithm } from './totp.server'

// RFC 6238, appendix B: the seeds are ASCII digits, 20, 32 and 64 bytes long for SHA-1, SHA-256 and SHA-512.
const SEEDS: Record<TotpAlgorithm, string> = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
}
const VECTORS: [number, TotpAlgorithm, string][] = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'],
  [1111111109, 'SHA256', '68084774'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'],
  [1111111111, 'SHA256', '67062674'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'],
  [1234567890, 'SHA256', '91819424'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'],
  [2000000000, 'SHA256', '90698825'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
]
const base32 = (seed: string) => Secret.fromLatin1(seed).base32

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at T = %i s with %s gives %s (8 digits)', (seconds, algorithm, expected) => {
    expect(totpCode(base32(SEEDS[algorithm]), seconds * 1000, { algorithm, digits: 8 })).toBe(expected)
  })

  it('gives the app’s 6-digit SHA-1 codes as the last six digits of the RFC’s vectors, and accepts them', () => {
    for (const [seconds, algorithm, expected] of VECTORS.filter(([, a]) => a === 'SHA1')) {
      const secret = base32(SEEDS[algorithm])
      const code = totpCode(secret, seconds * 1000)
      expect(code).toBe(expected.slice(-6))
      expect(matchTotp(secret, code, seconds * 1000)).toBe(totpStep(seconds * 1000))
    }
  })

  it('accepts the codes of one step either side of now and no further, and says which step matched', () => {
    const secret = newTotpSecret()
    const now = Date.parse('2027-03-01T10:00:10Z')
    const step = totpStep(now)
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1)
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1)
    expect(matchTotp(secret, totpCode(secret, now - 60_000), now)).toBeNull()
    expect(matchTotp(secret, totpCode(secret, now + 60_000), now)).toBeNull()
    expect(matchTotp(secret, 'abcdef', now)).toBeNull()
    expect(matchTotp(secret, '1234567', now)).toBeNull()
  })

  it('makes 160-bit secrets that differ every time', () => {
    const a = newTotpSecret()
    expect(Secret.fromBase32(a).bytes).toHaveLength(20)
    expect(newTotpSecret()).not.toBe(a)
    expect(groupedKey('ABCDEFGHIJ')).toBe('ABCD EFGH IJ')
  })

  it('names the service and the account in the otpauth URI, and draws it as an SVG image', async () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'jane@example.gov.uk')
    expect(uri).toMatch(/^otpauth:\/\/totp\/OTM%20Campaign%20Planner:jane%40example\.gov\.uk\?/)
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP')
    expect(uri).toContain('issuer=OTM%20Campaign%20Planner')
    expect(uri).toContain('period=30')
    const image = await totpQrCode(uri)
    expect(image).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(image.split(',')[1]!, 'base64').toString()).toMatch(/^<svg[^>]+viewBox/)
  })
})
