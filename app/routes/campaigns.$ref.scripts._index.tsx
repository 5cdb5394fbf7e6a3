import type { LoaderFunctionArgs } from '@remix-run/node'
import { scriptFindings } from '~/content/stored-content'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, NotificationBanner, Table, Tag } from '~/components/govuk'
import { scriptsRequired } from '~/campaign/handling-tasks'
import { RESPONSE_SOUGHT_LABELS } from '~/campaign/options'
import { CALL_TYPE_LABELS, CALL_TYPES } from '~/content'
import { canEditCampaign } from '~/models/campaign.server'
import { listScripts } from '~/models/script.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { db } from '~/utils/db.server'

export const handle = { title: 'Write scripts' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  const scripts = await listScripts(db, campaign.id)
  const rows = CALL_TYPES.map((callType) => {
    const script = scripts.find((s) => s.callType === callType)
    const findings = script ? scriptFindings(script, campaign) : []
    return {
      callType,
      written: Boolean(script),
      errors: findings.filter((f) => f.level === 'error').length,
      warnings: findings.filter((f) => f.level === 'warning').length,
    }
  })
  return {
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status, responseSought: campaign.responseSought },
    canEdit: canEditCampaign(user, campaign),
    rows,
  }
}

const NOTICES: Record<string, string> = { removed: 'Script removed' }

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export default function ScriptsTask() {
  const { campaign, canEdit, rows } = useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const notice = NOTICES[searchParams.get('notice') ?? '']
  const base = `/campaigns/${campaign.ref}`
  const required = scriptsRequired(campaign.responseSought)
  const errors = rows.reduce((sum, row) => sum + row.errors, 0)
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={base} text="Back to the campaign" />
        {notice ? <NotificationBanner type="success" text={notice} /> : null}
        <CampaignHeading campaign={campaign} title="Write scripts" />
        <p className="govuk-body">
          {RESPONSE_SOUGHT_LABELS[campaign.responseSought]}.{' '}
          {required
            ? 'Call handlers need a script: write at least the inbound call script.'
            : 'Scripts are optional, but help call handlers give the same answer every time.'}
        </p>
        <p className="govuk-body">
          Each script has one version per call type. A new script starts from the standard wording for opening and closing
          calls (DMBM510330), which you then adapt. Every save is checked against that guidance.
        </p>
        {errors ? (
          <p className="govuk-body">
            <Tag text="There is a problem" colour="red" /> {plural(errors, 'error')} to fix before you ask for sign-off.
          </p>
        ) : null}
        <Table
          caption="Scripts by call type"
          captionClasses="govuk-table__caption--m"
          firstCellIsHeader
          head={[{ text: 'Call type' }, { text: 'Status' }, { text: <span className="govuk-visually-hidden">Action</span> }]}
          rows={rows.map((row) => [
            { text: CALL_TYPE_LABELS[row.callType] },
            {
              text: !row.written ? (
                'Not written'
              ) : row.errors ? (
                <Tag text={plural(row.errors, 'error')} colour="red" />
              ) : row.warnings ? (
                <Tag text={plural(row.warnings, 'warning')} colour="yellow" />
              ) : (
                'Checked: no problems'
              ),
            },
            {
              text: (
                <a className="govuk-link" href={`${base}/scripts/${row.callType}`}>
                  {row.written ? (canEdit ? 'Change' : 'View') : canEdit ? 'Write' : 'View the standard wording'}
                  <span className="govuk-visually-hidden"> {CALL_TYPE_LABELS[row.callType].toLowerCase()} script</span>
                </a>
              ),
            },
          ])}
        />
        <p className="govuk-body">
          <a className="govuk-link" href={`${base}/pack/helpline`}>
            Open the helpline handler pack
          </a>{' '}
          to print the scripts with the lines to take.
        </p>
      </div>
    </div>
  )
}
