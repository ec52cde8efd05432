import { Writable } from 'node:stream';
import type { AppOptions } from '../../src/app/build-app.js';
import { buildApp } from '../../src/app/build-app.js';
import type { Core } from '../../src/features/feature-context.js';
import { parseConfig } from '../../src/config/load-config.js';
import type { Db } from '../../src/store/db.js';
import type { KnowledgeBase } from '../../src/features/knowledge/index.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';
import { openTestPglite } from './pglite-template.js';
import { actionActivity, invokeActivity, messageActivity, type ActivityOptions } from './teams-activity.js';

export interface SentActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: any }[];
  entities?: any[];
  channelData?: any;
  [key: string]: unknown;
}

export interface TestBot {
  /** The bot's address; only for a bot started with `listen: true` (it throws otherwise). */
  readonly url: string;
  core: Core;
  db: Db;
  /** The app's own knowledge base: ingest through it, so the running bot's caches see the documents. */
  knowledge: KnowledgeBase;
  connector: FakeConnector;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /**
   * One activity to the bot: in-process (`app.inject`), or a raw POST to /api/messages for a bot
   * started with `listen: true`. Messages go with `expectReplies` (replies come back in the
   * answer); invokes go as Teams sends them, so the answer is the invoke response itself and
   * anything else the bot sends lands at the fake connector. Headers (a token) need the HTTP edge.
   */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** A user message; resolves with the bot's replies. */
  say(text: string, options?: Omit<ActivityOptions, 'serviceUrl'> & { attachments?: unknown[] }): Promise<SentActivity[]>;
  /** A Universal Action click; resolves with the invoke response body. */
  act(verb: string, data: Record<string, unknown>, options?: Omit<ActivityOptions, 'serviceUrl'> & { trigger?: 'manual' | 'automatic' }): Promise<{ status: number; body: any }>;
  invoke(name: string, value: unknown, options?: Omit<ActivityOptions, 'serviceUrl'>): Promise<{ status: number; body: any }>;
  /** Resolves when every turn and its deferred work has finished: then nothing more will be sent. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface TestBotOptions {
  env?: Record<string, string>;
  db?: Db;
  now?: () => Date;
  authOverrides?: AppOptions['authOverrides'];
  /**
   * Listen on a free port: for tests of the HTTP edge itself (tokens, health, the tab, the
   * Playground). Without it activities go in-process through app.inject. Default: only with an
   * app id or `authOverrides` (the token is checked at the HTTP edge, which inject does not pass).
   */
  listen?: boolean;
}

/** Starts the whole bot in-process, on its own PGlite copy (or the given db), with a fake connector; on a free port only when asked. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const connector = await startFakeConnector();
  const db = options.db ?? (await openTestPglite());
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const config = parseConfig({ LOG_LEVEL: 'debug', SAMPLE_KNOWLEDGE: 'false', HOST: '127.0.0.1', ...options.env });
  const app = buildApp({ config, db, logDestination: destination, now: options.now, authOverrides: options.authOverrides });
  const listening = options.listen ?? Boolean(options.authOverrides || options.env?.MicrosoftAppId);
  const url = listening ? (await app.listen(0, '127.0.0.1')).url : undefined;
  const core = await app.ready;
  const knowledge = app.shared()!.knowledge;

  async function post(activity: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    if (!url) {
      if (Object.keys(headers).length > 0) throw new Error('headers go over HTTP: start the test bot with listen: true');
      const { status, body } = await app.inject(activity);
      return { status, body };
    }
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity.type === 'invoke' ? activity : { deliveryMode: 'expectReplies', ...activity }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  return {
    get url() {
      if (!url) throw new Error('this test bot does not listen: start it with listen: true');
      return url;
    },
    core,
    db,
    knowledge,
    connector,
    logs,
    post,
    async say(text, activityOptions = {}) {
      const res = await post(messageActivity(text, { ...activityOptions, serviceUrl: connector.url }));
      if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${JSON.stringify(res.body)}`);
      return (res.body?.activities ?? []) as SentActivity[];
    },
    act: (verb, data, activityOptions = {}) => post(actionActivity(verb, data, { ...activityOptions, serviceUrl: connector.url })),
    invoke: (name, value, activityOptions = {}) => post(invokeActivity(name, value, { ...activityOptions, serviceUrl: connector.url })),
    settled: () => app.settled(),
    async close() {
      await app.close();
      if (!options.db) await db.close();
      await connector.close();
    },
  };
}

/** The first Adaptive Card in the replies. */
export function firstCard(replies: SentActivity[]): any {
  for (const r of replies) for (const a of r.attachments ?? []) if (a.contentType === 'application/vnd.microsoft.card.adaptive') return a.content;
  return undefined;
}

/** All visible text of a card (TextBlocks, FactSets, RichText, action titles), for assertions a reader would make. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.text === 'string') out.push(n.text);
    if (typeof n.title === 'string') out.push(n.title);
    if (typeof n.value === 'string' && n.type === 'Fact') out.push(n.value);
    if (typeof n.label === 'string') out.push(n.label);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return out.join('\n');
}

/**
 * A test bot on the named store: PGlite in memory, or a PostgreSQL database of its own that
 * `drop` removes. For tests that must hold on both stores.
 */
export async function startTestBotOn(store: 'pglite' | 'postgres', options: TestBotOptions = {}): Promise<{ bot: TestBot; drop: () => Promise<void> }> {
  if (store === 'pglite') return { bot: await startTestBot(options), drop: async () => {} };
  const { createTestDatabase } = await import('./postgres.js');
  const database = await createTestDatabase();
  return { bot: await startTestBot({ ...options, db: database.open() }), drop: database.drop };
}
