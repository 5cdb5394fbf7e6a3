import { Form } from '@remix-run/react'
import { useEffect, useState, type ReactNode } from 'react'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { Button, DateInput, Input, Radios, Textarea } from '~/components/govuk'
import { REFERENCE_TYPE_LABELS, REFERENCE_TYPES } from '~/campaign/options'
import { LIMITS } from '~/content/limits'
import { CHANNEL_LABELS, CHANNELS, POSTAGE_CLASSES, POSTAGE_LABELS, type Channel } from '~/content/rules'
import { messageErrorHrefs, messageErrorOrder, waveDateKey, waveVolumeKey, type WaveFormRow } from '~/schemas/message'
import type { FieldErrors } from '~/utils/forms'
import { GsmExplained } from '../Explained'
import { DeliveryProfileField } from './DeliveryProfileField'
import { PartFindings, type NumberedFinding } from './Findings'
import { SmsCounter } from './SmsCounter'

export type MessageFormValues = Record<string, string | undefined>

const CHANNEL_HINTS: Record<Channel, string> = {
  letter: 'Printed and posted in a window envelope',
  email: 'Sent to the email address HMRC holds',
  sms: 'Sent to the mobile number HMRC holds',
  online: 'Shown when the customer signs in to their HMRC online account',
}

function isChannel(value: string | undefined): value is Channel {
  return (CHANNELS as readonly string[]).includes(value ?? '')
}

function dateErrorItems(row: WaveFormRow): ('day' | 'month' | 'year')[] | undefined {
  const missing = (['day', 'month', 'year'] as const).filter((part) => !row[part].trim())
  return missing.length > 0 && missing.length < 3 ? [...missing] : undefined
}

/**
 * Adding and removing waves posts the form and comes back with one row more or fewer, so it works without
 * JavaScript. Pressing Enter in a field submits with the form's first button, so an invisible "Save" comes first:
 * otherwise Enter would remove the first wave.
 */
