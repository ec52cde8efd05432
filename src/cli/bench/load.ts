import autocannon, { type Result } from 'autocannon';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LoadScenario {
  name: string;
  /** A fresh request body (a new activity id, a new idempotency key, ...) for every request. */
  body: () => Record<string, unknown>;
  /** Whether an answer is the one a user should get (e.g. it holds the help card); counted as "wrong" otherwise. */
  expect: (responseBody: string) => boolean;
}

export interface LoadResult {
  scenario: string;
  target: string;
  connections: number;
  seconds: number;
  requests: number;
  /** Completed requests per second over the run. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx answers that did not hold what the scenario expects. */
  wrong: number;
  statusCodes: Record<string, number>;
  /** The server's CPU time (user + system) per answered request, in ms; undefined when it cannot be read. */
  cpuPerRequest?: number;
  /** The first unexpected answer, to show what went wrong. */
  sample?: string;
}

/** Drives `POST /api/messages` with autocannon for `seconds` at `connections`, measuring every answer's latency. */
export async function runLoad(target: { name: string; url: string; cpuMs?: () => number | undefined }, scenario: LoadScenario, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let wrong = 0;
  let sample: string | undefined;
  const cpuBefore = target.cpuMs?.();
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({ ...request, body: JSON.stringify(scenario.body()) }),
            onResponse: (status, body) => {
              if (status >= 200 && status < 300 && !scenario.expect(body)) {
                wrong += 1;
                sample ??= body.slice(0, 300);
              } else if (status >= 300) {
                sample ??= `${status} ${body.slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
    });
  });
  const cpuAfter = target.cpuMs?.();
  const cpuPerRequest = cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : undefined;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    scenario: scenario.name,
    target: target.name,
    connections,
    seconds: result.duration,
    requests: result.requests.total,
    throughput: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    wrong,
    statusCodes,
    ...(cpuPerRequest !== undefined ? { cpuPerRequest } : {}),
    ...(sample ? { sample } : {}),
  };
}
