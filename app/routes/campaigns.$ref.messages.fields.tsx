import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, Input, NotificationBanner } from '~/components/govuk'
import { STANDARD_FIELDS } from '~/content/fields'
import { LIMITS } from '~/content/limits'
import { normaliseName, parseContent } from '~/content/placeholders'
import { canEditCampaign } from '~/models/campaign.server'
import { addCampaignField, listCampaignFields, removeCampaignField } from '~/models/campaign-field.server'
import { listMessages } from '~/models/message.server'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'
import { lockedResponse } from '~/http/refusals.server'

export const handle = { title: 'Custom fields' }

/** The normalised names each message uses, as placeholders or optional-content flags, in any of its parts. */
function keysUsed(parts: (string | null)[]): Set<string> {
  const keys = new Set<string>()
  for (const part of parts) {
    if (!part) continue
    const parsed = parseContent(part)
    for (const p of parsed.placeholders) keys.add(p.key)
    for (const o of parsed.optionals) keys.add(o.key)
  }
  return keys
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const [fields, messages] = await Promise.all([listCampaignFields(db, campaign.id), listMessages(db, campaign.id)])
  const used = messages.map((m) => ({ name: m.name, keys: keysUsed([m.subject, m.addressBlock, m.body]) }))
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    canEdit: canEditCampaign(user, campaign),
    fields: fields.map((f) => ({ ...f, usedIn: used.filter((m) => m.keys.has(normaliseName(f.name))).map((m) => m.name) })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const values = formValues(await readFormData(request))
  const base = `/campaigns/${campaign.ref}/messages/fields`
  if (values.intent === 'remove') {
    const result = await removeCampaignField(db, { campaignId: campaign.id, fieldId: values.fieldId ?? '' }, user)
    if (result.ok) return redirect(`${base}?notice=removed`, { status: 303 })
    throw result.reason === 'not-found' ? notFound('That custom field has already been removed') : result.reason === 'locked' ? lockedResponse(campaign) : forbidden()
  }
  const name = (values.name ?? '').slice(0, LIMITS.extraFields.nameLength * 4)
  const result = await addCampaignField(db, { campaignId: campaign.id, name }, user)
  if (result.ok) return redirect(`${base}?notice=added`, { status: 303 })
  if (result.reason === 'invalid') return data({ errors: { name: result.error }, values: echoed({ name }) }, { status: 400 })
  throw result.reason === 'not-found' ? notFound() : result.reason === 'locked' ? lockedResponse(campaign) : forbidden()
}

const NOTICES: Record<string, string> = { added: 'The custom field has been added', removed: 'The custom field has been removed' }

export default function CustomFields() {
  const { campaign, canEdit, fields } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/campaigns/${campaign.ref}/messages`} text="Back to the messages" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <FormErrorSummary errors={actionData?.errors} order={['name']} />
        <CampaignHeading campaign={campaign} title="Custom fields" />
        <p className="govuk-body">
          A custom field is a column of this campaign’s mailing data beyond the standard ones. Once it is here, messages can use it as a
          placeholder, like ((has_agent)), or as the flag of optional content, like ((has_agent??Your agent will get a copy.)).
        </p>
        {fields.length === 0 ? (
          <p className="govuk-body">This campaign has no custom fields.</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Custom fields</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Placeholder
                </th>
                <th scope="col" className="govuk-table__header">
                  Used in
                </th>
                {canEdit ? (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Action</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {fields.map((field) => (
                <tr className="govuk-table__row" key={field.id}>
                  <td className="govuk-table__cell">(({field.name}))</td>
                  <td className="govuk-table__cell">{field.usedIn.length ? field.usedIn.join(', ') : 'No messages'}</td>
                  {canEdit ? (
                    <td className="govuk-table__cell">
                      <Form method="post" className="app-inline-form">
                        <input type="hidden" name="fieldId" value={field.id} readOnly />
                        <Button
                          text={
                            <>
                              Remove<span className="govuk-visually-hidden"> (({field.name}))</span>
                            </>
                          }
                          name="intent"
                          value="remove"
                          variant="secondary"
                          classes="govuk-!-margin-bottom-0"
                        />
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {fields.some((f) => f.usedIn.length > 0) && canEdit ? (
          <p className="govuk-body govuk-hint">Removing a field that a message uses makes that message fail the unknown-placeholder check.</p>
        ) : null}
        {canEdit ? (
          <Form method="post" noValidate>
            <Input
              id="name"
              name="name"
              label={{ text: 'Add a custom field', classes: 'govuk-label--m' }}
              hint={{
                text: `Start with a letter. Use letters, numbers, spaces, hyphens and underscores, up to ${LIMITS.extraFields.nameLength} characters. Case, spaces, hyphens and underscores are ignored when placeholders are matched.`,
              }}
              defaultValue={actionData?.values.name}
              errorMessage={actionData?.errors.name}
              spellcheck={false}
              classes="govuk-!-width-two-thirds"
            />
            <Button text="Add field" name="intent" value="add" preventDoubleClick />
          </Form>
        ) : null}
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Standard fields every campaign has</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {STANDARD_FIELDS.map((f) => (
                <li key={f.name}>
                  (({f.name})): {f.label}
                </li>
              ))}
            </ul>
          </div>
        </details>
      </div>
    </div>
  )
}
