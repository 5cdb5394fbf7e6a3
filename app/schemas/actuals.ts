// The form for one day's actual calls at one helpline, by hand. It shares its rules and wording with the CSV
// upload (app/actuals/upload.ts); the date comes from a GOV.UK date input.
import { checkActualValues, type ActualRow, type ActualsContext } from '../actuals/upload'
import type { FieldErrors, FormValues } from '../utils/forms'
import { dateInput, datePartsFrom } from './fields'

export const ACTUAL_FORM_ORDER = ['date', 'helpline', 'calls']
export const ACTUAL_FORM_HREFS = { date: '#date-day' }

const date = dateInput('Date')

export type ActualFormParse = { ok: true; row: ActualRow; replaces: number | null } | { ok: false; errors: FieldErrors }

export function parseActualForm(values: FormValues, ctx: ActualsContext): ActualFormParse {
  const errors: FieldErrors = {}
  const parsedDate = date.safeParse(datePartsFrom(values, 'date'))
  if (!parsedDate.success) errors.date = parsedDate.error.issues[0]?.message ?? 'Enter the date'
  const checked = checkActualValues({ date: parsedDate.success ? parsedDate.data : '', helpline: values.helpline ?? '', calls: values.calls ?? '' }, ctx)
  if (!checked.ok) {
    for (const p of checked.problems) {
      // The date input has already said what is wrong with a date it could not read.
      if (p.column === 'date' && errors.date) continue
      errors[p.column] ??= p.column === 'helpline' && !(values.helpline ?? '').trim() ? 'Select the helpline that took the calls' : p.message
    }
  }
  if (Object.keys(errors).length || !checked.ok) return { ok: false, errors }
  const replaces = /^\d+$/.test(values.replaces ?? '') ? Number(values.replaces) : null
  return { ok: true, row: checked.row, replaces }
}
