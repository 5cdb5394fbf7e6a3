import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { ForecastEditor, type ForecastActionResult } from '~/components/ForecastEditor'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, NotificationBanner } from '~/components/govuk'
import { ForecastSuggestion } from '~/components/ForecastSuggestion'
import { ReforecastSection } from '~/components/ReforecastSection'
import { formatDateTime } from '~/campaign/options'
import { withSuggestion } from '~/forecast/learning'
import { loadCampaignForecastData, saveForecastSettings } from '~/models/forecast.server'
import { loadForecastPage } from '~/models/forecast-page.server'
import { forecastSuggestion } from '~/models/learning.server'
import { forecastErrorHrefs, forecastFieldOrder, forecastToFormValues, parseForecastForm, type ForecastFormContext } from '~/schemas/forecast'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { echoed, formValues } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'
import { lockedResponse } from '~/http/refusals.server'

export const handle = { title: 'Forecast the calls' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  return loadForecastPage(db, user, campaign)
}

type ActionResult = ForecastActionResult

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const values = formValues(await readFormData(request))
  const shown = echoed(values)
  const loaded = await loadCampaignForecastData(db, campaign)
  const ctx: ForecastFormContext = { messages: loaded.messages, helplines: loaded.helplines, fallback: loaded.saved.settings }
  const version = Number(values.version)
  const keptVersion = Number.isSafeInteger(version) ? version : loaded.saved.version
  const parsed = parseForecastForm(values, ctx)
  if (values.intent === 'use-suggestion') {
    // Fills in the past campaigns' rates and curves over what was typed; nothing is saved until the user saves.
    const suggestion = loaded.saved.version === 0 ? await forecastSuggestion(db, campaign, loaded.messages) : null
    if (!suggestion) {
      return data<ActionResult>(
        { errors: { _form: 'There are no figures from past campaigns to use: the forecast has been saved, or no past campaign fits any more.' }, values: shown, version: keptVersion, settings: null },
        { status: 409 },
      )
    }
    const settings = withSuggestion(parsed.ok ? parsed.data : loaded.saved.settings, suggestion)
    return data<ActionResult>({ errors: null, values: forecastToFormValues(settings, ctx), version: keptVersion, settings, suggestedFrom: suggestion.sources.map((s) => s.ref) })
  }
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: shown, version: keptVersion, settings: null }, { status: 400 })
  // "Recalculate" is a preview: nothing is saved, and the page shows the forecast for what was typed.
  if (values.intent !== 'save') return data<ActionResult>({ errors: null, values: shown, version: keptVersion, settings: parsed.data })

  if (!Number.isSafeInteger(version)) {
    return data<ActionResult>(
      { errors: { _form: 'The page was out of date, so nothing was saved. Check your figures and save again.' }, values: shown, version: keptVersion, settings: parsed.data },
      { status: 409 },
    )
  }
  const result = await saveForecastSettings(db, { campaignId: campaign.id, version, settings: parsed.data }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/forecast?notice=saved`, { status: 303 })
  if (result.reason === 'conflict') {
    return data<ActionResult>(
      {
        errors: {
          _form: `Someone else saved this campaign’s forecast inputs${result.current.updatedAt ? ` at ${formatDateTime(result.current.updatedAt)}` : ''} while you were editing. Your figures have not been saved yet: they are still below. Check them, then save again to replace the other version.`,
        },
        values: shown,
        version: result.current.version,
        settings: parsed.data,
      },
      { status: 409 },
    )
  }
  if (result.reason === 'stale-messages') {
    return data<ActionResult>(
      {
        errors: { _form: 'The campaign’s messages changed while you were editing, so nothing was saved. Reload the page to see the current messages.' },
        values: shown,
        version: keptVersion,
        settings: null,
      },
      { status: 409 },
    )
  }
  if (result.reason === 'not-found') throw notFound('There is no campaign with that reference')
  throw result.reason === 'locked' ? lockedResponse(campaign) : forbidden()
}

export default function ForecastPage() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const { campaign, canEdit, messages, helplines, saved, suggestion } = loaderData
  // A new submission or a new saved version starts the editor afresh from what the server returned.
  const editorKey = `${saved.version}:${actionData ? JSON.stringify(actionData.values) : 'saved'}`

  const editor = <ForecastEditor key={editorKey} loaderData={loaderData} actionData={actionData} />
  let body
  if (messages.length === 0) {
    body = (
      <>
        <p className="govuk-body">
          <strong className="govuk-tag govuk-tag--grey">Cannot start yet</strong>
        </p>
        <p className="govuk-body">Write the campaign’s messages first. The forecast works out calls from each message’s waves.</p>
      </>
    )
  } else if (helplines.length === 0) {
    body = (
      <p className="govuk-body">
        There are no helplines yet, so there is nowhere to send calls. Ask a helpline manager or an administrator to{' '}
        <Link className="govuk-link" to="/helplines">
          add the helplines
        </Link>
        .
      </p>
    )
  } else {
    body = editor
  }

  return (
    <>
      <BackLink href={`/campaigns/${campaign.ref}`} text="Back to the campaign" />
      {params.get('notice') === 'saved' && !actionData ? <NotificationBanner type="success" text="Forecast inputs saved" /> : null}
      {params.get('notice') === 'reforecast' && !actionData ? <NotificationBanner type="success" text="Re-forecast made: the days still to come are below, beside the forecast" /> : null}
      {actionData?.suggestedFrom ? (
        <NotificationBanner
          text={`The contact rates and response curves of ${actionData.suggestedFrom.join(', ')} are filled in below. Check them, then save the forecast inputs to keep them.`}
          titleText="Figures from past campaigns"
        />
      ) : null}
      {canEdit && messages.length > 0 && helplines.length > 0 ? (
        <FormErrorSummary
          errors={actionData?.errors ?? undefined}
          order={forecastFieldOrder({ messages, helplines, fallback: saved.settings })}
          hrefs={forecastErrorHrefs({ messages, helplines, fallback: saved.settings })}
        />
      ) : null}
      <CampaignHeading campaign={campaign} title="Forecast the calls" />
      {suggestion && canEdit && !actionData?.suggestedFrom && params.get('suggestion') !== 'hide' && body === editor ? <ForecastSuggestion suggestion={suggestion} /> : null}
      {body}
      <ReforecastSection view={loaderData.reforecast} eligible={loaderData.canReforecast} reforecastHref={`/campaigns/${campaign.ref}/forecast/reforecast`} />
    </>
  )
}

