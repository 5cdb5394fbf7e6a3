import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { BackLink, SummaryList, Table, WarningText } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { isPackAudience } from '~/campaign/pack'
import { formatCount, formatDate, formatNumber, formatPence } from '~/campaign/format'
import { REFERENCE_TYPE_LABELS, RESPONSE_SOUGHT_LABELS, STATUS_LABELS } from '~/campaign/options'
import { CALL_TYPE_LABELS, SCRIPT_SECTION_LABELS, SCRIPT_SECTIONS, STANDARD_QUESTION_LABELS } from '~/content'
import { CHANNEL_NAMES, POSTAGE_NAMES } from '~/forecast/delivery'
import { loadHandlerPack } from '~/models/pack.server'
import { requireReadableCampaign } from '~/http/campaign-access.server'
import { todayIso } from '~/utils/clock.server'
import { db } from '~/utils/db.server'
import { notFound } from '~/http/responses.server'

export const handle = {
  title: (data: { title?: string } | undefined) => data?.title ?? 'Handler pack',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await requireReadableCampaign(request, params.ref)
  const audience = params.audience
  if (!isPackAudience(audience)) throw notFound('There is no pack for that audience. The packs are for the helpline, the Welsh helpline, the press and Debt Management.')
  return loadHandlerPack(db, campaign, audience, todayIso())
}

const round = (n: number) => formatNumber(Math.round(n))

/** Printing needs JavaScript; without it the browser's own Print command does the same. */
function PrintButton() {
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])
  if (!ready) return null
  return (
    <button type="button" className="govuk-button govuk-button--secondary app-no-print" data-module="govuk-button" onClick={() => window.print()}>
      Print this pack
    </button>
  )
}

