import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, NotificationBanner, SummaryList, Textarea } from '~/components/govuk'
import { FindingsSummary, numberFindings, PartFindings } from '~/components/messages/Findings'
import { EnglishChanges, TranslationSummary } from '~/components/welsh/TranslationState'
import { LINE_AUDIENCE_LABELS, STANDARD_QUESTION_LABELS, type LineAudience, type StandardQuestion } from '~/content/coverage'
import { canEditCampaign } from '~/models/campaign.server'
import { findEnglish, welshEditView } from '~/models/welsh.server'
import { parseWelshLineForm } from '~/schemas/welsh'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { echoed, formValues, type FieldErrors } from '~/utils/forms'
import { saveWelshFromForm } from '~/http/welsh-save.server'

export const handle = { title: 'Welsh version of a line to take' }

const NOT_FOUND = 'There is no helpline or Debt Management line to take with that address in this campaign'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const english = await findEnglish(db, campaign.id, 'line', params.lineId ?? '')
  if (!english) throw notFound(NOT_FOUND)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    canEdit: canEditCampaign(user, campaign),
    today: todayIso(),
    audience: english.audience!,
    page: await welshEditView(db, campaign, english),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const english = await findEnglish(db, campaign.id, 'line', params.lineId ?? '')
  if (!english) throw notFound(NOT_FOUND)
  const values = formValues(await readFormData(request))
  const kept = { question: values.question ?? '', answer: values.answer ?? '' }
  const parsed = parseWelshLineForm(values)
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, values: echoed(kept) }, { status: 400 })
  return saveWelshFromForm(values, { ...parsed.data }, { kind: 'line', entityId: english.id, page: `/campaigns/${campaign.ref}/welsh/lines/${english.id}`, kept, thing: 'this line', gone: 'That line to take has been removed, and its Welsh version with it' }, campaign, user)
}

const NOTICES: Record<string, string> = { saved: 'The Welsh version has been saved' }

export default function WelshLinePage() {
  const { campaign, canEdit, page, audience, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const saved = page.translation?.welsh
  const values = actionData?.values ?? { question: saved?.question ?? '', answer: saved?.answer ?? '' }
  const errors = actionData?.errors as FieldErrors | undefined
  const findings = numberFindings(page.findings)
  const about = (field: string) => findings.filter((f) => f.location.field === field)
  const base = `/campaigns/${campaign.ref}`
  const question = page.english.source.question ?? ''
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={`${base}/welsh#lines`} text="Back to the Welsh versions" />
        <FormErrorSummary errors={errors} order={['question', 'answer']} hrefs={{ _form: '#welsh-form' }} />
        {notice && !actionData ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title="Welsh version of a line to take" />
        <p className="govuk-body govuk-hint">
          {LINE_AUDIENCE_LABELS[audience as LineAudience]} line
          {page.english.standardQuestion ? `, answering “${STANDARD_QUESTION_LABELS[page.english.standardQuestion as StandardQuestion]}”` : ''} · English version {page.english.version}
        </p>
        <TranslationSummary state={page.state} englishVersion={page.english.version} translation={page.translation} request={page.request} today={today} />
        {page.changesSince ? <EnglishChanges diffs={page.changesSince} translatesVersion={page.translation!.translatesVersion} englishVersion={page.english.version} /> : null}
        {page.translation && findings.length ? <FindingsSummary findings={findings} noun="Welsh version" /> : null}
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <h2 className="govuk-heading-m">English</h2>
            <SummaryList
              rows={[
                { key: { text: 'Question' }, value: { text: <span className="app-preserve-lines">{question}</span> } },
                { key: { text: 'Answer' }, value: { text: <span className="app-preserve-lines">{page.english.source.answer ?? ''}</span> } },
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-half" id="welsh-form" tabIndex={-1}>
            <h2 className="govuk-heading-m">Welsh</h2>
            {canEdit ? (
              <Form method="post" noValidate>
                <input type="hidden" name="version" value={page.translation?.version ?? 0} readOnly />
                <input type="hidden" name="englishVersion" value={page.english.version} readOnly />
                <Textarea id="question" name="question" rows={2} label={{ text: 'Welsh question', classes: 'govuk-label--s' }} defaultValue={values.question ?? ''} errorMessage={errors?.question} attributes={{ lang: 'cy' }} />
                <PartFindings findings={about('question')} />
                <Textarea id="answer" name="answer" rows={8} label={{ text: 'Welsh answer', classes: 'govuk-label--s' }} defaultValue={values.answer ?? ''} errorMessage={errors?.answer} attributes={{ lang: 'cy' }} />
                <PartFindings findings={about('answer')} />
                <p className="govuk-body">Saving records that this Welsh translates English version {page.english.version}.</p>
                <Button text="Save the Welsh version" preventDoubleClick />
              </Form>
            ) : saved ? (
              <SummaryList
                rows={[
                  { key: { text: 'Question' }, value: { text: <span className="app-preserve-lines" lang="cy">{saved.question}</span> } },
                  { key: { text: 'Answer' }, value: { text: <span className="app-preserve-lines" lang="cy">{saved.answer}</span> } },
                ]}
              />
            ) : (
              <p className="govuk-body">There is no Welsh version yet.</p>
            )}
          </div>
        </div>
        <div className="govuk-button-group govuk-!-margin-top-6">
          {page.translation ? (
            <Link className="govuk-link" to={`${base}/history/welsh-line/${page.english.id}`}>
              See the history of the Welsh version
            </Link>
          ) : null}
          {canEdit && page.translation ? (
            <Link className="govuk-link" to={`${base}/welsh/lines/${page.english.id}/remove`}>
              Remove the Welsh version
            </Link>
          ) : null}
        </div>
      </div>
    </div>
  )
}
