/**
 * Whether the lines to take cover the reasons CH600440 gives for customers calling.
 */

export const STANDARD_QUESTION_IDS = ['why-sent', 'how-to-act', 'time-to-pay', 'more-information', 'is-genuine'] as const
export type StandardQuestion = (typeof STANDARD_QUESTION_IDS)[number]

export const LINE_AUDIENCES = ['helpline', 'press', 'debt-management', 'internal'] as const
export type LineAudience = (typeof LINE_AUDIENCES)[number]

export const LINE_AUDIENCE_LABELS: Record<LineAudience, string> = {
  helpline: 'Helpline',
  press: 'Press and media',
  'debt-management': 'Debt Management',
  internal: 'Internal',
}

export interface StandardQuestionDefinition {
  id: StandardQuestion
  /** For the tag dropdown on a line to take. */
  label: string
  /** Shown on the task while no line covers the question. */
  warning: string
  /** Audiences whose lines count towards it. */
  audiences: readonly LineAudience[]
  /** Only asked when the campaign may leave customers with extra liability. */
  onlyWithExtraLiability: boolean
}

export const STANDARD_QUESTIONS: readonly StandardQuestionDefinition[] = [
  {
    id: 'why-sent',
    label: 'Why was I sent this?',
    warning: 'Add a helpline line to take that explains why the customer was sent this message.',
    audiences: ['helpline'],
    onlyWithExtraLiability: false,
  },
  {
    id: 'how-to-act',
    label: 'How do I act on it or change my return?',
    warning: 'Add a helpline line to take that explains how the customer can act on the message or change their return.',
    audiences: ['helpline'],
    onlyWithExtraLiability: false,
  },
  {
    id: 'time-to-pay',
    label: 'I can’t pay: time to pay',
    warning:
      'Add a line to take for customers who cannot pay the extra tax, agreed with Debt Management (time to pay).',
    audiences: ['helpline', 'debt-management'],
    onlyWithExtraLiability: true,
  },
  {
    id: 'more-information',
    label: 'I want to send more information',
    warning:
      'Add a helpline line to take that explains how the customer can send us more information, following the campaign’s response-handling process.',
    audiences: ['helpline'],
    onlyWithExtraLiability: false,
  },
  {
    id: 'is-genuine',
    label: 'Is this genuine?',
    warning: 'Add a helpline line to take that reassures customers the message is genuine and tells them how to check.',
    audiences: ['helpline'],
    onlyWithExtraLiability: false,
  },
]

export const STANDARD_QUESTION_LABELS: Record<StandardQuestion, string> = Object.fromEntries(
  STANDARD_QUESTIONS.map((q) => [q.id, q.label]),
) as Record<StandardQuestion, string>

/** Options for the "which standard question does this answer?" dropdown, with "none" first. */
export const STANDARD_QUESTION_OPTIONS: readonly { value: StandardQuestion | ''; label: string }[] = [
  { value: '', label: 'None of these' },
  ...STANDARD_QUESTIONS.map((q) => ({ value: q.id, label: q.label })),
]

export function isStandardQuestion(value: unknown): value is StandardQuestion {
  return typeof value === 'string' && (STANDARD_QUESTION_IDS as readonly string[]).includes(value)
}

export interface CoverageLine {
  audience: LineAudience
  standardQuestion?: string | null
  question: string
  answer: string
}

export interface UncoveredQuestion {
  id: StandardQuestion
  label: string
  warning: string
}

/** The standard questions that apply to the campaign but that no line to take answers yet, in the standard order. */
export function uncoveredQuestions(lines: readonly CoverageLine[], campaign: { extraLiability: boolean }): UncoveredQuestion[] {
  return STANDARD_QUESTIONS.filter((q) => campaign.extraLiability || !q.onlyWithExtraLiability)
    .filter(
      (q) =>
        !lines.some(
          (line) =>
            line.standardQuestion === q.id &&
            q.audiences.includes(line.audience) &&
            typeof line.answer === 'string' &&
            line.answer.trim() !== '',
        ),
    )
    .map(({ id, label, warning }) => ({ id, label, warning }))
}