export function MessageForm({
  values,
  waves,
  errors,
  findings = [],
  version,
  focusWave,
  submitText,
  before,
}: {
  values: MessageFormValues
  waves: WaveFormRow[]
  errors?: FieldErrors
  /** Findings of the saved version, shown beside the fields they concern. */
  findings?: NumberedFinding[]
  version?: number
  /** The wave row to focus: the one just added. */
  focusWave?: number
  submitText: string
  before?: ReactNode
}) {
  const e = errors ?? {}
  const serverChannel = isChannel(values.channel) ? values.channel : null
  const [channel, setChannel] = useState<Channel | null>(serverChannel)
  // The fields of one type of message show once it is chosen, as GOV.UK's conditional reveal does. Without
  // JavaScript, and until the page is ready, every type's fields show under a heading, as that pattern does too.
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])
  const shows = (...channels: Channel[]) => (channel === null ? !ready : channels.includes(channel))
  const headed = channel === null && !ready
  const rows = waves.length > 0 ? waves : [{ day: '', month: '', year: '', volume: '' }]
  const partFindings = (field: string) => findings.filter((f) => f.location.field === field)
  const findingsBeside = (field: string) => {
    const list = partFindings(field)
    return list.length > 0
      ? {
          beforeInput: {
            text: (
              <div className="app-field-findings">
                <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">Problems found when this was last saved</p>
                <PartFindings findings={list} id={`${field}-findings`} />
              </div>
            ),
          },
        }
      : undefined
  }
  const bodyLimit = channel && channel !== 'sms' ? LIMITS.body[channel] : null

  return (
    <>
      <FormErrorSummary errors={errors} order={messageErrorOrder(rows.length)} hrefs={{ ...messageErrorHrefs(rows.length), _form: '#conflict' }} />
      {before}
      <Form method="post" noValidate>
        <button type="submit" name="intent" value="save" className="app-default-submit" tabIndex={-1} aria-hidden="true">
          {submitText}
        </button>
        {version !== undefined ? <input type="hidden" name="version" value={version} readOnly /> : null}
        <div
          onChange={(event) => {
            const target = event.target as HTMLInputElement
            if (target.name === 'channel' && isChannel(target.value)) setChannel(target.value)
          }}
        >
          <Radios
            name="channel"
            idPrefix="channel"
            fieldset={{ legend: { text: 'What type of message is it?', classes: 'govuk-fieldset__legend--s' } }}
            defaultValue={values.channel}
            errorMessage={e.channel}
            items={CHANNELS.map((c) => ({ value: c, text: CHANNEL_LABELS[c], hint: { text: CHANNEL_HINTS[c] } }))}
          />
        </div>
        <Input
          id="name"
          name="name"
          label={{ text: 'Name', classes: 'govuk-label--s' }}
          hint={{ text: 'For your team, not the customer, like “First letter” or “Reminder text”' }}
          defaultValue={values.name}
          errorMessage={e.name}
          attributes={{ maxLength: LIMITS.name * 2 }}
        />
        <Radios
          name="referenceType"
          idPrefix="referenceType"
          fieldset={{ legend: { text: 'Which reference identifies the customer?', classes: 'govuk-fieldset__legend--s' } }}
          hint={{ text: 'A letter must show it as ((reference)). A text message or email must never show a National Insurance number.' }}
          defaultValue={values.referenceType}
          errorMessage={e.referenceType}
          small
          items={REFERENCE_TYPES.map((type) => ({ value: type, text: REFERENCE_TYPE_LABELS[type] }))}
        />

        <div className="app-channel-section" hidden={!shows('email')} data-channels="email">
          {headed ? <h2 className="govuk-heading-s app-channel-section__heading">For emails</h2> : null}
          <Input
            id="subject"
            name="subject"
            label={{ text: 'Email subject', classes: 'govuk-label--s' }}
            hint={{ text: 'You can use placeholders, like ((tax_year))' }}
            defaultValue={values.subject}
            errorMessage={e.subject}
            formGroup={findingsBeside('subject')}
            attributes={{ maxLength: LIMITS.subject * 2 }}
          />
        </div>

        <div className="app-channel-section" hidden={!shows('letter')} data-channels="letter">
          {headed ? <h2 className="govuk-heading-s app-channel-section__heading">For letters</h2> : null}
          <Textarea
            id="addressBlock"
            name="addressBlock"
            rows={6}
            spellcheck={false}
            label={{ text: 'Address block', classes: 'govuk-label--s' }}
            hint={{
              text: (
                <>
                  This shows through the envelope window, so it may hold only the customer’s name and address: ((customer_name)),
                  ((address_line_1)) to ((address_line_6)) and ((postcode)), one to a line. Up to {LIMITS.addressBlock.lines} lines.
                </>
              ),
            }}
            defaultValue={values.addressBlock}
            errorMessage={e.addressBlock}
            formGroup={findingsBeside('addressBlock')}
            describedBy={partFindings('addressBlock').length ? 'addressBlock-findings' : undefined}
          />
          <Radios
            name="postage"
            idPrefix="postage"
            fieldset={{ legend: { text: 'Postage class', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Usually second class (DMBM512700)' }}
            defaultValue={values.postage}
            errorMessage={e.postage}
            small
            items={POSTAGE_CLASSES.map((p) => ({ value: p, text: POSTAGE_LABELS[p] }))}
          />
          <DeliveryProfileField value={values.deliveryProfile} error={e.deliveryProfile} />
          <Input
            id="deadlineDays"
            name="deadlineDays"
            inputmode="numeric"
            width={3}
            spellcheck={false}
            label={{ text: 'Action deadline (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'How many days the customer has to act once the letter arrives, like 30. Leave it blank if there is no deadline.' }}
            suffix={{ text: 'days' }}
            defaultValue={values.deadlineDays}
            errorMessage={e.deadlineDays}
          />
        </div>

        <Textarea
          id="body"
          name="body"
          rows={channel === 'sms' ? 5 : 14}
          label={{ text: 'Body', classes: 'govuk-label--s' }}
          hint={{
            text: (
              <>
                Use ((customer_name)) and other placeholders for each customer’s data, and ((flag??text)) for text that only some
                customers get.
                {bodyLimit ? ` Up to ${bodyLimit.toLocaleString('en-GB')} characters.` : null}
                {channel === 'sms' ? ` Up to ${LIMITS.smsFragments} text messages.` : null}
              </>
            ),
          }}
          defaultValue={values.body}
          errorMessage={e.body}
          formGroup={{
            ...findingsBeside('body'),
            afterInput: {
              text: (
                <div hidden={!shows('sms')} data-channels="sms">
                  <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-top-2 govuk-!-margin-bottom-0">Text message length</p>
                  <SmsCounter textareaId="body" initialText={values.body ?? ''} />
                  <GsmExplained />
                </div>
              ),
            },
          }}
          describedBy={[partFindings('body').length ? 'body-findings' : '', shows('sms') ? 'body-sms-count' : ''].filter(Boolean).join(' ') || undefined}
        />

        <h2 className="govuk-heading-m">Send waves</h2>
        <p className="govuk-body">Each wave is a send date and its volume: the number of customers it goes to.</p>
        {rows.map((row, index) => (
          <fieldset className="govuk-fieldset app-wave" key={index}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Wave {index + 1}</legend>
            <DateInput
              id={waveDateKey(index)}
              namePrefix={waveDateKey(index)}
              fieldset={{ legend: { text: 'Send date' } }}
              hint={{ text: 'For example, 27 3 2027' }}
              defaultValues={{ day: row.day, month: row.month, year: row.year }}
              errorMessage={e[waveDateKey(index)]}
              items={(['day', 'month', 'year'] as const).map((part) => ({
                name: part,
                defaultValue: row[part],
                error: e[waveDateKey(index)] ? (dateErrorItems(row)?.includes(part) ?? true) : undefined,
                attributes: part === 'day' && focusWave === index ? { autoFocus: true } : undefined,
              }))}
            />
            <Input
              id={waveVolumeKey(index)}
              name={waveVolumeKey(index)}
              inputmode="numeric"
              width={10}
              spellcheck={false}
              label={{ text: 'Volume' }}
              hint={{ text: 'The number of customers, like 25000' }}
              defaultValue={row.volume}
              errorMessage={e[waveVolumeKey(index)]}
            />
            {rows.length > 1 ? (
              <Button
                text={
                  <>
                    Remove<span className="govuk-visually-hidden"> wave {index + 1}</span>
                  </>
                }
                name="intent"
                value={`remove-wave-${index}`}
                variant="secondary"
                classes="app-wave__remove"
              />
            ) : null}
          </fieldset>
        ))}
        <Button text="Add another wave" name="intent" value="add-wave" variant="secondary" />
        <div className="govuk-button-group">
          <Button text={submitText} name="intent" value="save" preventDoubleClick />
        </div>
      </Form>
    </>
  )
}
