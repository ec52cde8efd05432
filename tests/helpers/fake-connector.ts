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
  /** Answers the next n calls with this status (e.g. 429 with Retry-After). */
  failNext(n: number, status: number, headers?: Record<string, string>): void;
  /** Resolves when at least `count` calls matched. */
  waitFor(predicate: (call: ConnectorCall) => boolean, count?: number, timeoutMs?: number): Promise<ConnectorCall[]>;
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
  const failures: { status: number; headers: Record<string, string> }[] = [];
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const match = req.url?.match(/\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/);
    const failure = failures.shift();
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(JSON.stringify({ error: { code: 'Failure', message: 'scripted failure' } }));
      return;
    }
    if (req.method === 'POST' && req.url === '/v3/conversations') {
      // A new conversation (a new post in a channel): recorded as a post of its activity to that channel.
      const created = body as { channelData?: { channel?: { id?: string } }; activity?: Record<string, unknown> };
      calls.push({ method: 'POST', path: req.url, conversationId: created.channelData?.channel?.id ?? '', body: created.activity ?? {}, newConversation: true });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `conv-${++counter}`, activityId: `activity-${++counter}` }));
      return;
    }
    calls.push({
      method: req.method ?? '',
      path: req.url ?? '',
      conversationId: decodeURIComponent(match?.[1] ?? ''),
      activityId: match?.[2] ? decodeURIComponent(match[2]) : undefined,
      body,
    });
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: match?.[2] ? decodeURIComponent(match[2]) : `activity-${++counter}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    failNext(n, status, headers = {}) {
      for (let i = 0; i < n; i += 1) failures.push({ status, headers });
    },
    async waitFor(predicate, count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.filter(predicate);
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`Connector: expected ${count} matching calls, saw ${found.length} of ${calls.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
