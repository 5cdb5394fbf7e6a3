// Forecast engine benchmarks: run with `npx tsx bench/forecast/index.ts [--write] [--runs N]`.
//   1. Node: 2,000,000 letters in 10 waves over 3 helplines and 6 months, half-hour intervals, 3 scenarios, with
//      what the available staff achieve; cold, warm, and as the first forecast of a fresh process.
//   2. Node: the day simulation of a 20,000-call peak day, 100 replications.
//   3. Headless Chromium: a typical campaign recomputed as a designer types (the live what-if), and the simulation
//      run a replication at a time as the page runs it.
// --write puts the figures under "## Forecast engine" in docs/performance.md, leaving other sections alone.
import { execFileSync } from 'node:child_process'
import { readFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { erlangEvaluationCount } from '../../app/forecast/agent-cache'
import { clearForecastCaches } from '../../app/forecast/caches'
import { arrivals, forecast } from '../../app/forecast/engine'
import { clearFittedSpreads, rateSpreadPerBand, withPredictionInterval } from '../../app/forecast/intervals'
import { largeCampaignInput, typicalCampaignInput } from '../../app/forecast/examples'
import { simulate } from '../../app/forecast/simulate'
import { edit } from './edits'
import { PEAK_DAY_CALLS, peakDay } from './simulation'
import { writeSection } from '../support/docs'

/** A cold start: no agents, outcomes or rate spreads remembered from earlier forecasts. */
const clearAgentCache = clearForecastCaches

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const args = process.argv.slice(2)
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 30
const WARMUP = 10
const WRITE = args.includes('--write')
const LOAD_AT_START = os.loadavg()[0]!.toFixed(1)

const median = (xs: number[]) => quantile(xs, 0.5)
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return s[lo] + (s[hi] - s[lo]) * (pos - lo)
}
const ms = (x: number) => `${x.toFixed(2)} ms`

interface Row {
  name: string
  median: number
  p95: number
  note: string
  budget?: string
}

function timeNode(name: string, make: () => void, prepare: (i: number) => void, note: string): Row {
  for (let i = 0; i < WARMUP; i++) {
    prepare(i)
    make()
  }
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    prepare(WARMUP + i)
    const t = performance.now()
    make()
    times.push(performance.now() - t)
  }
  return { name, median: median(times), p95: quantile(times, 0.95), note }
}

function timeOnce(run: () => unknown): number {
  const t = performance.now()
  run()
  return performance.now() - t
}

function nodeBenchmarks(): Row[] {
  const large = largeCampaignInput()
  const result = forecast(large)
  const days = result.dates.length
  const before = erlangEvaluationCount()
  clearAgentCache()
  forecast(large)
  const coldEvaluations = erlangEvaluationCount() - before
  const scenario =
    `${days} days × ${large.helplines.length} helplines × 3 scenarios; ` +
    `${Math.round(result.summary.calls.central).toLocaleString('en-GB')} central calls; ` +
    `peak half hour ${result.summary.peakInterval?.agents} agents`
  const peak = result.helplines.map((h) => h.days.find((d) => d.date === h.peakDay?.date)!)
  const outcomes = peak
    .map((d, i) => `${result.helplines[i]!.name}: ${(d.outcome.total.central.serviceLevel * 100).toFixed(0)}% answered in time on its peak day`)
    .join('; ')
  const rows: Row[] = [
    {
      ...timeNode(
        'Large campaign, cold (every engine cache cleared before each run)',
        () => forecast(large),
        () => clearAgentCache(),
        `${scenario}; ${coldEvaluations.toLocaleString('en-GB')} staffing searches; outcomes of every open half hour at 3 rates and for the baseline (${outcomes})`,
      ),
      budget: '≤ 25 ms',
    },
    {
      ...timeNode(
        'Large campaign, warm (contact rate changed each run)',
        () => forecast(lastInput),
        (i) => (lastInput = edit(large, i)),
        'as a second forecast on a running server',
      ),
      budget: '≤ 10 ms',
    },
    (() => {
      // The prediction intervals' share of a forecast: every helpline's days turned into P10 and P90.
      const loads = arrivals(large).loads
      const spread = rateSpreadPerBand(large.contactRates)
      const row = timeNode(
        'Large campaign, prediction intervals alone (part of each forecast above)',
        () => loads.forEach((load) => withPredictionInterval(load, spread)),
        () => {},
        `${loads.length} helplines × ${loads[0]!.central.length} days: each day's P10 and P90 as negative binomial quantiles; the rate's Beta takes ${ms(timeOnce(() => (clearFittedSpreads(), rateSpreadPerBand(large.contactRates))))} to fit and is fitted once per pair of low and high rates`,
      )
      return row
    })(),
    ...firstForecast(),
  ]
  const typical = typicalCampaignInput()
  rows.push(
    timeNode(
      'Typical campaign, warm (Node)',
      () => forecast(lastInput),
      (i) => (lastInput = edit(typical, i)),
      'same work as the browser benchmark',
    ),
  )
  return [...rows, ...simulationRows()]
}
let lastInput = largeCampaignInput()

