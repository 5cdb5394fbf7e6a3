import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import {
  NATION_LABELS,
  NATIONS,
  REFERENCE_TYPE_LABELS,
  REFERENCE_TYPES,
  REGIME_LABELS,
  REGIMES,
  RESPONSE_SOUGHT,
  RESPONSE_SOUGHT_LABELS,
} from '~/campaign/options'
import { CAMPAIGN_ERROR_HREFS, CAMPAIGN_FIELD_ORDER, CAMPAIGN_LIMITS } from '~/schemas/campaign'
import type { FieldErrors } from '~/utils/forms'
import type { CampaignFormValues } from '../campaign/form-values'
import { FormErrorSummary } from './FormErrorSummary'
import { Button, Checkboxes, DateInput, Input, Radios, Select, Textarea } from './govuk'


function dateErrorItems(values: CampaignFormValues): ('day' | 'month' | 'year')[] | undefined {
  const missing = (['day', 'month', 'year'] as const).filter((part) => !values[`launchDate-${part}`]?.trim())
  return missing.length > 0 && missing.length < 3 ? [...missing] : undefined
}

export function CampaignForm({
  values,
  errors,
  designers,
  ownerId,
  version,
  submitText,
  before,
}: {
  values: CampaignFormValues
  errors?: FieldErrors
  designers: { id: string; name: string; email: string }[]
  ownerId?: string
  version?: number
  submitText: string
  before?: ReactNode
}) {
  const e = errors ?? {}
  const coOwnerChoices = designers.filter((designer) => designer.id !== ownerId)
  return (
    <>
      <FormErrorSummary errors={errors} order={CAMPAIGN_FIELD_ORDER} hrefs={{ ...CAMPAIGN_ERROR_HREFS, _form: '#conflict' }} />
      {before}
      <Form method="post" noValidate>
        {version !== undefined ? <input type="hidden" name="version" value={version} readOnly /> : null}
        <Input
          id="name"
          name="name"
          label={{ text: 'Campaign name', classes: 'govuk-label--s' }}
          hint={{ text: 'A short name people will recognise, like “Rental income missing from returns”' }}
          defaultValue={values.name}
          errorMessage={e.name}
          attributes={{ maxLength: CAMPAIGN_LIMITS.name * 2 }}
        />
        <Radios
          name="regime"
          idPrefix="regime"
          fieldset={{ legend: { text: 'Tax regime', classes: 'govuk-fieldset__legend--s' } }}
          defaultValue={values.regime}
          errorMessage={e.regime}
          items={REGIMES.map((regime) => ({ value: regime, text: REGIME_LABELS[regime] }))}
        />
        <Textarea
          id="objective"
          name="objective"
          rows={3}
          label={{ text: 'Objective', classes: 'govuk-label--s' }}
          hint={{ text: 'What the campaign should achieve' }}
          defaultValue={values.objective}
          errorMessage={e.objective}
        />
        <Textarea
          id="targetPopulation"
          name="targetPopulation"
          rows={3}
          label={{ text: 'Target population', classes: 'govuk-label--s' }}
          hint={{ text: 'Who will receive the message, and how they were chosen' }}
          defaultValue={values.targetPopulation}
          errorMessage={e.targetPopulation}
        />
        <Input
          id="populationSize"
          name="populationSize"
          inputmode="numeric"
          width={10}
          spellcheck={false}
          label={{ text: 'Population size', classes: 'govuk-label--s' }}
          hint={{ text: 'The number of customers who will be contacted, like 250000' }}
          defaultValue={values.populationSize}
          errorMessage={e.populationSize}
        />
        <Input
          id="welshCustomers"
          name="welshCustomers"
          inputmode="numeric"
          width={10}
          spellcheck={false}
          label={{ text: 'How many of these customers asked HMRC to write to them in Welsh? (optional)', classes: 'govuk-label--s' }}
          hint={{
            text: 'Leave it blank if none did. If any did, the campaign needs Welsh versions of its messages and lines, their calls are forecast on the Welsh-language helpline, and Welsh Language Services signs off the Welsh.',
          }}
          defaultValue={values.welshCustomers}
          errorMessage={e.welshCustomers}
        />
        <DateInput
          id="launchDate"
          namePrefix="launchDate"
          fieldset={{ legend: { text: 'Planned launch date', classes: 'govuk-fieldset__legend--s' } }}
          hint={{ text: 'For example, 27 3 2027' }}
          defaultValues={{ day: values['launchDate-day'], month: values['launchDate-month'], year: values['launchDate-year'] }}
          errorMessage={e.launchDate}
          errorItems={e.launchDate ? dateErrorItems(values) : undefined}
        />
        <Select
          id="nation"
          name="nation"
          label={{ text: 'Bank holidays', classes: 'govuk-label--s' }}
          hint={{ text: 'Call forecasts count working days using this nation’s bank holidays' }}
          defaultValue={values.nation ?? 'england-and-wales'}
          errorMessage={e.nation}
          items={NATIONS.map((nation) => ({ value: nation, text: NATION_LABELS[nation] }))}
        />
        <Radios
          name="referenceType"
          idPrefix="referenceType"
          fieldset={{ legend: { text: 'Which reference identifies customers?', classes: 'govuk-fieldset__legend--s' } }}
          hint={{ text: 'Letters must show it, and call handlers ask for it' }}
          defaultValue={values.referenceType}
          errorMessage={e.referenceType}
          items={REFERENCE_TYPES.map((type) => ({ value: type, text: REFERENCE_TYPE_LABELS[type] }))}
        />
        <Radios
          name="responseSought"
          idPrefix="responseSought"
          fieldset={{ legend: { text: 'Is a response sought from customers?', classes: 'govuk-fieldset__legend--s' } }}
          hint={{ text: 'When a response is sought, call handlers need a script' }}
          defaultValue={values.responseSought}
          errorMessage={e.responseSought}
          items={RESPONSE_SOUGHT.map((value) => ({ value, text: RESPONSE_SOUGHT_LABELS[value] }))}
        />
        <Textarea
          id="responseProcess"
          name="responseProcess"
          rows={4}
          label={{ text: 'Response-handling process', classes: 'govuk-label--s' }}
          hint={{ text: 'How information that customers volunteer will be received and dealt with (CH600440)' }}
          defaultValue={values.responseProcess}
          errorMessage={e.responseProcess}
        />
        <Radios
          name="extraLiability"
          idPrefix="extraLiability"
          fieldset={{ legend: { text: 'May the campaign leave customers with extra tax to pay?', classes: 'govuk-fieldset__legend--s' } }}
          hint={{ text: 'If yes, Debt Management must sign off (time to pay)' }}
          defaultValue={values.extraLiability}
          errorMessage={e.extraLiability}
          items={[
            {
              value: 'yes',
              text: 'Yes',
              conditional: {
                html: (
                  <>
                    <Input
                      id="liabilityCustomers"
                      name="liabilityCustomers"
                      inputmode="numeric"
                      width={10}
                      spellcheck={false}
                      label={{ text: 'Estimated number of customers with extra liability' }}
                      defaultValue={values.liabilityCustomers}
                      errorMessage={e.liabilityCustomers}
                    />
                    <Input
                      id="liabilityAverage"
                      name="liabilityAverage"
                      inputmode="decimal"
                      width={10}
                      spellcheck={false}
                      prefix={{ text: '£' }}
                      label={{ text: 'Average extra liability per customer' }}
                      defaultValue={values.liabilityAverage}
                      errorMessage={e.liabilityAverage}
                    />
                  </>
                ),
              },
            },
            { value: 'no', text: 'No' },
          ]}
        />
        <Radios
          name="pressInform"
          idPrefix="pressInform"
          fieldset={{ legend: { text: 'Must the Press Office be informed?', classes: 'govuk-fieldset__legend--s' } }}
          hint={{ text: 'Usually yes. The Press Office needs the launch date and lines for media questions.' }}
          defaultValue={values.pressInform ?? 'yes'}
          errorMessage={e.pressInform}
          items={[
            { value: 'yes', text: 'Yes' },
            {
              value: 'no',
              text: 'No',
              conditional: {
                html: (
                  <Textarea
                    id="pressReason"
                    name="pressReason"
                    rows={3}
                    label={{ text: 'Why does the Press Office not need to be informed?' }}
                    defaultValue={values.pressReason}
                    errorMessage={e.pressReason}
                  />
                ),
              },
            },
          ]}
        />
        {coOwnerChoices.length > 0 ? (
          <Checkboxes
            name="coOwners"
            idPrefix="coOwners"
            fieldset={{ legend: { text: 'Co-owners (optional)', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Co-owners can edit the campaign. They cannot sign it off.' }}
            defaultValues={values.coOwners ?? []}
            errorMessage={e.coOwners}
            items={coOwnerChoices.map((designer) => ({ value: designer.id, text: `${designer.name} (${designer.email})` }))}
          />
        ) : null}
        <Button text={submitText} preventDoubleClick />
      </Form>
    </>
  )
}
