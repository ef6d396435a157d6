// The load driver, run as its own process so it does not share a CPU queue with the server under test.
// Reads a workload as JSON from argv, prints the result as JSON on stdout.
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A body; `{{n}}` is replaced by a per-request counter (unique idempotency keys). */
  body?: string;
  connections: number;
  duration: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  perSecond: number[];
}

const spec = JSON.parse(process.argv[2]!) as LoadSpec;
let n = 0;
const perSecond: number[] = [];
const instance = autocannon(
  {
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    connections: spec.connections,
    duration: spec.duration,
    requests: [{ setupRequest: (req) => ({ ...req, body: spec.body?.replaceAll('{{n}}', `${process.pid}-${n++}`) }) }],
  },
  (err, r) => {
    if (err) throw err;
    const result: LoadResult = {
      rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, perSecond,
    };
    process.stdout.write(JSON.stringify(result));
  },
);
// Count responses per second ourselves (the typings give 'tick' no payload).
let second = 0;
instance.on('response', () => void (second += 1));
instance.on('tick', () => {
  perSecond.push(second);
  second = 0;
});
