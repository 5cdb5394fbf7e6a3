import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { ActualsComparison } from '~/components/ActualsComparison'
import { CampaignHeading } from '~/components/CampaignHeader'
import { ForecastForm } from '~/components/ForecastForm'
import { ForecastOutputs } from '~/components/ForecastOutputs'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, InsetText, NotificationBanner, SummaryList, Tag } from '~/components/govuk'
import { ForecastSuggestion } from '~/components/ForecastSuggestion'
import { formatDateTime } from '~/campaign/options'
import { CHANNEL_NAMES } from '~/forecast/delivery'
import { channelsUsed, curvePercent, forecastFromSettings, sameSettings, type ForecastSettings } from '~/forecast/settings'
import { trimNumber } from '~/helplines/helpline'
import { canEditCampaign } from '~/models/campaign.server'
import { actualsView, canRecordActuals, listActuals } from '~/models/actuals.server'
import { loadCampaignForecastData, saveForecastSettings } from '~/models/forecast.server'
import { forecastSuggestion } from '~/models/learning.server'
import {
  curveRows,
  curveRowsFromValues,
  forecastErrorHrefs,
  forecastFieldOrder,
  forecastToFormValues,
  parseForecastForm,
  type ForecastFormContext,
} from '~/schemas/forecast'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { formValues, type FieldErrors, type FormValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'
import { lockedResponse } from '~/http/refusals.server'

export const handle = { title: 'Forecast the calls' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const [loaded, actuals] = await Promise.all([loadCampaignForecastData(db, campaign), listActuals(db, campaign.id)])
  const canEdit = canEditCampaign(user, campaign)
  // Once a launched campaign has actual calls, the page sets them against the saved forecast.
  const savedForecast = actuals.length && loaded.saved.version > 0 ? forecastFromSettings(loaded.saved.settings, loaded.messages, loaded.forecastHelplines, loaded.bankHolidays) : null
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, nation: campaign.nation },
    canEdit,
    messages: loaded.messages,
    helplines: loaded.forecastHelplines,
    bankHolidays: loaded.bankHolidays,
    saved: loaded.saved,
    actuals: savedForecast ? actualsView(loaded, savedForecast, actuals) : null,
    canRecordActuals: canRecordActuals(user, campaign),
    // A forecast never saved starts from what past campaigns of the same regime and channel showed, if any did.
    suggestion: canEdit && loaded.saved.version === 0 ? await forecastSuggestion(db, campaign, loaded.messages) : null,
  }
}

interface ActionResult {
  errors: FieldErrors | null
  values: FormValues
  version: number
  /** The submitted settings when they are valid: the forecast shows them, saved or not. */
  settings: ForecastSettings | null
  /** The campaigns whose figures "Use these figures" filled in. */
  suggestedFrom?: string[]
}

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
    const base = parsed.ok ? parsed.data : loaded.saved.settings
    const settings: ForecastSettings = { ...base, contactRates: suggestion.contactRates, responseCurves: { ...base.responseCurves, ...suggestion.responseCurves } }
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

function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
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
    </>
  )
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type ActionData = ReturnType<typeof useActionData<typeof action>>

