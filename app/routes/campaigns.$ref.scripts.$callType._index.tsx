import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { scriptFindings } from '~/content/stored-content'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { FindingsSummary, SectionFindings, sectionHasError } from '~/components/ScriptFindings'
import { BackLink, Button, InsetText, NotificationBanner, Textarea } from '~/components/govuk'
import { REFERENCE_TYPE_LABELS } from '~/campaign/options'
import { CALL_TYPE_LABELS, LIMITS, SCRIPT_SECTION_LABELS, SCRIPT_SECTIONS, standardScript, type ScriptSection } from '~/content'
import { canEditCampaign } from '~/models/campaign.server'
import { getScript, isCallType, saveScript } from '~/models/script.server'
import { parseScriptForm, SCRIPT_FIELD_ORDER } from '~/schemas/script'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'
import { formValues, echoed } from '~/utils/forms'
import { readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { refusalResponse } from '~/http/refusals.server'

export const handle = {
  title: (data: { callType?: keyof typeof CALL_TYPE_LABELS } | undefined) =>
    data?.callType ? `${CALL_TYPE_LABELS[data.callType]} script` : 'Script',
}

const SECTION_HINTS: Record<ScriptSection, string> = {
  opening: 'How the call starts',
  verification: 'The identity checks the handler completes before discussing the customer’s affairs',
  recordingNotice: 'For outbound calls: after verification, tell the customer the call may be recorded',
  body: 'What the call is about; the lines to take hold the detailed answers',
  closing: 'Summarise what was agreed and thank the customer',
}

function callTypeOf(value: string | undefined) {
  if (!isCallType(value)) throw notFound('There is no such type of call')
  return value
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const callType = callTypeOf(params.callType)
  const script = await getScript(db, campaign.id, callType)
  // A script not yet written starts from DMBM510330's wording for this call type and reference.
  const sections = script ?? standardScript(callType, campaign.referenceType)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, referenceType: campaign.referenceType },
    canEdit: canEditCampaign(user, campaign),
    callType,
    script: script ? { id: script.id, version: script.version } : null,
    values: Object.fromEntries(SCRIPT_SECTIONS.map((s) => [s, sections[s]])) as Record<ScriptSection, string>,
    findings: script ? scriptFindings(script, campaign) : [],
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const callType = callTypeOf(params.callType)
  const values = formValues(await readFormData(request))
  const kept = echoed(Object.fromEntries(SCRIPT_SECTIONS.map((s) => [s, values[s] ?? ''])) as Record<ScriptSection, string>)
  const version = Number(values.version)
  const parsed = parseScriptForm(values)
  if (!parsed.ok) return data({ errors: parsed.errors, values: kept, version: Number.isSafeInteger(version) ? version : null, theirs: null }, { status: 400 })
  if (!Number.isSafeInteger(version)) {
    return data({ errors: { _form: 'The page was out of date. Check the script and save again.' }, values: kept, version: null, theirs: null }, { status: 409 })
  }
  const result = await saveScript(db, { campaignId: campaign.id, callType, version, sections: parsed.data }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/scripts/${callType}?notice=saved`, { status: 303 })
  if (result.reason === 'conflict') {
    const current = result.current
    return data(
      {
        errors: {
          _form: current
            ? 'Someone else saved this script while you were editing it. Your changes have not been saved yet.'
            : 'Someone else removed this script while you were editing it. Your changes have not been saved yet: save again to write it afresh.',
        },
        values: kept,
        version: current?.version ?? 0,
        theirs: current ? (Object.fromEntries(SCRIPT_SECTIONS.map((s) => [s, current[s]])) as Record<ScriptSection, string>) : null,
      },
      { status: 409 },
    )
  }
  throw refusalResponse(result.reason === 'gone' ? 'not-found' : result.reason, campaign)
}

const NOTICES: Record<string, string> = { saved: 'Script saved and checked' }

export default function ScriptPage() {
  const { campaign, canEdit, callType, script, values, findings } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = !actionData ? NOTICES[searchParams.get('notice') ?? ''] : undefined
  const base = `/campaigns/${campaign.ref}`
  const title = `${CALL_TYPE_LABELS[callType]} script`
  // Findings describe the saved script: after a refused save the form holds other text, so they are not shown.
  const shownFindings = actionData ? [] : findings
  const shown = actionData?.values ?? values
  const errors: Record<string, string> = actionData?.errors ?? {}
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`${base}/scripts`} text="Back to the scripts" />
        <FormErrorSummary errors={actionData?.errors} order={SCRIPT_FIELD_ORDER} hrefs={{ _form: '#conflict' }} />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <FindingsSummary findings={shownFindings} sectionHref={(section) => `#${section}`} />
        <CampaignHeading campaign={campaign} title={title} />
        {!script ? (
          <InsetText>
            This script is not written yet. It starts from the standard wording for this type of call (DMBM510330), using the
            campaign’s reference, the {REFERENCE_TYPE_LABELS[campaign.referenceType]}.{' '}
            {canEdit ? 'Adapt it, then save it.' : null}
          </InsetText>
        ) : null}
        {actionData?.theirs ? (
          <InsetText id="conflict">
            <h2 className="govuk-heading-s">What the other person saved</h2>
            {SCRIPT_SECTIONS.map((s) => (
              <div key={s}>
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{SCRIPT_SECTION_LABELS[s]}</h3>
                <p className="govuk-body app-preserve-lines">{actionData.theirs![s] || 'Left blank'}</p>
              </div>
            ))}
            <p className="govuk-body">Your version is still in the form below. Check it, then save again to replace theirs.</p>
          </InsetText>
        ) : actionData?.errors && '_form' in actionData.errors ? (
          <div id="conflict" />
        ) : null}
        <p className="govuk-body">Square brackets are notes for the call handler. Placeholders such as ((customer_name)) stand for the customer’s details.</p>
        {canEdit ? (
          <Form method="post" noValidate>
            <input type="hidden" name="version" value={actionData?.version ?? script?.version ?? 0} readOnly />
            {SCRIPT_SECTIONS.map((section) => {
              const problem = Boolean(errors[section]) || sectionHasError(shownFindings, section)
              const hasFindings = shownFindings.some((f) => f.location.field === section)
              return (
                <Textarea
                  key={section}
                  id={section}
                  name={section}
                  rows={section === 'body' ? 8 : 4}
                  label={{ text: SCRIPT_SECTION_LABELS[section], classes: 'govuk-label--s' }}
                  hint={{ text: SECTION_HINTS[section] }}
                  defaultValue={shown[section]}
                  errorMessage={errors[section]}
                  describedBy={hasFindings ? `${section}-findings` : undefined}
                  formGroup={{
                    classes: problem ? 'govuk-form-group--error' : undefined,
                    beforeInput: { text: <SectionFindings section={section} findings={shownFindings} /> },
                  }}
                  classes={problem ? 'govuk-textarea--error' : undefined}
                  attributes={{ maxLength: LIMITS.scriptSection * 2 }}
                />
              )
            })}
            <div className="govuk-button-group">
              <Button text="Save and check the script" preventDoubleClick />
              {script ? (
                <a className="govuk-link" href={`${base}/scripts/${callType}/remove`}>
                  Remove this script
                </a>
              ) : null}
            </div>
          </Form>
        ) : (
          SCRIPT_SECTIONS.map((section) => (
            <div key={section} className="app-script-section">
              <h2 className="govuk-heading-s" id={section}>
                {SCRIPT_SECTION_LABELS[section]}
              </h2>
              <SectionFindings section={section} findings={shownFindings} />
              <p className="govuk-body app-preserve-lines">{shown[section] || 'Nothing in this section.'}</p>
            </div>
          ))
        )}
        {script ? (
          <p className="govuk-body">
            <a className="govuk-link" href={`${base}/history/script/${script.id}`}>
              See the history of changes
            </a>
          </p>
        ) : null}
      </div>
    </div>
  )
}
