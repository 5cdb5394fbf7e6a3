import { useEffect, useRef, useState, type FormEvent } from 'react'
import { performanceAtLoad } from '~/forecast/erlang'
import { simulationSteps, type SimulationResult } from '~/forecast/simulate'
import type { ForecastHelpline, IntervalDetail } from '~/forecast/types'
import { parseSimulationForm, SIMULATION_DEFAULTS, SIMULATION_FIELD_ORDER, simulationToFormValues, type SimulationSettings } from '~/schemas/simulation'
import { formValues, errorLinks, type FieldErrors, type FormValues } from '~/utils/forms'
import { about, calls, duration, longDate, percent } from './forecast-view'
import { Button, Details, ErrorSummary, Input, Table } from './govuk'
import { runInSlices } from './run-in-slices'

const HALF_HOUR = 1800
/** The same figures every time for the same day and settings. */
const SEED = 20270101

interface Run {
  settings: SimulationSettings
  available: SimulationResult
  needed: SimulationResult
}

type Staff = 'available' | 'needed'
const STAFF_NAMES: Record<Staff, string> = { available: 'With today’s staff', needed: 'With the staff needed' }

/**
 * "Simulate the peak day": the helpline's busiest campaign day, caller by caller, with the staff it has and with
 * the staff the forecast says it needs. It runs in the browser only, in slices, so the page stays responsive.
 */
export function PeakDaySimulation({ helpline, date, intervals, hydrated }: { helpline: ForecastHelpline; date: string; intervals: IntervalDetail[]; hydrated: boolean }) {
  const id = `simulate-${helpline.id}`
  const [values, setValues] = useState<FormValues>(() => simulationToFormValues(SIMULATION_DEFAULTS))
  const [errors, setErrors] = useState<FieldErrors | null>(null)
  const [progress, setProgress] = useState<{ done: number; of: number } | null>(null)
  const [run, setRun] = useState<Run | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const controller = useRef<AbortController | null>(null)
  const summary = useRef<HTMLDivElement>(null)
  // A new forecast (the designer typed) makes any result out of date: stop and forget it.
  const key = JSON.stringify(intervals.map((i) => [i.baselineCalls + i.campaignCalls, i.agentsAvailable, i.agentsRequired]))
  useEffect(() => {
    setRun(null)
    setProgress(null)
    return () => controller.current?.abort()
  }, [key])
  useEffect(() => {
    if (errors) summary.current?.querySelector<HTMLElement>('.govuk-error-summary')?.focus()
  }, [errors])

  if (!hydrated) {
    return (
      <p className="govuk-body" data-simulation="needs-javascript">
        Simulating the peak day needs JavaScript, which is turned off or has not loaded in this browser. Every figure of
        the forecast itself is in the tables above.
      </p>
    )
  }

  const start = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const read = formValues(new FormData(event.currentTarget))
    setValues(read)
    const parsed = parseSimulationForm(read)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setErrors(null)
    setFailure(null)
    controller.current?.abort()
    const abort = new AbortController()
    controller.current = abort
    const settings = parsed.data
    const input = (staff: Staff) => ({
      intervals: intervals.map((i) => ({ calls: i.baselineCalls + i.campaignCalls, agents: staff === 'available' ? i.agentsAvailable : i.agentsRequired })),
      intervalSeconds: HALF_HOUR,
      ahtSeconds: helpline.ahtSeconds,
      withinSeconds: helpline.target.withinSeconds,
      patienceSeconds: helpline.patienceSeconds,
      redial: settings.redialPercent > 0 ? { probability: settings.redialPercent / 100, meanDelaySeconds: settings.redialDelayMinutes * 60 } : null,
      replications: settings.replications,
      seed: SEED,
    })
    const of = settings.replications * 2
    try {
      setProgress({ done: 0, of })
      const available = await runInSlices(simulationSteps(input('available')), { signal: abort.signal, onProgress: (done) => setProgress({ done, of }) })
      const needed = await runInSlices(simulationSteps(input('needed')), { signal: abort.signal, onProgress: (done) => setProgress({ done: settings.replications + done, of }) })
      setRun({ settings, available, needed })
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      if (controller.current === abort) setProgress(null)
    }
  }

  const e = errors ?? {}
  const links = errorLinks(errors ?? undefined, SIMULATION_FIELD_ORDER, Object.fromEntries(SIMULATION_FIELD_ORDER.map((f) => [f, `#${id}-${f}`])))
  return (
    <div className="app-simulation" id={id} ref={summary}>
      <h3 className="govuk-heading-s">Simulate the peak day</h3>
      <p className="govuk-body">
        The forecast above is Erlang’s steady state: each half hour on its own. A simulation follows callers one by one
        through {longDate(date)}, so a queue left by a busy half hour carries into the next, and callers who hang up can
        ring again. It compares the staff the helpline has with the staff the forecast says it needs.
      </p>
      {links.length ? <ErrorSummary errors={links} attributes={{ tabIndex: -1 }} /> : null}
      <form noValidate onSubmit={start} className="app-simulation__form">
        <div className="app-inline-fields">
          {helpline.patienceSeconds !== null ? (
            <>
              <Input
                id={`${id}-redialPercent`}
                name="redialPercent"
                inputmode="decimal"
                width={3}
                spellcheck={false}
                label={{ text: 'Callers who hang up and ring again' }}
                suffix={{ text: '%' }}
                defaultValue={values.redialPercent}
                errorMessage={e.redialPercent}
              />
              <Input
                id={`${id}-redialDelayMinutes`}
                name="redialDelayMinutes"
                inputmode="decimal"
                width={3}
                spellcheck={false}
                label={{ text: 'Minutes before they ring again' }}
                suffix={{ text: 'minutes' }}
                defaultValue={values.redialDelayMinutes}
                errorMessage={e.redialDelayMinutes}
              />
            </>
          ) : null}
          <Input
            id={`${id}-replications`}
            name="replications"
            inputmode="numeric"
            width={3}
            spellcheck={false}
            label={{ text: 'Days to simulate' }}
            hint={{ text: 'More days give steadier figures and take longer' }}
            defaultValue={values.replications}
            errorMessage={e.replications}
          />
        </div>
        {helpline.patienceSeconds === null ? (
          <p className="govuk-body">This helpline has no caller patience, so in the simulation, as in the forecast, nobody hangs up and nobody rings again.</p>
        ) : null}
        <Button text={progress ? 'Simulating…' : 'Simulate the peak day'} variant="secondary" attributes={{ 'data-simulate': helpline.id }} />
      </form>
      <div role="status" className="govuk-body" data-simulation-status={helpline.id}>
        {progress ? `Simulating: ${progress.done} of ${progress.of} days done.` : run ? `Simulated ${run.settings.replications} days with each team.` : ''}
        {failure ? `The simulation could not run: ${failure}` : ''}
      </div>
      {run && !progress ? <SimulationResults helpline={helpline} intervals={intervals} run={run} /> : null}
    </div>
  )
}