function ForecastEditor({ loaderData, actionData }: { loaderData: LoaderData; actionData: ActionData }) {
  const { campaign, canEdit, messages, helplines, bankHolidays, saved } = loaderData
  const hydrated = useHydrated()
  const ctx: ForecastFormContext = useMemo(
    () => ({ messages, helplines: helplines.map((h) => ({ id: h.id, name: h.name })), fallback: saved.settings }),
    [messages, helplines, saved.settings],
  )
  const initialValues = useMemo(() => actionData?.values ?? forecastToFormValues(saved.settings, ctx), [actionData, saved.settings, ctx])
  const [liveValues, setLiveValues] = useState<FormValues>(initialValues)
  const [settings, setSettings] = useState<ForecastSettings>(actionData?.settings ?? saved.settings)
  const [invalid, setInvalid] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(timer.current), [])

  // Recompute in the browser as the designer types: parse the whole form with the server's own rules, then run
  // the same engine. A short pause first, so a number is not forecast at every keystroke of typing it.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const values = formValues(new FormData(form))
      setLiveValues(values)
      const parsed = parseForecastForm(values, ctx)
      if (parsed.ok) setSettings(parsed.data)
      setInvalid(!parsed.ok)
    }, 120)
  }

  const forecast = useMemo(() => forecastFromSettings(settings, messages, helplines, bankHolidays), [settings, messages, helplines, bankHolidays])
  const unsaved = saved.version === 0 || !sameSettings(settings, saved.settings, messages)
  const refused = !!actionData?.errors && !actionData.settings
  const curveDays = actionData?.values ? curveRowsFromValues(actionData.values, [...new Set(messages.map((m) => m.channel))]) : curveRows(saved.settings, [...new Set(messages.map((m) => m.channel))])

  const status = (
    <div role="status" className="app-forecast-status" id="forecast-status">
      {invalid ? (
        <p className="govuk-body">Some figures are not valid yet, so the forecast shows the last valid ones. Select Recalculate to see what to fix.</p>
      ) : refused ? (
        <p className="govuk-body">The forecast below uses the saved figures, because some of the figures you entered are not valid.</p>
      ) : unsaved && canEdit ? (
        <p className="govuk-body">
          <Tag text="Not saved" colour="yellow" /> {saved.version === 0 ? 'These forecast inputs have not been saved yet.' : 'The forecast shows figures you have not saved.'}{' '}
          Select Save forecast inputs to keep them.
        </p>
      ) : saved.updatedAt ? (
        <p className="govuk-body">Saved figures (version {saved.version}, {formatDateTime(saved.updatedAt)}).</p>
      ) : null}
    </div>
  )

  const showingSaved = saved.version > 0 && !unsaved
  return (
    <>
      {canEdit ? (
        <ForecastForm
          messages={messages}
          helplines={ctx.helplines}
          values={initialValues}
          liveValues={liveValues}
          errors={actionData?.errors ?? undefined}
          version={actionData?.version ?? saved.version}
          curveDays={Math.max(curveDays, 1)}
          onChange={onChange}
          status={status}
        />
      ) : (
        <SavedInputs loaderData={loaderData} />
      )}
      <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
      {loaderData.actuals ? (
        <>
          <ActualsComparison
            view={loaderData.actuals}
            forecastRatePercent={saved.settings.contactRates.central}
            forecastCurves={Object.fromEntries(channelsUsed(messages).map((c) => [c, curvePercent(saved.settings, c)]))}
            chartsEnabled={hydrated}
            recordHref={loaderData.canRecordActuals ? `/campaigns/${campaign.ref}/actuals` : undefined}
          />
          <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
          <h2 className="govuk-heading-m">The forecast</h2>
        </>
      ) : null}
      {saved.version > 0 ? (
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={`/campaigns/${campaign.ref}/forecast.csv`} download>
            Download the saved forecast (CSV)
          </a>
        </p>
      ) : null}
      <ForecastOutputs forecast={forecast} chartsEnabled={hydrated} briefingHref={showingSaved ? (id) => `/campaigns/${campaign.ref}/forecast/briefing/${id}` : undefined} />
    </>
  )
}

/** What a reader (not an author) sees instead of the form. */
function SavedInputs({ loaderData }: { loaderData: LoaderData }) {
  const { messages, helplines, saved } = loaderData
  if (saved.version === 0) return <InsetText text="The campaign’s authors have not saved forecast inputs yet. The forecast below uses starting values." />
  const name = new Map(helplines.map((h) => [h.id, h.name]))
  const s = saved.settings
  return (
    <SummaryList
      rows={[
        { key: { text: 'Contact rates' }, value: { text: `${trimNumber(s.contactRates.central)}% (low ${trimNumber(s.contactRates.low)}%, high ${trimNumber(s.contactRates.high)}%)` } },
        ...messages.map((m) => ({
          key: { text: m.name },
          value: {
            text:
              Object.entries(s.messages[m.id]?.split ?? {})
                .map(([id, share]) => `${name.get(id) ?? 'A removed helpline'} ${trimNumber(share)}%`)
                .join(', ') || 'No helplines chosen yet',
          },
        })),
        {
          key: { text: 'Response curves' },
          value: {
            text: Object.keys(s.responseCurves).length
              ? `Changed for ${Object.keys(s.responseCurves)
                  .map((c) => CHANNEL_NAMES[c as keyof typeof CHANNEL_NAMES].toLowerCase())
                  .join(', ')}`
              : 'The starting curves',
          },
        },
      ]}
    />
  )
}
