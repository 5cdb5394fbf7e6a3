import { Tag, type TagColour } from './govuk'
import { STATUS_LABELS, STATUS_TAG_COLOURS, type CampaignStatus } from '~/campaign/options'

/** The caption and heading every campaign page starts with, so users always know which campaign they are in. */
export function CampaignHeading({ campaign, title }: { campaign: { ref: string; name: string; status: CampaignStatus }; title?: string }) {
  return (
    <>
      <span className="govuk-caption-l">
        <span className="app-ref">{campaign.ref}</span>
        {title ? ` · ${campaign.name}` : null}
      </span>
      <h1 className="govuk-heading-l">
        {title ?? campaign.name}{' '}
        {title ? null : <Tag text={STATUS_LABELS[campaign.status]} colour={STATUS_TAG_COLOURS[campaign.status] as TagColour} classes="app-heading-tag" />}
      </h1>
    </>
  )
}