function SimulationResults({ helpline, intervals, run }: { helpline: ForecastHelpline; intervals: IntervalDetail[]; run: Run }) {
  const within = duration(helpline.target.withinSeconds)
  const erlangA = helpline.patienceSeconds !== null
  const range = (r: SimulationResult) => `${percent(r.range.serviceLevel[0])} to ${percent(r.range.serviceLevel[1])}`
  const row = (staff: Staff) => {
    const r = run[staff]
    return [
      { text: STAFF_NAMES[staff] },
      { text: `${percent(r.total.serviceLevel)} (${range(r)} on 9 days in 10)`, attributes: { 'data-result': `${staff}-service-level` } },
      erlangA ? { text: `${about(r.total.abandoned)} (${calls(r.range.abandoned[0])} to ${calls(r.range.abandoned[1])})`, attributes: { 'data-result': `${staff}-abandoned` } } : null,
      { text: duration(r.total.asaSeconds) },
      { text: calls(r.total.offered), format: 'numeric' as const },
    ].filter((c) => c !== null)
  }
  return (
    <div data-simulation-results={helpline.id}>
      <Table
        caption={`The simulated peak day${run.settings.redialPercent > 0 ? `, with ${run.settings.redialPercent}% of those who hang up ringing again` : ''}`}
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[
          { text: 'Staff' },
          { text: `Answered within ${within}` },
          ...(erlangA ? [{ text: 'Callers who hang up' }] : []),
          { text: 'Average wait of answered calls' },
          { text: 'Calls offered', format: 'numeric' as const },
        ]}
        rows={[row('available'), row('needed')]}
      />
      {(['available', 'needed'] as const).map((staff) => (
        <Details key={staff} summaryText={`Half hour by half hour, ${STAFF_NAMES[staff].toLowerCase()}`}>
          <HalfHours helpline={helpline} intervals={intervals} staff={staff} result={run[staff]} />
        </Details>
      ))}
    </div>
  )
}

/** Each half hour, simulated beside Erlang's steady state for the same calls and team: the gap is the backlog. */
function HalfHours({ helpline, intervals, staff, result }: { helpline: ForecastHelpline; intervals: IntervalDetail[]; staff: Staff; result: SimulationResult }) {
  const within = duration(helpline.target.withinSeconds)
  const erlangA = helpline.patienceSeconds !== null
  return (
    <Table
      caption={`The peak day ${STAFF_NAMES[staff].toLowerCase()}, half hour by half hour`}
      captionClasses="govuk-visually-hidden"
      firstCellIsHeader
      classes="app-table--compact"
      head={[
        { text: 'From' },
        { text: 'Agents', format: 'numeric' },
        { text: 'Calls offered', format: 'numeric' },
        { text: `Answered within ${within}: simulated (Erlang)`, format: 'numeric' },
        ...(erlangA ? [{ text: 'Hang up', format: 'numeric' as const }] : []),
      ]}
      rows={intervals.map((interval, i) => {
        const agents = staff === 'available' ? interval.agentsAvailable : interval.agentsRequired
        const load = ((interval.baselineCalls + interval.campaignCalls) * helpline.ahtSeconds) / HALF_HOUR
        const steady = performanceAtLoad(load, agents, helpline.ahtSeconds, helpline.target.withinSeconds, helpline.patienceSeconds ?? undefined)
        const simulated = result.intervals[i]!
        return [
          { text: interval.time },
          { text: calls(agents), format: 'numeric' },
          { text: calls(simulated.offered), format: 'numeric' },
          { text: `${percent(simulated.serviceLevel)} (${percent(steady.serviceLevel)})`, format: 'numeric' },
          ...(erlangA ? [{ text: calls(simulated.abandoned), format: 'numeric' as const }] : []),
        ]
      })}
    />
  )
}
