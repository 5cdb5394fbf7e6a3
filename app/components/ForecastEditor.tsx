import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { ActualsComparison } from '~/components/ActualsComparison'
import { ForecastForm } from '~/components/ForecastForm'
import { ForecastOutputs } from '~/components/ForecastOutputs'
import { InsetText, SummaryList, Tag } from '~/components/govuk'
import { useHydrated } from '~/components/use-hydrated'
import { formatDateTime } from '~/campaign/options'
import { CHANNEL_NAMES } from '~/forecast/delivery'
import { channelsUsed, curvePercent, forecastFromSettings, sameSettings, type ForecastSettings } from '~/forecast/settings'
import { trimNumber } from '~/helplines/helpline'
import type { ForecastPageData } from '~/models/forecast-page.server'
import { curveRows, curveRowsFromValues, forecastToFormValues, parseForecastForm, type ForecastFormContext } from '~/schemas/forecast'
import { formValues, type FieldErrors, type FormValues } from '~/utils/forms'

/** What the forecast page's action returns. */
export interface ForecastActionResult {
  errors: FieldErrors | null
  values: FormValues
  version: number
  /** The submitted settings when they are valid: the forecast shows them, saved or not. */
  settings: ForecastSettings | null
  /** The campaigns whose figures "Use these figures" filled in. */
  suggestedFrom?: string[]
}

type LoaderData = ForecastPageData
type ActionData = ForecastActionResult | undefined

/**
 * The forecast's inputs (a form for its authors, a summary for everyone else) and its outputs, recomputed in the
 * browser as the designer types with the server's own reader and engine.
 */
export function ForecastEditor({ loaderData, actionData }: { loaderData: LoaderData; actionData: ActionData }) {
  const { campaign, canEdit, messages, helplines, bankHolidays, helplineBankHolidays, saved, dispersion } = loaderData
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

  const forecast = useMemo(
    () => forecastFromSettings(settings, messages, helplines, bankHolidays, helplineBankHolidays, { dispersion: dispersion.value }),
    [settings, messages, helplines, bankHolidays, helplineBankHolidays, dispersion.value],
  )
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
      {saved.version > 0 ? (
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={`/campaigns/${campaign.ref}/forecast.csv`} download>
            Download the saved forecast (CSV)
          </a>
          {' · '}
          <a className="govuk-link" href={`/campaigns/${campaign.ref}/forecast-intervals.csv`} download>
            half hour by half hour (CSV)
          </a>
        </p>
      ) : null}
      <ForecastOutputs forecast={forecast} dispersion={dispersion} chartsEnabled={hydrated} briefingHref={showingSaved ? (id) => `/campaigns/${campaign.ref}/forecast/briefing/${id}` : undefined}>
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
      </ForecastOutputs>
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
