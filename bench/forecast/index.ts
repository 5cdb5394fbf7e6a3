// Forecast engine benchmarks: run with `npx tsx bench/forecast/index.ts [--write] [--runs N]`.
//   1. Node: 2,000,000 letters in 10 waves over 3 helplines and 6 months, half-hour intervals, 3 scenarios.
//   2. Headless Chromium: a typical campaign recomputed as a designer types (the live what-if).
// --write puts the figures under "## Forecast engine" in docs/performance.md, leaving other sections alone.
import { execFileSync } from 'node:child_process'
import { readFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { clearAgentCache, erlangEvaluationCount } from '../../app/forecast/agent-cache'
import { forecast } from '../../app/forecast/engine'
import { largeCampaignInput, typicalCampaignInput } from '../../app/forecast/examples'
import { edit } from './edits'
import { writeSection } from '../support/docs'

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
  const rows = [
    timeNode(
      'Large campaign, cold (agent cache cleared before each run)',
      () => forecast(large),
      () => clearAgentCache(),
      `${scenario}; ${coldEvaluations.toLocaleString('en-GB')} Erlang evaluations`,
    ),
    timeNode(
      'Large campaign, warm (contact rate changed each run)',
      () => forecast(lastInput),
      (i) => (lastInput = edit(large, i)),
      'as a second forecast on a running server',
    ),
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
  return rows
}
let lastInput = largeCampaignInput()

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
    return {
      version: browser.version(),
      bundleKb: Math.round(code.length / 1024),
      rows: [
        {
          name: 'Typical campaign, browser recompute',
          median: median(times),
          p95: quantile(times, 0.95),
          note: `very first run on a fresh page (JIT cold too): ${ms(first)}`,
        },
        {
          name: 'Typical campaign, browser, agent cache cleared each run',
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
  const largeRow = rows[0]
  const browser = rows.find((r) => r.name === 'Typical campaign, browser recompute')!
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
    ...rows.map((r) => {
      const budget = r === largeRow ? '< 100 ms' : r === browser ? '< 16 ms' : ''
      return `| ${r.name} | ${ms(r.median)} | ${ms(r.p95)} | ${budget} | ${r.note} |`
    }),
    '',
    'How the budgets are met: the baseline staffing of each helpline is computed once per weekday and half hour;',
    'every other half hour of the forecast is staffed in one batch per helpline, sorted by load and bisected, so',
    'Erlang is evaluated only where the number of agents can change (agents never fall as load rises). The samples',
    'are kept per set of staffing rules, so a recompute mostly finds its answers already bracketed.',
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
