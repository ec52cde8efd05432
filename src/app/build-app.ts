import { tmpdir } from 'node:os';
import restify from 'restify';
import type { DestinationStream } from 'pino';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../config/config-schema.js';
import { CardDelivery } from '../conversations/card-delivery.js';
import { ConversationDirectory } from '../conversations/conversation-directory.js';
import { UserDirectory } from '../conversations/user-directory.js';
import { createReliableMessenger } from '../conversations/reliable-messenger.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { incomingActivitySchema, type IncomingActivity } from '../http/activity-schema.js';
import type { Activity } from 'botbuilder';
import { isLoopback } from '../http/loopback.js';
import { fromRoot } from '../config/project-root.js';
import { Organisation } from '../organisation/organisation.js';
import { isAbsolute, join } from 'node:path';
import { installRoutes, trainIntentClassifier, type Router } from '../routing/router.js';
import { gemeentenVocabulary, routeAccess } from './route-access.js';
import type { Feature } from '../routing/route.js';
import type { Db } from '../store/db.js';
import { openStore } from '../store/open-store.js';
import { Scheduler } from '../scheduling/scheduler.js';
import { UserRateLimit } from '../routing/user-rate-limit.js';
import { createAdapter } from '../teams/create-adapter.js';
import { SqlBotStorage } from '../teams/sql-bot-storage.js';
import { createTeamsBot, runDeferred, type Deferred, type TeamsBot } from '../teams/teams-bot.js';
import { createTeamsMessenger } from '../teams/teams-messenger.js';
import type { Core } from '../features/feature-context.js';
import { createFeatures, createShared, type Shared } from './features.js';
import { createDashboardSources } from '../tab/dashboard-sources.js';
import { registerTabRoutes } from '../tab/tab-routes.js';

/** How long deferred work waits after the answer has left (see the handler of /api/messages). */
const DEFERRED_GRACE_MS = 600;

export interface AppOptions {
  config: Config;
  logDestination?: DestinationStream;
  /** A database opened by the caller (tests); the app migrates it but does not close it. */
  db?: Db;
  /** The store, already being opened by openStore (the server starts it while the modules load); the app closes it. */
  openingStore?: Promise<Db>;
  /** Tests point inbound token validation at a local OpenID configuration. */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  now?: () => Date;
}

export interface App {
  server: restify.Server;
  log: Logger;
  /** Resolves when the store is migrated and every feature has started (health turns 200). */
  ready: Promise<Core>;
  isReady(): boolean;
  /** The message router once ready: the intent eval and the bench ask it what it makes of a text. */
  router(): Router | undefined;
  /** The long-lived objects once ready: the eval and the tests ingest through the app's own knowledge base. */
  shared(): Shared | undefined;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /**
   * Feeds one Teams activity to the bot in-process (no port, no JWT: tests and tools only) and
   * resolves with what the HTTP edge would answer: for a message the replies (`expectReplies`,
   * `body.activities`), for an invoke its invoke response; 400 for an activity the schema refuses.
   */
  inject(activity: Record<string, unknown>): Promise<{ status: number; body?: unknown }>;
  /**
   * Resolves when no turn and no deferred work (`turn.defer`) is running any more, including work
   * started while waiting: tests wait on this instead of sleeping to show that nothing else happens.
   */
  settled(): Promise<void>;
  /** Stops taking requests, finishes in-flight turns and deferred work, stops features, closes the store. */
  close(): Promise<void>;
}

