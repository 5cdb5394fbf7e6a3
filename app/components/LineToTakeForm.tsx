import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { LINE_AUDIENCE_HINTS } from '~/campaign/lines'
import { LIMITS } from '~/content/limits'
import { LINE_AUDIENCE_LABELS, LINE_AUDIENCES, STANDARD_QUESTION_OPTIONS } from '~/content/coverage'
import { LINE_ERROR_HREFS, LINE_FIELD_ORDER } from '~/schemas/line'
import type { FieldErrors } from '~/utils/forms'
import { FormErrorSummary } from './FormErrorSummary'
import { Button, CharacterCount, Radios, Select } from './govuk'

export interface LineFormValues {
  audience?: string
  standardQuestion?: string
  question?: string
  answer?: string
}

export function LineToTakeForm({
  values,
  errors,
  version,
  extraLiability,
  submitText,
  before,
  after,
  formAction,
}: {
  values: LineFormValues
  errors?: FieldErrors
  version?: number
  extraLiability: boolean
  submitText: string
  before?: ReactNode
  after?: ReactNode
  /** Where the form posts, when not to the page itself. */
  formAction?: string
}) {
  const e = errors ?? {}
  // Time to pay is a standard question only when customers may be left owing more; keep it if already chosen.
  const options = STANDARD_QUESTION_OPTIONS.filter((o) => o.value !== 'time-to-pay' || extraLiability || values.standardQuestion === 'time-to-pay')
  return (
    <>
      <FormErrorSummary errors={errors} order={LINE_FIELD_ORDER} hrefs={LINE_ERROR_HREFS} />
      {before}
      <Form method="post" action={formAction} noValidate>
        {version !== undefined ? <input type="hidden" name="version" value={version} readOnly /> : null}
        <Radios
          name="audience"
          idPrefix="audience"
          fieldset={{ legend: { text: 'Who is this line for?', classes: 'govuk-fieldset__legend--s' } }}
          defaultValue={values.audience}
          errorMessage={e.audience}
          items={LINE_AUDIENCES.map((audience) => ({ value: audience, text: LINE_AUDIENCE_LABELS[audience], hint: { text: LINE_AUDIENCE_HINTS[audience] } }))}
        />
        <Select
          id="standardQuestion"
          name="standardQuestion"
          label={{ text: 'Which standard question does it answer?', classes: 'govuk-label--s' }}
          hint={{ text: 'The lines to take must answer each standard question customers ask (CH600440). Choose “None of these” for any other question.' }}
          defaultValue={values.standardQuestion ?? ''}
          errorMessage={e.standardQuestion}
          items={options.map((o) => ({ value: o.value, text: o.label }))}
        />
        <CharacterCount
          id="question"
          name="question"
          rows={2}
          maxlength={LIMITS.lineToTake.question}
          label={{ text: 'Question', classes: 'govuk-label--s' }}
          hint={{ text: 'What the caller asks, in their own words' }}
          defaultValue={values.question}
          errorMessage={e.question}
        />
        <CharacterCount
          id="answer"
          name="answer"
          rows={8}
          maxlength={LIMITS.lineToTake.answer}
          threshold={90}
          label={{ text: 'Answer', classes: 'govuk-label--s' }}
          hint={{ text: 'What to say, in plain English' }}
          defaultValue={values.answer}
          errorMessage={e.answer}
        />
        <div className="govuk-button-group">
          <Button text={submitText} preventDoubleClick />
          {after}
        </div>
      </Form>
    </>
  )
}
