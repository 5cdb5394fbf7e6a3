import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, Input, NotificationBanner, Radios, SummaryList, Textarea } from '~/components/govuk'
import { FindingsSummary, numberFindings, PartFindings } from '~/components/messages/Findings'
import { EmailPreview, LetterPreview, OnlinePreview, SmsPreview, type PreviewableMessage } from '~/components/messages/MessagePreview'
import { SmsCounter } from '~/components/messages/SmsCounter'
import { EnglishChanges, TranslationSummary } from '~/components/welsh/TranslationState'
import { CHANNEL_LABELS, type Channel } from '~/content/rules'
import { canEditCampaign } from '~/models/campaign.server'
import { listCampaignFieldNames } from '~/models/campaign-field.server'
import { getMessage } from '~/models/message.server'
import { findEnglish, welshEditView } from '~/models/welsh.server'
import { parseWelshMessageForm, WELSH_MESSAGE_FIELD_ORDER } from '~/schemas/welsh'
import { requireEditableCampaign, requireReadableCampaign } from '~/http/campaign-access.server'
import { readFormData } from '~/http/forms.server'
import { notFound } from '~/http/responses.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { echoed, formValues, type FieldErrors } from '~/utils/forms'
import { WELSH_LAYOUT_LABELS, WELSH_LAYOUTS, type WelshLayout } from '~/welsh/translation'
import { saveWelshFromForm } from '~/http/welsh-save.server'

export const handle = { title: (data: { title?: string } | undefined) => data?.title ?? 'Welsh version' }

async function load(campaign: Parameters<typeof welshEditView>[1], id: string) {
  const english = await findEnglish(db, campaign.id, 'message', id)
  const message = english ? await getMessage(db, campaign.id, english.id) : undefined
  if (!english || !message) throw notFound('There is no message with that address in this campaign')
  const [page, extraFields] = await Promise.all([welshEditView(db, campaign, english), listCampaignFieldNames(db, campaign.id)])
  return {
    title: `Welsh version: ${message.name}`,
    message: {
      id: message.id,
      name: message.name,
      channel: message.channel,
      referenceType: message.referenceType,
      subject: message.subject,
      body: message.body,
      addressBlock: message.addressBlock,
      postage: message.postage,
      deadlineDays: message.deadlineDays,
      version: message.version,
    },
    extraFields,
    page,
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    canEdit: canEditCampaign(user, campaign),
    today: todayIso(),
    ...(await load(campaign, params.id ?? '')),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const english = await findEnglish(db, campaign.id, 'message', params.id ?? '')
  if (!english) throw notFound('There is no message with that address in this campaign')
  const values = formValues(await readFormData(request))
  const kept = { layout: values.layout ?? '', subject: values.subject ?? '', body: values.body ?? '' }
  const parsed = parseWelshMessageForm(values, english.channel!)
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, values: echoed(kept) }, { status: 400 })
  return saveWelshFromForm(values, { ...parsed.data }, { kind: 'message', entityId: english.id, page: `/campaigns/${campaign.ref}/welsh/messages/${english.id}`, kept, thing: 'this message', gone: 'That message has been deleted, and its Welsh version with it' }, campaign, user)
}

const NOTICES: Record<string, string> = { saved: 'The Welsh version has been saved', removed: 'The Welsh version has been removed' }

function WelshPreview({ message, welsh, extraFields }: { message: PreviewableMessage; welsh: PreviewableMessage & { layout: WelshLayout | null }; extraFields: string[] }) {
  switch (message.channel) {
    case 'letter':
      return (
        <>
          <LetterPreview message={welsh} extraFields={extraFields} lang="cy" />
          {welsh.layout === 'bilingual' ? <LetterPreview message={message} extraFields={extraFields} continued /> : null}
        </>
      )
    case 'email':
      return <EmailPreview message={welsh} extraFields={extraFields} lang="cy" />
    case 'sms':
      return <SmsPreview message={welsh} extraFields={extraFields} language="cy" />
    default:
      return <OnlinePreview message={welsh} extraFields={extraFields} lang="cy" />
  }
}

