import { Form } from '@remix-run/react'
import type { FormEvent, ReactNode } from 'react'
import { CHANNEL_NAMES, POSTAGE_NAMES } from '~/forecast/delivery'
import { deliveryProfileName } from '~/forecast/delivery-profile'
import { channelsUsed, defaultDelayDays, type CampaignMessageForForecast } from '~/forecast/settings'
import { trimNumber } from '~/helplines/helpline'
import { curveField, delayField, hasDeadlines, splitField, type ForecastFormContext } from '~/schemas/forecast'
import { readNumber } from '~/schemas/numbers'
import type { FieldErrors, FormValues } from '~/utils/forms'
import { CellInput } from './CellInput'
import { Button, Details, ErrorMessage, Fieldset, Input } from './govuk'

function describeMessage(m: CampaignMessageForForecast): string {
  const parts = [CHANNEL_NAMES[m.channel]]
  if (m.channel === 'letter') parts.push((POSTAGE_NAMES[m.postage ?? 'second'] ?? 'Second class').toLowerCase())
  if (m.deadlineDays) parts.push(`reply within ${m.deadlineDays} days`)
  if (m.channel === 'letter') parts.push(`delivered by ${deliveryProfileName(m.postage, m.deliveryProfile ?? null)}`)
  if (m.channel === 'letter' && m.deliveryProfile?.length) return parts.join(', ')
  const delay = defaultDelayDays(m)
  parts.push(`usually delivered ${delay === 0 ? 'the day it is sent' : `${delay} working day${delay === 1 ? '' : 's'} after sending`}`)
  return parts.join(', ')
}

function splitTotal(values: FormValues, messageId: string, helplines: ForecastFormContext['helplines']): number | null {
  let total = 0
  for (const h of helplines) {
    const read = readNumber(values[splitField(messageId, h.id)], { label: '', example: '', min: 0, max: 100, percent: true })
    if (!read.ok) return null
    total += read.value ?? 0
  }
  return total
}

/**
 * The forecast inputs. Without JavaScript "Recalculate" posts and the server redraws the forecast; with it,
 * `onChange` lets the page recompute in the browser as the designer types.
 */
