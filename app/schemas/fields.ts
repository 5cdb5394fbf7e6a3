import { z } from 'zod'

// Shared zod builders with GOV.UK-style messages. Each takes the messages a field needs, so every error
// a user sees is specific to the question ("Enter the campaign name", not "Required").

// Tab, newline and carriage return are text; every other control character (NUL included) is not.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim()
}

export function text(messages: { required?: string; tooLong: string; label: string }, max: number) {
  const base = z
    .string({ error: messages.required ?? messages.tooLong })
    .transform(normaliseText)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${messages.label} must not contain hidden control characters`)
    .refine((value) => value.length <= max, messages.tooLong)
  if (!messages.required) return base
  const required = messages.required
  return base.refine((value) => value.length > 0, required)
}

export function optionalText(messages: { tooLong: string; label: string }, max: number) {
  return z
    .string()
    .optional()
    .transform((value) => normaliseText(value ?? ''))
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${messages.label} must not contain hidden control characters`)
    .refine((value) => value.length <= max, messages.tooLong)
}

export function choice<const T extends readonly [string, ...string[]]>(options: T, message: string) {
  return z.enum(options, { error: message })
}

export function wholeNumber(messages: { required: string; notNumber: string; tooSmall: string; tooBig: string }, min: number, max: number) {
  return z
    .string({ error: messages.required })
    .transform((value) => value.trim().replace(/,/g, ''))
    .refine((value) => value.length > 0, messages.required)
    .refine((value) => value.length === 0 || /^-?\d+$/.test(value), messages.notNumber)
    .transform((value) => Number(value))
    .refine((value) => !Number.isFinite(value) || value >= min, messages.tooSmall)
    .refine((value) => !Number.isFinite(value) || value <= max, messages.tooBig)
    .refine((value) => Number.isSafeInteger(value), messages.tooBig)
}

/** Pounds and pence as typed ("£1,234.50", "1234.5") → whole pence. */
export function moneyInPence(messages: { required: string; notMoney: string; tooSmall: string; tooBig: string }, maxPounds: number) {
  return z
    .string({ error: messages.required })
    .transform((value) => value.trim().replace(/^£/, '').replace(/,/g, ''))
    .refine((value) => value.length > 0, messages.required)
    .refine((value) => value.length === 0 || /^\d+(\.\d{1,2})?$/.test(value), messages.notMoney)
    .transform((value) => Math.round(Number(value) * 100))
    .refine((pence) => pence > 0, messages.tooSmall)
    .refine((pence) => pence <= maxPounds * 100, messages.tooBig)
}

export interface DateParts {
  day?: string
  month?: string
  year?: string
}

export function datePartsFrom(values: Record<string, string | undefined>, name: string): DateParts {
  return { day: values[`${name}-day`], month: values[`${name}-month`], year: values[`${name}-year`] }
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** A GOV.UK date input (day, month, year) → ISO YYYY-MM-DD, with the Design System's error wording. */
export function dateInput(label: string, options: { notBefore?: string; notBeforeMessage?: string; notAfter?: string; notAfterMessage?: string } = {}) {
  const lower = label.charAt(0).toLowerCase() + label.slice(1)
  return z
    .object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() }, { error: `Enter the ${lower}` })
    .transform((parts, context) => {
      const day = (parts.day ?? '').trim()
      const month = (parts.month ?? '').trim()
      const year = (parts.year ?? '').trim()
      if (!day && !month && !year) {
        context.addIssue({ code: 'custom', message: `Enter the ${lower}` })
        return z.NEVER
      }
      const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[]
      if (missing.length) {
        context.addIssue({ code: 'custom', message: `${label} must include a ${missing.join(' and ')}` })
        return z.NEVER
      }
      if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year) || !isRealDate(Number(year), Number(month), Number(day))) {
        context.addIssue({ code: 'custom', message: `${label} must be a real date` })
        return z.NEVER
      }
      const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
      if (options.notBefore && iso < options.notBefore) {
        context.addIssue({ code: 'custom', message: options.notBeforeMessage ?? `${label} must be today or in the future` })
        return z.NEVER
      }
      if (options.notAfter && iso > options.notAfter) {
        context.addIssue({ code: 'custom', message: options.notAfterMessage ?? `${label} must be before ${options.notAfter}` })
        return z.NEVER
      }
      return iso
    })
}

export function isoToDateParts(iso: string | null | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  if (!match) return {}
  return { year: match[1], month: String(Number(match[2])), day: String(Number(match[3])) }
}
