// Numbers typed into forms, with GOV.UK-style messages that name the question. Forms with tables of inputs
// (the helpline's profile, the forecast's split and curves) read each cell with readNumber(); zod schemas
// use the wrappers in number-fields.ts, which call it, so both give the same messages. No zod here: the
// forecast page reads its form with this in the browser, and zod would add about 450 KB to that page.

export interface NumberSpec {
  /** Sentence-start label: "Average handle time". */
  label: string
  /** For "Enter …": "the average handle time". Omit to make the field optional (blank → null). */
  required?: string
  /** Shown in "must be a number, like 540". */
  example: string
  min: number
  max: number
  integer?: boolean
  /** " seconds", "%" */
  unit?: string
  /** Accept a trailing % sign, as people type percentages. */
  percent?: boolean
}

export type NumberRead = { ok: true; value: number | null } | { ok: false; message: string }

const formatLimit = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 6 })

/** "1 second", "60 working days", "90%". */
function withUnit(n: number, unit = ''): string {
  return `${formatLimit(n)}${n === 1 && / \w+s$/.test(unit) ? unit.slice(0, -1) : unit}`
}

export function readNumber(raw: string | undefined, spec: NumberSpec): NumberRead {
  let text = (raw ?? '').trim().replace(/,/g, '')
  if (spec.percent) text = text.replace(/\s*%$/, '')
  if (text === '') {
    return spec.required ? { ok: false, message: `Enter ${spec.required}` } : { ok: true, value: null }
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text) || text.length > 30) {
    return { ok: false, message: `${spec.label} must be a ${spec.integer ? 'whole number' : 'number'}, like ${spec.example}` }
  }
  const value = Number(text)
  if (spec.integer && !Number.isInteger(value)) return { ok: false, message: `${spec.label} must be a whole number, like ${spec.example}` }
  if (value < spec.min) return { ok: false, message: `${spec.label} must be ${withUnit(spec.min, spec.unit)} or more` }
  if (value > spec.max) return { ok: false, message: `${spec.label} must be ${withUnit(spec.max, spec.unit)} or less` }
  return { ok: true, value: Object.is(value, -0) ? 0 : value }
}

/** Shows a stored number in a form field exactly as the user would type it. */
export function numberText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return ''
  return String(Math.round(value * 1e6) / 1e6)
}
