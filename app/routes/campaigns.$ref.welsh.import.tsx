import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { decodeUtf8 } from '~/actuals/upload'
import { CampaignHeading } from '~/components/CampaignHeader'
import { ActionErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, FileUpload } from '~/components/govuk'
import { importTranslations } from '~/models/translation.server'
import { checkTranslationUpload } from '~/models/welsh.server'
import { requireEditableCampaign } from '~/http/campaign-access.server'
import { refusalResponse } from '~/http/refusals.server'
import { readUpload } from '~/http/upload.server'
import { db } from '~/utils/db.server'
import { MAX_TRANSLATION_FILE_BYTES, TRANSLATION_FILE_COLUMNS } from '~/welsh/transfer'

export const handle = { title: 'Upload the Welsh translation' }

const TOO_LARGE = 'The selected file must be smaller than 1 MB. A campaign’s whole translation file is usually under 100 KB.'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireEditableCampaign(request, params.ref)
  return { campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status } }
}

interface UploadErrors {
  /** Every problem, each naming its row, the record and the part (an array, as other uploads'; root.tsx reads it). */
  errors: string[]
  more: number
}

const refused = (errors: string[], more = 0, status = 400) => data<UploadErrors>({ errors, more }, { status })

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireEditableCampaign(request, params.ref)
  const upload = await readUpload(request, MAX_TRANSLATION_FILE_BYTES)
  if (!upload.ok) return refused([upload.reason === 'too-large' ? TOO_LARGE : 'Select the translation file, then select Upload'])
  const file = upload.form.get('file')
  if (!file || typeof file === 'string' || file.size === 0) return refused(['Select the translation file'])
  if (file.size > MAX_TRANSLATION_FILE_BYTES) return refused([TOO_LARGE])
  const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()))
  if (!decoded.ok) return refused([`The file must be saved as UTF-8 text (in Excel, save as “CSV UTF-8”), or the Welsh letters are lost. Line ${decoded.line} is not UTF-8.`])
  const checked = await checkTranslationUpload(db, campaign, decoded.text)
  if (!checked.ok) return refused(checked.problems, checked.more)
  const result = await importTranslations(
    db,
    { campaignId: campaign.id, fileName: file.name.slice(0, 200), translations: checked.translations.map((t) => ({ ...t, welsh: { ...t.welsh } })) },
    user,
  )
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/welsh?notice=imported&count=${result.saved}`, { status: 303 })
  if (result.reason === 'english-changed') {
    return refused(
      result.labels.map((label) => `The English of ${label} changed while the file was being read. Nothing has been saved: upload the file again.`),
      0,
      409,
    )
  }
  throw refusalResponse(result.reason, campaign)
}

export default function ImportTranslation() {
  const { campaign } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const problems = actionData?.errors ?? []
  const base = `/campaigns/${campaign.ref}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`${base}/welsh`} text="Back to the Welsh versions" />
        {problems.length ? (
          <ActionErrorSummary
            errors={[
              ...problems.map((text) => ({ text, href: '#file' })),
              ...(actionData?.more ? [{ text: `and ${actionData.more.toLocaleString('en-GB')} more problems: fix these, then upload the file again`, href: '#file' }] : []),
            ]}
            descriptionText="Nothing from the file has been saved."
          />
        ) : null}
        <CampaignHeading campaign={campaign} title="Upload the Welsh translation" />
        <p className="govuk-body">
          Upload the translation file downloaded from the Welsh page, with the Welsh filled in. Its first line holds the column names:
        </p>
        <pre className="app-code-block" tabIndex={0} role="region" aria-label="The column names of the translation file">
          <code>{TRANSLATION_FILE_COLUMNS.join(',')}</code>
        </pre>
        <ul className="govuk-list govuk-list--bullet">
          <li>welsh: the Welsh for that part, with every ((placeholder)) and ((optional??content)) exactly as in the English</li>
          <li>item, part and english_version: leave them as they are. They say which English text each row translates.</li>
          <li>An item whose Welsh cells are all blank is left as it is, so a file can come back in parts.</li>
        </ul>
        <p className="govuk-body">
          If any row has a problem, nothing from the file is saved, and every problem is listed with its row. A Welsh version translated from an English
          text that has changed since the file was downloaded is saved, and shown as out of date.
        </p>
        <Form method="post" encType="multipart/form-data" noValidate>
          <FileUpload
            id="file"
            name="file"
            label={{ text: 'Translation file', classes: 'govuk-label--s' }}
            hint={{ text: 'Saved as CSV UTF-8, smaller than 1 MB' }}
            errorMessage={problems.length ? (problems.length === 1 && !actionData?.more ? problems[0] : `The file has ${problems.length + (actionData?.more ?? 0)} problems: see the list above`) : undefined}
            attributes={{ accept: '.csv,text/csv' }}
          />
          <Button text="Upload" preventDoubleClick />
        </Form>
      </div>
    </div>
  )
}
