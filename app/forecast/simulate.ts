// A day at a helpline, simulated caller by caller: what Erlang's steady state cannot show. The queue carries over
// from one half hour to the next (a backlog after an overloaded half hour), the team changes size at each half
// hour, and callers who hang up may ring again. Pure and deterministic for a seed, so it runs the same in Node and
// in the browser; docs/forecasting.md ("The day simulation") describes the model.
//
// Arrivals are Poisson at each interval's rate, handle times and patience exponential, service first come first
// served. Because handle times are exponential, the time to the next completion among b busy agents is exponential
// with rate b/AHT whatever happened before, so it is drawn again whenever b changes rather than kept per agent.

export interface SimulationInput {
  /** Consecutive intervals of one day: calls expected in each and agents on the phones. */
  intervals: readonly { calls: number; agents: number }[]
  intervalSeconds: number
  ahtSeconds: number
  /** The service level counts calls answered within this many seconds. */
  withinSeconds: number
  /** Mean patience; absent: callers wait for ever (as in Erlang C). */
  patienceSeconds?: number | null
  /** Callers who hang up try again with this probability, after an exponential delay with this mean. */
  redial?: { probability: number; meanDelaySeconds: number } | null
  replications: number
  seed: number
}

export interface SimulatedFigures {
  /** Calls offered, redials included, on average per replication. */
  offered: number
  answered: number
  abandoned: number
  /** Calls answered within the time over calls offered, pooled over every replication. */
  serviceLevel: number
  /** Mean wait of the answered calls, pooled over every replication; 0 when none was answered. */
  asaSeconds: number
}

export interface SimulationResult {
  /** Calls counted in the interval they were offered in (a redial in the interval it rang again). */
  intervals: SimulatedFigures[]
  total: SimulatedFigures
  /** 5th and 95th percentiles over the replications of the day's service level and of its calls abandoned. */
  range: { serviceLevel: [number, number]; abandoned: [number, number] }
  /** The day's figures in each replication, in order. */
  replications: { offered: number; answered: number; abandoned: number; serviceLevel: number; asaSeconds: number }[]
}

/** Most replications one call may ask for. */
export const MAX_REPLICATIONS = 1000
/** Most calls (expected, over the day, times replications) one call may simulate: about 10 s of work. */
export const MAX_SIMULATED_CALLS = 50_000_000

// ---------------------------------------------------------------------------------------------------------------
// Random numbers: xoshiro128** (Blackman and Vigna), seeded through splitmix32. Statistics, not secrets.

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** A uniform generator on (0, 1] for replication `index` of `seed`: each replication has a stream of its own. */
export function uniformStream(seed: number, index: number): () => number {
  const mix = splitmix32((Math.imul(seed | 0, 0x27d4eb2d) ^ Math.imul(index + 1, 0x165667b1)) >>> 0)
  let a = mix()
  let b = mix()
  let c = mix()
  let d = mix()
  if ((a | b | c | d) === 0) a = 1
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0
    const t = b << 9
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = rotl(d, 11)
    // (result + 1) / 2^32 is never 0, so −log of it is finite.
    return (result + 1) / 4294967296
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

// ---------------------------------------------------------------------------------------------------------------
// A binary min-heap of (time, caller) pairs in typed arrays.

class TimeHeap {
  times = new Float64Array(64)
  ids = new Int32Array(64)
  size = 0

  clear(): void {
    this.size = 0
  }

  top(): number {
    return this.size > 0 ? this.times[0]! : Infinity
  }

  push(time: number, id: number): void {
    if (this.size === this.times.length) {
      const times = new Float64Array(this.size * 2)
      times.set(this.times)
      const ids = new Int32Array(this.size * 2)
      ids.set(this.ids)
      this.times = times
      this.ids = ids
    }
    let i = this.size++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.times[parent]! <= time) break
      this.times[i] = this.times[parent]!
      this.ids[i] = this.ids[parent]!
      i = parent
    }
    this.times[i] = time
    this.ids[i] = id
  }

  /** Removes the earliest pair and returns its id. */
  pop(): number {
    const id = this.ids[0]!
    const last = --this.size
    if (last > 0) {
      const time = this.times[last]!
      const lastId = this.ids[last]!
      let i = 0
      for (;;) {
        let child = 2 * i + 1
        if (child >= last) break
        if (child + 1 < last && this.times[child + 1]! < this.times[child]!) child++
        if (this.times[child]! >= time) break
        this.times[i] = this.times[child]!
        this.ids[i] = this.ids[child]!
        i = child
      }
      this.times[i] = time
      this.ids[i] = lastId
    }
    return id
  }
}

// ---------------------------------------------------------------------------------------------------------------

