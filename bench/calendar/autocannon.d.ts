// The part of autocannon's API the benchmarks use (the package ships no types, and @types/autocannon is not a
// dependency of the project).
declare module 'autocannon' {
  /** One step of a connection's request sequence; the sequence repeats, and `context` is fresh at each repeat. */
  interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (request: Record<string, unknown>, context: any) => Record<string, unknown> | null | undefined
    onResponse?: (status: number, body: string, context: any, headers: Record<string, string>) => void
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    headers?: Record<string, string>
    requests?: Request[]
  }
  interface Histogram {
    average: number
    mean: number
    min: number
    max: number
    p50: number
    p90: number
    p97_5: number
    p99: number
    total: number
  }
  interface Result {
    latency: Histogram
    requests: Histogram
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
  }
  /** The running benchmark: a promise of its result, and an emitter of each answer as it comes. */
  interface Instance extends Promise<Result> {
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): Instance
  }
  function autocannon(options: Options): Instance
  export default autocannon
}
