import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, WarningText } from '~/components/govuk'
import { getTranslation, removeTranslation } from '~/models/translation.server'
import { findEnglish, welshHref } from '~/models/welsh.server'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { readFormData } from '~/http/forms.server'
import { refusalResponse } from '~/http/refusals.server'
import { notFound } from '~/http/responses.server'
import { db } from '~/utils/db.server'
import { formValues } from '~/utils/forms'
import type { TranslationKind } from '~/welsh/translation'

export const handle = { title: 'Remove the Welsh version' }

const KINDS: Record<string, TranslationKind> = { messages: 'message', lines: 'line', scripts: 'script' }

async function target(campaignId: string, params: { kind?: string; id?: string }) {
  const kind = KINDS[params.kind ?? '']
  const english = kind ? await findEnglish(db, campaignId, kind, params.id ?? '') : undefined
  const translation = english ? await getTranslation(db, campaignId, english.kind, english.id) : undefined
  if (!english || !translation) throw notFound('There is no Welsh version at that address')
  return { english, translation }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  const { english, translation } = await target(campaign.id, params)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    label: english.label,
    version: translation.version,
    back: welshHref(campaign.ref, english),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const { english } = await target(campaign.id, params)
  const values = formValues(await readFormData(request))
  const version = Number(values.version)
  if (!Number.isSafeInteger(version) || version < 1) {
    return data({ errors: { _form: 'The page was out of date, so nothing was removed. Check the Welsh version, then try again.' } }, { status: 409 })
  }
  const result = await removeTranslation(db, { campaignId: campaign.id, kind: english.kind, entityId: english.id, version }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/welsh?notice=removed`, { status: 303 })
  if (result.reason === 'conflict') {
    return data({ errors: { _form: 'Someone else changed the Welsh version since you opened this page, so nothing was removed. Check it, then try again.' } }, { status: 409 })
  }
  if (result.reason === 'gone') return redirect(`/campaigns/${campaign.ref}/welsh?notice=already-removed`, { status: 303 })
  throw refusalResponse(result.reason, campaign)
}

export default function RemoveTranslation() {
  const { campaign, label, version, back } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={back} text="Back to the Welsh version" />
        <FormErrorSummary errors={actionData?.errors} />
        <CampaignHeading campaign={campaign} title={`Are you sure you want to remove the Welsh version of ${label}?`} />
        <WarningText text="Customers who asked for Welsh would get no Welsh version of it. Its history stays readable." />
        <Form method="post" noValidate>
          <input type="hidden" name="version" value={version} readOnly />
          <div className="govuk-button-group">
            <Button text="Yes, remove the Welsh version" variant="warning" preventDoubleClick />
            <a className="govuk-link" href={back}>
              No, keep it
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}