export function ForecastForm({
  messages,
  helplines,
  values,
  liveValues,
  errors,
  version,
  curveDays,
  onChange,
  status,
}: {
  messages: CampaignMessageForForecast[]
  helplines: ForecastFormContext['helplines']
  /** What the inputs start with (saved, or as last submitted). */
  values: FormValues
  /** What they hold now, for the running totals. */
  liveValues: FormValues
  errors?: FieldErrors
  version: number
  curveDays: number
  onChange?: (event: FormEvent<HTMLFormElement>) => void
  status?: ReactNode
}) {
  const e = errors ?? {}
  const channels = channelsUsed(messages)
  const curveErrors = Object.keys(e).some((key) => key.startsWith('curve-') || key.startsWith('bump'))
  const deadlines = hasDeadlines({ messages })
  return (
    <Form method="post" noValidate id="forecast-form" onChange={onChange} className="app-forecast-form">
      <input type="hidden" name="version" value={version} readOnly />
      <Fieldset legend={{ text: 'Contact rates', classes: 'govuk-fieldset__legend--m' }} describedBy="rates-hint">
        <div id="rates-hint" className="govuk-hint">
          Calls for every 100 customers sent a message, in %. Give the low and high rates so that one campaign in ten would
          fall below the low rate and one in ten above the high one (the 10th and 90th percentiles).
        </div>
        <div className="app-inline-fields">
          <Input id="rateLow" name="rateLow" inputmode="decimal" width={4} spellcheck={false} label={{ text: 'Low contact rate' }} suffix={{ text: '%' }} defaultValue={values.rateLow} errorMessage={e.rateLow} />
          <Input id="rateCentral" name="rateCentral" inputmode="decimal" width={4} spellcheck={false} label={{ text: 'Central contact rate' }} suffix={{ text: '%' }} defaultValue={values.rateCentral} errorMessage={e.rateCentral} />
          <Input id="rateHigh" name="rateHigh" inputmode="decimal" width={4} spellcheck={false} label={{ text: 'High contact rate' }} suffix={{ text: '%' }} defaultValue={values.rateHigh} errorMessage={e.rateHigh} />
        </div>
      </Fieldset>

      <h2 className="govuk-heading-m">Helplines and delivery</h2>
      <p className="govuk-body" id="split-hint">
        For each message, enter the share of its calls each helpline takes, in %. The shares must add up to 100%. Leave a
        message’s shares blank until you know. Enter a delivery delay only to replace the usual one.
      </p>
      <div className="app-table-wrapper">
        <table className="govuk-table app-split-table" aria-describedby="split-hint">
          <caption className="govuk-table__caption govuk-visually-hidden">Share of each message’s calls by helpline, and delivery delay</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Message</th>
              {helplines.map((h) => (
                <th scope="col" className="govuk-table__header" key={h.id}>
                  {h.name}
                </th>
              ))}
              <th scope="col" className="govuk-table__header">Total</th>
              <th scope="col" className="govuk-table__header">Delivery delay (working days)</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {messages.map((m) => {
              const total = splitTotal(liveValues, m.id, helplines)
              const sumError = e[`split-${m.id}`]
              return (
                <tr className="govuk-table__row" key={m.id}>
                  <th scope="row" className="govuk-table__header">
                    {m.name}
                    <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 app-block">{describeMessage(m)}</span>
                  </th>
                  {helplines.map((h) => (
                    <td className="govuk-table__cell" key={h.id}>
                      <CellInput
                        name={splitField(m.id, h.id)}
                        label={`Share of “${m.name}” calls for ${h.name}, in %`}
                        defaultValue={values[splitField(m.id, h.id)]}
                        error={e[splitField(m.id, h.id)]}
                        width={3}
                        suffix="%"
                      />
                    </td>
                  ))}
                  <td className={sumError ? 'govuk-table__cell govuk-form-group--error' : 'govuk-table__cell'} data-split-total={m.id}>
                    {sumError ? <ErrorMessage id={`split-${m.id}-error`} text={sumError} /> : null}
                    {total === null ? '–' : `${trimNumber(total)}%`}
                  </td>
                  <td className="govuk-table__cell">
                    <CellInput
                      name={delayField(m.id)}
                      label={`Delivery delay for “${m.name}”, in working days (leave blank for the usual ${defaultDelayDays(m)})`}
                      defaultValue={values[delayField(m.id)]}
                      error={e[delayField(m.id)]}
                      width={3}
                      inputmode="numeric"
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      <Details summaryText={deadlines ? 'Response curves and the deadline bump' : 'Response curves'} open={curveErrors || undefined} id="curves">
        <p className="govuk-body">
          A response curve is the share of a wave’s calls on each working day after delivery, starting with the day it arrives (day
          0). The starting values are planning assumptions. If the shares you enter do not add up to 100%, they are scaled so that
          they do. Leave the last days blank to end a curve sooner.
        </p>
        {channels.map((channel) =>
          e[`curve-${channel}`] ? <ErrorMessage key={channel} id={`curve-${channel}-error`} text={e[`curve-${channel}`]} /> : null,
        )}
        <div className="app-table-wrapper">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Share of calls by working day after delivery</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Working day</th>
                {channels.map((channel) => (
                  <th scope="col" className="govuk-table__header" key={channel}>
                    {CHANNEL_NAMES[channel]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {Array.from({ length: curveDays }, (_, day) => (
                <tr className="govuk-table__row" key={day}>
                  <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">{day}</th>
                  {channels.map((channel) => (
                    <td className="govuk-table__cell" key={channel}>
                      <CellInput
                        name={curveField(channel, day)}
                        label={`${CHANNEL_NAMES[channel]} response curve, working day ${day}, in %`}
                        defaultValue={values[curveField(channel, day)]}
                        error={e[curveField(channel, day)]}
                        width={4}
                        suffix="%"
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {deadlines ? (
          <Fieldset legend={{ text: 'Deadline bump', classes: 'govuk-fieldset__legend--s' }} describedBy="bump-hint">
            <div id="bump-hint" className="govuk-hint">
              Letters with an action deadline get a second rise in calls as the deadline nears. This share of the letter’s calls
              moves from its curve into the working days up to the deadline. Enter 0 for no bump.
            </div>
            <Input id="bumpShare" name="bumpShare" inputmode="decimal" width={4} spellcheck={false} label={{ text: 'Share of calls' }} suffix={{ text: '%' }} defaultValue={values.bumpShare} errorMessage={e.bumpShare} />
            <Input id="bumpDays" name="bumpDays" inputmode="numeric" width={3} spellcheck={false} label={{ text: 'Spread over' }} suffix={{ text: 'working days' }} defaultValue={values.bumpDays} errorMessage={e.bumpDays} />
          </Fieldset>
        ) : null}
      </Details>

      {status}
      <div className="govuk-button-group">
        <Button text="Save forecast inputs" name="intent" value="save" preventDoubleClick />
        <Button text="Recalculate" name="intent" value="recalculate" variant="secondary" />
      </div>
    </Form>
  )
}
