import { Form } from '@remix-run/react'
import { useState, type FormEvent, type ReactNode } from 'react'
import { intervalRange, profileTotalProblem, STAFF_TO_CHOICES, trimNumber, WEEKDAY_NAMES } from '~/helplines/helpline'
import { HELPLINE_FIELD_ORDER, helplineErrorHrefs, profileIntervalsFor } from '~/schemas/helpline'
import { readNumber } from '~/schemas/numbers'
import { formValues, type FieldErrors, type FormValues } from '~/utils/forms'
import { CellInput } from './CellInput'
import { FormErrorSummary } from './FormErrorSummary'
import { Button, Checkboxes, ErrorMessage, Fieldset, Input, Radios, Table } from './govuk'
import { TableRegion } from './TableRegion'

function profileTotal(values: FormValues, intervals: number[]): number | null {
  let total = 0
  for (const i of intervals) {
    const read = readNumber(values[`profile-${i}`], { label: '', example: '', min: 0, max: 100, percent: true })
    if (!read.ok) return null
    total += read.value ?? 0
  }
  return total
}

/**
 * The helpline form. Without JavaScript the profile table shows the half hours of the opening hours last
 * submitted; with it, rows appear and go as the hours are typed, and the running total updates.
 */
export function HelplineForm({
  values,
  errors,
  version,
  submitText,
  heading,
}: {
  values: FormValues
  errors?: FieldErrors
  version?: number
  submitText: string
  heading: ReactNode
}) {
  const e = errors ?? {}
  const [live, setLive] = useState<FormValues>(values)
  const intervals = profileIntervalsFor(live)
  const total = profileTotal(live, intervals)
  const onChange = (event: FormEvent<HTMLFormElement>) => setLive(formValues(new FormData(event.currentTarget)))

  return (
    <>
      <FormErrorSummary errors={errors} order={HELPLINE_FIELD_ORDER} hrefs={{ ...helplineErrorHrefs(values), _form: '#main-content' }} />
      {heading}
      <Form method="post" noValidate onChange={onChange}>
        {version !== undefined ? <input type="hidden" name="version" value={version} readOnly /> : null}
        <Input
          id="name"
          name="name"
          label={{ text: 'Helpline name', classes: 'govuk-label--s' }}
          hint={{ text: 'As call handlers and campaign designers know it, like “Self Assessment helpline”' }}
          defaultValue={values.name}
          errorMessage={e.name}
          attributes={{ maxLength: 240 }}
        />

        <div className={e.hours ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <Fieldset legend={{ text: 'Opening hours', classes: 'govuk-fieldset__legend--m' }} describedBy="hours-hint">
            <div id="hours-hint" className="govuk-hint">
              Times on the hour or half hour, like 08:00 or 17:30. Leave both times blank on days the helpline is closed; it is also
              closed on bank holidays. The weight says how busy each day is compared with an average day: 1.2 means 20% more calls
              than average.
            </div>
            {e.hours ? <ErrorMessage id="hours-error" text={e.hours} /> : null}
            <TableRegion label="Opening hours and weight for each day">
              <Table
                caption="Opening hours and weight for each day"
                captionClasses="govuk-visually-hidden"
                firstCellIsHeader
                head={[{ text: 'Day' }, { text: 'Opens' }, { text: 'Closes' }, { text: 'Weight' }]}
                rows={WEEKDAY_NAMES.map((day, index) => [
                  { text: day },
                  {
                    text: (
                      <CellInput name={`hours-${index}-open`} label={`${day} opening time`} defaultValue={values[`hours-${index}-open`]} error={e[`hours-${index}-open`]} width={5} inputmode="text" />
                    ),
                  },
                  {
                    text: (
                      <CellInput name={`hours-${index}-close`} label={`${day} closing time`} defaultValue={values[`hours-${index}-close`]} error={e[`hours-${index}-close`]} width={5} inputmode="text" />
                    ),
                  },
                  { text: <CellInput name={`weight-${index}`} label={`${day} weight`} defaultValue={values[`weight-${index}`]} error={e[`weight-${index}`]} width={4} /> },
                ])}
              />
            </TableRegion>
          </Fieldset>
        </div>

        <div className={e.profile ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          <Fieldset legend={{ text: 'Intraday profile', classes: 'govuk-fieldset__legend--m' }} describedBy="profile-hint">
            <div id="profile-hint" className="govuk-hint">
              The share of a day’s calls that arrive in each half hour the helpline is open, in %. They must add up to 100%. If you
              change the opening hours, the table shows the new half hours for you to fill in.
            </div>
            {e.profile ? <ErrorMessage id="profile-error" text={e.profile} /> : null}
            {intervals.length === 0 ? (
              <p className="govuk-body">Enter the opening hours first.</p>
            ) : (
              <TableRegion label="Share of calls in each half hour">
                <Table
                  classes="app-profile-table"
                  caption="Share of calls in each half hour"
                  captionClasses="govuk-visually-hidden"
                  firstCellIsHeader
                  head={[{ text: 'Half hour' }, { text: 'Share of calls' }]}
                  rows={[
                    ...intervals.map((i) => [
                      { text: intervalRange(i), classes: 'govuk-!-font-weight-regular' },
                      {
                        text: (
                          <CellInput
                            name={`profile-${i}`}
                            label={`Share of calls from ${intervalRange(i)}, in %`}
                            defaultValue={values[`profile-${i}`]}
                            error={e[`profile-${i}`]}
                            width={4}
                            suffix="%"
                          />
                        ),
                      },
                    ]),
                    [
                      { text: 'Total' },
                      {
                        attributes: { id: 'profile-total' },
                        text: (
                          <>
                            {total === null ? 'Not every share is a number yet' : `${trimNumber(total)}%`}
                            {total !== null && profileTotalProblem(total) ? <span className="govuk-visually-hidden"> (it must add up to 100%)</span> : null}
                          </>
                        ),
                      },
                    ],
                  ]}
                />
              </TableRegion>
            )}
          </Fieldset>
        </div>

        <h2 className="govuk-heading-m">Handling calls</h2>
        <Input
          id="ahtSeconds"
          name="ahtSeconds"
          inputmode="numeric"
          width={5}
          spellcheck={false}
          label={{ text: 'Average handle time', classes: 'govuk-label--s' }}
          hint={{ text: 'Talk time plus wrap-up, in seconds, like 540 for 9 minutes' }}
          suffix={{ text: 'seconds' }}
          defaultValue={values.ahtSeconds}
          errorMessage={e.ahtSeconds}
        />
        <Fieldset legend={{ text: 'Service-level target', classes: 'govuk-fieldset__legend--s' }}>
          <div className="govuk-hint">For example, 80% of calls answered within 20 seconds</div>
          <Input
            id="targetPercent"
            name="targetPercent"
            inputmode="decimal"
            width={4}
            spellcheck={false}
            label={{ text: 'Percentage of calls' }}
            suffix={{ text: '%' }}
            defaultValue={values.targetPercent}
            errorMessage={e.targetPercent}
          />
          <Input
            id="targetSeconds"
            name="targetSeconds"
            inputmode="numeric"
            width={4}
            spellcheck={false}
            label={{ text: 'Answered within' }}
            suffix={{ text: 'seconds' }}
            defaultValue={values.targetSeconds}
            errorMessage={e.targetSeconds}
          />
        </Fieldset>
        <Input
          id="shrinkagePercent"
          name="shrinkagePercent"
          inputmode="decimal"
          width={4}
          spellcheck={false}
          label={{ text: 'Shrinkage', classes: 'govuk-label--s' }}
          hint={{ text: 'The share of paid time not spent taking calls: leave, training, meetings and breaks' }}
          suffix={{ text: '%' }}
          defaultValue={values.shrinkagePercent}
          errorMessage={e.shrinkagePercent}
        />
        <Input
          id="maxOccupancyPercent"
          name="maxOccupancyPercent"
          inputmode="decimal"
          width={4}
          spellcheck={false}
          label={{ text: 'Maximum occupancy', classes: 'govuk-label--s' }}
          hint={{ text: 'Staffing never plans agents to be busier than this, like 85%' }}
          suffix={{ text: '%' }}
          defaultValue={values.maxOccupancyPercent}
          errorMessage={e.maxOccupancyPercent}
        />
        <Input
          id="patienceSeconds"
          name="patienceSeconds"
          inputmode="numeric"
          width={4}
          spellcheck={false}
          label={{ text: 'Average caller patience (optional)', classes: 'govuk-label--s' }}
          hint={{ text: 'How long callers wait on average before hanging up. Leave it blank to staff with Erlang C; enter it to staff with Erlang A, which allows for callers who hang up.' }}
          suffix={{ text: 'seconds' }}
          defaultValue={values.patienceSeconds}
          errorMessage={e.patienceSeconds}
        />
        <Input
          id="maxAbandonmentPercent"
          name="maxAbandonmentPercent"
          inputmode="decimal"
          width={4}
          spellcheck={false}
          label={{ text: 'Maximum abandonment rate (optional)', classes: 'govuk-label--s' }}
          hint={{
            text: 'With a caller patience, staff so that no more than this share of callers hang up in any half hour, like 5%. Without it, the target can be met partly by callers hanging up.',
          }}
          suffix={{ text: '%' }}
          defaultValue={values.maxAbandonmentPercent}
          errorMessage={e.maxAbandonmentPercent}
        />
        <Input
          id="maxAsaSeconds"
          name="maxAsaSeconds"
          inputmode="numeric"
          width={4}
          spellcheck={false}
          label={{ text: 'Maximum average speed of answer (optional)', classes: 'govuk-label--s' }}
          hint={{ text: 'Staff so that answered calls wait no longer than this on average in any half hour' }}
          suffix={{ text: 'seconds' }}
          defaultValue={values.maxAsaSeconds}
          errorMessage={e.maxAsaSeconds}
        />

        <h2 className="govuk-heading-m">Calls and staff</h2>
        <Input
          id="baselineCallsPerDay"
          name="baselineCallsPerDay"
          inputmode="numeric"
          width={10}
          spellcheck={false}
          label={{ text: 'Baseline calls per day', classes: 'govuk-label--s' }}
          hint={{ text: 'The calls the helpline gets on an average open day without any campaign' }}
          defaultValue={values.baselineCallsPerDay}
          errorMessage={e.baselineCallsPerDay}
        />
        <Input
          id="availableFte"
          name="availableFte"
          inputmode="decimal"
          width={5}
          spellcheck={false}
          label={{ text: 'Available FTE', classes: 'govuk-label--s' }}
          hint={{ text: 'Staff who can take calls on this helpline, in full-time equivalents' }}
          defaultValue={values.availableFte}
          errorMessage={e.availableFte}
        />
        <Input
          id="paidHoursPerFte"
          name="paidHoursPerFte"
          inputmode="decimal"
          width={4}
          spellcheck={false}
          label={{ text: 'Paid hours per FTE per day', classes: 'govuk-label--s' }}
          hint={{ text: 'Like 7.4 for a 37-hour week' }}
          suffix={{ text: 'hours' }}
          defaultValue={values.paidHoursPerFte}
          errorMessage={e.paidHoursPerFte}
        />
        <Radios
          name="staffToPercentile"
          idPrefix="staffToPercentile"
          fieldset={{ legend: { text: 'Staff to', classes: 'govuk-fieldset__legend--m' } }}
          hint={{
            text: 'A day’s calls are uncertain. Choose how busy a day to staff for: the forecast’s staffing, what the available staff achieve and the helpline calendar all follow this choice.',
          }}
          defaultValue={values.staffToPercentile}
          errorMessage={e.staffToPercentile}
          items={STAFF_TO_CHOICES.map((c) => ({ value: String(c.value), text: c.text, hint: { text: c.hint } }))}
        />
        <Checkboxes
          name="welshLine"
          idPrefix="welshLine"
          fieldset={{ legend: { text: 'Welsh language', classes: 'govuk-fieldset__legend--m' } }}
          hint={{ text: 'One helpline takes the calls of customers who asked HMRC to deal with them in Welsh. Each campaign sends its Welsh-preference customers’ share of the calls there.' }}
          defaultValues={values.welshLine === 'yes' ? ['yes'] : []}
          errorMessage={e.welshLine}
          items={[{ value: 'yes', text: 'This is the Welsh-language helpline' }]}
        />
        <Button text={submitText} preventDoubleClick />
      </Form>
    </>
  )
}
