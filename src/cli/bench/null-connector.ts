import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Bot Connector the bot under test posts its proactive and deferred messages to (the
 * activities' serviceUrl): answers every call at once, like a healthy Teams, and counts them.
 */
export async function startNullConnector(): Promise<{ url: string; calls: () => number; close(): Promise<void> }> {
  let calls = 0;
  let counter = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      const id = req.url?.match(/\/activities\/([^/?]+)/)?.[1];
      const body = req.url === '/v3/conversations' ? { id: `conv-${++counter}` } : { id: id ? decodeURIComponent(id) : `activity-${++counter}` };
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
