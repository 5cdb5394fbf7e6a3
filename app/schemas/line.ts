import { z } from 'zod'
import { LIMITS } from '../content/limits'
import { LINE_AUDIENCE_LABELS, LINE_AUDIENCES, STANDARD_QUESTION_IDS, STANDARD_QUESTIONS, type LineAudience, type StandardQuestion } from '../content/coverage'
import { parseForm, type FormValues, type Parsed } from '../utils/forms'
import { choice, text } from './fields'

/** Field order on the form, which is also the error summary's order. */
export const LINE_FIELD_ORDER = ['audience', 'standardQuestion', 'question', 'answer'] as const
export const LINE_ERROR_HREFS: Record<string, string> = { audience: '#audience', _form: '#conflict' }

const lineSchema = z.object({
  audience: choice(LINE_AUDIENCES, 'Select who the line to take is for'),
  standardQuestion: z.union([z.literal(''), z.enum(STANDARD_QUESTION_IDS)], { error: 'Select a standard question from the list' }).optional(),
  question: text(
    { label: 'Question', required: 'Enter the question', tooLong: `Question must be ${LIMITS.lineToTake.question} characters or fewer` },
    LIMITS.lineToTake.question,
  ),
  answer: text(
    { label: 'Answer', required: 'Enter the answer', tooLong: `Answer must be ${LIMITS.lineToTake.answer.toLocaleString('en-GB')} characters or fewer` },
    LIMITS.lineToTake.answer,
  ),
})

export interface LineInput {
  audience: LineAudience
  standardQuestion: StandardQuestion | null
  question: string
  answer: string
}

/**
 * Validates a line to take. A standard question can only be answered by a line for the audiences that cover it
 * (helpline, and Debt Management for time to pay), so a tag that would never count is refused rather than kept.
 */
export function parseLineForm(values: FormValues): Parsed<LineInput> {
  const parsed = parseForm(lineSchema, values)
  if (!parsed.ok) return parsed
  const { audience, question, answer } = parsed.data
  const standardQuestion = parsed.data.standardQuestion || null
  if (standardQuestion) {
    const definition = STANDARD_QUESTIONS.find((q) => q.id === standardQuestion)!
    if (!definition.audiences.includes(audience)) {
      const allowed = definition.audiences.map((a) => LINE_AUDIENCE_LABELS[a]).join(' or ')
      return {
        ok: false,
        errors: {
          standardQuestion: `Only a line for ${allowed} can answer “${definition.label}”. Change who it is for, or choose “None of these”`,
        },
      }
    }
  }
  return { ok: true, data: { audience, standardQuestion, question, answer } }
}

const moveSchema = z.object({
  lineId: z.string().regex(/^[0-9a-f-]{36}$/),
  version: z.coerce.number().int().min(1),
  direction: z.enum(['up', 'down']),
  above: z.string().max(36).optional(),
  below: z.string().max(36).optional(),
})

export interface LineMoveInput {
  lineId: string
  version: number
  direction: 'up' | 'down'
  /** The line the user saw next to it in that direction. */
  neighbourId: string
}

/** The up and down buttons post the line, its version and the neighbours the user saw; anything else is refused. */
export function parseLineMoveForm(values: FormValues): LineMoveInput | null {
  const parsed = moveSchema.safeParse(values)
  if (!parsed.success) return null
  const { lineId, version, direction, above, below } = parsed.data
  const neighbourId = direction === 'up' ? above : below
  return neighbourId ? { lineId, version, direction, neighbourId } : null
}