/**
 * The first forecast in a fresh Node process, nothing cached: the median of FRESH_RUNS processes, as the server
 * meets it (after its start-up warm-up) and with nothing compiled at all.
 */
const FRESH_RUNS = 9
function firstForecast(): Row[] {
  const bundle = path.join(root, 'tmp/bench-first-forecast.mjs')
  execFileSync(path.join(root, 'node_modules/esbuild/bin/esbuild'), [path.join(here, 'first-forecast.ts'), '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--log-level=warning'])
  const run = (warm: boolean) => {
    const runs: { warmUp: number; first: number }[] = []
    for (let i = 0; i < FRESH_RUNS; i++) runs.push(JSON.parse(execFileSync(process.execPath, warm ? [bundle, 'warm'] : [bundle], { encoding: 'utf8' })))
    return runs
  }
  const warmed = run(true)
  const raw = run(false)
  const firsts = (runs: { first: number }[]) => runs.map((r) => r.first)
  return [
    {
      name: 'Large campaign, first forecast in a fresh server process',
      median: median(firsts(warmed)),
      p95: quantile(firsts(warmed), 0.95),
      note: `${FRESH_RUNS} fresh Node processes, each running the server's start-up warm-up (a typical campaign forecast twice and a short day simulated, then every cache cleared: ${ms(median(warmed.map((r) => r.warmUp)))} at start-up) and then timing its first \`forecast()\` of the large campaign`,
      budget: '≤ 100 ms',
    },
    {
      name: 'Large campaign, first forecast in a bare Node process',
      median: median(firsts(raw)),
      p95: quantile(firsts(raw), 0.95),
      note: `the same without the warm-up: the JIT compiler starts cold (${FRESH_RUNS} processes)`,
    },
  ]
}

/** The day simulation of a 20,000-call peak day, 100 replications, in Node. */
function simulationRows(): Row[] {
  const runs = Math.max(5, Math.floor(RUNS / 3))
  return (['erlang-c', 'erlang-a'] as const).map((kind) => {
    const input = peakDay(kind)
    simulate(input)
    const times: number[] = []
    let result = simulate(input)
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      result = simulate({ ...input, seed: input.seed + i + 1 })
      times.push(performance.now() - t)
    }
    const offered = Math.round(result.total.offered).toLocaleString('en-GB')
    return {
      name: `Simulate a peak day of ${PEAK_DAY_CALLS.toLocaleString('en-GB')} calls, 100 replications, ${kind === 'erlang-c' ? 'callers who wait' : 'callers who hang up and ring again'}`,
      median: median(times),
      p95: quantile(times, 0.95),
      note:
        kind === 'erlang-c'
          ? `20 half hours staffed as the forecast needs (AHT 540 s, 80% in 60 s, 85% cap); ${runs} timed runs, each a new seed`
          : `the same with 300 s patience and 30% of those who hang up ringing again after 10 minutes on average: ${offered} calls offered a day`,
      budget: '≤ 1 s',
    }
  })
}

async function browserBenchmark(): Promise<{ rows: Row[]; version: string; bundleKb: number }> {
  const bundle = await build({
    entryPoints: [path.join(here, 'browser-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
  })
  const code = bundle.outputFiles[0].text
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><title>forecast bench</title>')
    await page.addScriptTag({ content: code })
    type Result = { first: number; times: number[]; cold: number[] }
    const { first, times, cold } = await page.evaluate(
      ([warmup, runs]) =>
        (globalThis as unknown as { otmForecastBench: (w: number, r: number) => Result }).otmForecastBench(warmup, runs),
      [WARMUP, RUNS] as const,
    )
    type Simulated = { total: number; longest: number }
    const simulated: Simulated[] = []
    for (let i = 0; i < 3; i++) {
      simulated.push(await page.evaluate((r) => (globalThis as unknown as { otmSimulationBench: (r: number) => Simulated }).otmSimulationBench(r), 100))
    }
    return {
      version: browser.version(),
      bundleKb: Math.round(code.length / 1024),
      rows: [
        {
          name: 'Typical campaign, browser recompute',
          median: median(times),
          p95: quantile(times, 0.95),
          note: `very first run on a fresh page (JIT cold too): ${ms(first)}`,
          budget: '≤ 16 ms',
        },
        {
          name: `Simulate a peak day of ${PEAK_DAY_CALLS.toLocaleString('en-GB')} calls in the browser, one replication a step`,
          median: median(simulated.map((s) => s.longest)),
          p95: Math.max(...simulated.map((s) => s.longest)),
          note: `the longest the page's main thread is held at once (one replication); the whole 100 took ${ms(median(simulated.map((s) => s.total)))} (median of 3), in slices between the page's other work`,
        },
        {
          name: 'Typical campaign, browser, every engine cache cleared each run',
          median: median(cold),
          p95: quantile(cold, 0.95),
          note: 'worst case for a recompute',
        },
      ],
    }
  } finally {
    await browser.close()
  }
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : ''
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown'
  let nproc = String(os.availableParallelism?.() ?? os.cpus().length)
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim()
  } catch {
    // nproc is missing outside Linux; the Node figure will do.
  }
  return { model, nproc, node: process.version, memoryGb: Math.round(os.totalmem() / 2 ** 30) }
}

