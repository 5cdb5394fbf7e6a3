import { describe, expect, it } from 'vitest'
import { LIMITS, smsLimitError, textLength } from './limits'

describe('limits', () => {
  it('allows an SMS of six fragments and no more', () => {
    expect(LIMITS.body.sms).toBe(918)
    expect(smsLimitError('a'.repeat(918))).toBeNull()
    expect(smsLimitError('a'.repeat(919))).toBe('Text message must be 918 characters or fewer (it is 919)')
    expect(smsLimitError('’' + 'a'.repeat(401))).toBeNull()
    expect(smsLimitError('’' + 'a'.repeat(402))).toBe(
      'Text message must be 402 characters or fewer because it contains characters that are not in the GSM alphabet (it is 403)',
    )
  })

  it('measures text the same in the browser and on the server', () => {
    expect(textLength('a\r\nb')).toBe(textLength('a\nb'))
  })
})
