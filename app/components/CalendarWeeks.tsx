// The helpline calendar's week rows, for the Table component.
import type { ReactNode } from 'react'
import type { CalendarPageData } from './calendar-view'
import { about, calls, duration, fte, percent, shortDate } from './forecast-view'
import { Tag, type TableCell } from './govuk'

const GROUP_COLUMNS = ['launched', 'approved', 'planned'] as const
const GROUP_NAMES = { launched: 'launched', approved: 'approved', planned: 'planned' } as const

type Week = CalendarPageData['weeks'][number]
export type CalendarHelpline = { id: string; name: string; targetSeconds: number; hasPatience: boolean }

/** One week's row: calls, staff, and for a week over capacity what today's staff achieve and who is calling. */
export function weekRow(w: Week, helpline: CalendarHelpline): TableCell[] {
  const campaignCalls = w.calls.launched + w.calls.approved + w.calls.planned
  const groups = GROUP_COLUMNS.filter((g) => w.calls[g] > 0)
  const campaignFte = Math.max(0, Math.round((w.fte.launched + w.fte.approved + w.fte.planned) * 10) / 10)
  let capacity: ReactNode
  if (w.openDays === 0) capacity = 'Closed'
  else if (!w.overCapacity) capacity = 'Enough staff'
  else {
    capacity = (
      <>
        <Tag text="Over capacity" colour="orange" />{' '}
        <span data-outcome="week">
          {percent(w.serviceLevel)} answered within {duration(helpline.targetSeconds)}
          {w.abandoned !== null ? `, ${about(w.abandoned)} ${w.abandoned === 1 ? 'caller hangs' : 'callers hang'} up` : w.asaSeconds === null ? ', the queue growing faster than it is answered' : ''}
        </span>
        {`; short of staff on ${w.daysOverCapacity} ${w.daysOverCapacity === 1 ? 'day' : 'days'}${w.baselineOverCapacity ? ', even without campaigns' : ''}${w.causes.length ? '; campaigns with calls then: ' : ''}`}
        {w.causes.length ? <Causes refs={w.causes} more={w.moreCauses} /> : null}
      </>
    )
  }
  return [
    {
      text: (
        <>
          {shortDate(w.weekStart)}
          <span className="app-block app-secondary">{w.isoWeek}</span>
        </>
      ),
      classes: 'govuk-!-font-weight-regular',
      attributes: { 'data-week': w.weekStart },
    },
    { text: calls(w.baselineCalls), format: 'numeric' },
    {
      text: (
        <>
          {calls(campaignCalls)}
          {groups.length ? (
            <span className="app-block app-secondary">
              {groups.map((g, i) => (
                <span key={g}>
                  {i ? ', ' : ''}
                  {GROUP_NAMES[g]} <span data-calls={g}>{calls(w.calls[g])}</span>
                </span>
              ))}
            </span>
          ) : null}
        </>
      ),
      format: 'numeric',
    },
    {
      text: (
        <>
          <span data-fte="total">{fte(w.totalFte)}</span>
          <span className="app-block app-secondary">
            campaigns {fte(campaignFte)}; busiest day {fte(w.peakTotalFte)}
          </span>
        </>
      ),
      format: 'numeric',
    },
    { text: fte(w.availableFte), format: 'numeric' },
    { text: capacity },
  ]
}

/** The campaigns with most calls on the week's short days, by reference: the campaign table below names them. */
function Causes({ refs, more }: { refs: string[]; more: number }) {
  return (
    <>
      {refs.map((ref, i) => [
        i ? ', ' : null,
        <a key={ref} className="govuk-link" href={`/campaigns/${ref}`}>
          {ref}
        </a>,
      ])}
      {more > 0 ? ` and ${more} more` : null}
    </>
  )
}