export default function HandlerPack() {
  const { title, audience, preparedOn, campaign, lines, scripts, waves, forecast, debtTreatment, pressBriefing, language, welshHelpline, untranslated } = useLoaderData<typeof loader>()
  // The Welsh helpline's pack prints the Welsh lines and scripts, marked as Welsh for screen readers.
  const lang = language === 'cy' ? 'cy' : undefined
  const base = `/campaigns/${campaign.ref}`
  return (
    <div className="app-pack">
      <BackLink href={base} text="Back to the campaign" />
      <span className="govuk-caption-l">
        <span className="app-ref">{campaign.ref}</span> · {campaign.name}
      </span>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">
        Prepared on {formatDate(preparedOn)}. The campaign is {STATUS_LABELS[campaign.status].toLowerCase()}; check the planner for changes after this date.
      </p>
      <p className="govuk-body app-no-print">It prints on A4 without the site’s header, footer or buttons.</p>
      <PrintButton />

      <h2 className="govuk-heading-m">About the campaign</h2>
      <SummaryList
        rows={[
          { key: { text: 'Why we are writing' }, value: { text: <span className="app-preserve-lines">{campaign.objective}</span> } },
          { key: { text: 'Who receives it' }, value: { text: <span className="app-preserve-lines">{campaign.targetPopulation}</span> } },
          { key: { text: 'Customers contacted' }, value: { text: formatNumber(campaign.populationSize) } },
          { key: { text: 'Reference to ask for' }, value: { text: REFERENCE_TYPE_LABELS[campaign.referenceType] } },
          { key: { text: 'Response' }, value: { text: RESPONSE_SOUGHT_LABELS[campaign.responseSought] } },
          {
            key: { text: 'If the customer sends more information' },
            value: { text: <span className="app-preserve-lines">{campaign.responseProcess}</span> },
          },
          audience === 'debt-management' &&
            campaign.extraLiability && {
              key: { text: 'Extra liability' },
              value: {
                text: `About ${formatNumber(campaign.liabilityCustomers ?? 0)} customers may owe extra tax, ${formatPence(
                  campaign.liabilityAveragePence ?? 0
                )} on average`,
              },
            },
          audience === 'debt-management' &&
            campaign.extraLiability && {
              key: { text: 'Special treatment' },
              value: { text: <span className="app-preserve-lines">{debtTreatment?.specialTreatment ?? 'Not agreed yet'}</span> },
            },
          audience === 'press' && {
            key: { text: 'Launch date told to the Press Office' },
            value: { text: pressBriefing ? formatDate(pressBriefing.launchDateTold) : 'Not recorded yet' },
          },
        ]}
      />
      {audience === 'debt-management' && !campaign.extraLiability ? (
        <p className="govuk-body">This campaign does not leave customers with extra tax to pay.</p>
      ) : null}
      {audience === 'press' && !campaign.pressInform ? <p className="govuk-body">The Press Office does not need to be informed about this campaign.</p> : null}

      <h2 className="govuk-heading-m">Key dates</h2>
      <p className="govuk-body">Planned launch: {formatDate(campaign.plannedLaunchDate)}.</p>
      {waves.length ? (
        <TableRegion label="When customers receive the messages">
          <Table
            classes="govuk-table--small-text-until-tablet"
            caption="When customers receive the messages"
            captionClasses="govuk-table__caption--s"
            head={[{ text: 'Message' }, { text: 'Sent' }, { text: 'Expected to arrive' }, { text: 'Customers', format: 'numeric' }]}
            rows={waves.map((wave) => [
              {
                text: (
                  <>
                    {wave.messageName}
                    <br />
                    <span className="govuk-body-s">
                      {CHANNEL_NAMES[wave.channel]}
                      {wave.postage ? `, ${POSTAGE_NAMES[wave.postage].toLowerCase()}` : ''}
                    </span>
                  </>
                ),
              },
              { text: formatDate(wave.sendDate), classes: 'app-nowrap' },
              {
                text: (
                  <>
                    <span className="app-nowrap">{formatDate(wave.deliveryDate)}</span>
                    {wave.delayDays ? (
                      <span className="govuk-body-s app-block govuk-!-margin-bottom-0">{formatCount(wave.delayDays, 'working day')} later</span>
                    ) : null}
                  </>
                ),
              },
              { text: formatNumber(wave.volume), format: 'numeric' },
            ])}
          />
        </TableRegion>
      ) : (
        <p className="govuk-body">No messages have been scheduled yet.</p>
      )}
      {forecast?.peakDay ? (
        <p className="govuk-body">
          Busiest day expected: {formatDate(forecast.peakDay.date)}, with about {round(forecast.peakDay.calls.central)} calls from this campaign (between{' '}
          {round(forecast.peakDay.calls.low)} and {round(forecast.peakDay.calls.high)}).
        </p>
      ) : null}
      {forecast && forecast.weeks.length ? (
        <>
          <h2 className="govuk-heading-m">Expected calls by week</h2>
          <TableRegion label="Expected calls by week">
            <Table
              classes="govuk-table--small-text-until-tablet"
              caption="Calls from this campaign across every helpline, at low, central and high contact rates"
              captionClasses="govuk-table__caption--s"
              head={[
                { text: 'Week starting' },
                { text: 'Low', format: 'numeric' },
                { text: 'Central', format: 'numeric' },
                { text: 'High', format: 'numeric' },
              ]}
              rows={forecast.weeks.map((week) => [
                { text: formatDate(week.weekStart), classes: 'app-nowrap' },
                { text: round(week.calls.low), format: 'numeric' },
                { text: round(week.calls.central), format: 'numeric' },
                { text: round(week.calls.high), format: 'numeric' },
              ])}
            />
          </TableRegion>
        </>
      ) : null}

      {language === 'cy' ? (
        <p className="govuk-body" id="welsh-helpline">
          {welshHelpline ? `For call handlers on ${welshHelpline.name}, in Welsh.` : 'No helpline is marked as the Welsh-language line yet.'}
          {untranslated.length ? ` Not translated into Welsh yet: ${untranslated.join('; ')}.` : ''}
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Lines to take</h2>
      {lines.length ? (
        lines.map((line, index) => (
          <section key={line.id} className="app-pack-line" aria-labelledby={`pack-line-${index}`}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`pack-line-${index}`}>
              {index + 1}.{' '}
              <span className="app-preserve-lines" lang={lang}>
                {line.question}
              </span>
            </h3>
            {line.standardQuestion ? (
              <p className="govuk-body-s govuk-!-margin-bottom-1">Standard question: {STANDARD_QUESTION_LABELS[line.standardQuestion]}</p>
            ) : null}
            {line.outOfDate ? <WarningText text="The English of this line has changed since it was translated. Check the planner before using it." /> : null}
            <p className="govuk-body app-preserve-lines" lang={lang}>
              {line.answer}
            </p>
          </section>
        ))
      ) : (
        <p className="govuk-body">There are no lines to take for this audience yet.</p>
      )}

      <h2 className="govuk-heading-m">Scripts</h2>
      {scripts.length ? (
        scripts.map((script) => (
          <section key={script.id} className="app-pack-script" aria-labelledby={`pack-script-${script.callType}`}>
            <h3 className="govuk-heading-s" id={`pack-script-${script.callType}`}>
              {CALL_TYPE_LABELS[script.callType]}
            </h3>
            {script.errors ? (
              <WarningText
                text={`This script has ${script.errors} ${script.errors === 1 ? 'error' : 'errors'} still to fix. Do not use it until it is signed off.`}
              />
            ) : null}
            {script.outOfDate ? <WarningText text="The English of this script has changed since it was translated. Check the planner before using it." /> : null}
            <dl className="app-pack-script__sections">
              {SCRIPT_SECTIONS.filter((section) => script[section].trim() !== '').map((section) => (
                <div key={section}>
                  <dt className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{SCRIPT_SECTION_LABELS[section]}</dt>
                  <dd className="govuk-body app-preserve-lines" lang={lang}>
                    {script[section]}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))
      ) : (
        <p className="govuk-body">There are no scripts for this campaign yet.</p>
      )}
    </div>
  )
}
