import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, Checkboxes, DateInput } from '~/components/govuk'
import { formatDate } from '~/campaign/options'
import { requestTranslations } from '~/models/translation.server'
import { welshOverview, type WelshItemView } from '~/models/welsh.server'
import { parseTranslationRequestForm } from '~/schemas/welsh'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { readFormData } from '~/http/forms.server'
import { refusalResponse } from '~/http/refusals.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { formValues, type FieldErrors } from '~/utils/forms'

export const handle = { title: 'Ask for a Welsh translation' }

const key = (item: Pick<WelshItemView, 'kind' | 'id'>) => `${item.kind}:${item.id}`

const STATE_WORDS: Record<WelshItemView['state'], string> = {
  missing: 'not translated yet',
  'out-of-date': 'the Welsh is out of date',
  current: 'the Welsh is up to date',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  const overview = await welshOverview(db, campaign)
  const items = [...overview.messages, ...overview.lines, ...overview.scripts]
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    items: items.map((i) => ({ key: key(i), label: i.label, state: i.state, request: i.request })),
    // What still needs translating is ticked to start with.
    selected: items.filter((i) => i.state !== 'current').map(key),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const form = await readFormData(request)
  const values = formValues(form)
  const chosen = form.getAll('items').filter((v): v is string => typeof v === 'string')
  const overview = await welshOverview(db, campaign)
  const known = new Set([...overview.messages, ...overview.lines, ...overview.scripts].map(key))
  const kept = { 'neededBy-day': values['neededBy-day'] ?? '', 'neededBy-month': values['neededBy-month'] ?? '', 'neededBy-year': values['neededBy-year'] ?? '', items: chosen.slice(0, 500) }
  const parsed = parseTranslationRequestForm(values, chosen, { today: todayIso(), known })
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, values: kept }, { status: 400 })
  const result = await requestTranslations(db, { campaignId: campaign.id, items: parsed.data.items, neededBy: parsed.data.neededBy }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/welsh?notice=requested&count=${result.requested}`, { status: 303 })
  if (result.reason === 'gone') {
    return data({ errors: { items: 'Something you chose has just been removed from the campaign. Check the list and ask again.' } as FieldErrors, values: kept }, { status: 409 })
  }
  throw refusalResponse(result.reason, campaign)
}

export default function RequestTranslation() {
  const { campaign, items, selected } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors
  const values = actionData?.values
  const base = `/campaigns/${campaign.ref}`
  const dateParts = (['day', 'month', 'year'] as const).filter((p) => !(values?.[`neededBy-${p}`] ?? '').trim())
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`${base}/welsh`} text="Back to the Welsh versions" />
        <FormErrorSummary errors={errors} order={['items', 'neededBy']} hrefs={{ items: '#items', neededBy: '#neededBy-day' }} />
        <CampaignHeading campaign={campaign} title="Ask for a Welsh translation" />
        <p className="govuk-body">
          The campaign page lists what you ask for until a Welsh version of the English as it is then is saved. Send the translation team the file from the
          Welsh page: it holds the English still to translate.
        </p>
        {items.length ? (
          <Form method="post" noValidate>
            <Checkboxes
              name="items"
              idPrefix="items"
              fieldset={{ legend: { text: 'What needs translating?', classes: 'govuk-fieldset__legend--m' } }}
              defaultValues={values?.items ?? selected}
              errorMessage={errors?.items}
              items={items.map((i) => ({
                value: i.key,
                text: i.label.charAt(0).toUpperCase() + i.label.slice(1),
                hint: { text: `${STATE_WORDS[i.state]}${i.request ? `; already asked for by ${formatDate(i.request.neededBy)}` : ''}` },
              }))}
            />
            <DateInput
              id="neededBy"
              namePrefix="neededBy"
              fieldset={{ legend: { text: 'When is it needed by?', classes: 'govuk-fieldset__legend--m' } }}
              hint={{ text: 'For example, 27 3 2027. Leave the translation team time before the first send date.' }}
              defaultValues={{ day: values?.['neededBy-day'], month: values?.['neededBy-month'], year: values?.['neededBy-year'] }}
              errorMessage={errors?.neededBy}
              errorItems={errors?.neededBy && dateParts.length > 0 && dateParts.length < 3 ? [...dateParts] : undefined}
            />
            <Button text="Ask for the translation" preventDoubleClick />
          </Form>
        ) : (
          <p className="govuk-body">There is nothing to translate yet: write the messages, lines and scripts first.</p>
        )}
      </div>
    </div>
  )
}
