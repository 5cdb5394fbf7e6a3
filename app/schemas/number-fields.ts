import { z } from 'zod'
import { readNumber, type NumberSpec } from './numbers'

// zod fields for typed numbers: the same rules and messages as readNumber().

/** A required number field for z.object(): parses the typed text, or reports the first problem. */
export function numberInput(spec: NumberSpec & { required: string }) {
  return z.string({ error: `Enter ${spec.required}` }).transform((raw, ctx) => {
    const read = readNumber(raw, spec)
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.message })
      return z.NEVER
    }
    return read.value as number
  })
}

/** An optional number field: blank (or missing) is null. */
export function optionalNumberInput(spec: Omit<NumberSpec, 'required'>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const read = readNumber(raw, spec)
      if (!read.ok) {
        ctx.addIssue({ code: 'custom', message: read.message })
        return z.NEVER
      }
      return read.value
    })
}
