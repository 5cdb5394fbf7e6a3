import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SummaryList, Table, Tag, type TagColour } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { formatDate, formatFte, formatNumber } from '~/campaign/format'
import { STATUS_LABELS, STATUS_TAG_COLOURS, STATUSES } from '~/campaign/options'
import { homeFor } from '~/models/dashboard.server'
import { groupNames } from '~/signoff/groups'
import { requireUser } from '~/http/auth.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'

export const handle = { title: 'Home' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return homeFor(db, user, todayIso())
}

const statusTag = (status: keyof typeof STATUS_LABELS) => <Tag text={STATUS_LABELS[status]} colour={STATUS_TAG_COLOURS[status] as TagColour} />

type HomeData = ReturnType<typeof useLoaderData<typeof loader>>

function NextStep({ step, name }: { step: NonNullable<HomeData['mine']>['campaigns'][number]['nextStep']; name: string }) {
  if (!step) return <>Nothing</>
  return (
    <>
      {step.problem ? <Tag text="There is a problem" colour="red" classes="app-block govuk-!-margin-bottom-1" /> : null}
      {step.href ? (
        <Link className="govuk-link" to={step.href}>
          {step.text}
          <span className="govuk-visually-hidden"> for {name}</span>
        </Link>
      ) : (
        step.text
      )}
    </>
  )
}

