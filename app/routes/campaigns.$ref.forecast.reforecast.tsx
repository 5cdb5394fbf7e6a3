import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CampaignHeading } from '~/components/CampaignHeader'
import { FormErrorSummary } from '~/components/FormErrorSummary'
import { BackLink, Button, InsetText, SummaryList } from '~/components/govuk'
import { formatDate, formatDateTime, formatNumber, formatPercent } from '~/campaign/format'
import { MIN_WORKING_DAYS_FOR_REFORECAST } from '~/forecast/reforecast'
import { canReforecast, latestReforecast, proposeReforecast, saveReforecast } from '~/models/reforecast.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { BUTTON_LIMITS, readFormData } from '~/http/forms.server'
import { forbidden, notFound } from '~/http/responses.server'
import { db } from '~/utils/db.server'
import { formValues, type FieldErrors } from '~/utils/forms'

export const handle = { title: 'Re-forecast from the calls so far' }

const REFUSED = 'Only the campaign’s owner and co-owners, and helpline managers, can re-forecast a launched campaign'

const WHY_NOT = {
  'too-few-days': `A re-forecast needs actual calls for at least ${MIN_WORKING_DAYS_FOR_REFORECAST} working days. Record the calls so far first.`,
  'nothing-expected': 'The forecast expected no calls on the days recorded so far, so the calls so far cannot be set against it.',
  'no-forecast': 'The campaign has no saved forecast to re-forecast.',
} as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  if (!canReforecast(user, campaign)) throw forbidden(REFUSED)
  const [proposal, current] = await Promise.all([proposeReforecast(db, campaign), latestReforecast(db, campaign.id)])
  return { campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status }, proposal, current }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, campaign } = await requireReadableCampaign(request, params.ref)
  if (!canReforecast(user, campaign)) throw forbidden(REFUSED)
  const values = formValues(await readFormData(request, BUTTON_LIMITS))
  const seen = Number(values.seen)
  if (values.seen === undefined || values.seen === '' || !Number.isSafeInteger(seen) || seen < 0) {
    return data<{ errors: FieldErrors }>({ errors: { _form: 'The page was out of date, so no re-forecast was made. Check the figures below and try again.' } }, { status: 400 })
  }
  const result = await saveReforecast(db, { campaignId: campaign.id, seenVersion: seen }, user)
  if (result.ok) return redirect(`/campaigns/${campaign.ref}/forecast?notice=reforecast#reforecast`, { status: 303 })
  if (result.reason === 'conflict') {
    const who = result.current?.madeBy ? ` by ${result.current.madeBy}` : ''
    const when = result.current ? ` at ${formatDateTime(result.current.madeAt)}` : ''
    return data<{ errors: FieldErrors }>({ errors: { _form: `Someone else re-forecast this campaign${who}${when} while you were looking. Check the figures below, then re-forecast again if you still need to.` } }, { status: 409 })
  }
  if (result.reason === 'too-few-days' || result.reason === 'nothing-expected' || result.reason === 'no-forecast') {
    return data<{ errors: FieldErrors }>({ errors: { _form: WHY_NOT[result.reason] } }, { status: 409 })
  }
  if (result.reason === 'not-found') throw notFound('There is no campaign with that reference')
  throw forbidden(result.reason === 'locked' ? 'Only a launched campaign can be re-forecast' : REFUSED)
}

const rate = (value: number) => `${formatPercent(Math.round(value * 1000) / 1000)}`

export default function ReforecastPage() {
  const { campaign, proposal, current } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <BackLink href={`/campaigns/${campaign.ref}/forecast`} text="Back to the forecast" />
      <FormErrorSummary errors={actionData?.errors} />
      <CampaignHeading campaign={campaign} title="Re-forecast from the calls so far" />
      <p className="govuk-body">
        A re-forecast sets the calls so far against the calls the forecast expected by now and updates the contact rate with them: the forecast’s low and high
        rates, read as one campaign in ten below and one in ten above, are weighed against what the calls so far show, so the rate moves towards the rate
        observed and its range narrows as more of the calls have come. It then works out the days still to come again: their calls, staff and outcomes. The signed-off forecast is not changed: the forecast page shows both. The helpline calendar uses the re-forecast
        for the days after the calls so far.
      </p>
      {current ? (
        <InsetText
          text={`The latest re-forecast (version ${current.version}) was made by ${current.madeBy ?? 'someone no longer here'} on ${formatDateTime(current.madeAt)}, from the calls to ${formatDate(current.throughDate)}.`}
        />
      ) : null}
      {!proposal ? (
        <p className="govuk-body">{WHY_NOT['no-forecast']}</p>
      ) : (
        <>
          <SummaryList
            attributes={{ id: 'reforecast-proposal' }}
            rows={[
              { key: { text: 'Calls so far' }, value: { text: <span data-reforecast="actual">{formatNumber(Math.round(proposal.actualSoFar))}</span> } },
              {
                key: { text: 'Calls the forecast expected by then' },
                value: { text: `${formatNumber(Math.round(proposal.expectedSoFar))} (${formatPercent(Math.round(proposal.expectedShareSoFar * 1000) / 10)} of all its calls)` },
              },
              { key: { text: 'Working days with actual calls' }, value: { text: formatNumber(proposal.workingDays) } },
              { key: { text: 'Contact rate in the forecast' }, value: { text: `${rate(proposal.from.central)} (low ${rate(proposal.from.low)}, high ${rate(proposal.from.high)})` } },
              ...(proposal.ok && proposal.evidence.prior
                ? [
                    {
                      key: { text: 'What the calls so far weigh' },
                      value: {
                        text: (
                          <span data-reforecast="weight">
                            As much as {formatNumber(Math.round(proposal.evidence.exposure / proposal.evidence.designEffect))} customers’ answers, against{' '}
                            {formatNumber(Math.round(proposal.evidence.prior.alpha + proposal.evidence.prior.beta))} behind the forecast’s low and high rates (calls vary
                            from day to day, so {formatNumber(Math.round(proposal.evidence.exposure))} customers’ calls count for less)
                          </span>
                        ),
                      },
                    },
                  ]
                : []),
              {
                key: { text: 'Contact rate the calls so far point to' },
                value: {
                  text: proposal.ok ? (
                    <span data-reforecast="rate">
                      {rate(proposal.rates.central)} (low {rate(proposal.rates.low)}, high {rate(proposal.rates.high)})
                    </span>
                  ) : (
                    'Not yet'
                  ),
                },
              },
            ]}
          />
          {proposal.ok ? (
            <Form method="post" noValidate>
              <input type="hidden" name="seen" value={current?.version ?? 0} />
              <Button text="Re-forecast the days still to come" preventDoubleClick />
            </Form>
          ) : (
            <p className="govuk-body" id="reforecast-not-yet">
              {WHY_NOT[proposal.reason]}
            </p>
          )}
        </>
      )}
    </>
  )
}
