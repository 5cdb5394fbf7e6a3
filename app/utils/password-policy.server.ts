// The password policy (docs/decisions/0092-password-policy.md): at least 8 characters, no rules about which kinds,
// and never a password that is on the list of common and breached passwords shipped with the product, or that is
// only the person's name, email address or the service's name dressed up with digits and symbols.
import { z } from 'zod'
import commonPasswords from './common-passwords.json'

export const MIN_PASSWORD_LENGTH = 8
export const RECOMMENDED_PASSWORD_LENGTH = 15
export const MAX_PASSWORD_LENGTH = 256

// Loaded once per process: a Set answers in constant time, whatever the list's length.
const COMMON = new Set<string>(commonPasswords as string[])
const SERVICE_WORDS = ['otm', 'otmcampaignplanner', 'campaignplanner', 'otmcampaign', 'otmplanner', 'onetomany', 'hmrc', 'planner', 'campaign']

export const commonPasswordCount = () => COMMON.size

export interface PasswordContext {
  email?: string | null
  name?: string | null
}

function letters(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')
}

/** What is wrong with a new password, in the words the form shows; null when it may be used. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const length = [...password].length
  if (length === 0) return 'Enter a new password'
  if (length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`
  if (length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`
  const lower = password.normalize('NFKC').toLowerCase()
  if (COMMON.has(lower) || COMMON.has(lower.trim())) {
    return 'Choose a different password: this one is on a list of commonly used and breached passwords'
  }
  const core = letters(password)
  const email = (context.email ?? '').toLowerCase()
  const personal = [email, email.split('@')[0] ?? '', context.name ?? '', ...(context.name ?? '').split(/\s+/)]
    .map(letters)
    .filter((word) => word.length >= 3)
  if (core && personal.includes(core)) return 'Choose a password that is not based on your name or email address'
  if (core && SERVICE_WORDS.includes(core)) return 'Choose a password that is not based on the name of this service'
  return null
}

/** A zod field for a new password, checked against the policy with what is known about the person. */
export function newPasswordField(context: PasswordContext = {}) {
  return z.string({ error: 'Enter a new password' }).superRefine((value, ctx) => {
    const problem = passwordProblem(value, context)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
}