/** Builds the whole bot without listening, so tests can start it in-process (fastify's build/listen split). */
export function buildApp(options: AppOptions): App {
  const { config } = options;
  const log = createLogger(config.LOG_LEVEL, options.logDestination);
  const localMode = !config.MicrosoftAppId;
  const adapter = createAdapter(config, options.authOverrides, { log });
  let conversations: ConversationDirectory | undefined;
  // Proactive and deferred posts keep to Teams' rate limits and retry throttling with backoff;
  // a conversation Teams says is gone is marked inactive.
  const messenger = createReliableMessenger(createTeamsMessenger(adapter, config.MicrosoftAppId ?? ''), {
    log,
    markInactive: async (conversationId) => conversations?.markInactive(conversationId),
    maxAttempts: config.SEND_MAX_ATTEMPTS,
  });
  const inflight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };
  let scheduler: Scheduler | undefined;
  const settled = async () => {
    // A scheduled run (the catch-up look at start, or a timer) counts as work too.
    while (inflight.size > 0 || scheduler?.busy()) {
      await Promise.allSettled([...inflight]);
      await scheduler?.idle();
    }
  };

  let readyNow = false;
  let closing = false;
  let bot: TeamsBot | undefined;
  let db: Db | undefined;
  let features: Feature[] = [];
  let router: Router | undefined;
  let shared: Shared | undefined;

  adapter.onTurnError = async (_context, error) => {
    // Errors inside a turn are handled in teams-bot; this only sees failures of the adapter itself.
    log.error({ err: error }, 'adapter error');
  };

  const ready = (async (): Promise<Core> => {
    db = options.db ?? (await (options.openingStore ?? openStore(config, log)));
    if (options.db) {
      const { migrate } = await import('../store/migrate.js');
      const { migrations } = await import('../store/migrations/index.js');
      await migrate(options.db, migrations, log);
    }
    const organisationFile = isAbsolute(config.ORGANISATION_FILE) ? config.ORGANISATION_FILE : fromRoot(config.ORGANISATION_FILE);
    const core: Core = {
      config,
      db,
      log,
      messenger,
      conversations: (conversations = new ConversationDirectory(db)),
      cards: new CardDelivery(db, messenger, log),
      users: new UserDirectory(db),
      organisation: Organisation.fromFile(organisationFile),
      now: options.now ?? (() => new Date()),
    };
    shared = createShared(core);
    const created = createFeatures(core, shared);
    features = created.features;
    const rateLimit = new UserRateLimit(config.EXPENSIVE_REQUESTS_PER_MINUTE);
    const training = performance.now();
    // The model trained on these examples is kept in the temp folder, so a restart reads it instead of training.
    const classifier = await trainIntentClassifier(features, { cacheDir: join(tmpdir(), 'veiligheidsbot-intents') });
    log.info({ ms: Math.round(performance.now() - training), fromCache: classifier.fromCache }, 'intent classifier ready');
    router = installRoutes(features, created.unmatched, {
      checkExpensive: (turn) => rateLimit.check(turn),
      classifier,
      access: routeAccess(core),
      gemeenten: gemeentenVocabulary(core),
      now: core.now,
      clarify: created.clarify,
      rewriteFollowUp: created.rewriteFollowUp,
    });
    const { processed } = shared;
    const pruned = await processed.prune();
    if (pruned > 0) log.info({ pruned }, 'old duplicate-delivery keys removed');
    bot = createTeamsBot({ router, conversations: core.conversations, storage: new SqlBotStorage(db, { exclusive: db.driver === 'pglite' }), log, defaultLocale: config.DEFAULT_LOCALE, processed });
    for (const feature of features) await feature.start?.();
    // The one scheduler: every feature's declared jobs, each slot once across instances (a lease row per job).
    scheduler = new Scheduler({ db, log, now: core.now }).register(...features.flatMap((f) => f.jobs ?? []));
    scheduler.start();
    readyNow = true;
    log.info({ localMode, features: features.map((f) => f.name), jobs: scheduler.names() }, 'bot ready');
    return core;
  })();
  ready.catch((error: unknown) => log.fatal({ err: error }, 'startup failed'));

  type Answer = { status: number; body?: unknown };
  /** The activity schema and cleaning (src/http/activity-schema.ts): the one door for the HTTP edge and inject. */
  const parseActivity = (body: unknown): { ok: true; activity: IncomingActivity } | { ok: false; answer: Answer } => {
    const parsed = incomingActivitySchema.safeParse(body);
    if (parsed.success) return { ok: true, activity: parsed.data };
    const issue = parsed.error.issues[0];
    return { ok: false, answer: { status: 400, body: { code: 'InvalidActivity', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` } } };
  };
  const notReady: Answer = { status: 503, body: { code: 'NotReady', message: 'The bot is starting or stopping.' } };

  /**
   * One turn of the bot on a checked activity, tracked for settled()/close(); its deferred work
   * starts when `afterAnswer` says the answer has left.
   */
  async function runTurn(activity: IncomingActivity, process: (deferred: Deferred[]) => Promise<unknown>, edge: { failed(): void; afterAnswer(start: () => void): void }): Promise<void> {
    const deferred: Deferred[] = [];
    const started = performance.now();
    const turn = process(deferred);
    track(turn);
    try {
      await turn;
    } catch (error) {
      log.error({ err: error }, 'adapter.process failed');
      edge.failed();
    } finally {
      // How long the answer took (type and invoke name only: never text or personal data).
      log.debug({ activityType: activity.type, name: (activity as { name?: string }).name, ms: Math.round(performance.now() - started) }, 'activity answered');
      if (deferred.length > 0) {
        track(
          new Promise<void>((resolve) =>
            edge.afterAnswer(() => {
              runDeferred(deferred, log, track);
              resolve();
            }),
          ),
        );
      }
    }
  }

  /**
   * An activity handed to the bot in-process, as fastify's inject: no port, no HTTP, no JWT (see
   * EdgeCloudAdapter.processInjected), but the same activity schema and cleaning, duplicate
   * handling, turn logic and deferred work. A message without a deliveryMode goes as
   * `expectReplies`, so its replies come back in the answer; an invoke answers with its invoke
   * response. For tests and tools in this process only: nothing on the network reaches it.
   */
  async function inject(activity: Record<string, unknown>): Promise<Answer> {
    await ready;
    if (!bot || closing) return notReady;
    // As the wire carries it: plain JSON (undefined fields gone), and a copy the turn may change.
    const wire = JSON.parse(JSON.stringify(activity.type === 'invoke' ? activity : { deliveryMode: 'expectReplies', ...activity })) as unknown;
    const parsed = parseActivity(wire);
    if (!parsed.ok) return parsed.answer;
    const turnBot = bot;
    let answer: Answer = { status: 500, body: { code: 'InternalError', message: 'The turn failed.' } };
    await runTurn(
      parsed.activity,
      async (deferred) => {
        answer = await adapter.processInjected(parsed.activity as unknown as Activity, (context) => turnBot(context, deferred));
      },
      // Deferred work keeps the HTTP edge's timing (a moment after the answer), so a test sees what Teams would.
      { failed: () => {}, afterAnswer: (start) => setTimeout(start, DEFERRED_GRACE_MS) },
    );
    // As the HTTP answer would carry it: plain JSON, not the adapter's own objects.
    return answer.body === undefined ? { status: answer.status } : { status: answer.status, body: JSON.parse(JSON.stringify(answer.body)) as unknown };
  }

  const server = restify.createServer({ name: 'veiligheidsbot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: config.MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req, res) => {
    if (localMode && !isLoopback(req.socket.remoteAddress)) {
      res.send(401, { code: 'Unauthorized', message: 'Local mode (no MicrosoftAppId): only requests from this machine are accepted.' });
      return;
    }
    if (!readyNow || !bot || closing) {
      res.header('Retry-After', '2');
      res.send(notReady.status, notReady.body);
      return;
    }
    const parsed = parseActivity(req.body);
    if (!parsed.ok) {
      res.send(parsed.answer.status, parsed.answer.body);
      return;
    }
    // From here on the bot reads the cleaned activity (src/http/activity-schema.ts), never the raw body.
    req.body = parsed.activity;
    const turnBot = bot;
    await runTurn(parsed.activity, (deferred) => adapter.processRequest(req, res, (context) => turnBot(context, deferred), log), {
      failed: () => {
        if (!res.headersSent) res.send(500, { code: 'InternalError', message: 'The turn failed.' });
      },
      // Deferred work (posts, notifications, retrieval for summaries) starts a moment after the
      // answer has left: the client is still showing that answer (Teams and the Playground render
      // the invoke response after it arrives), and work started at once competes with it. Measured
      // in the Playground walk: "Goedkeuring aanvragen" answered in 1.6-1.9 s with the posts
      // started at once, 0.4 s with them started after the answer.
      afterAnswer: (start) => {
        const go = () => {
          res.off('finish', go);
          res.off('close', go);
          setTimeout(start, DEFERRED_GRACE_MS);
        };
        if (res.writableFinished || res.destroyed) go();
        else {
          res.once('finish', go);
          res.once('close', go);
        }
      },
    });
  });

  // The tab builds its sources once ready has resolved, by which time the shared objects exist.
  registerTabRoutes(server, { config, log, ready, isServing: () => readyNow && !closing, sources: (c) => createDashboardSources(c, shared!) });

  server.get('/healthz', async (_req, res) => {
    if (!readyNow || !db) {
      res.send(503, { status: 'starting' });
      return;
    }
    try {
      await db.ping();
      res.send(200, { status: 'ok', store: db.driver });
    } catch {
      // The reason is in the store's own log line; the probe only needs the state.
      res.send(503, { status: 'store_unavailable', store: db.driver });
    }
  });

  return {
    server,
    log,
    ready,
    isReady: () => readyNow,
    settled,
    router: () => router,
    shared: () => shared,
    inject,
    listen(port = config.PORT, host = config.HOST) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve({ port: address.port, url: `http://127.0.0.1:${address.port}` });
        });
      });
    },
    async close() {
      closing = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await settled();
      await ready.catch(() => undefined);
      // Stops the timers and waits for a scheduled run that is busy, before the features and the store go.
      await scheduler?.stop();
      for (const feature of [...features].reverse()) {
        await feature.stop?.().catch((error: unknown) => log.error({ err: error, feature: feature.name }, 'feature stop failed'));
      }
      if (db && !options.db) await db.close();
      log.info('bot stopped');
    },
  };
}