export default function WelshMessagePage() {
  const { campaign, canEdit, message, extraFields, page, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const channel = message.channel as Channel
  const saved = page.translation?.welsh
  const values = actionData?.values ?? { layout: (saved?.layout as string | null) ?? 'bilingual', subject: saved?.subject ?? '', body: saved?.body ?? '' }
  const errors = actionData?.errors as FieldErrors | undefined
  const findings = numberFindings(page.findings)
  const about = (field: string) => findings.filter((f) => f.location.field === field)
  const welshForPreview = saved ? { ...message, subject: (saved.subject as string | null) ?? null, body: (saved.body as string) ?? '', layout: (saved.layout as WelshLayout | null) ?? null } : null
  const base = `/campaigns/${campaign.ref}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={`${base}/welsh#messages`} text="Back to the Welsh versions" />
        <FormErrorSummary errors={errors} order={WELSH_MESSAGE_FIELD_ORDER} hrefs={{ layout: '#layout', _form: '#welsh-form' }} />
        {notice && !actionData ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title={`Welsh version: ${message.name}`} />
        <p className="govuk-body govuk-hint">
          {CHANNEL_LABELS[channel]} ·{' '}
          <Link className="govuk-link" to={`${base}/messages/${message.id}`}>
            the English message
          </Link>{' '}
          (version {message.version})
        </p>
        <TranslationSummary state={page.state} englishVersion={page.english.version} translation={page.translation} request={page.request} today={today} />
        {page.changesSince ? <EnglishChanges diffs={page.changesSince} translatesVersion={page.translation!.translatesVersion} englishVersion={page.english.version} /> : null}
        {page.translation ? <FindingsSummary findings={findings} noun="Welsh version" /> : null}

        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <h2 className="govuk-heading-m">English</h2>
            <SummaryList
              rows={[
                channel === 'email' && { key: { text: 'Subject' }, value: { text: message.subject ?? '' } },
                { key: { text: 'Body' }, value: { text: <span className="app-preserve-lines">{message.body}</span> } },
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-half" id="welsh-form" tabIndex={-1}>
            <h2 className="govuk-heading-m">Welsh</h2>
            {canEdit ? (
              <Form method="post" noValidate>
                <input type="hidden" name="version" value={page.translation?.version ?? 0} readOnly />
                <input type="hidden" name="englishVersion" value={page.english.version} readOnly />
                {channel === 'letter' ? (
                  <Radios
                    name="layout"
                    idPrefix="layout"
                    fieldset={{ legend: { text: 'How is the letter sent?', classes: 'govuk-fieldset__legend--s' } }}
                    hint={{ text: 'A bilingual letter has the Welsh first, then the English on a new page, as GOV.UK Notify lays them out.' }}
                    defaultValue={values.layout}
                    errorMessage={errors?.layout}
                    items={WELSH_LAYOUTS.map((layout) => ({ value: layout, text: WELSH_LAYOUT_LABELS[layout] }))}
                  />
                ) : null}
                {channel === 'email' ? (
                  <Input id="subject" name="subject" label={{ text: 'Welsh subject', classes: 'govuk-label--s' }} defaultValue={values.subject ?? ''} errorMessage={errors?.subject} attributes={{ lang: 'cy' }} />
                ) : null}
                <PartFindings findings={about('subject')} />
                <Textarea
                  id="body"
                  name="body"
                  rows={channel === 'sms' ? 5 : 14}
                  label={{ text: 'Welsh body', classes: 'govuk-label--s' }}
                  hint={{ text: 'Keep every ((placeholder)) and ((optional??content)) exactly as it is in the English.' }}
                  defaultValue={values.body ?? ''}
                  errorMessage={errors?.body}
                  attributes={{ lang: 'cy', spellCheck: false }}
                />
                {channel === 'sms' ? <SmsCounter textareaId="body" initialText={values.body ?? ''} language="cy" /> : null}
                <PartFindings findings={about('body')} />
                <p className="govuk-body">Saving records that this Welsh translates English version {page.english.version}.</p>
                <Button text="Save the Welsh version" preventDoubleClick />
              </Form>
            ) : saved ? (
              <SummaryList
                rows={[
                  saved.layout ? { key: { text: 'Layout' }, value: { text: WELSH_LAYOUT_LABELS[saved.layout as WelshLayout] ?? saved.layout } } : false,
                  channel === 'email' && { key: { text: 'Subject' }, value: { text: <span lang="cy">{saved.subject}</span> } },
                  { key: { text: 'Body' }, value: { text: <span className="app-preserve-lines" lang="cy">{saved.body}</span> } },
                ]}
              />
            ) : (
              <p className="govuk-body">There is no Welsh version yet.</p>
            )}
          </div>
        </div>

        {welshForPreview ? (
          <>
            <h2 className="govuk-heading-m">Preview of the Welsh version with sample data</h2>
            <p className="govuk-body">
              {channel === 'letter'
                ? welshForPreview.layout === 'bilingual'
                  ? 'A bilingual letter: the Welsh first, with the address in the envelope window, then the English on a new page.'
                  : 'A Welsh-only letter, with the address in the envelope window as for English.'
                : 'As the customer will see it.'}
            </p>
            <WelshPreview message={message} welsh={welshForPreview} extraFields={extraFields} />
          </>
        ) : null}

        <div className="govuk-button-group govuk-!-margin-top-6">
          {page.translation ? (
            <Link className="govuk-link" to={`${base}/history/welsh-message/${message.id}`}>
              See the history of the Welsh version
            </Link>
          ) : null}
          {canEdit && page.translation ? (
            <Link className="govuk-link" to={`${base}/welsh/messages/${message.id}/remove`}>
              Remove the Welsh version
            </Link>
          ) : null}
        </div>
      </div>
    </div>
  )
}
