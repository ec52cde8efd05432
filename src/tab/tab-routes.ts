import { readFile } from 'node:fs/promises';
import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import type { Core } from '../features/feature-context.js';
import type { Config } from '../config/config-schema.js';
import type { Logger } from '../logging/logger.js';
import { fromRoot } from '../config/project-root.js';
import { isLoopback } from '../http/loopback.js';
import {
  documentsAnswerSchema,
  localeQuerySchema,
  maxSearchLength,
  mediationAnswerSchema,
  mediationQuerySchema,
  milestonesAnswerSchema,
  prioritiesAnswerSchema,
  searchAnswerSchema,
  searchQuerySchema,
  type DashboardContext,
  type DashboardSources,
} from './dashboard-contract.js';
import { localTenantId } from './local-tenant.js';
import { createTabAuthenticator } from './tab-auth.js';
import { tabContentSecurityPolicy, tabPage } from './tab-page.js';

export interface TabDeps {
  config: Config;
  log: Logger;
  /** Resolves with the core once the store is migrated; the API answers 503 before that. */
  ready: Promise<Core>;
  /** False while starting or stopping. */
  isServing(): boolean;
  /** The data behind the tab once ready: the feature modules (createDashboardSources, wired in src/app/), or a test's own. */
  sources: (core: Core) => DashboardSources;
  /** Where `npm run build:tab` wrote app.js and app.css. */
  webDir?: string;
}

const staticFiles: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

function queryOf(req: Request): Record<string, string> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  // First value of each name: a repeated parameter does not become an array.
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}

/** The dashboard tab: its page and bundle under /tab/, its read-only JSON API under /api/tab/. */
export function registerTabRoutes(server: Server, deps: TabDeps): void {
  const { config, log } = deps;
  const localMode = !config.MicrosoftAppId;
  const webDir = deps.webDir ?? fromRoot('dist', 'tab-web');
  const authenticate = createTabAuthenticator(config, log);
  let core: Core | undefined;
  let sources: DashboardSources | undefined;
  deps.ready.then(
    (c) => {
      core = c;
      sources = deps.sources(c);
    },
    () => undefined, // startup failure is logged by build-app; the API keeps answering 503
  );

  function refuseRemoteInLocalMode(req: Request, res: Response): boolean {
    if (localMode && !isLoopback(req.socket.remoteAddress)) {
      res.send(401, { code: 'Unauthorized', message: 'Local mode (no MicrosoftAppId): only requests from this machine are accepted.' });
      return true;
    }
    return false;
  }

  server.get('/tab', async (req, res) => {
    if (refuseRemoteInLocalMode(req, res)) return;
    res.header('location', '/tab/');
    res.send(301);
  });

  server.get('/tab/', async (req, res) => {
    if (refuseRemoteInLocalMode(req, res)) return;
    const body = tabPage();
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': tabContentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(body);
  });

  server.get('/tab/:file', async (req, res) => {
    if (refuseRemoteInLocalMode(req, res)) return;
    const name = String(req.params.file ?? '');
    const type = staticFiles[name];
    if (!type) {
      res.send(404, { code: 'NotFound', message: 'No such file.' });
      return;
    }
    try {
      const body = await readFile(`${webDir}/${name}`);
      res.writeHead(200, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      // Not built yet: say how to build it rather than serve a broken page.
      res.send(404, { code: 'NotBuilt', message: 'The tab is not built: run npm run build.' });
    }
  });

  /** Shared gate of every API call: loopback in local mode, readiness, SSO token, query validation. */
  function api<Q extends z.ZodType, A extends z.ZodType>(path: string, query: Q, answer: A, load: (src: DashboardSources, ctx: DashboardContext, q: z.infer<Q>) => Promise<z.input<A>>) {
    server.get(`/api/tab/${path}`, async (req, res) => {
      res.header('cache-control', 'no-store');
      if (refuseRemoteInLocalMode(req, res)) return;
      if (!core || !sources || !deps.isServing()) {
        res.header('Retry-After', '2');
        res.send(503, { code: 'NotReady', message: 'The bot is starting or stopping.' });
        return;
      }
      let tenantId: string;
      if (localMode) {
        tenantId = localTenantId(config);
      } else {
        const auth = await authenticate(req.header('authorization'), core.organisation);
        if (!auth.ok) {
          log.info({ reason: auth.reason, path }, 'tab API request refused');
          res.send(auth.status, {
            code: auth.status === 401 ? 'Unauthorized' : 'AuthUnavailable',
            message: auth.status === 401 ? 'A valid Teams SSO token is required.' : 'Sign-in cannot be checked right now.',
          });
          return;
        }
        tenantId = auth.tenantId;
      }
      const parsed = query.safeParse(queryOf(req));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        res.send(400, { code: 'InvalidQuery', message: `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}` });
        return;
      }
      const q = parsed.data as z.infer<Q> & { locale: 'nl' | 'en' };
      try {
        const body = answer.parse(await load(sources, { tenantId, locale: q.locale, now: core.now() }, q));
        res.send(200, body);
      } catch (error) {
        log.error({ err: error, path }, 'tab API source failed');
        res.send(500, { code: 'InternalError', message: 'The dashboard data could not be read.' });
      }
    });
  }

  api('priorities', localeQuerySchema, prioritiesAnswerSchema, (src, ctx) => src.priorities(ctx));
  api('milestones', localeQuerySchema, milestonesAnswerSchema, (src, ctx) => src.milestones(ctx));
  api('documents', localeQuerySchema, documentsAnswerSchema, (src, ctx) => src.documents(ctx));
  api('mediation', mediationQuerySchema, mediationAnswerSchema, (src, ctx, q) =>
    src.mediationStats(ctx, { from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined, to: q.to ? new Date(`${q.to}T00:00:00Z`) : undefined }),
  );
  api('search', searchQuerySchema, searchAnswerSchema, async (src, ctx, q) => {
    const query = q.q.trim().replace(/\s+/g, ' ').slice(0, maxSearchLength);
    const truncated = q.q.trim().length > maxSearchLength;
    return { ...(await src.search(ctx, query)), query, truncated };
  });
}