export default function Home() {
  const { name, admin, mine, inbox, outlooks, outlookWeeks, summary } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Hello, {name}</h1>

      {mine ? (
        <section aria-labelledby="my-campaigns" id="home-campaigns">
          <h2 className="govuk-heading-m" id="my-campaigns">
            Your campaigns
          </h2>
          {mine.campaigns.length === 0 ? (
            <p className="govuk-body">
              You do not own or co-own any open campaigns.{' '}
              <Link className="govuk-link" to="/campaigns/new">
                Create a campaign
              </Link>
            </p>
          ) : (
            <>
              <div className="app-wide-only">
                <TableRegion label="Your campaigns and what to do next on each">
                  <Table
                    caption="Your campaigns and what to do next on each"
                    captionClasses="govuk-visually-hidden"
                    head={[{ text: 'Campaign' }, { text: 'Status' }, { text: 'Planned launch' }, { text: 'Next step' }]}
                    rows={mine.campaigns.map((c) => [
                      {
                        text: (
                          <>
                            <Link className="govuk-link" to={`/campaigns/${c.ref}`}>
                              {c.name}
                            </Link>
                            <span className="govuk-hint govuk-!-font-size-16 app-block govuk-!-margin-bottom-0 app-ref">{c.ref}</span>
                          </>
                        ),
                      },
                      { text: statusTag(c.status) },
                      { text: formatDate(c.plannedLaunchDate), classes: 'app-nowrap' },
                      { attributes: { 'data-next-step': '' }, text: <NextStep step={c.nextStep} name={c.name} /> },
                    ])}
                  />
                </TableRegion>
              </div>
              <div className="app-narrow-only">
                {mine.campaigns.map((c) => (
                  <SummaryList
                    key={c.ref}
                    card={{
                      title: {
                        headingLevel: 3,
                        text: (
                          <Link className="govuk-link" to={`/campaigns/${c.ref}`}>
                            {c.name}
                          </Link>
                        ),
                      },
                    }}
                    rows={[
                      { key: { text: 'Next step' }, value: { text: <NextStep step={c.nextStep} name={c.name} /> } },
                      { key: { text: 'Status' }, value: { text: statusTag(c.status) } },
                      { key: { text: 'Planned launch' }, value: { text: formatDate(c.plannedLaunchDate) } },
                      { key: { text: 'Reference' }, value: { text: <span className="app-ref">{c.ref}</span> } },
                    ]}
                  />
                ))}
              </div>
            </>
          )}
          {mine.more ? (
            <p className="govuk-body">
              <Link className="govuk-link" to="/campaigns?mine=1">
                See all your campaigns
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {inbox ? (
        <section aria-labelledby="sign-off-inbox" id="home-sign-off">
          <h2 className="govuk-heading-m" id="sign-off-inbox">
            Waiting for your sign-off
          </h2>
          {inbox.awaiting.length === 0 ? (
            <p className="govuk-body">No campaign is waiting for your sign-off.</p>
          ) : (
            <ul className="govuk-list govuk-list--spaced">
              {inbox.awaiting.map((c) => (
                <li key={c.ref} data-campaign={c.ref}>
                  <Link className="govuk-link" to={`/campaigns/${c.ref}`}>
                    {c.name}
                  </Link>{' '}
                  (<span className="app-ref">{c.ref}</span>): for {groupNames(c.groups)}, launching {formatDate(c.plannedLaunchDate)}
                </li>
              ))}
            </ul>
          )}
          <h3 className="govuk-heading-s">Approvals that went out of date</h3>
          {inbox.outOfDate.length === 0 ? (
            <p className="govuk-body">None of your group’s approvals is out of date.</p>
          ) : (
            <ul className="govuk-list govuk-list--spaced">
              {inbox.outOfDate.map((c) => (
                <li key={c.ref} data-campaign={c.ref}>
                  <Link className="govuk-link" to={`/campaigns/${c.ref}`}>
                    {c.name}
                  </Link>{' '}
                  (<span className="app-ref">{c.ref}</span>): changed since {groupNames(c.groups)} approved it
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {outlooks ? (
        <section aria-labelledby="helpline-outlook" id="home-helplines">
          <h2 className="govuk-heading-m" id="helpline-outlook">
            Your helplines over the next {outlookWeeks} weeks
          </h2>
          {outlooks.length === 0 ? (
            <p className="govuk-body">
              There are no helplines yet.{' '}
              <Link className="govuk-link" to="/helplines/new">
                Add a helpline
              </Link>
            </p>
          ) : (
            <TableRegion label="Your helplines over the next weeks">
              <Table
                caption={`The busiest week of each helpline in the next ${outlookWeeks} weeks`}
                captionClasses="govuk-visually-hidden"
                head={[
                  { text: 'Helpline' },
                  { text: 'Busiest week, starting' },
                  { text: 'Calls that week', format: 'numeric' },
                  { text: 'FTE needed', format: 'numeric' },
                  { text: 'FTE available', format: 'numeric' },
                  { text: 'Weeks over capacity' },
                ]}
                rows={outlooks.map((o) => [
                  {
                    text: (
                      <Link className="govuk-link" to={`/helplines/${o.helpline.id}/calendar`}>
                        {o.helpline.name}
                        <span className="govuk-visually-hidden"> calendar</span>
                      </Link>
                    ),
                  },
                  { text: o.peak ? formatDate(o.peak.weekStart) : 'None', classes: 'app-nowrap' },
                  {
                    format: 'numeric',
                    text: o.peak ? (
                      <>
                        {formatNumber(Math.round(o.peak.baselineCalls + o.peak.totalCalls.central))}
                        <span className="govuk-hint govuk-!-font-size-16 app-block">{formatNumber(Math.round(o.peak.totalCalls.central))} from campaigns</span>
                      </>
                    ) : (
                      ''
                    ),
                  },
                  {
                    format: 'numeric',
                    text: o.peak ? (
                      <>
                        {formatFte(o.peak.totalFte.central)}
                        <span className="govuk-hint govuk-!-font-size-16 app-block">busiest day {formatFte(o.peak.peakTotalFte)}</span>
                        <span className="govuk-hint govuk-!-font-size-16 app-block" data-staffed-to={o.helpline.staffToPercentile}>
                          staffed to P{o.helpline.staffToPercentile}
                        </span>
                      </>
                    ) : (
                      ''
                    ),
                  },
                  { format: 'numeric', text: formatFte(o.helpline.availableFte) },
                  {
                    attributes: { 'data-over-capacity': '' },
                    text:
                      o.overCapacity.length === 0 ? (
                        'None'
                      ) : (
                        <>
                          <Tag text={`${o.overCapacity.length} of ${outlookWeeks}`} colour="orange" />
                          <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                            {o.overCapacity.map((w) => (
                              <li key={w.weekStart}>
                                <span className="app-nowrap">{formatDate(w.weekStart)}</span>
                                {w.causes.length
                                  ? `: ${w.causes
                                      .slice(0, 3)
                                      .map((c) => c.ref)
                                      .join(', ')}${w.causes.length > 3 ? ` and ${w.causes.length - 3} more` : ''}`
                                  : w.baselineOverCapacity
                                    ? ': the baseline alone'
                                    : ''}
                              </li>
                            ))}
                          </ul>
                        </>
                      ),
                  },
                ])}
              />
            </TableRegion>
          )}
        </section>
      ) : null}

      {summary ? (
        <section aria-labelledby="all-campaigns" id="home-overview">
          <h2 className="govuk-heading-m" id="all-campaigns">
            All campaigns
          </h2>
          <ul className="govuk-list">
            {STATUSES.map((status) => (
              <li key={status}>
                <Link className="govuk-link" to={`/campaigns?status=${status}`}>
                  {STATUS_LABELS[status]}
                </Link>
                : {summary.counts[status]}
              </li>
            ))}
          </ul>
          <h3 className="govuk-heading-s">Launching next</h3>
          {summary.upcoming.length === 0 ? (
            <p className="govuk-body">No campaign is due to launch.</p>
          ) : (
            <ul className="govuk-list">
              {summary.upcoming.map((c) => (
                <li key={c.ref}>
                  {formatDate(c.plannedLaunchDate)}:{' '}
                  <Link className="govuk-link" to={`/campaigns/${c.ref}`}>
                    {c.name}
                  </Link>{' '}
                  ({STATUS_LABELS[c.status].toLowerCase()})
                </li>
              ))}
            </ul>
          )}
          {admin ? (
            <p className="govuk-body">
              <Link className="govuk-link" to="/admin">
                Manage users, helplines and bank holidays
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