function section(rows: Row[], browserVersion: string, bundleKb: number): string {
  const m = machine()
  const large = largeCampaignInput()
  const sends = large.messages[0].waves.map((w) => w.sendDate)
  const result = forecast(large)
  const lines = [
    '## Forecast engine',
    '',
    'Measured by `npx tsx bench/forecast/index.ts --write` (which rewrote this section) on ' +
      `${new Date().toISOString().slice(0, 10)}. ${WARMUP} warm-up runs, then ${RUNS} timed runs; times are wall-clock ` +
      'for one call of `forecast()`.',
    '',
    `- Machine: ${m.model}, nproc ${m.nproc}, ${m.memoryGb} GiB; Node ${m.node}; Chromium ${browserVersion} (headless).`,
    `  Load average when the run began: ${LOAD_AT_START} (other work shared the machine, so p95s especially run high).`,
    `- Large campaign (\`largeCampaignInput()\` in app/forecast/examples.ts): 2,000,000 second-class`,
    `  letters in 10 waves of 200,000 (sent ${sends[0]} to ${sends.at(-1)}) with a 30-day deadline, split 50/35/15`,
    '  over 3 helplines (one open on Saturdays, one staffed with Erlang A), contact rates 6% / 10% / 15%,',
    `  ${result.dates.length} days (${result.dates[0]} to ${result.dates.at(-1)}), 30-minute intervals. Baselines of`,
    `  25,000, 18,000 and 4,000 calls a day, so the busiest half hour needs ${result.summary.peakInterval?.agents} agents.`,
    '- Typical campaign (`typicalCampaignInput()`): 250,000 second-class letters in 2 waves, 2 helplines (one',
    "  Erlang A). Each timed run changes the contact rate and a wave's volume to values not seen before, as a",
    `  designer typing would. The page loads an esbuild bundle of the engine and the example input (${bundleKb} KB`,
    '  minified; the engine itself does not pull in zod).',
    '',
    '| benchmark | median | p95 | budget | notes |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${ms(r.median)} | ${ms(r.p95)} | ${r.budget ?? ''} | ${r.note} |`),
    '',
    'How the budgets are met: the baseline staffing of each helpline is computed once per weekday and half hour;',
    'every other half hour of the forecast is staffed in one batch per helpline. The answers found so far are kept',
    'per set of staffing rules as runs of loads known to need the same agents, with an index over them, so most of',
    "a recompute's 40,000 or so half-hour loads are settled by a lookup a step or two long; the rest are sorted and",
    'bisected, so Erlang is evaluated only where the number of agents (or the rule that sets it) can change, and',
    'each search starts from the answers either side. Erlang B comes from sums about √n long rather than the',
    "n-step recursion. Each day's P10 and P90 start their search from a Cornish–Fisher guess that is usually the",
    "answer, so a quantile costs two or three evaluations of the distribution function rather than about eleven,",
    "and the rate's Beta is fitted once per pair of low and high rates. What the available staff achieve is worked",
    "out for each weekday's roster once for the baseline and once per day and rate for the campaign's days, and",
    'remembered per roster, so a what-if that moves one figure recomputes only the days it moves; a half hour with',
    'far more agents than calls needs no series at all. Every cache is bounded and holds only what its key',
    'determines, so a forecast is the same figure for figure whatever it finds there (`bench/forecast/fingerprint.ts`',
    'compares the JSON of forecasts between commits).',
    'The simulation keeps one caller per typed-array slot and draws the next completion among the busy agents as',
    'one exponential, so a replication of 20,000 callers allocates almost nothing.',
    '',
  ]
  return lines.join('\n')
}


const nodeRows = nodeBenchmarks()
const { rows: browserRows, version, bundleKb } = await browserBenchmark()
const rows = [...nodeRows, ...browserRows]
for (const r of rows) console.log(`${r.name.padEnd(62)} median ${ms(r.median).padStart(10)}  p95 ${ms(r.p95).padStart(10)}  ${r.note}`)
const text = section(rows, version, bundleKb)
if (WRITE) writeSection(path.join(root, 'docs/performance.md'), text)
else console.log('\n(run with --write to update docs/performance.md)')
