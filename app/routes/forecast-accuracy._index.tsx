import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AccuracyExplained, accuracyPercent, biasText } from '~/components/ForecastAccuracy'
import { Table } from '~/components/govuk'
import { TableRegion } from '~/components/TableRegion'
import { formatDateRange, formatNumber } from '~/campaign/format'
import { describeDispersion } from '~/forecast/intervals'
import { canSeeForecastAccuracy, forecastAccuracyDashboard, type GroupAccuracyView } from '~/models/accuracy.server'
import { requireUser } from '~/http/auth.server'
import { forbidden } from '~/http/responses.server'
import { db } from '~/utils/db.server'

export const handle = { title: 'Forecast accuracy' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!canSeeForecastAccuracy(user)) throw forbidden('Forecast accuracy is for campaign designers, helpline managers and administrators')
  return forecastAccuracyDashboard(db)
}

const numeric = 'numeric' as const

function GroupTable({ id, caption, groups, what }: { id: string; caption: string; groups: GroupAccuracyView[]; what: string }) {
  return (
    <TableRegion label={caption}>
      <Table
        attributes={{ id }}
        caption={caption}
        captionClasses="govuk-table__caption--m"
        firstCellIsHeader
        head={[{ text: what }, { text: 'Campaigns', format: numeric }, { text: 'Days', format: numeric }, { text: 'Coverage (P10 to P90)', format: numeric }, { text: 'Bias' }, { text: 'WAPE', format: numeric }]}
        rows={groups.map((g) => [
          { text: g.label, classes: 'govuk-!-font-weight-regular' },
          { text: formatNumber(g.campaigns), format: numeric },
          { text: formatNumber(g.days), format: numeric },
          { text: accuracyPercent(g.coveragePercent, 0), format: numeric, attributes: { 'data-coverage': g.key } },
          { text: biasText(g.biasPercent), attributes: { 'data-bias': g.key } },
          { text: accuracyPercent(g.wapePercent), format: numeric },
        ])}
      />
    </TableRegion>
  )
}

export default function ForecastAccuracyPage() {
  const { campaigns, byChannel, byRegime, overall, dispersion } = useLoaderData<typeof loader>()
  return (
    <>
      <h1 className="govuk-heading-l">Forecast accuracy</h1>
      <p className="govuk-body">
        How the forecasts of launched campaigns compared with the calls that came. If the forecasts are calibrated, about 80% of days fall inside the forecast’s
        P10 to P90 interval, and the bias is close to 0.
      </p>
      <AccuracyExplained />
      {campaigns.length === 0 ? (
        <p className="govuk-body">No launched campaign has actual calls recorded yet.</p>
      ) : (
        <>
          <p className="govuk-body" id="accuracy-overall">
            Over {formatNumber(campaigns.length)} {campaigns.length === 1 ? 'campaign' : 'campaigns'} and {formatNumber(overall.days)} helpline days,{' '}
            <span data-accuracy="coverage">{accuracyPercent(overall.coveragePercent, 0)}</span> of days fell inside the interval, and the forecasts were{' '}
            <span data-accuracy="bias">{biasText(overall.biasPercent)}</span>.
          </p>
          <p className="govuk-body" id="accuracy-dispersion" data-dispersion-source={dispersion.source}>
            {describeDispersion(dispersion)}
            {dispersion.source === 'fitted' ? ' The bands above are drawn with it, so their coverage is partly measured on the days it was fitted from.' : ''}
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href="/forecast-accuracy.csv" download>
              Download every campaign’s accuracy (CSV)
            </a>
          </p>
          <GroupTable id="accuracy-by-channel" caption="By channel" groups={byChannel} what="Channel" />
          <GroupTable id="accuracy-by-regime" caption="By regime" groups={byRegime} what="Regime" />
          <TableRegion label="By campaign">
            <Table
              attributes={{ id: 'accuracy-by-campaign' }}
              caption="By campaign"
              captionClasses="govuk-table__caption--m"
              firstCellIsHeader
              head={[{ text: 'Campaign' }, { text: 'Channel and regime' }, { text: 'Days with actual calls' }, { text: 'Coverage', format: numeric }, { text: 'Bias' }, { text: 'WAPE', format: numeric }]}
              rows={campaigns.map((c) => [
                {
                  text: (
                    <Link className="govuk-link" to={`/campaigns/${c.ref}/forecast#accuracy`}>
                      <span className="app-ref">{c.ref}</span> {c.name}
                    </Link>
                  ),
                  classes: 'govuk-!-font-weight-regular',
                },
                { text: `${c.channelLabel}, ${c.regimeLabel}` },
                { text: `${formatDateRange(c.firstDate, c.lastDate)} (${c.days})` },
                { text: accuracyPercent(c.coveragePercent, 0), format: numeric, attributes: { 'data-coverage': c.ref } },
                { text: biasText(c.biasPercent) },
                { text: accuracyPercent(c.wapePercent), format: numeric },
              ])}
            />
          </TableRegion>
        </>
      )}
    </>
  )
}
