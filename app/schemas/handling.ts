import { z } from 'zod'
import { LIMITS } from '../content/limits'
import { parseForm, type FormValues, type Parsed } from '../utils/forms'
import { dateInput, datePartsFrom, text } from './fields'

/** Special treatment shares the limit of a line to take's answer: both are prose for the same readers. */
export const SPECIAL_TREATMENT_LIMIT = LIMITS.lineToTake.answer

const debtTreatmentSchema = z.object({
  specialTreatment: text(
    {
      label: 'Special treatment',
      required: 'Describe any special treatment, such as time to pay arrangements, or say that none is needed',
      tooLong: `Special treatment must be ${SPECIAL_TREATMENT_LIMIT.toLocaleString('en-GB')} characters or fewer`,
    },
    SPECIAL_TREATMENT_LIMIT,
  ),
})

export function parseDebtTreatmentForm(values: FormValues): Parsed<{ specialTreatment: string }> {
  return parseForm(debtTreatmentSchema, values)
}

const pressBriefingSchema = z.object({ launchDateTold: dateInput('Launch date told to the Press Office') })

export function parsePressBriefingForm(values: FormValues): Parsed<{ launchDateTold: string }> {
  return parseForm(pressBriefingSchema, { launchDateTold: datePartsFrom(values, 'launchDateTold') })
}
