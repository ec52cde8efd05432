import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  body: Record<string, unknown>;
  /** A POST /v3/conversations: a new conversation (a new post in a channel) with this activity. */
  newConversation?: boolean;
}

/**
 * A stand-in for the Bot Connector the bot replies to (the activity's serviceUrl): records every
 * send and update so tests can see proactive and deferred messages. `failWith` scripts failures.
 */
export interface FakeConnector {
  url: string;
  calls: ConnectorCall[];
  /** Calls answered with a scripted failure (not in `calls`), with the status they got. */
  refused: (ConnectorCall & { status: number })[];
  /** Answers the next n calls with this status (e.g. 429 with Retry-After). */
  failNext(n: number, status: number, headers?: Record<string, string>): void;
  /** Resolves as soon as at least `count` calls matched (no polling); rejects after `timeoutMs`. */
  waitFor(predicate: (call: ConnectorCall) => boolean, count?: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Resolves as soon as `count` calls were refused with a scripted failure. */
  waitForRefused(count?: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const refused: FakeConnector['refused'] = [];
  // Checks of pending waits, run after every recorded call.
  const watchers = new Set<() => void>();
  const recorded = () => {
    for (const check of [...watchers]) check();
  };
  function waitUntil<T extends ConnectorCall>(list: T[], predicate: (call: T) => boolean, count: number, timeoutMs: number, what: string): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        watchers.delete(check);
      };
      const check = () => {
        const found = list.filter(predicate);
        if (found.length < count) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Connector: expected ${count} ${what}, saw ${list.filter(predicate).length} of ${list.length}`));
      }, timeoutMs);
      watchers.add(check);
      check();
    });
  }
  const failures: { status: number; headers: Record<string, string> }[] = [];
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const match = req.url?.match(/\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/);
    const call: ConnectorCall = {
      method: req.method ?? '',
      path: req.url ?? '',
      conversationId: decodeURIComponent(match?.[1] ?? ''),
      activityId: match?.[2] ? decodeURIComponent(match[2]) : undefined,
      body,
    };
    const failure = failures.shift();
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify({ error: { code: 'Failure', message: 'scripted failure' } }));
      refused.push({ ...call, status: failure.status });
      recorded();
      return;
    }
    if (req.method === 'POST' && req.url === '/v3/conversations') {
      // A new conversation (a new post in a channel): recorded as a post of its activity to that channel.
      const created = body as { channelData?: { channel?: { id?: string } }; activity?: Record<string, unknown> };
      calls.push({ method: 'POST', path: req.url, conversationId: created.channelData?.channel?.id ?? '', body: created.activity ?? {}, newConversation: true });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `conv-${++counter}`, activityId: `activity-${++counter}` }));
      recorded();
      return;
    }
    calls.push(call);
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: match?.[2] ? decodeURIComponent(match[2]) : `activity-${++counter}` }));
    recorded();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    refused,
    failNext(n, status, headers = {}) {
      for (let i = 0; i < n; i += 1) failures.push({ status, headers });
    },
    waitFor: (predicate, count = 1, timeoutMs = 5000) => waitUntil(calls, predicate, count, timeoutMs, 'matching calls'),
    waitForRefused: (count = 1, timeoutMs = 5000) => waitUntil(refused, () => true, count, timeoutMs, 'refused calls'),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
