import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { FindingsSummary, SectionFindings, sectionHasError } from '~/components/ScriptFindings'
import { BackLink, Button, NotificationBanner, Textarea } from '~/components/govuk'
import { EnglishChanges, TranslationSummary } from '~/components/welsh/TranslationState'
import { CALL_TYPE_LABELS, LIMITS, SCRIPT_SECTION_LABELS, SCRIPT_SECTIONS, standardWelshScript, type CallType, type ScriptSection } from '~/content'
import { canEditCampaign } from '~/models/campaign.server'
import { isCallType } from '~/models/script.server'
import { findEnglish, welshEditView } from '~/models/welsh.server'
import { parseScriptForm, SCRIPT_FIELD_ORDER } from '~/schemas/script'
import { parseVersions } from '~/schemas/welsh'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { echoed, formValues, type FieldErrors } from '~/utils/forms'
import { saveWelshFromForm } from '~/http/welsh-save.server'

export const handle = {
  title: (data: { callType?: CallType } | undefined) => (data?.callType ? `Welsh ${CALL_TYPE_LABELS[data.callType].toLowerCase()} script` : 'Welsh script'),
}

async function englishScript(campaignId: string, callType: string | undefined) {
  if (!isCallType(callType)) throw notFound('There is no such type of call')
  const english = await findEnglish(db, campaignId, 'script', callType)
  if (!english) throw notFound('This campaign has no script for that type of call yet: write the English script first')
  return english
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const english = await englishScript(campaign.id, params.callType)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    canEdit: canEditCampaign(user, campaign),
    today: todayIso(),
    callType: english.callType!,
    // A Welsh script not yet written starts from the standard Welsh wording for its call type, as the English does.
    standard: standardWelshScript(english.callType!, campaign.referenceType),
    page: await welshEditView(db, campaign, english),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const english = await englishScript(campaign.id, params.callType)
  const values = formValues(await readFormData(request))
  const kept = Object.fromEntries(SCRIPT_SECTIONS.map((s) => [s, values[s] ?? ''])) as Record<ScriptSection, string>
  const parsed = parseScriptForm(values)
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, values: echoed(kept) }, { status: 400 })
  return saveWelshFromForm(values, { ...parsed.data }, { kind: 'script', entityId: english.id, page: `/campaigns/${campaign.ref}/welsh/scripts/${english.callType}`, kept, thing: 'this script', gone: 'That script has been removed, and its Welsh version with it' }, campaign, user)
}

const NOTICES: Record<string, string> = { saved: 'The Welsh script has been saved and checked' }

export default function WelshScriptPage() {
  const { campaign, canEdit, page, callType, today, standard } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const saved = page.translation?.welsh
  const shown: Record<string, string> = actionData?.values ?? (saved ? Object.fromEntries(SCRIPT_SECTIONS.map((s) => [s, (saved[s] as string | undefined) ?? ''])) : standard)
  const errors: FieldErrors = (actionData?.errors as FieldErrors | undefined) ?? {}
  // Findings describe the saved Welsh: after a refused save the form holds other text, so they are not shown.
  const findings = actionData || !page.translation ? [] : page.findings
  const base = `/campaigns/${campaign.ref}`
  const title = `Welsh ${CALL_TYPE_LABELS[callType].toLowerCase()} script`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`${base}/welsh#scripts`} text="Back to the Welsh versions" />
        <FormErrorSummary errors={actionData?.errors as FieldErrors | undefined} order={SCRIPT_FIELD_ORDER} hrefs={{ _form: '#welsh-form' }} />
        {notice && !actionData ? <NotificationBanner type="success" text={notice} /> : null}
        <FindingsSummary findings={findings} sectionHref={(section) => `#${section}`} />
        <CampaignHeading campaign={campaign} title={title} />
        <p className="govuk-body govuk-hint">
          For the Welsh-language helpline ·{' '}
          <Link className="govuk-link" to={`${base}/scripts/${callType}`}>
            the English script
          </Link>{' '}
          (version {page.english.version})
        </p>
        <TranslationSummary state={page.state} englishVersion={page.english.version} translation={page.translation} request={page.request} today={today} />
        {page.changesSince ? <EnglishChanges diffs={page.changesSince} translatesVersion={page.translation!.translatesVersion} englishVersion={page.english.version} /> : null}
        <p className="govuk-body">
          The Welsh script is checked like the English: it opens with “Bore da/Prynhawn da/Noswaith dda, Cyllid a Thollau EF”, verifies before it
          discloses anything, gives the recording notice in Welsh where one is needed, and closes with a summary and “Diolch”.
        </p>
        {!saved && canEdit ? (
          <p className="govuk-body" id="standard-welsh">
            There is no Welsh version yet: the form starts from the standard Welsh wording for this type of call. Translate the English script’s own
            wording into it, then save it.
          </p>
        ) : null}
        <div id="welsh-form" tabIndex={-1}>
          {canEdit ? (
            <Form method="post" noValidate>
              <input type="hidden" name="version" value={page.translation?.version ?? 0} readOnly />
              <input type="hidden" name="englishVersion" value={page.english.version} readOnly />
              {SCRIPT_SECTIONS.map((section) => {
                const english = page.english.source[section] ?? ''
                const problem = Boolean(errors[section]) || sectionHasError(findings, section)
                return (
                  <div key={section} className="app-welsh-section">
                    <h2 className="govuk-heading-s govuk-!-margin-bottom-1">{SCRIPT_SECTION_LABELS[section]}</h2>
                    <p className="govuk-body govuk-!-margin-bottom-2">
                      <span className="govuk-!-font-weight-bold">English: </span>
                      <span className="app-preserve-lines">{english || '(empty)'}</span>
                    </p>
                    <Textarea
                      id={section}
                      name={section}
                      rows={section === 'body' ? 8 : 4}
                      label={{ text: `${SCRIPT_SECTION_LABELS[section]} in Welsh` }}
                      defaultValue={shown[section]}
                      errorMessage={errors[section]}
                      describedBy={findings.some((f) => f.location.field === section) ? `${section}-findings` : undefined}
                      formGroup={{ classes: problem ? 'govuk-form-group--error' : undefined, beforeInput: { text: <SectionFindings section={section} findings={findings} /> } }}
                      classes={problem ? 'govuk-textarea--error' : undefined}
                      attributes={{ lang: 'cy', maxLength: LIMITS.scriptSection * 2 }}
                    />
                  </div>
                )
              })}
              <p className="govuk-body">Saving records that this Welsh translates English version {page.english.version}.</p>
              <Button text="Save and check the Welsh script" preventDoubleClick />
            </Form>
          ) : saved ? (
            SCRIPT_SECTIONS.map((section) => (
              <div key={section} className="app-script-section">
                <h2 className="govuk-heading-s" id={section}>
                  {SCRIPT_SECTION_LABELS[section]}
                </h2>
                <SectionFindings section={section} findings={findings} />
                <p className="govuk-body app-preserve-lines" lang="cy">
                  {(saved[section] as string) || 'Nothing in this section.'}
                </p>
              </div>
            ))
          ) : (
            <p className="govuk-body">There is no Welsh version yet.</p>
          )}
        </div>
        <div className="govuk-button-group govuk-!-margin-top-6">
          {page.translation ? (
            <Link className="govuk-link" to={`${base}/history/welsh-script/${page.english.id}`}>
              See the history of the Welsh version
            </Link>
          ) : null}
          {canEdit && page.translation ? (
            <Link className="govuk-link" to={`${base}/welsh/scripts/${callType}/remove`}>
              Remove the Welsh version
            </Link>
          ) : null}
        </div>
      </div>
    </div>
  )
}
