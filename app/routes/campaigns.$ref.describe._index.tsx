import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { BackLink, Button, SummaryList, type SummaryListRow } from '~/components/govuk'
import {
  formatDate,
  formatNumber,
  formatPence,
  NATION_LABELS,
  REFERENCE_TYPE_LABELS,
  REGIME_LABELS,
  RESPONSE_SOUGHT_LABELS,
} from '~/campaign/options'
import { canEditCampaign } from '~/models/campaign.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { formatShare, welshSharePercent } from '~/welsh/translation'

export const handle = { title: 'Check the campaign description' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  return { campaign, canEdit: canEditCampaign(user, campaign) }
}

export default function DescribeCampaign() {
  const { campaign, canEdit } = useLoaderData<typeof loader>()
  const edit = `/campaigns/${campaign.ref}/describe/edit`
  const row = (key: string, value: string, field?: string, hidden?: string): SummaryListRow => ({
    key: { text: key },
    value: { text: <span className="app-preserve-lines">{value}</span> },
    actions: canEdit && field ? { items: [{ href: `${edit}#${field}`, text: 'Change', visuallyHiddenText: hidden }] } : undefined,
  })
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/campaigns/${campaign.ref}`} text="Back to the campaign" />
        <CampaignHeading campaign={campaign} title="Check the campaign description" />
        <SummaryList
          rows={[
            row('Campaign name', campaign.name, 'name', 'campaign name'),
            row('Tax regime', REGIME_LABELS[campaign.regime], 'regime', 'tax regime'),
            row('Objective', campaign.objective, 'objective', 'objective'),
            row('Target population', campaign.targetPopulation, 'targetPopulation', 'target population'),
            row('Population size', formatNumber(campaign.populationSize), 'populationSize', 'population size'),
            row(
              'Customers who asked for Welsh',
              campaign.welshCustomers > 0 ? `${formatNumber(campaign.welshCustomers)} (${formatShare(welshSharePercent(campaign))})` : 'None',
              'welshCustomers',
              'the number of customers who asked for Welsh',
            ),
            row('Planned launch date', formatDate(campaign.plannedLaunchDate), 'launchDate-day', 'planned launch date'),
            row('Bank holidays', NATION_LABELS[campaign.nation], 'nation', 'bank holidays'),
            row('Customer reference', REFERENCE_TYPE_LABELS[campaign.referenceType], 'referenceType', 'customer reference'),
            row('Response sought', RESPONSE_SOUGHT_LABELS[campaign.responseSought], 'responseSought', 'whether a response is sought'),
            row('Response-handling process', campaign.responseProcess, 'responseProcess', 'response-handling process'),
            row(
              'Extra liability',
              campaign.extraLiability
                ? `Yes: about ${formatNumber(campaign.liabilityCustomers ?? 0)} customers, ${formatPence(campaign.liabilityAveragePence ?? 0)} on average`
                : 'No',
              'extraLiability',
              'extra liability',
            ),
            row(
              'Press Office informed',
              campaign.pressInform ? 'Yes' : `No: ${campaign.pressReason ?? ''}`,
              'pressInform',
              'whether the Press Office must be informed',
            ),
            row('Owner', campaign.owner.name),
            row('Co-owners', campaign.coOwners.map((c) => c.name).join(', ') || 'None', 'coOwners', 'co-owners'),
          ]}
        />
        {canEdit ? <Button text="Change the description" href={edit} variant="secondary" /> : null}
        <p className="govuk-body">
          <a className="govuk-link" href={`/campaigns/${campaign.ref}/history/campaign/${campaign.id}`}>
            See the history of changes
          </a>
        </p>
      </div>
    </div>
  )
}
