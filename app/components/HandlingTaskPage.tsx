import type { ReactNode } from 'react'
import { BackLink, Button, InsetText, NotificationBanner } from './govuk'
import { CampaignHeading } from './CampaignHeader'
import { FormErrorSummary } from './FormErrorSummary'
import { LineCards, type LineCardData } from './LineCards'
import type { CampaignStatus } from '~/campaign/options'
import type { LineAudience } from '~/content/coverage'
import type { FieldErrors } from '~/utils/forms'

/**
 * The page shared by the Debt Management and Press Office tasks: a short introduction, the task's one record (or why
 * it is not needed), then that audience's lines to take and a link to its printable pack.
 */
export function HandlingTaskPage(props: {
  campaign: { ref: string; name: string; status: CampaignStatus }
  title: string
  notice?: string
  errors?: FieldErrors
  /** Where the error summary's whole-form message points: the record, or the list of lines after a refused move. */
  formAnchor: string
  errorHrefs?: Record<string, string>
  /** Shown instead of the record when the campaign does not need this task. */
  notNeeded: ReactNode | null
  record: ReactNode
  lines: { id: string; audience: LineAudience; heading: string; items: LineCardData[]; emptyText: string; addText: string }
  canEdit: boolean
  pack: { href: string; text: string; rest: string } | null
}) {
  const base = `/campaigns/${props.campaign.ref}`
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={base} text="Back to the campaign" />
        <FormErrorSummary errors={props.errors} hrefs={{ _form: props.formAnchor, ...props.errorHrefs }} />
        {props.notice && !props.errors ? <NotificationBanner type="success" text={props.notice} /> : null}
        <CampaignHeading campaign={props.campaign} title={props.title} />
        {props.notNeeded ? (
          <InsetText>
            <p className="govuk-body">{props.notNeeded}</p>
            <p className="govuk-body">
              If that has changed,{' '}
              <a className="govuk-link" href={`${base}/describe`}>
                change the campaign description
              </a>
              .
            </p>
          </InsetText>
        ) : (
          props.record
        )}

        <h2 className="govuk-heading-m" id={props.lines.id} tabIndex={-1}>
          {props.lines.heading}
        </h2>
        <LineCards campaignRef={props.campaign.ref} lines={props.lines.items} canEdit={props.canEdit} emptyText={props.lines.emptyText} />
        {props.canEdit && !props.notNeeded ? <Button text={props.lines.addText} href={`${base}/lines/new?audience=${props.lines.audience}`} variant="secondary" /> : null}
        {props.pack && !props.notNeeded ? (
          <p className="govuk-body">
            <a className="govuk-link" href={props.pack.href}>
              {props.pack.text}
            </a>{' '}
            {props.pack.rest}
          </p>
        ) : null}
      </div>
    </div>
  )
}