function check(input: SimulationInput): void {
  const finite = (name: string, v: number, min: number) => {
    if (!Number.isFinite(v) || v < min) throw new RangeError(`${name} must be a finite number >= ${min}; got ${v}`)
  }
  if (!Array.isArray(input.intervals) || input.intervals.length === 0) throw new RangeError('Give at least one interval')
  finite('intervalSeconds', input.intervalSeconds, Number.MIN_VALUE)
  finite('ahtSeconds', input.ahtSeconds, Number.MIN_VALUE)
  finite('withinSeconds', input.withinSeconds, 0)
  if (input.patienceSeconds != null) finite('patienceSeconds', input.patienceSeconds, Number.MIN_VALUE)
  if (input.redial) {
    finite('redial.probability', input.redial.probability, 0)
    if (input.redial.probability > 1) throw new RangeError('redial.probability must be at most 1')
    finite('redial.meanDelaySeconds', input.redial.meanDelaySeconds, Number.MIN_VALUE)
  }
  if (!Number.isInteger(input.replications) || input.replications < 1 || input.replications > MAX_REPLICATIONS) {
    throw new RangeError(`replications must be a whole number from 1 to ${MAX_REPLICATIONS}`)
  }
  if (!Number.isFinite(input.seed)) throw new RangeError('seed must be a number')
  let calls = 0
  for (const interval of input.intervals) {
    finite('calls', interval.calls, 0)
    if (!Number.isInteger(interval.agents) || interval.agents < 0) throw new RangeError(`agents must be a whole number >= 0; got ${interval.agents}`)
    calls += interval.calls
  }
  // Redials can add to the calls, at most 1 / (1 − p) times over.
  const redials = input.redial && input.patienceSeconds != null ? 1 / Math.max(1e-3, 1 - input.redial.probability) : 1
  if (calls * redials * input.replications > MAX_SIMULATED_CALLS) {
    throw new RangeError(`That is too many calls to simulate at once (more than ${MAX_SIMULATED_CALLS.toLocaleString('en-GB')}): use fewer replications`)
  }
}

interface Tallies {
  offered: Float64Array
  answered: Float64Array
  abandoned: Float64Array
  answeredWithin: Float64Array
  wait: Float64Array
}

function tallies(n: number): Tallies {
  return { offered: new Float64Array(n), answered: new Float64Array(n), abandoned: new Float64Array(n), answeredWithin: new Float64Array(n), wait: new Float64Array(n) }
}

/** The state one replication reuses from the last, so a run allocates almost nothing per caller. */
class Day {
  arrivedAt = new Float64Array(1024)
  intervalOf = new Int32Array(1024)
  /** 0 waiting, 1 answered, 2 hung up */
  state = new Uint8Array(1024)
  queue = new Int32Array(1024)
  deadlines = new TimeHeap()
  redials = new TimeHeap()

  ensure(callers: number): void {
    if (callers < this.arrivedAt.length) return
    const size = Math.max(callers + 1, this.arrivedAt.length * 2)
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size)
      b.set(a)
      return b
    }
    this.arrivedAt = grow(this.arrivedAt, (n) => new Float64Array(n))
    this.intervalOf = grow(this.intervalOf, (n) => new Int32Array(n))
    this.state = grow(this.state, (n) => new Uint8Array(n))
    this.queue = grow(this.queue, (n) => new Int32Array(n))
  }
}

/** One replication of the day, added into `into`; returns nothing, all is in the tallies. */
function replicate(input: SimulationInput, random: () => number, day: Day, into: Tallies): void {
  const { intervals, intervalSeconds, withinSeconds } = input
  const n = intervals.length
  const close = n * intervalSeconds
  const mu = 1 / input.ahtSeconds
  const patience = input.patienceSeconds ?? null
  const theta = patience === null ? 0 : 1 / patience
  const redialProbability = patience !== null && input.redial ? input.redial.probability : 0
  const redialRate = input.redial ? 1 / input.redial.meanDelaySeconds : 0
  const exp = (rate: number) => -Math.log(random()) / rate

  day.deadlines.clear()
  day.redials.clear()
  let callers = 0
  let head = 0
  let tail = 0
  let waiting = 0
  let busy = 0
  let k = 0 // the interval now
  let agents = intervals[0]!.agents
  let rate = intervals[0]!.calls / intervalSeconds
  let t = 0
  let nextArrival = rate > 0 ? exp(rate) : Infinity
  let nextCompletion = Infinity

  const answer = (c: number) => {
    day.state[c] = 1
    const wait = t - day.arrivedAt[c]!
    const i = day.intervalOf[c]!
    into.answered[i]!++
    into.wait[i]! += wait
    if (wait <= withinSeconds) into.answeredWithin[i]!++
    busy++
  }
  // Busy agents below the team's size take the longest-waiting callers still there.
  const serveQueue = () => {
    while (busy < agents && waiting > 0) {
      const c = day.queue[head++]!
      if (day.state[c] !== 0) continue
      waiting--
      answer(c)
    }
  }
  const arrive = () => {
    day.ensure(callers)
    const c = callers++
    day.arrivedAt[c] = t
    day.intervalOf[c] = k
    day.state[c] = 0
    into.offered[k]!++
    if (busy < agents && waiting === 0) {
      answer(c)
      return
    }
    day.queue[tail++] = c
    waiting++
    if (patience !== null) day.deadlines.push(t + exp(theta), c)
  }

  for (;;) {
    const boundary = k < n ? (k + 1) * intervalSeconds : Infinity
    const deadline = day.deadlines.top()
    const redial = day.redials.top()
    let next = nextArrival
    if (nextCompletion < next) next = nextCompletion
    if (deadline < next) next = deadline
    if (redial < next) next = redial
    if (k >= n && (waiting === 0 || next === Infinity)) break
    if (boundary <= next) {
      // A new half hour: a new team size and a new arrival rate (Poisson arrivals can restart at any moment).
      t = boundary
      k++
      if (k < n) {
        agents = intervals[k]!.agents
        rate = intervals[k]!.calls / intervalSeconds
        nextArrival = rate > 0 ? t + exp(rate) : Infinity
        const before = busy
        serveQueue()
        if (busy !== before) nextCompletion = busy > 0 ? t + exp(busy * mu) : Infinity
      } else {
        // Closed: no more calls, and the last team works the queue down.
        nextArrival = Infinity
        day.redials.clear()
      }
      continue
    }
    t = next
    if (next === nextArrival) {
      nextArrival = t + exp(rate)
      const before = busy
      arrive()
      if (busy !== before) nextCompletion = t + exp(busy * mu)
    } else if (next === nextCompletion) {
      busy--
      serveQueue()
      nextCompletion = busy > 0 ? t + exp(busy * mu) : Infinity
    } else if (next === deadline) {
      const c = day.deadlines.pop()
      if (day.state[c] !== 0) continue
      day.state[c] = 2
      waiting--
      into.abandoned[day.intervalOf[c]!]!++
      if (redialProbability > 0 && random() < redialProbability) {
        const again = t + exp(redialRate)
        if (again < close) day.redials.push(again, 0)
      }
    } else {
      day.redials.pop()
      const before = busy
      arrive()
      if (busy !== before) nextCompletion = t + exp(busy * mu)
    }
  }
}

