import { describe, expect, it } from 'vitest'
import { commonPasswordCount, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.server'

describe('the password policy', () => {
  it('ships a list of tens of thousands of common and breached passwords, loaded once', () => {
    expect(commonPasswordCount()).toBeGreaterThan(40_000)
  })

  it('needs at least 8 characters, counted as characters rather than bytes', () => {
    expect(passwordProblem('')).toBe('Enter a new password')
    expect(passwordProblem('short')).toBe(`Password must be ${MIN_PASSWORD_LENGTH} characters or more`)
    expect(passwordProblem('7 chars')).toMatch(/8 characters or more/)
    expect(passwordProblem('ünïcødé')).toMatch(/8 characters or more/) // 7 characters, 11 bytes
    expect(passwordProblem('quiet river lamp')).toBeNull()
    expect(passwordProblem('x'.repeat(257))).toBe('Password must be 256 characters or fewer')
  })

  it('has no composition rules: a long passphrase of lower-case words is fine', () => {
    expect(passwordProblem('purple tractor under moonlight')).toBeNull()
    expect(passwordProblem('mauve-giraffe-dances')).toBeNull()
  })

  it('refuses passwords on the list, whatever their case', () => {
    for (const common of ['password', 'Password1', 'PASSWORD123', 'qwertyuiop', '123456789', 'iloveyou', 'P@ssw0rd', 'liverpool1']) {
      expect(passwordProblem(common), common).toMatch(/commonly used and breached/)
    }
  })

  it('refuses a password that is only the person’s name, email address or the service’s name', () => {
    const context = { email: 'jane.doe@example.gov.uk', name: 'Jane Doe' }
    expect(passwordProblem('janedoe2027!', context)).toMatch(/name or email address/)
    expect(passwordProblem('Jane.Doe@1234', context)).toMatch(/name or email address/)
    expect(passwordProblem('jane.doe@example.gov.uk', context)).toMatch(/name or email address/)
    expect(passwordProblem('OTM-Campaign-Planner-1', context)).toMatch(/name of this service/)
    expect(passwordProblem('hmrc20272027', context)).toMatch(/name of this service/)
    expect(passwordProblem('jane likes long walks', context)).toBeNull()
  })
})