function figures(offered: number, answered: number, abandoned: number, within: number, wait: number, replications: number): SimulatedFigures {
  return {
    offered: offered / replications,
    answered: answered / replications,
    abandoned: abandoned / replications,
    serviceLevel: offered > 0 ? within / offered : 1,
    asaSeconds: answered > 0 ? wait / answered : 0,
  }
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 1) return sorted[0]!
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

/**
 * The simulation in steps: each `next()` runs one replication and yields how many are done, and the generator
 * returns the result. The browser runs it a few replications at a time between other work, so typing never waits.
 */
export function* simulationSteps(input: SimulationInput): Generator<number, SimulationResult, void> {
  check(input)
  const n = input.intervals.length
  const all = tallies(n)
  const one = tallies(n)
  const day = new Day()
  const perReplication: SimulationResult['replications'] = []
  for (let r = 0; r < input.replications; r++) {
    for (const a of Object.values(one)) a.fill(0)
    replicate(input, uniformStream(input.seed, r), day, one)
    let offered = 0
    let answered = 0
    let abandoned = 0
    let within = 0
    let wait = 0
    for (let i = 0; i < n; i++) {
      all.offered[i]! += one.offered[i]!
      all.answered[i]! += one.answered[i]!
      all.abandoned[i]! += one.abandoned[i]!
      all.answeredWithin[i]! += one.answeredWithin[i]!
      all.wait[i]! += one.wait[i]!
      offered += one.offered[i]!
      answered += one.answered[i]!
      abandoned += one.abandoned[i]!
      within += one.answeredWithin[i]!
      wait += one.wait[i]!
    }
    perReplication.push(figures(offered, answered, abandoned, within, wait, 1))
    yield r + 1
  }
  const R = input.replications
  const intervals: SimulatedFigures[] = []
  let offered = 0
  let answered = 0
  let abandoned = 0
  let within = 0
  let wait = 0
  for (let i = 0; i < n; i++) {
    intervals.push(figures(all.offered[i]!, all.answered[i]!, all.abandoned[i]!, all.answeredWithin[i]!, all.wait[i]!, R))
    offered += all.offered[i]!
    answered += all.answered[i]!
    abandoned += all.abandoned[i]!
    within += all.answeredWithin[i]!
    wait += all.wait[i]!
  }
  const serviceLevels = perReplication.map((p) => p.serviceLevel).sort((a, b) => a - b)
  const abandonedCounts = perReplication.map((p) => p.abandoned).sort((a, b) => a - b)
  return {
    intervals,
    total: figures(offered, answered, abandoned, within, wait, R),
    range: {
      serviceLevel: [percentile(serviceLevels, 0.05), percentile(serviceLevels, 0.95)],
      abandoned: [percentile(abandonedCounts, 0.05), percentile(abandonedCounts, 0.95)],
    },
    replications: perReplication,
  }
}

/** Simulates the day `replications` times and returns the means, the pooled figures and the spread. */
export function simulate(input: SimulationInput): SimulationResult {
  const steps = simulationSteps(input)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}
